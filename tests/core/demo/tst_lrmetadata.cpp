// The License Reclaim objects' Salesforce metadata (installer/salesforce) as the demo org
// loads it: every object, field, picklist, validation rule and permission set of the
// contract, and a clear error for a file the demo org cannot honour.
#include "core/demo/schema/salesforcemetadataloader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::demo::DeleteConstraint;
using lr::demo::FieldType;
using lr::demo::FormulaType;
using lr::demo::PermissionSetDefinition;
using lr::demo::SalesforceMetadata;
using lr::demo::SalesforceMetadataLoader;
using lr::demo::SharingModel;
using lr::demo::SObjectField;
using lr::demo::SObjectType;

namespace {

QString sourceProject()
{
    return qEnvironmentVariable("LR_SOURCE_DIR", QStringLiteral(LR_TEST_SOURCE_DIR))
           + u"/installer/salesforce"_s;
}

const SalesforceMetadata &shipped()
{
    return SalesforceMetadataLoader::shipped().value();
}

const SObjectField *fieldOf(const QString &object, const QString &field)
{
    const SObjectType *type = shipped().object(object);
    return type ? type->field(field) : nullptr;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = to + file.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target)) {
            return false;
        }
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

// Replaces `before` by `after` in `file` of the project copy; false when `before` is absent.
bool edit(const QString &project, const QString &file, const QString &before, const QString &after)
{
    QFile f(project + u'/' + file);
    if (!f.open(QIODevice::ReadOnly)) {
        return false;
    }
    QString text = QString::fromUtf8(f.readAll());
    f.close();
    if (!text.contains(before)) {
        return false;
    }
    text.replace(before, after);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    f.write(text.toUtf8());
    return true;
}

const QString kObjects = u"force-app/main/default/objects/"_s;
const QString kPolicy = kObjects + u"LR_Policy__c/"_s;
const QString kSets = u"force-app/main/default/permissionsets/"_s;

} // namespace

class TestLrMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void embeddedCopyIsPreferredAndMatchesTheSource();
    void objects_data();
    void objects();
    void customObjectsHaveTheStandardFields();
    void fields_data();
    void fields();
    void noOtherFields();
    void picklists_data();
    void picklists();
    void validationRules_data();
    void validationRules();
    void permissionSets_data();
    void permissionSets();
    void integrationUserPermissions();
    void fieldPermissionsCoverEveryOptionalField();
    void keyPrefixes();
    void badFilesAreNamed_data();
    void badFilesAreNamed();
};

void TestLrMetadata::initTestCase()
{
    const auto &loaded = SalesforceMetadataLoader::shipped();
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
}

void TestLrMetadata::embeddedCopyIsPreferredAndMatchesTheSource()
{
    // Installed binaries have no source tree: the metadata is a resource of lrcore.
    QCOMPARE(SalesforceMetadataLoader::shippedDirectory(), u":/lr/salesforce"_s);
    const auto source = SalesforceMetadataLoader::load(sourceProject());
    QVERIFY2(source, qPrintable(source ? QString() : source.error().message));
    QCOMPARE(source->objects.size(), shipped().objects.size());
    for (const SObjectType &type : source->objects) {
        const SObjectType *embedded = shipped().object(type.name());
        QVERIFY(embedded);
        QCOMPARE(embedded->fields().size(), type.fields().size());
        QCOMPARE(embedded->validationRules().size(), type.validationRules().size());
    }
    QCOMPARE(source->permissionSets.size(), shipped().permissionSets.size());
}

void TestLrMetadata::objects_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("plural");
    QTest::addColumn<SharingModel>("sharing");
    QTest::addColumn<bool>("history");
    QTest::addColumn<int>("rules");
    QTest::newRow("policy") << u"LR_Policy__c"_s << u"Reclaim Policy"_s << u"Reclaim Policies"_s
                            << SharingModel::ReadWrite << true << 8;
    QTest::newRow("case") << u"LR_Case__c"_s << u"Reclaim Case"_s << u"Reclaim Cases"_s
                          << SharingModel::ReadWrite << true << 1;
    QTest::newRow("exemption") << u"LR_Exemption__c"_s << u"Reclaim Exemption"_s
                               << u"Reclaim Exemptions"_s << SharingModel::ReadWrite << false << 0;
    QTest::newRow("settings") << u"LR_Settings__c"_s << u"Reclaim Settings"_s
                              << u"Reclaim Settings"_s << SharingModel::ReadWrite << false << 0;
}

