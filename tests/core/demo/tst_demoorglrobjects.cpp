// The License Reclaim objects in the demo org, over real HTTP on 127.0.0.1: deployed from
// installer/salesforce, guarded by the LR permission sets, validated like Salesforce validates
// them (validation rules, unique names, picklists, numbers), and absent or old when the org is
// meant to be.
#include "core/demo/generator/lrobjectsdeployment.h"
#include "core/demo/store/salesforceid.h"
#include "support/demoorgfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::demo::DemoOrg;
using lr::demo::DemoOrgOptions;
using lr::demo::LrObjectsDeployment;
using lr::demo::LrSchema;
using lr::test::DemoOrgFixture;

namespace {

constexpr int kUsers = 400;

const QString kVersionConflict = u"Another user saved this policy after you opened it. Reload "
                                 u"it, or save again to overwrite."_s;

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject policyFields(const QString &name, const QJsonObject &extra = {})
{
    QJsonObject fields = extra;
    fields.insert(u"Name"_s, name);
    fields.insert(u"Unique_Name__c"_s, name.trimmed().toLower());
    return fields;
}

DemoOrgOptions options(LrSchema schema, const QString &path = {})
{
    DemoOrgOptions o;
    o.userCount = kUsers;
    o.seed = 17;
    o.lrSchema = schema;
    o.databasePath = path;
    return o;
}

} // namespace

class TestDemoOrgLrObjects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void permissionSetsAreDeployedAndAssigned();
    void settingsRecordSaysTheCurrentSchemaVersion();
    void describeShowsTheMetadata();
    void adminCreatesReadsAndUpdatesAPolicy();
    void analystEditsEveryPolicyButDeletesOnlyOwn();
    void viewerCannotSaveAPolicy();
    void validationRulesFire_data();
    void validationRulesFire();
    void validationRulesAcceptTheEdges_data();
    void validationRulesAcceptTheEdges();
    void validationRulesRunOnCreate();
    void everyFailingRuleIsReported();
    void uniqueNameIgnoresCase();
    void versionIsACompareAndSet();
    void versionIsACompareAndSetInACollection();
    void picklistsNumbersAndRequiredFields_data();
    void picklistsNumbersAndRequiredFields();
    void multiSelectValuesAreNormalised();
    void nameDefaultsToTheId();
    void exemptionsPointToUsersAndPolicies();
    void caseStateIsACompareAndSet();
    void casesOutliveTheirPolicy();

    void notDeployedOrgHasNoLrObjects();
    void oldSchemaOrgSaysVersionZero();
    void persistedOrgGainsTheLrObjectsOnOpen();

private:
    DemoOrgFixture::Response
    create(const QString &object, const QJsonObject &fields, const QString &role = u"admin"_s);
    DemoOrgFixture::Response
    patch(const QString &object, const QString &id, const QJsonObject &fields, const QString &role);
    QJsonObject read(const QString &object, const QString &id, const QString &role = u"admin"_s);
    // A new policy; its id.
    QString
    newPolicy(const QString &name, const QJsonObject &extra = {}, const QString &role = u"admin"_s);
    // A policy saved three times, so that it stands at Version__c 3.
    QString policyAtVersionThree(const QString &name);
    DemoOrgFixture::Response collectionUpdate(const QJsonArray &records, bool allOrNone);

    DemoOrgFixture m_org;
    int m_serial = 0;
};

void TestDemoOrgLrObjects::initTestCase()
{
    QVERIFY(m_org.start(options(LrSchema::Current)));
}

DemoOrgFixture::Response
TestDemoOrgLrObjects::create(const QString &object, const QJsonObject &fields, const QString &role)
{
    return m_org.send(
        "POST", m_org.dataPath(u"sobjects/"_s + object), json(fields), m_org.token(role));
}

DemoOrgFixture::Response TestDemoOrgLrObjects::patch(const QString &object,
                                                     const QString &id,
                                                     const QJsonObject &fields,
                                                     const QString &role)
{
    return m_org.send("PATCH",
                      m_org.dataPath(u"sobjects/%1/%2"_s.arg(object, id)),
                      json(fields),
                      m_org.token(role));
}

QJsonObject
TestDemoOrgLrObjects::read(const QString &object, const QString &id, const QString &role)
{
    const auto r = m_org.send(
        "GET", m_org.dataPath(u"sobjects/%1/%2"_s.arg(object, id)), {}, m_org.token(role));
    return r.status == 200 ? r.json().object() : QJsonObject();
}

QString
TestDemoOrgLrObjects::newPolicy(const QString &name, const QJsonObject &extra, const QString &role)
{
    const auto r = create(u"LR_Policy__c"_s, policyFields(name, extra), role);
    if (r.status != 201) {
        qWarning() << "policy not created:" << r.status << r.body;
        return {};
    }
    return r.json().object().value(u"id"_s).toString();
}

QString TestDemoOrgLrObjects::policyAtVersionThree(const QString &name)
{
    const QString id = newPolicy(name);
    for (int version : {2, 3}) {
        if (patch(u"LR_Policy__c"_s, id, {{u"Version__c"_s, version}}, u"admin"_s).status != 204) {
            return {};
        }
    }
    return id;
}

DemoOrgFixture::Response TestDemoOrgLrObjects::collectionUpdate(const QJsonArray &records,
                                                                bool allOrNone)
{
    return m_org.send("PATCH",
                      m_org.dataPath(u"composite/sobjects"_s),
                      json({{u"allOrNone"_s, allOrNone}, {u"records"_s, records}}),
                      m_org.token(u"analyst"_s));
}

