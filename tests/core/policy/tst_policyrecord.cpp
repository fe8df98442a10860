// A Policy as LR_Policy__c and LR_Exemption__c records, per installer/lr-objects-contract.md,
// with round-trip fidelity; the exemption rows a save writes; the words of deployment states
// and conflicts.
#include "core/policy/deploymentstatus.h"
#include "core/policy/exemptionrecord.h"
#include "core/policy/exemptionsync.h"
#include "core/policy/policyconflict.h"
#include "core/policy/policyrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using lr::policy::DeploymentStatus;
using lr::policy::Exemption;
using lr::policy::ExemptionRecord;
using lr::policy::ExemptionSync;
using lr::policy::Policy;
using lr::policy::PolicyConflict;
using lr::policy::PolicyRecord;

namespace {

Policy fullPolicy()
{
    Policy policy;
    policy.name = u"  Platform seats, Nordics  "_s;
    policy.ownerId = u"005000000000009AAA"_s;
    policy.active = false;
    policy.schedule = Policy::Schedule::Daily;
    policy.executionPath = Policy::ExecutionPath::Itsm;
    policy.itsmConnection = u"Jira Service Management"_s;
    policy.defaultThresholdDays = 45;
    policy.thresholdByLicense = {{u"Salesforce Platform"_s, 200}, {u"Salesforce"_s, 60}};
    policy.includeLicenses = {u"Salesforce"_s, u"Salesforce Platform"_s};
    policy.excludeLicenses = {u"Chatter \"Free\""_s};
    policy.userTypes = {u"Standard"_s, u"PowerPartner"_s, u"CsnOnly"_s};
    policy.gracePeriodDays = 0;
    policy.managerSlaDays = 30;
    policy.reminderDays = 29;
    policy.timeoutAction = Policy::TimeoutAction::AutoFreeze;
    policy.dryRun = false;
    policy.cooldownDays = 365;
    policy.notificationChannel = u"teams-it"_s;
    policy.downgradeTargets = {{u"Salesforce"_s, u"00e000000000001AAA"_s}};
    policy.transferOpenRecords = true;
    return policy;
}

// What the org sends back for the fields written: numbers as JSON numbers with a fraction,
// the system fields added.
QJsonObject stored(QJsonObject fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.value().isDouble()) {
            it.value() = it.value().toDouble() + 0.0;
        }
    }
    fields.insert(u"attributes"_s, QJsonObject{{u"type"_s, u"LR_Policy__c"_s}});
    fields.insert(u"Id"_s, u"a01000000000001AAA"_s);
    fields.insert(u"LastModifiedDate"_s, u"2026-03-03T14:02:11.000+0000"_s);
    fields.insert(u"LastModifiedBy"_s, QJsonObject{{u"Name"_s, u"Ana Lopez"_s}});
    if (!fields.contains(u"OwnerId"_s)) {
        fields.insert(u"OwnerId"_s, u"005000000000001AAA"_s);
    }
    return fields;
}

Exemption exemption(const QString &id, const QString &userId, const QString &reason)
{
    Exemption e;
    e.id = id;
    e.userId = userId;
    e.reason = reason;
    return e;
}

} // namespace

class TestPolicyRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsFollowTheContract();
    void recordRoundTrips();
    void emptyValuesAreNull();
    void unreadableFieldsNameTheField_data();
    void unreadableFieldsNameTheField();
    void exemptionRows();
    void syncPlanMatchesByUser();
    void deploymentMessagesGiveTheCommand();
    void conflictNamesWhoAndWhen();
};