void TestLrMetadata::objects()
{
    QFETCH(QString, name);
    QFETCH(QString, label);
    QFETCH(QString, plural);
    QFETCH(SharingModel, sharing);
    QFETCH(bool, history);
    QFETCH(int, rules);
    const SObjectType *type = shipped().object(name);
    QVERIFY(type);
    QCOMPARE(type->name(), name);
    QCOMPARE(type->label(), label);
    QCOMPARE(type->pluralLabel(), plural);
    QCOMPARE(type->sharingModel(), sharing);
    QCOMPARE(type->isHistoryEnabled(), history);
    QVERIFY(!type->description().isEmpty());
    QVERIFY(type->isCustom());
    QVERIFY(type->isCreateable() && type->isUpdateable() && type->isDeletable());
    QVERIFY(!type->isSetupObject());
    QCOMPARE(type->validationRules().size(), qsizetype(rules));
}

void TestLrMetadata::customObjectsHaveTheStandardFields()
{
    QCOMPARE(shipped().objects.size(), 4);
    for (const SObjectType &type : shipped().objects) {
        QStringList names;
        for (qsizetype i = 0; i < 8; ++i) {
            names.append(type.fields().at(i).name);
        }
        QCOMPARE(names,
                 QStringList({u"Id"_s,
                              u"OwnerId"_s,
                              u"Name"_s,
                              u"CreatedDate"_s,
                              u"CreatedById"_s,
                              u"LastModifiedDate"_s,
                              u"LastModifiedById"_s,
                              u"SystemModstamp"_s}));
        const SObjectField *name = type.field(u"Name");
        QCOMPARE(name->type, FieldType::String);
        QCOMPARE(name->length, 80);
        QVERIFY(!name->nillable && name->createable && name->updateable);
        const SObjectField *owner = type.field(u"OwnerId");
        QCOMPARE(owner->referenceTo, u"User"_s);
        QCOMPARE(owner->relationshipName, u"Owner"_s);
        QVERIFY(owner->createable && owner->updateable && owner->defaultedOnCreate);
        QVERIFY(!type.field(u"CreatedDate")->createable);
        QVERIFY(!type.field(u"SystemModstamp")->updateable);
    }
    QCOMPARE(shipped().object(u"LR_Policy__c")->field(u"Name")->label, u"Policy Name"_s);
}