void TestDemoOrgLrObjects::permissionSetsAreDeployedAndAssigned()
{
    const auto sets = m_org.query(
        u"SELECT Name, Label, PermissionsApiEnabled, PermissionsManageUsers, PermissionsViewSetup, "
        u"PermissionsFreezeUsers, PermissionsMonitorLoginHistory, PermissionsModifyAllData "
        u"FROM PermissionSet WHERE Name LIKE 'LR\\_%' ORDER BY Name"_s);
    QCOMPARE(sets.status, 200);
    const QJsonArray records = sets.json().object().value(u"records"_s).toArray();
    QStringList names;
    for (const QJsonValue &record : records) {
        names.append(record[u"Name"_s].toString());
        const bool integration = record[u"Name"_s].toString() == u"LR_Integration";
        for (const char *flag : {"PermissionsApiEnabled",
                                 "PermissionsManageUsers",
                                 "PermissionsViewSetup",
                                 "PermissionsFreezeUsers",
                                 "PermissionsMonitorLoginHistory"}) {
            QCOMPARE(record[QLatin1StringView(flag)].toBool(), integration);
        }
        QVERIFY(!record[u"PermissionsModifyAllData"_s].toBool());
    }
    QCOMPARE(names,
             QStringList({u"LR_Admin"_s, u"LR_Integration"_s, u"LR_Operator"_s, u"LR_Viewer"_s}));

    const auto objects =
        m_org.query(u"SELECT Parent.Name, PermissionsRead, PermissionsCreate, PermissionsEdit, "
                    u"PermissionsDelete, PermissionsViewAllRecords, PermissionsModifyAllRecords "
                    u"FROM ObjectPermissions WHERE SobjectType = 'LR_Policy__c'"_s);
    QCOMPARE(objects.status, 200);
    QHash<QString, QString> access;
    for (const QJsonValue &record : objects.json().object().value(u"records"_s).toArray()) {
        QString flags;
        for (const char *flag : {"PermissionsRead",
                                 "PermissionsCreate",
                                 "PermissionsEdit",
                                 "PermissionsDelete",
                                 "PermissionsViewAllRecords",
                                 "PermissionsModifyAllRecords"}) {
            flags += record[QLatin1StringView(flag)].toBool() ? u'1' : u'0';
        }
        access.insert(record[u"Parent"_s][u"Name"_s].toString(), flags);
    }
    QCOMPARE(access.value(u"LR_Admin"_s), u"111111"_s);
    QCOMPARE(access.value(u"LR_Operator"_s), u"111100"_s);
    QCOMPARE(access.value(u"LR_Viewer"_s), u"100000"_s);
    QCOMPARE(access.value(u"LR_Integration"_s), u"100000"_s);

    const auto assigned = [this](const QString &role, const QString &set) {
        return m_org
                   .sql(u"SELECT COUNT(*) FROM \"PermissionSetAssignment\" a JOIN "
                        u"\"PermissionSet\" p ON p.\"Id\" = a.\"PermissionSetId\" WHERE "
                        u"a.\"AssigneeId\" = ? AND p.\"Name\" = ?"_s,
                        {m_org.userId(role), set})
                   .toInt()
               == 1;
    };
    QVERIFY(assigned(u"admin"_s, u"LR_Admin"_s));
    QVERIFY(assigned(u"admin"_s, u"LR_Integration"_s));
    QVERIFY(assigned(u"analyst"_s, u"LR_Operator"_s));
    QVERIFY(assigned(u"viewer"_s, u"LR_Viewer"_s));
    QVERIFY(!assigned(u"analyst"_s, u"LR_Admin"_s));
    QVERIFY(!assigned(u"viewer"_s, u"LR_Operator"_s));
}

void TestDemoOrgLrObjects::settingsRecordSaysTheCurrentSchemaVersion()
{
    const auto r = m_org.query(u"SELECT Name, Schema_Version__c, New_User_Days__c, "
                               u"Record_Owner_Threshold__c, Owner.Username FROM LR_Settings__c"_s,
                               u"viewer"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray records = r.json().object().value(u"records"_s).toArray();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0][u"Name"_s].toString(), u"Default"_s);
    QCOMPARE(records[0][u"Schema_Version__c"_s].toDouble(),
             double(LrObjectsDeployment::kSchemaVersion));
    QCOMPARE(records[0][u"New_User_Days__c"_s].toDouble(), 180.0);
    QCOMPARE(records[0][u"Record_Owner_Threshold__c"_s].toDouble(), 0.0);
    QCOMPARE(records[0][u"Owner"_s][u"Username"_s].toString(),
             m_org.org().principal(u"admin"_s)->username);
    // The analyst may read the settings, not change them.
    const QString id = records[0][u"attributes"_s][u"url"_s].toString().section(u'/', -1);
    const auto refused =
        patch(u"LR_Settings__c"_s, id, {{u"New_User_Days__c"_s, 90}}, u"analyst"_s);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
}

void TestDemoOrgLrObjects::describeShowsTheMetadata()
{
    const auto global = m_org.send("GET", m_org.dataPath(u"sobjects"_s), {}, m_org.token());
    QStringList custom;
    for (const QJsonValue &object : global.json().object().value(u"sobjects"_s).toArray()) {
        if (object[u"custom"_s].toBool()) {
            custom.append(object[u"name"_s].toString() + u'=' + object[u"keyPrefix"_s].toString());
        }
    }
    QCOMPARE(custom,
             QStringList({u"LR_Case__c=a0A"_s,
                          u"LR_Exemption__c=a0B"_s,
                          u"LR_Policy__c=a0C"_s,
                          u"LR_Settings__c=a0D"_s}));

    const auto describe = m_org.send(
        "GET", m_org.dataPath(u"sobjects/LR_Policy__c/describe"_s), {}, m_org.token(u"analyst"_s));
    QCOMPARE(describe.status, 200);
    QCOMPARE(describe.json()[u"label"_s].toString(), u"Reclaim Policy"_s);
    QHash<QString, QJsonObject> fields;
    for (const QJsonValue &field : describe.json()[u"fields"_s].toArray()) {
        fields.insert(field[u"name"_s].toString(), field.toObject());
    }
    QCOMPARE(fields.size(), 28);
    const QJsonObject version = fields.value(u"Version__c"_s);
    QCOMPARE(version[u"type"_s].toString(), u"double"_s);
    QCOMPARE(version[u"precision"_s].toInt(), 9);
    QCOMPARE(version[u"scale"_s].toInt(), 0);
    QVERIFY(!version[u"nillable"_s].toBool());
    QVERIFY(version[u"defaultedOnCreate"_s].toBool());
    QVERIFY(version[u"custom"_s].toBool());
    const QJsonObject unique = fields.value(u"Unique_Name__c"_s);
    QVERIFY(unique[u"unique"_s].toBool());
    QVERIFY(unique[u"externalId"_s].toBool());
    QVERIFY(!unique[u"caseSensitive"_s].toBool());
    QCOMPARE(unique[u"length"_s].toInt(), 80);
    const QJsonObject schedule = fields.value(u"Schedule__c"_s);
    QCOMPARE(schedule[u"type"_s].toString(), u"picklist"_s);
    QVERIFY(schedule[u"restrictedPicklist"_s].toBool());
    QStringList values;
    QString defaultValue;
    for (const QJsonValue &value : schedule[u"picklistValues"_s].toArray()) {
        values.append(value[u"value"_s].toString());
        if (value[u"defaultValue"_s].toBool()) {
            defaultValue = value[u"value"_s].toString();
        }
    }
    QCOMPARE(values, QStringList({u"Manual"_s, u"Daily"_s, u"Weekly"_s, u"Monthly"_s}));
    QCOMPARE(defaultValue, u"Weekly"_s);
    QCOMPARE(version[u"defaultValueFormula"_s].toString(), u"1"_s);
    QCOMPARE(fields.value(u"Dry_Run__c"_s)[u"defaultValue"_s].toBool(), true);
    QCOMPARE(fields.value(u"User_Types__c"_s)[u"type"_s].toString(), u"multipicklist"_s);
    QCOMPARE(fields.value(u"Thresholds_By_License__c"_s)[u"type"_s].toString(), u"textarea"_s);
    QCOMPARE(fields.value(u"Thresholds_By_License__c"_s)[u"length"_s].toInt(), 32768);
    QCOMPARE(fields.value(u"Active__c"_s)[u"type"_s].toString(), u"boolean"_s);
    QCOMPARE(fields.value(u"OwnerId"_s)[u"relationshipName"_s].toString(), u"Owner"_s);
    QVERIFY(!fields.value(u"Name"_s)[u"nillable"_s].toBool());
    QVERIFY(!fields.value(u"Notification_Channel__c"_s)[u"inlineHelpText"_s].toString().isEmpty());
}