void TestPolicyRecord::fieldsFollowTheContract()
{
    const QJsonObject fields = PolicyRecord::toFields(fullPolicy(), 4);
    QCOMPARE(fields.value(u"Name"_s).toString(), u"Platform seats, Nordics"_s);
    QCOMPARE(fields.value(u"Unique_Name__c"_s).toString(), u"platform seats, nordics"_s);
    QCOMPARE(fields.value(u"Version__c"_s).toInt(), 4);
    QCOMPARE(fields.value(u"Active__c"_s), QJsonValue(false));
    QCOMPARE(fields.value(u"Schedule__c"_s).toString(), u"Daily"_s);
    QCOMPARE(fields.value(u"Execution_Path__c"_s).toString(), u"ITSM"_s);
    QCOMPARE(fields.value(u"Timeout_Action__c"_s).toString(), u"Auto_Freeze"_s);
    QCOMPARE(fields.value(u"User_Types__c"_s).toString(), u"Standard;PowerPartner;CsnOnly"_s);
    QCOMPARE(
        QJsonDocument::fromJson(fields.value(u"Include_Licenses__c"_s).toString().toUtf8()).array(),
        QJsonArray({u"Salesforce"_s, u"Salesforce Platform"_s}));
    QCOMPARE(
        QJsonDocument::fromJson(fields.value(u"Thresholds_By_License__c"_s).toString().toUtf8())
            .object(),
        QJsonObject({{u"Salesforce"_s, 60}, {u"Salesforce Platform"_s, 200}}));
    QCOMPARE(fields.value(u"Downgrade_Targets__c"_s).toString(),
             u"{\"Salesforce\":\"00e000000000001AAA\"}"_s);
    QCOMPARE(fields.value(u"OwnerId"_s).toString(), u"005000000000009AAA"_s);
    QVERIFY(!fields.contains(u"Id"_s));
    // Every field written is one the record is read with.
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QVERIFY2(PolicyRecord::fieldNames().contains(it.key()), qPrintable(it.key()));
    }
    QCOMPARE(PolicyRecord::uniqueName(u"  Ärger Über Lizenzen "_s), u"ärger über lizenzen"_s);
}

void TestPolicyRecord::recordRoundTrips()
{
    const Policy policy = fullPolicy();
    const auto read = PolicyRecord::fromRecord(stored(PolicyRecord::toFields(policy, 7)));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read->id, u"a01000000000001AAA"_s);
    QCOMPARE(read->name, policy.name.trimmed());
    QCOMPARE(read->version, 7);
    QCOMPARE(read->ownerId, policy.ownerId);
    QCOMPARE(read->active, policy.active);
    QCOMPARE(read->schedule, policy.schedule);
    QCOMPARE(read->executionPath, policy.executionPath);
    QCOMPARE(read->itsmConnection, policy.itsmConnection);
    QCOMPARE(read->defaultThresholdDays, policy.defaultThresholdDays);
    QCOMPARE(read->thresholdByLicense, policy.thresholdByLicense);
    QCOMPARE(read->includeLicenses, policy.includeLicenses);
    QCOMPARE(read->excludeLicenses, policy.excludeLicenses);
    QCOMPARE(read->userTypes, policy.userTypes);
    QCOMPARE(read->gracePeriodDays, policy.gracePeriodDays);
    QCOMPARE(read->managerSlaDays, policy.managerSlaDays);
    QCOMPARE(read->reminderDays, policy.reminderDays);
    QCOMPARE(read->timeoutAction, policy.timeoutAction);
    QCOMPARE(read->dryRun, policy.dryRun);
    QCOMPARE(read->cooldownDays, policy.cooldownDays);
    QCOMPARE(read->notificationChannel, policy.notificationChannel);
    QCOMPARE(read->downgradeTargets, policy.downgradeTargets);
    QCOMPARE(read->transferOpenRecords, policy.transferOpenRecords);
    QCOMPARE(read->lastModifiedBy, u"Ana Lopez"_s);
    QCOMPARE(read->lastModifiedAt,
             QDateTime(QDate(2026, 3, 3), QTime(14, 2, 11), QTimeZone::utc()));
    // The built-in default too.
    const auto builtIn =
        PolicyRecord::fromRecord(stored(PolicyRecord::toFields(Policy::builtInDefault(), 1)));
    QVERIFY(builtIn);
    QCOMPARE(builtIn->includeLicenses, Policy::builtInDefault().includeLicenses);
    QCOMPARE(builtIn->userTypes, Policy::builtInDefault().userTypes);
}