void TestLrMetadata::fields_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("field");
    QTest::addColumn<FieldType>("type");
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("scale");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QVariant>("defaultValue");

    const auto add = [](const char *object,
                        const char *field,
                        FieldType type,
                        int length,
                        int precision,
                        int scale,
                        bool required,
                        const QVariant &defaultValue) {
        QTest::addRow("%s.%s", object, field)
            << QString::fromLatin1(object) << QString::fromLatin1(field) << type << length
            << precision << scale << required << defaultValue;
    };
    const QVariant none;
    const char *policy = "LR_Policy__c";
    add(policy, "Unique_Name__c", FieldType::String, 80, 0, 0, false, none);
    add(policy, "Version__c", FieldType::Double, 0, 9, 0, true, 1.0);
    add(policy, "Active__c", FieldType::Boolean, 0, 0, 0, true, 1);
    add(policy, "Schedule__c", FieldType::Picklist, 255, 0, 0, false, u"Weekly"_s);
    add(policy, "Execution_Path__c", FieldType::Picklist, 255, 0, 0, false, u"Email"_s);
    add(policy, "ITSM_Connection__c", FieldType::String, 80, 0, 0, false, none);
    add(policy, "Default_Threshold_Days__c", FieldType::Double, 0, 3, 0, true, 90.0);
    add(policy, "Thresholds_By_License__c", FieldType::TextArea, 32768, 0, 0, false, none);
    add(policy, "Include_Licenses__c", FieldType::TextArea, 32768, 0, 0, false, none);
    add(policy, "Exclude_Licenses__c", FieldType::TextArea, 32768, 0, 0, false, none);
    add(policy, "User_Types__c", FieldType::MultiPicklist, 4099, 0, 0, false, u"Standard"_s);
    add(policy, "Grace_Period_Days__c", FieldType::Double, 0, 3, 0, false, 14.0);
    add(policy, "Manager_SLA_Days__c", FieldType::Double, 0, 2, 0, false, 7.0);
    add(policy, "Reminder_Days__c", FieldType::Double, 0, 2, 0, false, 2.0);
    add(policy, "Timeout_Action__c", FieldType::Picklist, 255, 0, 0, false, u"Hold_For_Review"_s);
    add(policy, "Dry_Run__c", FieldType::Boolean, 0, 0, 0, true, 1);
    add(policy, "Cooldown_Days__c", FieldType::Double, 0, 3, 0, false, 90.0);
    add(policy, "Notification_Channel__c", FieldType::String, 80, 0, 0, false, none);
    add(policy, "Downgrade_Targets__c", FieldType::TextArea, 32768, 0, 0, false, none);
    add(policy, "Transfer_Open_Records__c", FieldType::Boolean, 0, 0, 0, true, 0);
    const char *lrCase = "LR_Case__c";
    add(lrCase, "Policy__c", FieldType::Reference, 18, 0, 0, false, none);
    add(lrCase, "User__c", FieldType::Reference, 18, 0, 0, true, none);
    add(lrCase, "State__c", FieldType::Picklist, 255, 0, 0, true, u"Flagged"_s);
    add(lrCase, "Expected_State__c", FieldType::String, 40, 0, 0, false, none);
    add(lrCase, "External_Id__c", FieldType::String, 255, 0, 0, false, none);
    const char *exemption = "LR_Exemption__c";
    add(exemption, "User__c", FieldType::Reference, 18, 0, 0, true, none);
    add(exemption, "Reason__c", FieldType::String, 255, 0, 0, true, none);
    add(exemption, "Expires__c", FieldType::Date, 0, 0, 0, false, none);
    add(exemption, "Policy__c", FieldType::Reference, 18, 0, 0, false, none);
    const char *settings = "LR_Settings__c";
    add(settings, "Schema_Version__c", FieldType::Double, 0, 4, 0, true, none);
    add(settings, "Service_Account_Patterns__c", FieldType::TextArea, 32768, 0, 0, false, none);
    add(settings, "Record_Owner_Threshold__c", FieldType::Double, 0, 6, 0, false, 0.0);
    add(settings, "New_User_Days__c", FieldType::Double, 0, 4, 0, false, 180.0);
    add(settings, "Default_Owners__c", FieldType::TextArea, 32768, 0, 0, false, none);
}

void TestLrMetadata::fields()
{
    QFETCH(QString, object);
    QFETCH(QString, field);
    QFETCH(FieldType, type);
    QFETCH(int, length);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(bool, required);
    QFETCH(QVariant, defaultValue);
    const SObjectField *f = fieldOf(object, field);
    QVERIFY(f);
    QCOMPARE(f->name, field);
    QCOMPARE(f->type, type);
    QCOMPARE(f->length, length);
    QCOMPARE(f->precision, precision);
    QCOMPARE(f->scale, scale);
    QCOMPARE(!f->nillable, required);
    QVERIFY(f->createable && f->updateable);
    QVERIFY(!f->label.isEmpty());
    QVERIFY(!f->description.isEmpty());
    QVERIFY(!f->inlineHelpText.isEmpty());
    QCOMPARE(f->defaultValue.isValid(), defaultValue.isValid());
    if (defaultValue.isValid()) {
        QCOMPARE(f->defaultValue.toString(), defaultValue.toString());
        QVERIFY(f->defaultedOnCreate);
    }
    const bool uniqueName = field == u"Unique_Name__c" || field == u"External_Id__c";
    QCOMPARE(f->unique, uniqueName);
    QCOMPARE(f->externalId, uniqueName);
    QVERIFY(!f->caseSensitive);
}