void TestDemoOrgLrObjects::adminCreatesReadsAndUpdatesAPolicy()
{
    const auto created = create(u"LR_Policy__c"_s, policyFields(u"Sales Cloud, 90 days"_s));
    QCOMPARE(created.status, 201);
    const QString id = created.json()[u"id"_s].toString();
    QVERIFY(id.startsWith(u"a0C"_s));
    QVERIFY(lr::demo::SalesforceId::isValid(id));

    // Every default of the metadata, and the creator as owner.
    QJsonObject policy = read(u"LR_Policy__c"_s, id);
    QCOMPARE(policy[u"Name"_s].toString(), u"Sales Cloud, 90 days"_s);
    QCOMPARE(policy[u"Unique_Name__c"_s].toString(), u"sales cloud, 90 days"_s);
    QCOMPARE(policy[u"Version__c"_s].toDouble(), 1.0);
    QCOMPARE(policy[u"Active__c"_s].toBool(), true);
    QCOMPARE(policy[u"Schedule__c"_s].toString(), u"Weekly"_s);
    QCOMPARE(policy[u"Execution_Path__c"_s].toString(), u"Email"_s);
    QCOMPARE(policy[u"User_Types__c"_s].toString(), u"Standard"_s);
    QCOMPARE(policy[u"Default_Threshold_Days__c"_s].toDouble(), 90.0);
    QCOMPARE(policy[u"Grace_Period_Days__c"_s].toDouble(), 14.0);
    QCOMPARE(policy[u"Manager_SLA_Days__c"_s].toDouble(), 7.0);
    QCOMPARE(policy[u"Reminder_Days__c"_s].toDouble(), 2.0);
    QCOMPARE(policy[u"Timeout_Action__c"_s].toString(), u"Hold_For_Review"_s);
    QCOMPARE(policy[u"Dry_Run__c"_s].toBool(), true);
    QCOMPARE(policy[u"Cooldown_Days__c"_s].toDouble(), 90.0);
    QCOMPARE(policy[u"Transfer_Open_Records__c"_s].toBool(), false);
    QVERIFY(policy[u"ITSM_Connection__c"_s].isNull());
    QCOMPARE(policy[u"OwnerId"_s].toString(), m_org.userId(u"admin"_s));
    QCOMPARE(policy[u"CreatedById"_s].toString(), m_org.userId(u"admin"_s));
    QVERIFY(!policy[u"SystemModstamp"_s].toString().isEmpty());

    const QString thresholds = uR"({"Salesforce Platform": 120})"_s;
    const auto saved = patch(u"LR_Policy__c"_s,
                             id,
                             {{u"Version__c"_s, 2},
                              {u"Default_Threshold_Days__c"_s, 120},
                              {u"Thresholds_By_License__c"_s, thresholds},
                              {u"Execution_Path__c"_s, u"Both"_s},
                              {u"ITSM_Connection__c"_s, u"ServiceNow production"_s}},
                             u"admin"_s);
    QCOMPARE(saved.status, 204);
    policy = read(u"LR_Policy__c"_s, id, u"viewer"_s);
    QCOMPARE(policy[u"Version__c"_s].toDouble(), 2.0);
    QCOMPARE(policy[u"Default_Threshold_Days__c"_s].toDouble(), 120.0);
    QCOMPARE(policy[u"Thresholds_By_License__c"_s].toString(), thresholds);
    QCOMPARE(policy[u"Execution_Path__c"_s].toString(), u"Both"_s);

    const auto found = m_org.query(
        u"SELECT Id, Version__c FROM LR_Policy__c WHERE Unique_Name__c = 'sales cloud, 90 days'"_s,
        u"analyst"_s);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json()[u"totalSize"_s].toInt(), 1);
    QCOMPARE(found.json()[u"records"_s][0][u"Id"_s].toString(), id);
}

void TestDemoOrgLrObjects::analystEditsEveryPolicyButDeletesOnlyOwn()
{
    const QString mine = newPolicy(u"Analyst's own"_s, {}, u"analyst"_s);
    QVERIFY(!mine.isEmpty());
    QCOMPARE(read(u"LR_Policy__c"_s, mine)[u"OwnerId"_s].toString(), m_org.userId(u"analyst"_s));
    QCOMPARE(patch(u"LR_Policy__c"_s, mine, {{u"Version__c"_s, 2}}, u"analyst"_s).status, 204);

    // Public Read/Write: the analyst edits the admin's policy too, but may not delete it.
    const QString admins = newPolicy(u"Admin's policy"_s);
    QCOMPARE(patch(u"LR_Policy__c"_s,
                   admins,
                   {{u"Version__c"_s, 2}, {u"Active__c"_s, false}},
                   u"analyst"_s)
                 .status,
             204);
    QCOMPARE(read(u"LR_Policy__c"_s, admins)[u"LastModifiedById"_s].toString(),
             m_org.userId(u"analyst"_s));
    const auto refused = m_org.send("DELETE",
                                    m_org.dataPath(u"sobjects/LR_Policy__c/"_s + admins),
                                    {},
                                    m_org.token(u"analyst"_s));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
    QCOMPARE(m_org
                 .send("DELETE",
                       m_org.dataPath(u"sobjects/LR_Policy__c/"_s + mine),
                       {},
                       m_org.token(u"analyst"_s))
                 .status,
             204);
    // The admin holds Modify All.
    QCOMPARE(
        m_org
            .send("DELETE", m_org.dataPath(u"sobjects/LR_Policy__c/"_s + admins), {}, m_org.token())
            .status,
        204);
}