void TestPolicyRecord::emptyValuesAreNull()
{
    Policy policy;
    policy.name = u"Empty lists"_s;
    policy.userTypes.clear();
    const QJsonObject fields = PolicyRecord::toFields(policy, 1);
    for (const char *field : {"ITSM_Connection__c",
                              "Thresholds_By_License__c",
                              "Include_Licenses__c",
                              "Exclude_Licenses__c",
                              "User_Types__c",
                              "Notification_Channel__c",
                              "Downgrade_Targets__c"}) {
        QVERIFY2(fields.value(QLatin1String(field)).isNull(), field);
    }
    QVERIFY(!fields.contains(u"OwnerId"_s));
    const auto read = PolicyRecord::fromRecord(stored(fields));
    QVERIFY(read);
    QVERIFY(read->userTypes.isEmpty());
    QVERIFY(read->includeLicenses.isEmpty());
    QVERIFY(read->thresholdByLicense.isEmpty());
}

void TestPolicyRecord::unreadableFieldsNameTheField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("thresholds not JSON")
        << u"Thresholds_By_License__c"_s << QJsonValue(u"{Salesforce: 90"_s);
    QTest::newRow("thresholds a list") << u"Thresholds_By_License__c"_s << QJsonValue(u"[90]"_s);
    QTest::newRow("threshold a fraction")
        << u"Thresholds_By_License__c"_s << QJsonValue(u"{\"Salesforce\": 90.5}"_s);
    QTest::newRow("include an object") << u"Include_Licenses__c"_s << QJsonValue(u"{}"_s);
    QTest::newRow("exclude with a number") << u"Exclude_Licenses__c"_s << QJsonValue(u"[1]"_s);
    QTest::newRow("downgrade to a number")
        << u"Downgrade_Targets__c"_s << QJsonValue(u"{\"Salesforce\": 1}"_s);
    QTest::newRow("unknown schedule") << u"Schedule__c"_s << QJsonValue(u"Hourly"_s);
    QTest::newRow("unknown path") << u"Execution_Path__c"_s << QJsonValue(u"Pigeon"_s);
    QTest::newRow("unknown timeout") << u"Timeout_Action__c"_s << QJsonValue(u"Delete"_s);
    QTest::newRow("version not a number") << u"Version__c"_s << QJsonValue(u"two"_s);
}

void TestPolicyRecord::unreadableFieldsNameTheField()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject record = stored(PolicyRecord::toFields(fullPolicy(), 1));
    record.insert(field, value);
    const auto read = PolicyRecord::fromRecord(record);
    QVERIFY(!read);
    QCOMPARE(read.error().code, u"INVALID_POLICY_RECORD"_s);
    QCOMPARE(read.error().fields, QStringList{field});
    QVERIFY2(read.error().message.contains(field), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(u"Platform seats, Nordics"_s),
             qPrintable(read.error().message));
}

void TestPolicyRecord::exemptionRows()
{
    Exemption e;
    e.userId = u"005000000000001AAA"_s;
    e.reason = u" Sabbatical "_s;
    e.expires = QDate(2027, 1, 31);
    const QJsonObject fields = ExemptionRecord::toFields(e, u"a01000000000001AAA"_s);
    QCOMPARE(fields,
             QJsonObject({{u"User__c"_s, u"005000000000001AAA"_s},
                          {u"Reason__c"_s, u"Sabbatical"_s},
                          {u"Expires__c"_s, u"2027-01-31"_s},
                          {u"Policy__c"_s, u"a01000000000001AAA"_s}}));
    e.expires = QDate();
    QVERIFY(ExemptionRecord::toFields(e, u"x"_s).value(u"Expires__c"_s).isNull());

    QJsonObject record = fields;
    record.insert(u"Id"_s, u"a02000000000001AAA"_s);
    record.insert(u"User__r"_s, QJsonObject{{u"Username"_s, u"ana@acme.com"_s}});
    const Exemption read = ExemptionRecord::fromRecord(record);
    QCOMPARE(read.id, u"a02000000000001AAA"_s);
    QCOMPARE(read.userId, u"005000000000001AAA"_s);
    QCOMPARE(read.username, u"ana@acme.com"_s);
    QCOMPARE(read.reason, u"Sabbatical"_s);
    QCOMPARE(read.expires, QDate(2027, 1, 31));
}