void TestLrMetadata::noOtherFields()
{
    // 8 standard fields, then exactly the contract's custom fields.
    QCOMPARE(shipped().object(u"LR_Policy__c")->fields().size(), 8 + 20);
    QCOMPARE(shipped().object(u"LR_Case__c")->fields().size(), 8 + 5);
    QCOMPARE(shipped().object(u"LR_Exemption__c")->fields().size(), 8 + 4);
    QCOMPARE(shipped().object(u"LR_Settings__c")->fields().size(), 8 + 5);

    const SObjectField *user = fieldOf(u"LR_Exemption__c"_s, u"User__c"_s);
    QCOMPARE(user->referenceTo, u"User"_s);
    QCOMPARE(user->relationshipName, u"User__r"_s);
    QCOMPARE(user->deleteConstraint, DeleteConstraint::Restrict);
    const SObjectField *policy = fieldOf(u"LR_Exemption__c"_s, u"Policy__c"_s);
    QCOMPARE(policy->referenceTo, u"LR_Policy__c"_s);
    QCOMPARE(policy->relationshipName, u"Policy__r"_s);
    QCOMPARE(policy->deleteConstraint, DeleteConstraint::Restrict);
    // A closed case outlives its policy; a user is never deleted under a case.
    const SObjectField *casePolicy = fieldOf(u"LR_Case__c"_s, u"Policy__c"_s);
    QCOMPARE(casePolicy->referenceTo, u"LR_Policy__c"_s);
    QCOMPARE(casePolicy->deleteConstraint, DeleteConstraint::SetNull);
    QCOMPARE(fieldOf(u"LR_Case__c"_s, u"User__c"_s)->deleteConstraint, DeleteConstraint::Restrict);
}

void TestLrMetadata::picklists_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("Schedule__c") << u"Schedule__c"_s
                                 << QStringList{u"Manual"_s, u"Daily"_s, u"Weekly"_s, u"Monthly"_s};
    QTest::newRow("Execution_Path__c")
        << u"Execution_Path__c"_s << QStringList{u"Email"_s, u"ITSM"_s, u"Both"_s};
    QTest::newRow("Timeout_Action__c")
        << u"Timeout_Action__c"_s << QStringList{u"Auto_Freeze"_s, u"Hold_For_Review"_s};
    QTest::newRow("State__c") << u"State__c"_s
                              << QStringList{u"Flagged"_s,
                                             u"Notified"_s,
                                             u"Decided"_s,
                                             u"Frozen"_s,
                                             u"Deactivated"_s,
                                             u"Reactivated"_s,
                                             u"Kept"_s,
                                             u"Downgraded"_s,
                                             u"Held"_s};
    QTest::newRow("User_Types__c") << u"User_Types__c"_s
                                   << QStringList{u"Standard"_s,
                                                  u"PowerPartner"_s,
                                                  u"PowerCustomerSuccess"_s,
                                                  u"CustomerSuccess"_s,
                                                  u"CspLitePortal"_s,
                                                  u"CsnOnly"_s};
}

void TestLrMetadata::picklists()
{
    QFETCH(QString, field);
    QFETCH(QStringList, values);
    const SObjectField *f =
        fieldOf(field == u"State__c" ? u"LR_Case__c"_s : u"LR_Policy__c"_s, field);
    QVERIFY(f);
    QCOMPARE(f->picklistValues, values);
    QVERIFY(f->restrictedPicklist);
}

void TestLrMetadata::validationRules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("displayField");
    QTest::addColumn<QString>("message");
    QTest::newRow("State_Conflict")
        << u"State_Conflict"_s << u"State__c"_s
        << u"This case changed state after it was read. Read it again before you move it on."_s;
    QTest::newRow("Version_Conflict")
        << u"Version_Conflict"_s << u"Version__c"_s
        << u"Another user saved this policy after you opened it. Reload it, or save again to "
           u"overwrite."_s;
    QTest::newRow("ITSM_Connection_Required")
        << u"ITSM_Connection_Required"_s << u"ITSM_Connection__c"_s
        << u"ITSM Connection is required when the execution path is ITSM or Both."_s;
    QTest::newRow("Default_Threshold_Range")
        << u"Default_Threshold_Range"_s << u"Default_Threshold_Days__c"_s
        << u"Inactivity Threshold (Days) must be from 30 to 365."_s;
    QTest::newRow("Grace_Period_Range") << u"Grace_Period_Range"_s << u"Grace_Period_Days__c"_s
                                        << u"Grace Period (Days) must be from 0 to 90."_s;
    QTest::newRow("Manager_SLA_Range") << u"Manager_SLA_Range"_s << u"Manager_SLA_Days__c"_s
                                       << u"Manager SLA (Days) must be from 1 to 30."_s;
    QTest::newRow("Reminder_Range")
        << u"Reminder_Range"_s << u"Reminder_Days__c"_s
        << u"Reminder (Days) must be from 0 to 29 and less than Manager SLA (Days)."_s;
    QTest::newRow("Cooldown_Range") << u"Cooldown_Range"_s << u"Cooldown_Days__c"_s
                                    << u"Cooldown After Keep (Days) must be from 0 to 365."_s;
    QTest::newRow("Notification_Channel_Not_URL")
        << u"Notification_Channel_Not_URL"_s << u"Notification_Channel__c"_s
        << u"Notification Channel is the name of a channel set up in License Reclaim, not a "
           u"webhook URL: the URL is a secret and must not be stored in Salesforce."_s;
}