void TestDemoOrgLrObjects::viewerCannotSaveAPolicy()
{
    const QString id = newPolicy(u"Viewer looks"_s);
    QCOMPARE(read(u"LR_Policy__c"_s, id, u"viewer"_s)[u"Id"_s].toString(), id);

    const auto edited =
        patch(u"LR_Policy__c"_s, id, {{u"Version__c"_s, 2}, {u"Dry_Run__c"_s, false}}, u"viewer"_s);
    QCOMPARE(edited.status, 400);
    QCOMPARE(edited.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
    QCOMPARE(read(u"LR_Policy__c"_s, id)[u"Dry_Run__c"_s].toBool(), true);

    const auto created = create(u"LR_Policy__c"_s, policyFields(u"By the viewer"_s), u"viewer"_s);
    QCOMPARE(created.status, 400);
    QCOMPARE(created.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);

    const auto collection = m_org.send(
        "PATCH",
        m_org.dataPath(u"composite/sobjects"_s),
        json(
            {{u"records"_s,
              QJsonArray{QJsonObject{{u"attributes"_s, QJsonObject{{u"type"_s, u"LR_Policy__c"_s}}},
                                     {u"id"_s, id},
                                     {u"Version__c"_s, 2}}}}}),
        m_org.token(u"viewer"_s));
    QCOMPARE(collection.status, 200);
    const QJsonObject result = collection.json()[0].toObject();
    QVERIFY(!result[u"success"_s].toBool());
    QCOMPARE(result[u"errors"_s][0][u"statusCode"_s].toString(),
             u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
}

void TestDemoOrgLrObjects::validationRulesFire_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString itsm = u"ITSM Connection is required when the execution path is ITSM or Both."_s;
    const QString threshold = u"Inactivity Threshold (Days) must be from 30 to 365."_s;
    const QString grace = u"Grace Period (Days) must be from 0 to 90."_s;
    const QString sla = u"Manager SLA (Days) must be from 1 to 30."_s;
    const QString reminder =
        u"Reminder (Days) must be from 0 to 29 and less than Manager SLA (Days)."_s;
    const QString cooldown = u"Cooldown After Keep (Days) must be from 0 to 365."_s;
    const QString channel =
        u"Notification Channel is the name of a channel set up in License Reclaim, not a webhook "
        u"URL: the URL is a secret and must not be stored in Salesforce."_s;

    QTest::newRow("stale version")
        << QJsonObject{{u"Version__c"_s, 1}} << u"Version__c"_s << kVersionConflict;
    QTest::newRow("version skipped")
        << QJsonObject{{u"Version__c"_s, 5}} << u"Version__c"_s << kVersionConflict;
    QTest::newRow("version left out")
        << QJsonObject{{u"Active__c"_s, false}} << u"Version__c"_s << kVersionConflict;
    QTest::newRow("ITSM without a connection")
        << QJsonObject{{u"Execution_Path__c"_s, u"ITSM"_s}} << u"ITSM_Connection__c"_s << itsm;
    QTest::newRow("Both without a connection")
        << QJsonObject{{u"Execution_Path__c"_s, u"Both"_s}, {u"ITSM_Connection__c"_s, u""_s}}
        << u"ITSM_Connection__c"_s << itsm;
    QTest::newRow("threshold 29") << QJsonObject{{u"Default_Threshold_Days__c"_s, 29}}
                                  << u"Default_Threshold_Days__c"_s << threshold;
    QTest::newRow("threshold 366") << QJsonObject{{u"Default_Threshold_Days__c"_s, 366}}
                                   << u"Default_Threshold_Days__c"_s << threshold;
    QTest::newRow("grace -1") << QJsonObject{{u"Grace_Period_Days__c"_s, -1}}
                              << u"Grace_Period_Days__c"_s << grace;
    QTest::newRow("grace 91") << QJsonObject{{u"Grace_Period_Days__c"_s, 91}}
                              << u"Grace_Period_Days__c"_s << grace;
    QTest::newRow("grace blank") << QJsonObject{{u"Grace_Period_Days__c"_s, QJsonValue()}}
                                 << u"Grace_Period_Days__c"_s << grace;
    QTest::newRow("SLA 0") << QJsonObject{{u"Manager_SLA_Days__c"_s, 0}} << u"Manager_SLA_Days__c"_s
                           << sla;
    QTest::newRow("SLA 31") << QJsonObject{{u"Manager_SLA_Days__c"_s, 31}}
                            << u"Manager_SLA_Days__c"_s << sla;
    QTest::newRow("reminder 30") << QJsonObject{{u"Manager_SLA_Days__c"_s, 30},
                                                {u"Reminder_Days__c"_s, 30}}
                                 << u"Reminder_Days__c"_s << reminder;
    QTest::newRow("reminder equals SLA")
        << QJsonObject{{u"Reminder_Days__c"_s, 7}} << u"Reminder_Days__c"_s << reminder;
    QTest::newRow("reminder -1") << QJsonObject{{u"Reminder_Days__c"_s, -1}}
                                 << u"Reminder_Days__c"_s << reminder;
    QTest::newRow("cooldown 366") << QJsonObject{{u"Cooldown_Days__c"_s, 366}}
                                  << u"Cooldown_Days__c"_s << cooldown;
    QTest::newRow("webhook URL") << QJsonObject{{u"Notification_Channel__c"_s,
                                                 u"https://hooks.slack.com/services/T0/B0/x"_s}}
                                 << u"Notification_Channel__c"_s << channel;
    QTest::newRow("webhook URL, any case")
        << QJsonObject{{u"Notification_Channel__c"_s, u"  HTTP://teams.example/hook"_s}}
        << u"Notification_Channel__c"_s << channel;
}

void TestDemoOrgLrObjects::validationRulesFire()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const QString id = newPolicy(u"Rule %1"_s.arg(++m_serial));
    QVERIFY(!id.isEmpty());
    if (!change.contains(u"Version__c"_s) && field != u"Version__c") {
        change.insert(u"Version__c"_s, 2);
    }
    const auto r = patch(u"LR_Policy__c"_s, id, change, u"analyst"_s);
    QCOMPARE(r.status, 400);
    // The rule's error (an SLA of 0 also breaks the reminder rule, so there may be others).
    bool found = false;
    for (const QJsonValue &error : r.json().array()) {
        QCOMPARE(error[u"errorCode"_s].toString(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
        if (error[u"fields"_s].toArray() == QJsonArray{field}) {
            QCOMPARE(error[u"message"_s].toString(), message);
            found = true;
        }
    }
    QVERIFY2(found, r.body.constData());
    // Nothing was saved.
    QCOMPARE(read(u"LR_Policy__c"_s, id)[u"Version__c"_s].toDouble(), 1.0);
}

void TestDemoOrgLrObjects::validationRulesAcceptTheEdges_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::newRow("threshold 30") << QJsonObject{{u"Default_Threshold_Days__c"_s, 30}};
    QTest::newRow("threshold 365") << QJsonObject{{u"Default_Threshold_Days__c"_s, 365}};
    QTest::newRow("grace 0 and 90") << QJsonObject{{u"Grace_Period_Days__c"_s, 0}};
    QTest::newRow("grace 90") << QJsonObject{{u"Grace_Period_Days__c"_s, 90}};
    QTest::newRow("SLA 1, reminder 0")
        << QJsonObject{{u"Manager_SLA_Days__c"_s, 1}, {u"Reminder_Days__c"_s, 0}};
    QTest::newRow("SLA 30, reminder 29")
        << QJsonObject{{u"Manager_SLA_Days__c"_s, 30}, {u"Reminder_Days__c"_s, 29}};
    QTest::newRow("cooldown 0") << QJsonObject{{u"Cooldown_Days__c"_s, 0}};
    QTest::newRow("cooldown 365") << QJsonObject{{u"Cooldown_Days__c"_s, 365}};
    QTest::newRow("ITSM with a connection")
        << QJsonObject{{u"Execution_Path__c"_s, u"ITSM"_s}, {u"ITSM_Connection__c"_s, u"JSM"_s}};
    QTest::newRow("channel name") << QJsonObject{
        {u"Notification_Channel__c"_s, u"sales-ops-slack"_s}};
    QTest::newRow("channel name mentioning http")
        << QJsonObject{{u"Notification_Channel__c"_s, u"teams (not http)"_s}};
}

void TestDemoOrgLrObjects::validationRulesAcceptTheEdges()
{
    QFETCH(QJsonObject, change);
    const QString id = newPolicy(u"Edge %1"_s.arg(++m_serial));
    change.insert(u"Version__c"_s, 2);
    const auto r = patch(u"LR_Policy__c"_s, id, change, u"analyst"_s);
    QVERIFY2(r.status == 204, r.body.constData());
}

void TestDemoOrgLrObjects::validationRulesRunOnCreate()
{
    const auto r = create(u"LR_Policy__c"_s,
                          policyFields(u"Too eager"_s, {{u"Default_Threshold_Days__c"_s, 7}}));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(r.errorMessage(), u"Inactivity Threshold (Days) must be from 30 to 365."_s);
    // The version rule leaves a new record alone, whatever version it starts with.
    QVERIFY(!newPolicy(u"Imported at version 7"_s, {{u"Version__c"_s, 7}}).isEmpty());
}

void TestDemoOrgLrObjects::everyFailingRuleIsReported()
{
    const QString id = newPolicy(u"Many mistakes"_s);
    const auto r = patch(
        u"LR_Policy__c"_s,
        id,
        {{u"Version__c"_s, 9}, {u"Grace_Period_Days__c"_s, 100}, {u"Cooldown_Days__c"_s, 400}},
        u"admin"_s);
    QCOMPARE(r.status, 400);
    QStringList fields;
    for (const QJsonValue &error : r.json().array()) {
        QCOMPARE(error[u"errorCode"_s].toString(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
        fields.append(error[u"fields"_s][0].toString());
    }
    fields.sort();
    QCOMPARE(fields,
             QStringList({u"Cooldown_Days__c"_s, u"Grace_Period_Days__c"_s, u"Version__c"_s}));
}

void TestDemoOrgLrObjects::uniqueNameIgnoresCase()
{
    const QString first = newPolicy(u"Quarterly Review"_s);
    QVERIFY(!first.isEmpty());
    QJsonObject clash = policyFields(u"Quarterly review (copy)"_s);
    clash.insert(u"Unique_Name__c"_s, u"QUARTERLY REVIEW"_s);
    const auto created = create(u"LR_Policy__c"_s, clash, u"analyst"_s);
    QCOMPARE(created.status, 400);
    QCOMPARE(created.errorCode(), u"DUPLICATE_VALUE"_s);
    QCOMPARE(created.errorMessage(),
             u"duplicate value found: Unique_Name__c duplicates value on record with id: "_s
                 + first);

    const QString second = newPolicy(u"Another review"_s);
    const auto renamed = patch(u"LR_Policy__c"_s,
                               second,
                               {{u"Version__c"_s, 2},
                                {u"Name"_s, u"Quarterly Review"_s},
                                {u"Unique_Name__c"_s, u"quarterly review"_s}},
                               u"analyst"_s);
    QCOMPARE(renamed.status, 400);
    QCOMPARE(renamed.errorCode(), u"DUPLICATE_VALUE"_s);
    // Saving a record with its own unique value is no clash; blank values never clash.
    QCOMPARE(patch(u"LR_Policy__c"_s,
                   first,
                   {{u"Version__c"_s, 2}, {u"Unique_Name__c"_s, u"Quarterly Review"_s}},
                   u"analyst"_s)
                 .status,
             204);
    for (const char *name : {"No unique name 1", "No unique name 2"}) {
        const auto blank = create(u"LR_Policy__c"_s, {{u"Name"_s, QString::fromLatin1(name)}});
        QCOMPARE(blank.status, 201);
    }
}

void TestDemoOrgLrObjects::versionIsACompareAndSet()
{
    const QString id = policyAtVersionThree(u"Contested"_s);
    QVERIFY(!id.isEmpty());
    // Two consoles open the policy at version 3.
    QCOMPARE(read(u"LR_Policy__c"_s, id, u"analyst"_s)[u"Version__c"_s].toDouble(), 3.0);
    QCOMPARE(read(u"LR_Policy__c"_s, id)[u"Version__c"_s].toDouble(), 3.0);

    const auto first = patch(u"LR_Policy__c"_s,
                             id,
                             {{u"Version__c"_s, 4}, {u"Default_Threshold_Days__c"_s, 60}},
                             u"analyst"_s);
    QCOMPARE(first.status, 204);
    const auto second = patch(u"LR_Policy__c"_s,
                              id,
                              {{u"Version__c"_s, 4}, {u"Default_Threshold_Days__c"_s, 180}},
                              u"admin"_s);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.errorCode(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(second.errorMessage(), kVersionConflict);
    QCOMPARE(second.json()[0][u"fields"_s].toArray(), QJsonArray{u"Version__c"_s});
    QJsonObject stored = read(u"LR_Policy__c"_s, id);
    QCOMPARE(stored[u"Version__c"_s].toDouble(), 4.0);
    QCOMPARE(stored[u"Default_Threshold_Days__c"_s].toDouble(), 60.0);

    // The second console reloads and saves on top.
    QCOMPARE(patch(u"LR_Policy__c"_s,
                   id,
                   {{u"Version__c"_s, 5}, {u"Default_Threshold_Days__c"_s, 180}},
                   u"admin"_s)
                 .status,
             204);
    QCOMPARE(read(u"LR_Policy__c"_s, id)[u"Default_Threshold_Days__c"_s].toDouble(), 180.0);
}

void TestDemoOrgLrObjects::versionIsACompareAndSetInACollection()
{
    const QString contested = policyAtVersionThree(u"Contested in bulk"_s);
    const QString other = policyAtVersionThree(u"Untouched in bulk"_s);
    QVERIFY(!contested.isEmpty() && !other.isEmpty());
    const auto item = [](const QString &id, int version, bool active) {
        return QJsonObject{{u"attributes"_s, QJsonObject{{u"type"_s, u"LR_Policy__c"_s}}},
                           {u"id"_s, id},
                           {u"Version__c"_s, version},
                           {u"Active__c"_s, active}};
    };
    // The first client wins version 4 of `contested`.
    auto r = collectionUpdate({item(contested, 4, false)}, false);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()[0][u"success"_s].toBool());

    // The second client read version 3 of both: all or none refuses both.
    r = collectionUpdate({item(other, 4, false), item(contested, 4, true)}, true);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[0][u"errors"_s][0][u"statusCode"_s].toString(),
             u"ALL_OR_NONE_OPERATION_ROLLED_BACK"_s);
    QCOMPARE(r.json()[1][u"errors"_s][0][u"statusCode"_s].toString(),
             u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(read(u"LR_Policy__c"_s, other)[u"Version__c"_s].toDouble(), 3.0);

    // Without all-or-none, only the stale record fails.
    r = collectionUpdate({item(other, 4, false), item(contested, 4, true)}, false);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()[0][u"success"_s].toBool());
    const QJsonObject stale = r.json()[1].toObject();
    QVERIFY(!stale[u"success"_s].toBool());
    QCOMPARE(stale[u"id"_s].toString(), contested);
    QCOMPARE(stale[u"errors"_s][0][u"statusCode"_s].toString(),
             u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(stale[u"errors"_s][0][u"message"_s].toString(), kVersionConflict);
    QCOMPARE(stale[u"errors"_s][0][u"fields"_s].toArray(), QJsonArray{u"Version__c"_s});
    QCOMPARE(read(u"LR_Policy__c"_s, other)[u"Version__c"_s].toDouble(), 4.0);
    const QJsonObject kept = read(u"LR_Policy__c"_s, contested);
    QCOMPARE(kept[u"Version__c"_s].toDouble(), 4.0);
    QCOMPARE(kept[u"Active__c"_s].toBool(), false);
}

void TestDemoOrgLrObjects::picklistsNumbersAndRequiredFields_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("errorCode");
    QTest::newRow("unknown schedule") << QJsonObject{{u"Schedule__c"_s, u"Hourly"_s}}
                                      << u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s;
    QTest::newRow("picklist value in the wrong case")
        << QJsonObject{{u"Timeout_Action__c"_s, u"auto_freeze"_s}}
        << u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s;
    QTest::newRow("unknown user type") << QJsonObject{{u"User_Types__c"_s, u"Standard;Guest"_s}}
                                       << u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s;
    QTest::newRow("more digits than the precision")
        << QJsonObject{{u"Default_Threshold_Days__c"_s, 1000}} << u"NUMBER_OUTSIDE_VALID_RANGE"_s;
    QTest::newRow("version beyond nine digits")
        << QJsonObject{{u"Version__c"_s, 1e9}} << u"NUMBER_OUTSIDE_VALID_RANGE"_s;
    QTest::newRow("number as text")
        << QJsonObject{{u"Cooldown_Days__c"_s, u"30"_s}} << u"JSON_PARSER_ERROR"_s;
    QTest::newRow("text too long")
        << QJsonObject{{u"ITSM_Connection__c"_s, QString(81, u'x')}} << u"STRING_TOO_LONG"_s;
    QTest::newRow("name cleared") << QJsonObject{{u"Name"_s, QJsonValue()}}
                                  << u"REQUIRED_FIELD_MISSING"_s;
    QTest::newRow("required number cleared")
        << QJsonObject{{u"Default_Threshold_Days__c"_s, QJsonValue()}}
        << u"REQUIRED_FIELD_MISSING"_s;
    QTest::newRow("unknown field") << QJsonObject{{u"Threshold__c"_s, 90}} << u"INVALID_FIELD"_s;
    QTest::newRow("read-only field") << QJsonObject{{u"CreatedDate"_s, u"2026-01-01T00:00:00Z"_s}}
                                     << u"INVALID_FIELD_FOR_INSERT_UPDATE"_s;
}

void TestDemoOrgLrObjects::picklistsNumbersAndRequiredFields()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, errorCode);
    const QString id = newPolicy(u"Typed %1"_s.arg(++m_serial));
    if (!change.contains(u"Version__c"_s)) {
        change.insert(u"Version__c"_s, 2);
    }
    const auto r = patch(u"LR_Policy__c"_s, id, change, u"analyst"_s);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), errorCode);
}