void TestPolicyRecord::syncPlanMatchesByUser()
{
    const QString policy = u"a01000000000001AAA"_s;
    const QList<Exemption> stored{
        exemption(u"a02000000000001AAA"_s, u"005000000000001AAA"_s, u"Leave"_s),
        exemption(u"a02000000000002AAA"_s, u"005000000000002AAA"_s, u"Board"_s),
        exemption(u"a02000000000003AAA"_s, u"005000000000003AAA"_s, u"Audit"_s),
        exemption(u"a02000000000004AAA"_s, u"005000000000001AAA"_s, u"Duplicate row"_s)};
    // User 1 unchanged (given by its 15-character id), user 2 with a new reason, user 3
    // gone, user 4 new.
    const QList<Exemption> wanted{exemption({}, u"005000000000001"_s, u"Leave"_s),
                                  exemption({}, u"005000000000002AAA"_s, u"Board member"_s),
                                  exemption({}, u"005000000000004AAA"_s, u"New hire"_s)};
    const ExemptionSync::Plan plan = ExemptionSync::plan(stored, wanted, policy);
    QCOMPARE(plan.creates.size(), 1);
    QCOMPARE(plan.creates.first().type, u"LR_Exemption__c"_s);
    QCOMPARE(plan.creates.first().fields.value(u"User__c"_s).toString(), u"005000000000004AAA"_s);
    QCOMPARE(plan.creates.first().fields.value(u"Policy__c"_s).toString(), policy);
    QCOMPARE(plan.updates.size(), 1);
    QCOMPARE(plan.updates.first().id, u"a02000000000002AAA"_s);
    QCOMPARE(plan.updates.first().fields.value(u"Reason__c"_s).toString(), u"Board member"_s);
    QCOMPARE(plan.deletes, QStringList({u"a02000000000003AAA"_s, u"a02000000000004AAA"_s}));

    const ExemptionSync::Plan nothing =
        ExemptionSync::plan(stored.mid(0, 3), stored.mid(0, 3), policy);
    QVERIFY(nothing.creates.isEmpty() && nothing.updates.isEmpty() && nothing.deletes.isEmpty());
}

void TestPolicyRecord::deploymentMessagesGiveTheCommand()
{
    const QString command =
        u"cd installer/salesforce && sf project deploy start --source-dir force-app "
        u"--target-org "_s;
    QCOMPARE(DeploymentStatus::deployCommand(), command + u"<alias>"_s);
    QCOMPARE(DeploymentStatus::deployCommand(u"acme-prod"_s), command + u"acme-prod"_s);

    DeploymentStatus status;
    status.state = DeploymentStatus::State::NotDeployed;
    QVERIFY(status.message().contains(u"not deployed"_s));
    QVERIFY(status.message().contains(command + u"<alias>"_s));
    QCOMPARE(status.refusal().kind, lr::Error::Kind::Refused);
    QCOMPARE(status.refusal().code, u"LR_NOT_DEPLOYED"_s);

    status.state = DeploymentStatus::State::OutdatedSchema;
    QVERIFY(status.message(u"uat"_s).contains(command + u"uat"_s));
    QVERIFY(status.message().contains(u"\"Default\" is missing"_s));
    status.schemaVersion = 0;
    status.state = DeploymentStatus::State::OutdatedSchema;
    QCOMPARE(status.refusal().code, u"LR_SCHEMA_OUTDATED"_s);

    status.state = DeploymentStatus::State::Deployed;
    QVERIFY(status.message().isEmpty());
}

void TestPolicyRecord::conflictNamesWhoAndWhen()
{
    PolicyConflict conflict;
    conflict.changedBy = u"Ana Lopez"_s;
    conflict.changedAt = QDateTime(QDate(2026, 3, 3), QTime(14, 2), QTimeZone::utc());
    QVERIFY2(conflict.message().startsWith(u"Ana Lopez saved this policy on 3 Mar 2026 at "
                                           u"14:02 UTC"_s),
             qPrintable(conflict.message()));
    QVERIFY(conflict.message().contains(u"Reload it, or save again to overwrite."_s));
    conflict.reason = PolicyConflict::Reason::NameTaken;
    conflict.policyName = u"Salesforce licenses, 90 days"_s;
    QVERIFY(conflict.message().contains(u"'Salesforce licenses, 90 days' is taken"_s));
}

QTEST_GUILESS_MAIN(TestPolicyRecord)
#include "tst_policyrecord.moc"