void TestLrMetadata::validationRules()
{
    QFETCH(QString, rule);
    QFETCH(QString, displayField);
    QFETCH(QString, message);
    const SObjectType *policy =
        shipped().object(rule == u"State_Conflict" ? u"LR_Case__c" : u"LR_Policy__c");
    const auto &rules = policy->validationRules();
    const auto it = std::find_if(
        rules.cbegin(), rules.cend(), [&rule](const auto &r) { return r.name == rule; });
    QVERIFY(it != rules.cend());
    QVERIFY(it->active);
    QCOMPARE(it->errorDisplayField, displayField);
    QCOMPARE(it->errorMessage, message);
    QVERIFY(!it->description.isEmpty());
    QVERIFY(!it->condition.isNull());
    QCOMPARE(it->condition.resultType(), FormulaType::Boolean);
    if (rule == u"Version_Conflict") {
        QCOMPARE(it->condition.text().simplified(),
                 u"AND( NOT(ISNEW()), Version__c <> PRIORVALUE(Version__c) + 1 )"_s);
    }
    if (rule == u"State_Conflict") {
        QCOMPARE(it->condition.text().simplified(),
                 u"AND( NOT(ISNEW()), ISCHANGED(State__c), Expected_State__c <> "
                 u"TEXT(PRIORVALUE(State__c)) )"_s);
    }
}

void TestLrMetadata::permissionSets_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("access"); // r c e d v m, '-' where not granted
    const auto add = [](const char *set, const char *object, const char *access) {
        QTest::addRow("%s %s", set, object)
            << QString::fromLatin1(set) << QString::fromLatin1(object)
            << QString::fromLatin1(access);
    };
    for (const char *object : {"LR_Policy__c", "LR_Exemption__c", "LR_Settings__c"}) {
        add("LR_Admin", object, "rcedvm");
        add("LR_Viewer", object, "r-----");
        add("LR_Integration", object, "r-----");
    }
    add("LR_Operator", "LR_Policy__c", "rced--");
    add("LR_Operator", "LR_Exemption__c", "rced--");
    add("LR_Operator", "LR_Settings__c", "r-----");
    // Cases: opened and moved on by operators and the agent, deleted by nobody but admins.
    add("LR_Admin", "LR_Case__c", "rcedvm");
    add("LR_Operator", "LR_Case__c", "rce---");
    add("LR_Viewer", "LR_Case__c", "r-----");
    add("LR_Integration", "LR_Case__c", "rce---");
    for (const char *object : {"Opportunity", "Case", "Lead"}) {
        add("LR_Integration", object, "r---v-");
        add("LR_Admin", object, "------");
        add("LR_Operator", object, "------");
    }
}

void TestLrMetadata::permissionSets()
{
    QFETCH(QString, name);
    QFETCH(QString, object);
    QFETCH(QString, access);
    const PermissionSetDefinition *set = shipped().permissionSet(name);
    QVERIFY(set);
    QCOMPARE(set->name, name);
    QVERIFY(set->label.startsWith(u"License Reclaim "_s));
    QVERIFY(!set->description.isEmpty());
    const PermissionSetDefinition::ObjectAccess *granted = set->objectAccess(object);
    if (access == u"------") {
        QVERIFY(!granted);
        return;
    }
    QVERIFY(granted);
    QString actual;
    actual += granted->read ? u'r' : u'-';
    actual += granted->create ? u'c' : u'-';
    actual += granted->edit ? u'e' : u'-';
    actual += granted->remove ? u'd' : u'-';
    actual += granted->viewAll ? u'v' : u'-';
    actual += granted->modifyAll ? u'm' : u'-';
    QCOMPARE(actual, access);
}