void TestDemoOrgLrObjects::multiSelectValuesAreNormalised()
{
    const QString id = newPolicy(u"Portals"_s,
                                 {{u"User_Types__c"_s, u"CsnOnly;Standard;CsnOnly;PowerPartner"_s},
                                  {u"Default_Threshold_Days__c"_s, 45.4}});
    QVERIFY(!id.isEmpty());
    const QJsonObject policy = read(u"LR_Policy__c"_s, id);
    // Salesforce keeps the values in the field's order, once each, and rounds to the scale.
    QCOMPARE(policy[u"User_Types__c"_s].toString(), u"Standard;PowerPartner;CsnOnly"_s);
    QCOMPARE(policy[u"Default_Threshold_Days__c"_s].toDouble(), 45.0);
    const auto includes = m_org.query(
        u"SELECT Id FROM LR_Policy__c WHERE Id = '%1' AND User_Types__c LIKE '%PowerPartner%'"_s
            .arg(id));
    QCOMPARE(includes.json()[u"totalSize"_s].toInt(), 1);
}

void TestDemoOrgLrObjects::nameDefaultsToTheId()
{
    const auto r =
        create(u"LR_Exemption__c"_s,
               {{u"User__c"_s, m_org.userId(u"viewer"_s)}, {u"Reason__c"_s, u"Board member"_s}},
               u"analyst"_s);
    QCOMPARE(r.status, 201);
    const QString id = r.json()[u"id"_s].toString();
    QVERIFY(id.startsWith(u"a0B"_s));
    QCOMPARE(read(u"LR_Exemption__c"_s, id)[u"Name"_s].toString(), id);
}