void TestLrMetadata::integrationUserPermissions()
{
    QCOMPARE(shipped().permissionSets.size(), 4);
    const PermissionSetDefinition *integration = shipped().permissionSet(u"LR_Integration");
    for (const char *permission :
         {"ApiEnabled", "ViewSetup", "ManageUsers", "MonitorLoginHistory", "FreezeUsers"}) {
        QVERIFY2(integration->userPermissions.contains(QString::fromLatin1(permission)),
                 permission);
    }
    // Nothing that reaches beyond what the contract grants.
    for (const char *permission : {"ModifyAllData", "ViewAllData", "CustomizeApplication"}) {
        QVERIFY(!integration->userPermissions.contains(QString::fromLatin1(permission)));
    }
    for (const char *other : {"LR_Admin", "LR_Operator", "LR_Viewer"}) {
        QVERIFY(shipped().permissionSet(QString::fromLatin1(other))->userPermissions.isEmpty());
    }
}

void TestLrMetadata::fieldPermissionsCoverEveryOptionalField()
{
    for (const PermissionSetDefinition &set : shipped().permissionSets) {
        for (const SObjectType &type : shipped().objects) {
            for (const SObjectField &field : type.fields()) {
                if (!field.name.endsWith(u"__c"_s)) {
                    continue;
                }
                const QString qualified = type.name() + u'.' + field.name;
                const auto *access = set.fieldAccess(qualified);
                if (!field.nillable && field.type != FieldType::Boolean) {
                    // Required fields are always visible; Salesforce refuses permissions on them.
                    QVERIFY2(!access, qPrintable(set.name + u' ' + qualified));
                    continue;
                }
                QVERIFY2(access && access->readable, qPrintable(set.name + u' ' + qualified));
                const auto *object = set.objectAccess(type.name());
                QCOMPARE(access->editable, object->edit);
            }
        }
    }
}

void TestLrMetadata::keyPrefixes()
{
    QCOMPARE(shipped().object(u"LR_Case__c")->keyPrefix(), u"a0A"_s);
    QCOMPARE(shipped().object(u"LR_Exemption__c")->keyPrefix(), u"a0B"_s);
    QCOMPARE(shipped().object(u"LR_Policy__c")->keyPrefix(), u"a0C"_s);
    QCOMPARE(shipped().object(u"LR_Settings__c")->keyPrefix(), u"a0D"_s);
    QCOMPARE(SalesforceMetadataLoader::keyPrefix(25), u"a0Z"_s);
    QCOMPARE(SalesforceMetadataLoader::keyPrefix(26), u"a0a"_s);
    QCOMPARE(SalesforceMetadataLoader::keyPrefix(62), u"a1A"_s);
}

void TestLrMetadata::badFilesAreNamed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("fragments"); // each must appear in the error

    const QString uniqueName = kPolicy + u"fields/Unique_Name__c.field-meta.xml"_s;
    const QString version = kPolicy + u"fields/Version__c.field-meta.xml"_s;
    const QString conflict =
        kPolicy + u"validationRules/Version_Conflict.validationRule-meta.xml"_s;
    const QString viewer = kSets + u"LR_Viewer.permissionset-meta.xml"_s;
    QTest::newRow("unsupported field type")
        << uniqueName << u"<type>Text</type>"_s << u"<type>AutoNumber</type>"_s
        << QStringList{uniqueName, u"<type>"_s, u"AutoNumber"_s};
    QTest::newRow("unsupported element")
        << version << u"<scale>0</scale>"_s << u"<scale>0</scale><formula>1</formula>"_s
        << QStringList{version, u"<formula>"_s, u"unsupported element"_s};
    QTest::newRow("unsupported formula function")
        << conflict << u"NOT(ISNEW())"_s << u"NOT(REGEX(Name, 'x'))"_s
        << QStringList{
               conflict, u"<errorConditionFormula>"_s, u"FORMULA_UNSUPPORTED"_s, u"REGEX"_s};
    QTest::newRow("formula names an unknown field")
        << conflict << u"Version__c &lt;&gt;"_s << u"Versoin__c &lt;&gt;"_s
        << QStringList{conflict, u"FORMULA_SYNTAX"_s, u"Versoin__c"_s};
    QTest::newRow("formula is no condition")
        << conflict
        << u"AND(\n    NOT(ISNEW()),\n    Version__c &lt;&gt; PRIORVALUE(Version__c) + 1\n)"_s
        << u"Version__c + 1"_s << QStringList{conflict, u"must give a Boolean"_s};
    QTest::newRow("picklist compared as text")
        << conflict << u"NOT(ISNEW())"_s << u"Schedule__c = 'Weekly'"_s
        << QStringList{conflict, u"Schedule__c is a picklist field"_s};
    QTest::newRow("unknown error display field")
        << conflict << u"<errorDisplayField>Version__c"_s << u"<errorDisplayField>Nope__c"_s
        << QStringList{conflict, u"<errorDisplayField>"_s, u"Nope__c"_s};
    QTest::newRow("malformed XML")
        << version << u"</CustomField>"_s << u"</CustomFeld>"_s << QStringList{version, u"line"_s};
    QTest::newRow("wrong root element")
        << viewer << u"<PermissionSet xmlns"_s << u"<Profile xmlns"_s
        << QStringList{viewer, u"<Profile>"_s, u"<PermissionSet>"_s};
    QTest::newRow("fullName differs from the file")
        << version << u"<fullName>Version__c</fullName>"_s << u"<fullName>Version2__c</fullName>"_s
        << QStringList{version, u"<fullName>"_s, u"does not match"_s};
    QTest::newRow("field permission on a required field")
        << viewer << u"<hasActivationRequired>"_s
        << u"<fieldPermissions><editable>false</editable><field>LR_Policy__c.Version__c</field>"
           u"<readable>true</readable></fieldPermissions><hasActivationRequired>"_s
        << QStringList{viewer, u"LR_Policy__c.Version__c"_s, u"required field"_s};
    const QString admin = kSets + u"LR_Admin.permissionset-meta.xml"_s;
    QTest::newRow("create without read")
        << admin << u"<allowRead>true</allowRead>"_s << u"<allowRead>false</allowRead>"_s
        << QStringList{admin, u"<objectPermissions>"_s, u"need allowRead"_s};
    QTest::newRow("lookup to an unknown object")
        << kObjects + u"LR_Exemption__c/fields/Policy__c.field-meta.xml"_s
        << u"<referenceTo>LR_Policy__c</referenceTo>"_s
        << u"<referenceTo>LR_Missing__c</referenceTo>"_s
        << QStringList{kObjects + u"LR_Exemption__c/fields/Policy__c.field-meta.xml"_s,
                       u"<referenceTo>"_s,
                       u"LR_Missing__c"_s};
    QTest::newRow("checkbox without default")
        << kPolicy + u"fields/Active__c.field-meta.xml"_s << u"<defaultValue>true</defaultValue>"_s
        << QString() << QStringList{u"Active__c.field-meta.xml"_s, u"needs a <defaultValue>"_s};
    QTest::newRow("default that is a formula")
        << version << u"<defaultValue>1</defaultValue>"_s
        << u"<defaultValue>TODAY() - TODAY() + 1</defaultValue>"_s
        << QStringList{version, u"<defaultValue>"_s, u"number literal"_s};
    QTest::newRow("global value set")
        << kPolicy + u"fields/Schedule__c.field-meta.xml"_s << u"<valueSetDefinition>"_s
        << u"<valueSetName>Schedules</valueSetName><valueSetDefinition>"_s
        << QStringList{u"Schedule__c.field-meta.xml"_s, u"<valueSetName>"_s};
}

void TestLrMetadata::badFilesAreNamed()
{
    QFETCH(QString, file);
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, fragments);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(copyTree(sourceProject(), dir.path()));
    QVERIFY(SalesforceMetadataLoader::load(dir.path()));
    QVERIFY2(edit(dir.path(), file, before, after), qPrintable(before));
    const auto loaded = SalesforceMetadataLoader::load(dir.path());
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, u"LR_METADATA_INVALID"_s);
    for (const QString &fragment : fragments) {
        QVERIFY2(loaded.error().message.contains(fragment),
                 qPrintable(u"'%1' not in: %2"_s.arg(fragment, loaded.error().message)));
    }
}

QTEST_GUILESS_MAIN(TestLrMetadata)
#include "tst_lrmetadata.moc"