void TestDemoOrgLrObjects::exemptionsPointToUsersAndPolicies()
{
    const auto missing =
        create(u"LR_Exemption__c"_s, {{u"User__c"_s, m_org.userId(u"viewer"_s)}}, u"analyst"_s);
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorCode(), u"REQUIRED_FIELD_MISSING"_s);
    QCOMPARE(missing.json()[0][u"fields"_s].toArray(), QJsonArray{u"Reason__c"_s});

    const QString nobody = lr::demo::SalesforceId::make(u"005", 999999999);
    const auto badUser = create(
        u"LR_Exemption__c"_s, {{u"User__c"_s, nobody}, {u"Reason__c"_s, u"?"_s}}, u"analyst"_s);
    QCOMPARE(badUser.status, 400);
    QCOMPARE(badUser.errorCode(), u"INVALID_CROSS_REFERENCE_KEY"_s);

    const QString policy = newPolicy(u"Has exemptions"_s);
    const auto created = create(u"LR_Exemption__c"_s,
                                {{u"Name"_s, u"CFO"_s},
                                 {u"User__c"_s, m_org.userId(u"viewer"_s)},
                                 {u"Reason__c"_s, u"Signs the renewals"_s},
                                 {u"Expires__c"_s, u"2027-06-30"_s},
                                 {u"Policy__c"_s, policy}},
                                u"analyst"_s);
    QCOMPARE(created.status, 201);
    const QString exemption = created.json()[u"id"_s].toString();
    const auto joined = m_org.query(
        u"SELECT Name, Expires__c, Policy__r.Name, User__r.Username FROM LR_Exemption__c "
        u"WHERE Policy__c = '%1'"_s.arg(policy),
        u"viewer"_s);
    QCOMPARE(joined.status, 200);
    const QJsonObject row = joined.json()[u"records"_s][0].toObject();
    QCOMPARE(row[u"Expires__c"_s].toString(), u"2027-06-30"_s);
    QCOMPARE(row[u"Policy__r"_s][u"Name"_s].toString(), u"Has exemptions"_s);
    QCOMPARE(row[u"User__r"_s][u"Username"_s].toString(),
             m_org.org().principal(u"viewer"_s)->username);

    // Policy__c restricts deletion: an exemption never widens to every policy by accident.
    const QString policyPath = m_org.dataPath(u"sobjects/LR_Policy__c/"_s + policy);
    const auto refused = m_org.send("DELETE", policyPath, {}, m_org.token());
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"DELETE_FAILED"_s);
    QVERIFY(refused.errorMessage().contains(u"CFO"_s));
    QCOMPARE(m_org
                 .send("DELETE",
                       m_org.dataPath(u"sobjects/LR_Exemption__c/"_s + exemption),
                       {},
                       m_org.token(u"analyst"_s))
                 .status,
             204);
    QCOMPARE(m_org.send("DELETE", policyPath, {}, m_org.token()).status, 204);
}

void TestDemoOrgLrObjects::caseStateIsACompareAndSet()
{
    const QString policy = newPolicy(u"Cases move by compare-and-set"_s);
    const QString user = m_org.userId(u"viewer"_s);
    const QJsonObject fields{{u"User__c"_s, user},
                             {u"Policy__c"_s, policy},
                             {u"External_Id__c"_s, u"%1|%2|1"_s.arg(policy, user)}};
    const auto viewer = create(u"LR_Case__c"_s, fields, u"viewer"_s);
    QCOMPARE(viewer.status, 400);
    QCOMPARE(viewer.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);

    const auto created = create(u"LR_Case__c"_s, fields, u"analyst"_s);
    QCOMPARE(created.status, 201);
    const QString id = created.json()[u"id"_s].toString();
    QCOMPARE(read(u"LR_Case__c"_s, id)[u"State__c"_s].toString(), u"Flagged"_s);

    // The same policy, user and cycle cannot open a second case, whatever the case of letters.
    QJsonObject again = fields;
    again[u"External_Id__c"_s] = fields[u"External_Id__c"_s].toString().toUpper();
    const auto duplicate = create(u"LR_Case__c"_s, again, u"analyst"_s);
    QCOMPARE(duplicate.status, 400);
    QCOMPARE(duplicate.errorCode(), u"DUPLICATE_VALUE"_s);

    // A step from the state the writer read goes through; the same step again, from a state
    // that is no longer stored, is refused and changes nothing.
    const QJsonObject notify{{u"State__c"_s, u"Notified"_s},
                             {u"Expected_State__c"_s, u"Flagged"_s}};
    QCOMPARE(patch(u"LR_Case__c"_s, id, notify, u"analyst"_s).status, 204);
    const auto stale = patch(u"LR_Case__c"_s,
                             id,
                             {{u"State__c"_s, u"Frozen"_s}, {u"Expected_State__c"_s, u"Flagged"_s}},
                             u"analyst"_s);
    QCOMPARE(stale.status, 400);
    QCOMPARE(stale.errorCode(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(stale.json()[0][u"fields"_s].toArray(), QJsonArray{u"State__c"_s});
    QVERIFY(stale.errorMessage().contains(u"changed state after it was read"_s));
    const auto blank = patch(u"LR_Case__c"_s, id, {{u"State__c"_s, u"Frozen"_s}}, u"admin"_s);
    QCOMPARE(blank.errorCode(), u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s);
    QCOMPARE(read(u"LR_Case__c"_s, id)[u"State__c"_s].toString(), u"Notified"_s);
    // Other fields change without a state step.
    QCOMPARE(patch(u"LR_Case__c"_s, id, {{u"Name"_s, u"Renamed"_s}}, u"analyst"_s).status, 204);

    const auto unknown =
        patch(u"LR_Case__c"_s,
              id,
              {{u"State__c"_s, u"Archived"_s}, {u"Expected_State__c"_s, u"Notified"_s}},
              u"analyst"_s);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.errorCode(), u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s);

    // Cases are the record of what was done: an operator cannot delete one.
    const auto removed = m_org.send(
        "DELETE", m_org.dataPath(u"sobjects/LR_Case__c/"_s + id), {}, m_org.token(u"analyst"_s));
    QCOMPARE(removed.status, 400);
    QCOMPARE(removed.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
}

void TestDemoOrgLrObjects::casesOutliveTheirPolicy()
{
    const QString policy = newPolicy(u"Ends with closed cases"_s);
    const auto created = create(u"LR_Case__c"_s,
                                {{u"User__c"_s, m_org.userId(u"analyst"_s)},
                                 {u"Policy__c"_s, policy},
                                 {u"State__c"_s, u"Kept"_s}},
                                u"analyst"_s);
    QCOMPARE(created.status, 201);
    const QString id = created.json()[u"id"_s].toString();
    QCOMPARE(
        m_org
            .send("DELETE", m_org.dataPath(u"sobjects/LR_Policy__c/"_s + policy), {}, m_org.token())
            .status,
        204);
    const QJsonObject kept = read(u"LR_Case__c"_s, id, u"viewer"_s);
    QVERIFY(kept.contains(u"Policy__c"_s));
    QVERIFY(kept[u"Policy__c"_s].isNull());
    QCOMPARE(kept[u"State__c"_s].toString(), u"Kept"_s);
}

void TestDemoOrgLrObjects::notDeployedOrgHasNoLrObjects()
{
    DemoOrgFixture bare;
    QVERIFY(bare.start(options(LrSchema::None)));
    const auto query = bare.query(u"SELECT Id, Name FROM LR_Policy__c"_s);
    QCOMPARE(query.status, 400);
    QCOMPARE(query.errorCode(), u"INVALID_TYPE"_s);
    QVERIFY(query.errorMessage().contains(u"LR_Policy__c"_s));
    QCOMPARE(bare.query(u"SELECT Schema_Version__c FROM LR_Settings__c"_s).errorCode(),
             u"INVALID_TYPE"_s);

    const auto describe =
        bare.send("GET", bare.dataPath(u"sobjects/LR_Policy__c/describe"_s), {}, bare.token());
    QCOMPARE(describe.status, 404);
    QCOMPARE(describe.errorCode(), u"NOT_FOUND"_s);
    const auto post = bare.send("POST",
                                bare.dataPath(u"sobjects/LR_Policy__c"_s),
                                json(policyFields(u"x"_s)),
                                bare.token());
    QCOMPARE(post.status, 404);

    const auto global = bare.send("GET", bare.dataPath(u"sobjects"_s), {}, bare.token());
    for (const QJsonValue &object : global.json()[u"sobjects"_s].toArray()) {
        QVERIFY(!object[u"name"_s].toString().startsWith(u"LR_"_s));
    }
    QCOMPARE(bare.sql(u"SELECT COUNT(*) FROM \"PermissionSet\" WHERE \"Name\" LIKE 'LR\\_%' "
                      u"ESCAPE '\\'"_s)
                 .toInt(),
             0);
    QVERIFY(!bare.sql(u"SELECT 1 FROM sqlite_master WHERE name = 'LR_Policy__c'"_s).isValid());
}

void TestDemoOrgLrObjects::oldSchemaOrgSaysVersionZero()
{
    DemoOrgFixture old;
    QVERIFY(old.start(options(LrSchema::Old)));
    const auto r =
        old.query(u"SELECT Schema_Version__c FROM LR_Settings__c WHERE Name = 'Default'"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()[u"totalSize"_s].toInt(), 1);
    QCOMPARE(r.json()[u"records"_s][0][u"Schema_Version__c"_s].toDouble(), 0.0);
    // The objects themselves are there.
    QCOMPARE(old.query(u"SELECT COUNT() FROM LR_Policy__c"_s).status, 200);
}

void TestDemoOrgLrObjects::persistedOrgGainsTheLrObjectsOnOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"org.sqlite"_s);
    {
        // An org persisted before the LR objects existed.
        auto before = DemoOrg::open(options(LrSchema::None, path));
        QVERIFY(before);
        QVERIFY(!before.value()->schema().object(u"LR_Policy__c"));
    }
    const auto counts = [](DemoOrgFixture &org) {
        QStringList values;
        for (const char *sql :
             {"SELECT COUNT(*) FROM \"PermissionSet\" WHERE \"Name\" LIKE 'LR\\_%' ESCAPE '\\'",
              "SELECT COUNT(*) FROM \"ObjectPermissions\" WHERE \"ParentId\" IN (SELECT \"Id\" "
              "FROM \"PermissionSet\" WHERE \"Name\" LIKE 'LR\\_%' ESCAPE '\\')",
              "SELECT COUNT(*) FROM \"PermissionSetAssignment\"",
              "SELECT COUNT(*) FROM \"LR_Settings__c\""}) {
            values.append(org.sql(QString::fromLatin1(sql)).toString());
        }
        return values;
    };
    QString policy;
    QStringList afterFirstOpen;
    {
        DemoOrgFixture reopened;
        QVERIFY(reopened.start(options(LrSchema::Current, path)));
        const auto settings = reopened.query(u"SELECT Schema_Version__c FROM LR_Settings__c"_s);
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json()[u"records"_s][0][u"Schema_Version__c"_s].toDouble(),
                 double(LrObjectsDeployment::kSchemaVersion));
        const auto created = reopened.send("POST",
                                           reopened.dataPath(u"sobjects/LR_Policy__c"_s),
                                           json(policyFields(u"Persisted"_s)),
                                           reopened.token(u"analyst"_s));
        QCOMPARE(created.status, 201);
        policy = created.json()[u"id"_s].toString();
        afterFirstOpen = counts(reopened);
        QCOMPARE(afterFirstOpen.at(0), u"4"_s);
        QCOMPARE(afterFirstOpen.at(1), u"19"_s); // 4 LR objects × 4 sets, + 3 for Integration
    }
    {
        // Opening again adds nothing twice, and the policy keeps its id.
        DemoOrgFixture again;
        QVERIFY(again.start(options(LrSchema::Current, path)));
        QCOMPARE(counts(again), afterFirstOpen);
        const auto got = again.send("GET",
                                    again.dataPath(u"sobjects/LR_Policy__c/"_s + policy),
                                    {},
                                    again.token(u"viewer"_s));
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json()[u"Name"_s].toString(), u"Persisted"_s);
    }
}

QTEST_GUILESS_MAIN(TestDemoOrgLrObjects)
#include "tst_demoorglrobjects.moc"
