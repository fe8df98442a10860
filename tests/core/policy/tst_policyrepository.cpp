// PolicyRepository against the demo org over real HTTP: every field and exemption round
// trips, compare-and-set conflicts name who and when, Reload and Overwrite work, the viewer
// may not edit, and an org without the LR objects (or with an old schema) refuses every
// write with the deploy command.
#include "core/common/translations.h"
#include "core/org/orgclient.h"
#include "core/policy/policyjson.h"
#include "core/policy/policyrepository.h"
#include "support/demoorgfixture.h"
#include "support/policysession.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using lr::Error;
using lr::Result;
using lr::policy::DeploymentStatus;
using lr::policy::Exemption;
using lr::policy::Policy;
using lr::policy::PolicyConflict;
using lr::policy::PolicyJson;
using lr::policy::PolicyRepository;
using lr::policy::PolicyWriteOutcome;

namespace {

const QString kDeployCommand =
    u"cd installer/salesforce && sf project deploy start --source-dir force-app --target-org"_s;

using Session = lr::test::PolicySession;

Session sessionAs(lr::test::DemoOrgFixture &demo, const QString &role)
{
    return Session::as(demo, role);
}

template <typename T>
QString describe(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}

void comparePolicies(const Policy &actual, const Policy &expected)
{
    QCOMPARE(actual.name, expected.name.trimmed());
    QCOMPARE(actual.active, expected.active);
    QCOMPARE(actual.schedule, expected.schedule);
    QCOMPARE(actual.executionPath, expected.executionPath);
    QCOMPARE(actual.itsmConnection, expected.itsmConnection);
    QCOMPARE(actual.defaultThresholdDays, expected.defaultThresholdDays);
    QCOMPARE(actual.thresholdByLicense, expected.thresholdByLicense);
    QCOMPARE(actual.includeLicenses, expected.includeLicenses);
    QCOMPARE(actual.excludeLicenses, expected.excludeLicenses);
    QCOMPARE(actual.userTypes, expected.userTypes);
    QCOMPARE(actual.gracePeriodDays, expected.gracePeriodDays);
    QCOMPARE(actual.managerSlaDays, expected.managerSlaDays);
    QCOMPARE(actual.reminderDays, expected.reminderDays);
    QCOMPARE(actual.timeoutAction, expected.timeoutAction);
    QCOMPARE(actual.dryRun, expected.dryRun);
    QCOMPARE(actual.cooldownDays, expected.cooldownDays);
    QCOMPARE(actual.notificationChannel, expected.notificationChannel);
    QCOMPARE(actual.downgradeTargets, expected.downgradeTargets);
    QCOMPARE(actual.transferOpenRecords, expected.transferOpenRecords);
    QCOMPARE(actual.exemptions.size(), expected.exemptions.size());
    for (qsizetype i = 0; i < expected.exemptions.size(); ++i) {
        QCOMPARE(actual.exemptions.at(i).userId.left(15),
                 expected.exemptions.at(i).userId.left(15));
        QCOMPARE(actual.exemptions.at(i).reason, expected.exemptions.at(i).reason.trimmed());
        QCOMPARE(actual.exemptions.at(i).expires, expected.exemptions.at(i).expires);
        QVERIFY(!actual.exemptions.at(i).id.isEmpty());
        QVERIFY(!actual.exemptions.at(i).username.isEmpty());
    }
}

// Mutations the org accepted (2xx), as "METHOD path".
QStringList acceptedWrites(lr::test::DemoOrgFixture &demo)
{
    QStringList writes;
    for (const QJsonValue &value : demo.mutations()) {
        const QJsonObject entry = value.toObject();
        const int status = entry.value(u"status"_s).toInt();
        if (status >= 200 && status < 300) {
            writes.append(entry.value(u"method"_s).toString() + u' '
                          + entry.value(u"path"_s).toString());
        }
    }
    return writes;
}

// What the LR objects hold, in one line: a refused write leaves it as it was (a collection
// answers 200 even when every record in it failed, so the mutation log cannot tell).
QString storedLrState(lr::test::DemoOrgFixture &demo)
{
    QStringList parts;
    for (const QString &table : {u"LR_Policy__c"_s, u"LR_Exemption__c"_s}) {
        parts.append(
            table + u'='
            + demo.sql(u"SELECT COUNT(*) || '/' || IFNULL(MAX(SystemModstamp), '') FROM "_s + table)
                  .toString());
    }
    return parts.join(u' ');
}

} // namespace

class TestPolicyRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void deployedOrgStartsWithTheBuiltInDefault();
    void everyFieldAndExemptionRoundTrips();
    void createGivesVersionOneAndNamesAreUnique();
    void concurrentEditNamesWhoAndWhen();
    void overwriteSavesOnTopOfTheStoredVersion();
    void renameAndPauseAreCompareAndSet();
    void duplicateMakesUniquePausedCopies();
    void manyExemptionsAreWrittenTwoHundredACall();
    void deleteTakesTheExemptionsWithIt();
    void policyWithOpenCasesIsPausedNotDeleted();
    void unreadableCasesRefuseDelete();
    void keepsOfTheLastYearAreLoaded();
    void invalidPolicyIsNeverSent();
    void viewerMayNotEditPolicies();
    void importCreatesThenReplaces();
    void exportImportRoundTripsThroughTheOrg();
    void notDeployedOrgRefusesWrites();
    void oldSchemaRefusesWrites();

private:
    Policy fullPolicy(const QString &name, int exemptions = 3);
    // A case of `policyId` for the i-th active user, in `state`; its id.
    QString openCase(const QString &policyId, int user, const QString &state);

    lr::test::DemoOrgFixture m_demo;
    QList<QPair<QString, QString>> m_users; // id, username
    QString m_adminName;
};

void TestPolicyRepository::initTestCase()
{
    lr::Translations::install(*QCoreApplication::instance());
    lr::demo::DemoOrgOptions options;
    options.userCount = 700;
    options.seed = 11;
    QVERIFY(m_demo.start(options));
    const auto users =
        m_demo.query(u"SELECT Id, Username FROM User WHERE IsActive = true ORDER BY Username"_s);
    QCOMPARE(users.status, 200);
    for (const QJsonValue &user : users.json().object().value(u"records"_s).toArray()) {
        m_users.append({user.toObject().value(u"Id"_s).toString(),
                        user.toObject().value(u"Username"_s).toString()});
    }
    QVERIFY(m_users.size() >= 450);
    const auto admin =
        m_demo.query(u"SELECT Name FROM User WHERE Id = '%1'"_s.arg(m_demo.userId(u"admin"_s)));
    m_adminName = admin.json()
                      .object()
                      .value(u"records"_s)
                      .toArray()
                      .first()
                      .toObject()
                      .value(u"Name"_s)
                      .toString();
    QVERIFY(!m_adminName.isEmpty());
}

void TestPolicyRepository::init()
{
    m_demo.clearMutations();
}

Policy TestPolicyRepository::fullPolicy(const QString &name, int exemptions)
{
    Policy policy;
    policy.name = name;
    policy.active = false;
    policy.schedule = Policy::Schedule::Monthly;
    policy.executionPath = Policy::ExecutionPath::Both;
    policy.itsmConnection = u"ServiceNow production"_s;
    policy.defaultThresholdDays = 120;
    policy.thresholdByLicense = {{u"Salesforce Platform"_s, 180}, {u"Salesforce"_s, 60}};
    policy.includeLicenses = {u"Salesforce"_s, u"Salesforce Platform"_s};
    policy.excludeLicenses = {u"Chatter Free"_s};
    policy.userTypes = {u"Standard"_s, u"CsnOnly"_s};
    policy.gracePeriodDays = 30;
    policy.managerSlaDays = 10;
    policy.reminderDays = 5;
    policy.timeoutAction = Policy::TimeoutAction::AutoFreeze;
    policy.dryRun = false;
    policy.cooldownDays = 180;
    for (int i = 0; i < exemptions; ++i) {
        Exemption exemption;
        exemption.userId = m_users.at(i).first;
        exemption.reason = u"Reason %1: \"quoted\", 取締役"_s.arg(i);
        exemption.expires = i % 2 ? QDate(2027, 1, 1 + i % 28) : QDate();
        policy.exemptions.append(exemption);
    }
    policy.notificationChannel = u"slack-sales-ops"_s;
    policy.downgradeTargets = {{u"Salesforce"_s, u"00e000000000001AAA"_s}};
    policy.transferOpenRecords = true;
    return policy;
}

void TestPolicyRepository::deployedOrgStartsWithTheBuiltInDefault()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto status = QCoro::waitFor(analyst.repository->deploymentStatus());
    QVERIFY2(status, qPrintable(describe(status)));
    QCOMPARE(status->state, DeploymentStatus::State::Deployed);
    QCOMPARE(status->schemaVersion, DeploymentStatus::kCurrentSchemaVersion);
    const auto builtIn =
        QCoro::waitFor(analyst.repository->loadByName(u"salesforce licenses, 90 DAYS "_s));
    QVERIFY2(builtIn, qPrintable(describe(builtIn)));
    QVERIFY(!builtIn->isStored());
    const auto missing = QCoro::waitFor(analyst.repository->loadByName(u"No such policy"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"NOT_FOUND"_s);
    const auto paused = QCoro::waitFor(analyst.repository->setActive(builtIn.value(), false));
    QVERIFY(!paused);
    QCOMPARE(paused.error().kind, Error::Kind::Refused);
}

void TestPolicyRepository::everyFieldAndExemptionRoundTrips()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    QSignalSpy changed(analyst.repository.get(), &PolicyRepository::policiesChanged);
    const Policy policy = fullPolicy(u"  Round trip — Nordics  "_s);
    const auto created = QCoro::waitFor(analyst.repository->create(policy));
    QVERIFY2(created, qPrintable(describe(created)));
    QVERIFY(!created->hasConflict());
    QCOMPARE(changed.size(), 1);
    const Policy stored = *created->policy;
    QVERIFY(stored.isStored());
    QCOMPARE(stored.version, 1);
    comparePolicies(stored, policy);
    QCOMPARE(stored.ownerId.left(15), m_demo.userId(u"analyst"_s).left(15));
    QVERIFY(stored.lastModifiedAt.isValid());
    QVERIFY(!stored.lastModifiedBy.isEmpty());
    QCOMPARE(stored.exemptions.first().username, m_users.first().second);

    // By id and by name, as stored.
    const auto byId = QCoro::waitFor(analyst.repository->load(stored.id));
    QVERIFY2(byId, qPrintable(describe(byId)));
    comparePolicies(byId.value(), policy);
    const auto byName = QCoro::waitFor(analyst.repository->loadByName(u"ROUND TRIP — nordics"_s));
    QVERIFY2(byName, qPrintable(describe(byName)));
    QCOMPARE(byName->id, stored.id);
    QCOMPARE(m_demo.sql(u"SELECT Unique_Name__c FROM LR_Policy__c WHERE Id = ?"_s, {stored.id})
                 .toString(),
             u"round trip — nordics"_s);

    // Every field changed, one exemption kept, one changed, one removed, two added.
    Policy edited = stored;
    edited.active = true;
    edited.schedule = Policy::Schedule::Daily;
    edited.executionPath = Policy::ExecutionPath::Email;
    edited.itsmConnection.clear();
    edited.defaultThresholdDays = 45;
    edited.thresholdByLicense = {{u"Chatter Free"_s, 365}};
    edited.includeLicenses.clear();
    edited.excludeLicenses = {u"Salesforce Platform"_s};
    edited.userTypes = {u"PowerPartner"_s};
    edited.gracePeriodDays = 0;
    edited.managerSlaDays = 1;
    edited.reminderDays = 0;
    edited.timeoutAction = Policy::TimeoutAction::HoldForReview;
    edited.dryRun = true;
    edited.cooldownDays = 0;
    edited.notificationChannel.clear();
    edited.downgradeTargets.clear();
    edited.transferOpenRecords = false;
    edited.exemptions[1].reason = u"Changed reason"_s;
    edited.exemptions[1].expires = QDate(2030, 12, 31);
    edited.exemptions.removeAt(2);
    for (int i = 10; i < 12; ++i) {
        Exemption added;
        added.userId = m_users.at(i).first;
        added.reason = u"Added %1"_s.arg(i);
        edited.exemptions.append(added);
    }
    const QString keptRow = edited.exemptions.first().id;
    const QString changedRow = edited.exemptions.at(1).id;
    const auto saved = QCoro::waitFor(analyst.repository->save(edited));
    QVERIFY2(saved, qPrintable(describe(saved)));
    QVERIFY(!saved->hasConflict());
    QCOMPARE(saved->policy->version, 2);
    comparePolicies(*saved->policy, edited);
    // Rows are matched by user: the unchanged and the changed exemptions keep their records.
    QCOMPARE(saved->policy->exemptions.at(0).id, keptRow);
    QCOMPARE(saved->policy->exemptions.at(1).id, changedRow);
    QCOMPARE(m_demo.sql(u"SELECT COUNT(*) FROM LR_Exemption__c WHERE Policy__c = ?"_s, {stored.id})
                 .toInt(),
             4);
    QCOMPARE(changed.size(), 2);
}

void TestPolicyRepository::createGivesVersionOneAndNamesAreUnique()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Session admin = sessionAs(m_demo, u"admin"_s);
    const auto first = QCoro::waitFor(admin.repository->create(fullPolicy(u"Unique name"_s, 0)));
    QVERIFY2(first, qPrintable(describe(first)));
    QCOMPARE(first->policy->version, 1);
    const QString before = storedLrState(m_demo);
    const auto second =
        QCoro::waitFor(analyst.repository->create(fullPolicy(u" UNIQUE NAME"_s, 2)));
    QVERIFY2(second, qPrintable(describe(second)));
    QVERIFY(second->hasConflict());
    QCOMPARE(second->conflict->reason, PolicyConflict::Reason::NameTaken);
    QCOMPARE(second->conflict->policyId, first->policy->id);
    QCOMPARE(second->conflict->changedBy, m_adminName);
    QVERIFY(second->conflict->changedAt.isValid());
    QVERIFY2(second->conflict->message().contains(u"'Unique name' is taken"_s),
             qPrintable(second->conflict->message()));
    QCOMPARE(storedLrState(m_demo), before); // no policy, and no exemption rows without one

    // A rename onto a taken name is the same conflict.
    const auto other = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Other name"_s, 0)));
    QVERIFY2(other, qPrintable(describe(other)));
    const auto renamed =
        QCoro::waitFor(analyst.repository->rename(*other->policy, u"unique NAME"_s));
    QVERIFY2(renamed, qPrintable(describe(renamed)));
    QVERIFY(renamed->hasConflict());
    QCOMPARE(renamed->conflict->reason, PolicyConflict::Reason::NameTaken);
}

void TestPolicyRepository::concurrentEditNamesWhoAndWhen()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Session admin = sessionAs(m_demo, u"admin"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Contested"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    Policy mine = *created->policy;
    Policy theirs = *created->policy;

    theirs.defaultThresholdDays = 200;
    const auto theirSave = QCoro::waitFor(admin.repository->save(theirs));
    QVERIFY2(theirSave && !theirSave->hasConflict(), qPrintable(describe(theirSave)));
    QCOMPARE(theirSave->policy->version, 2);

    m_demo.clearMutations();
    mine.cooldownDays = 30;
    mine.exemptions.clear();
    const auto mySave = QCoro::waitFor(analyst.repository->save(mine));
    QVERIFY2(mySave, qPrintable(describe(mySave)));
    QVERIFY(mySave->hasConflict());
    const PolicyConflict &conflict = *mySave->conflict;
    QCOMPARE(conflict.reason, PolicyConflict::Reason::ChangedSinceLoaded);
    QCOMPARE(conflict.policyId, mine.id);
    QCOMPARE(conflict.storedVersion, 2);
    QCOMPARE(conflict.changedBy, m_adminName);
    QVERIFY(conflict.changedAt.isValid());
    QVERIFY(qAbs(conflict.changedAt.secsTo(theirSave->policy->lastModifiedAt)) <= 1);
    QVERIFY2(conflict.message().startsWith(m_adminName + u" saved this policy on "_s),
             qPrintable(conflict.message()));
    // Nothing of mine was written: not the record, not the exemptions.
    QCOMPARE(acceptedWrites(m_demo), QStringList());

    // Reload: their version, with their change.
    const auto reloaded = QCoro::waitFor(analyst.repository->load(mine.id));
    QVERIFY2(reloaded, qPrintable(describe(reloaded)));
    QCOMPARE(reloaded->version, 2);
    QCOMPARE(reloaded->defaultThresholdDays, 200);
    QCOMPARE(reloaded->cooldownDays, 180);
    QCOMPARE(reloaded->exemptions.size(), 3);
}

void TestPolicyRepository::overwriteSavesOnTopOfTheStoredVersion()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Session admin = sessionAs(m_demo, u"admin"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Overwritten"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    Policy mine = *created->policy;
    Policy theirs = *created->policy;
    theirs.gracePeriodDays = 60;
    QVERIFY(QCoro::waitFor(admin.repository->save(theirs)));
    theirs.version = 2;
    theirs.gracePeriodDays = 61;
    QVERIFY(QCoro::waitFor(admin.repository->save(theirs)));

    mine.cooldownDays = 30;
    mine.exemptions.removeLast();
    QVERIFY(QCoro::waitFor(analyst.repository->save(mine))->hasConflict());
    const auto overwritten = QCoro::waitFor(analyst.repository->overwrite(mine));
    QVERIFY2(overwritten, qPrintable(describe(overwritten)));
    QVERIFY(!overwritten->hasConflict());
    QCOMPARE(overwritten->policy->version, 4);
    QCOMPARE(overwritten->policy->cooldownDays, 30);
    QCOMPARE(overwritten->policy->gracePeriodDays, mine.gracePeriodDays); // theirs is gone
    QCOMPARE(overwritten->policy->exemptions.size(), 2);
}

void TestPolicyRepository::renameAndPauseAreCompareAndSet()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Renamed"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    Policy stale = *created->policy;
    stale.active = true;

    const auto renamed = QCoro::waitFor(analyst.repository->rename(stale, u"Renamed again"_s));
    QVERIFY2(renamed && !renamed->hasConflict(), qPrintable(describe(renamed)));
    QCOMPARE(renamed->policy->name, u"Renamed again"_s);
    QCOMPARE(renamed->policy->version, 2);
    QCOMPARE(renamed->policy->active, false); // only the name was written
    QCOMPARE(renamed->policy->exemptions.size(), 3);

    // `stale` still says version 1.
    const auto pausedStale = QCoro::waitFor(analyst.repository->setActive(stale, true));
    QVERIFY2(pausedStale, qPrintable(describe(pausedStale)));
    QVERIFY(pausedStale->hasConflict());
    const auto renamedStale = QCoro::waitFor(analyst.repository->rename(stale, u"Third"_s));
    QVERIFY2(renamedStale, qPrintable(describe(renamedStale)));
    QVERIFY(renamedStale->hasConflict());

    const auto resumed = QCoro::waitFor(analyst.repository->setActive(*renamed->policy, true));
    QVERIFY2(resumed && !resumed->hasConflict(), qPrintable(describe(resumed)));
    QVERIFY(resumed->policy->active);
    QCOMPARE(resumed->policy->version, 3);
    const auto paused = QCoro::waitFor(analyst.repository->setActive(*resumed->policy, false));
    QVERIFY2(paused && !paused->hasConflict(), qPrintable(describe(paused)));
    QVERIFY(!paused->policy->active);

    const auto badName = QCoro::waitFor(analyst.repository->rename(*paused->policy, u" "_s));
    QVERIFY(!badName);
    QCOMPARE(badName.error().kind, Error::Kind::Usage);
    QCOMPARE(badName.error().fields, QStringList{u"$.name"_s});
}

void TestPolicyRepository::duplicateMakesUniquePausedCopies()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Policy original = fullPolicy(u"Original"_s);
    original.active = true;
    const auto created = QCoro::waitFor(analyst.repository->create(original));
    QVERIFY2(created, qPrintable(describe(created)));
    const auto copy = QCoro::waitFor(analyst.repository->duplicate(*created->policy));
    QVERIFY2(copy && !copy->hasConflict(), qPrintable(describe(copy)));
    QCOMPARE(copy->policy->name, u"Copy of Original"_s);
    QVERIFY(copy->policy->id != created->policy->id);
    QVERIFY(!copy->policy->active);
    QCOMPARE(copy->policy->exemptions.size(), 3);
    QVERIFY(copy->policy->exemptions.first().id != created->policy->exemptions.first().id);
    const auto second = QCoro::waitFor(analyst.repository->duplicate(*created->policy));
    QVERIFY2(second && !second->hasConflict(), qPrintable(describe(second)));
    QCOMPARE(second->policy->name, u"Copy of Original (2)"_s);
    // A long name still makes a name within 80 characters.
    const auto longName =
        QCoro::waitFor(analyst.repository->create(fullPolicy(QString(80, u'L'), 0)));
    QVERIFY2(longName, qPrintable(describe(longName)));
    const auto longCopy = QCoro::waitFor(analyst.repository->duplicate(*longName->policy));
    QVERIFY2(longCopy && !longCopy->hasConflict(), qPrintable(describe(longCopy)));
    QVERIFY(longCopy->policy->name.size() <= 80);
    QVERIFY(longCopy->policy->name.startsWith(u"Copy of LLL"_s));
}

void TestPolicyRepository::manyExemptionsAreWrittenTwoHundredACall()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created =
        QCoro::waitFor(analyst.repository->create(fullPolicy(u"Many exemptions"_s, 450)));
    QVERIFY2(created, qPrintable(describe(created)));
    QCOMPARE(created->policy->exemptions.size(), 450);
    const QStringList writes = acceptedWrites(m_demo);
    QCOMPARE(writes.count(u"POST /services/data/v%1/composite/sobjects"_s.arg(
                 lr::demo::DemoOrg::latestApiVersion())),
             1 + 3); // the policy, then 200 + 200 + 50 exemptions

    Policy fewer = *created->policy;
    fewer.exemptions = fewer.exemptions.mid(0, 20);
    m_demo.clearMutations();
    const auto saved = QCoro::waitFor(analyst.repository->save(fewer));
    QVERIFY2(saved && !saved->hasConflict(), qPrintable(describe(saved)));
    QCOMPARE(saved->policy->exemptions.size(), 20);
    qsizetype deletes = 0;
    for (const QString &write : acceptedWrites(m_demo)) {
        deletes += write.startsWith(u"DELETE "_s);
    }
    QCOMPARE(deletes, 3); // 430 rows: 200 + 200 + 30
}

void TestPolicyRepository::deleteTakesTheExemptionsWithIt()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Deleted"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    const Policy policy = *created->policy;
    const auto open = QCoro::waitFor(analyst.repository->openCaseCount(policy.id));
    QVERIFY2(open, qPrintable(describe(open)));
    QCOMPARE(open.value(), 0);

    Policy stale = policy;
    stale.version = 0;
    const auto refused = QCoro::waitFor(analyst.repository->remove(stale));
    QVERIFY2(refused && refused->hasConflict(), qPrintable(describe(refused)));

    const auto removed = QCoro::waitFor(analyst.repository->remove(policy));
    QVERIFY2(removed && !removed->hasConflict(), qPrintable(describe(removed)));
    QVERIFY(!removed->policy);
    QCOMPARE(m_demo.sql(u"SELECT COUNT(*) FROM LR_Policy__c WHERE Id = ?"_s, {policy.id}).toInt(),
             0);
    // No exemption is left behind without its policy (it would then exempt from every policy).
    for (const Exemption &exemption : policy.exemptions) {
        QCOMPARE(m_demo.sql(u"SELECT COUNT(*) FROM LR_Exemption__c WHERE Id = ?"_s, {exemption.id})
                     .toInt(),
                 0);
    }
    const auto gone = QCoro::waitFor(analyst.repository->load(policy.id));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, u"NOT_FOUND"_s);
    const auto saveGone = QCoro::waitFor(analyst.repository->save(policy));
    QVERIFY(!saveGone);
    QCOMPARE(saveGone.error().code, u"NOT_FOUND"_s);
}

QString TestPolicyRepository::openCase(const QString &policyId, int user, const QString &state)
{
    const QJsonObject fields{
        {u"Name"_s, u"Case %1"_s.arg(user)},
        {u"Policy__c"_s, policyId},
        {u"User__c"_s, m_users.at(user).first},
        {u"State__c"_s, state},
        {u"External_Id__c"_s, u"%1|%2|1"_s.arg(policyId, m_users.at(user).first)},
    };
    const auto created = m_demo.send("POST",
                                     m_demo.dataPath(u"sobjects/LR_Case__c"_s),
                                     QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                     m_demo.token(u"analyst"_s));
    if (created.status != 201) {
        qWarning() << "case not created:" << created.body;
        return {};
    }
    return created.json()[u"id"_s].toString();
}

void TestPolicyRepository::policyWithOpenCasesIsPausedNotDeleted()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Has cases"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    Policy policy = *created->policy;
    policy.active = true;
    const auto resumed = QCoro::waitFor(analyst.repository->setActive(policy, true));
    QVERIFY2(resumed && !resumed->hasConflict(), qPrintable(describe(resumed)));
    policy = *resumed->policy;

    // One case still waiting for its manager, one that ended: only the first is open.
    const QString waiting = openCase(policy.id, 10, u"Notified"_s);
    const QString ended = openCase(policy.id, 11, u"Deactivated"_s);
    QVERIFY(!waiting.isEmpty() && !ended.isEmpty());
    const auto open = QCoro::waitFor(analyst.repository->openCaseCount(policy.id));
    QVERIFY2(open, qPrintable(describe(open)));
    QCOMPARE(open.value(), 1);

    const QString before = storedLrState(m_demo);
    const auto refused = QCoro::waitFor(analyst.repository->remove(policy));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QCOMPARE(refused.error().code, u"POLICY_HAS_OPEN_CASES"_s);
    QVERIFY2(refused.error().message.contains(u"1 open case"_s),
             qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(u"pause it instead"_s));
    QCOMPARE(storedLrState(m_demo), before);

    // Pausing is what the policy allows instead.
    const auto paused = QCoro::waitFor(analyst.repository->setActive(policy, false));
    QVERIFY2(paused && !paused->hasConflict(), qPrintable(describe(paused)));
    QVERIFY(!paused->policy->active);
    policy = *paused->policy;

    // Once the case ends, the policy may go; the closed cases stay, without their policy.
    const auto closed =
        m_demo.send("PATCH",
                    m_demo.dataPath(u"sobjects/LR_Case__c/"_s + waiting),
                    QJsonDocument(QJsonObject{{u"State__c"_s, u"Kept"_s},
                                              {u"Expected_State__c"_s, u"Notified"_s}})
                        .toJson(QJsonDocument::Compact),
                    m_demo.token(u"analyst"_s));
    QCOMPARE(closed.status, 204);
    const auto removed = QCoro::waitFor(analyst.repository->remove(policy));
    QVERIFY2(removed && !removed->hasConflict(), qPrintable(describe(removed)));
    for (const QString &id : {waiting, ended}) {
        QCOMPARE(
            m_demo
                .sql(u"SELECT COUNT(*) FROM LR_Case__c WHERE Id = ? AND Policy__c IS NULL"_s, {id})
                .toInt(),
            1);
    }
}

void TestPolicyRepository::unreadableCasesRefuseDelete()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Unseen cases"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    // An Operator set whose admin took away Reclaim Cases: the open cases are unknown.
    const QString operatorCases =
        u"UPDATE ObjectPermissions SET PermissionsRead = %1, PermissionsCreate = %1, "
        u"PermissionsEdit = %1 WHERE SobjectType = 'LR_Case__c' AND ParentId IN "
        u"(SELECT Id FROM PermissionSet WHERE Name = 'LR_Operator')"_s;
    QVERIFY(m_demo.execute(operatorCases.arg(0)));
    QCOMPARE(m_demo.query(u"SELECT COUNT() FROM LR_Case__c"_s, u"analyst"_s).errorCode(),
             u"INVALID_TYPE"_s);
    const auto refused = QCoro::waitFor(analyst.repository->remove(*created->policy));
    // The policy still loads, to be edited, but its keeps are unknown: it blocks everyone.
    const auto loaded = QCoro::waitFor(analyst.repository->load(created->policy->id));
    QVERIFY(m_demo.execute(operatorCases.arg(1)));
    QVERIFY2(loaded, qPrintable(describe(loaded)));
    QVERIFY(loaded->recentKeeps.isEmpty());
    QVERIFY2(loaded->recentKeepsUnknown.contains(u"LR_Case__c"_s),
             qPrintable(loaded->recentKeepsUnknown));
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.contains(u"LR_Case__c"_s),
             qPrintable(refused.error().message));
    QCOMPARE(m_demo.sql(u"SELECT COUNT(*) FROM LR_Policy__c WHERE Id = ?"_s, {created->policy->id})
                 .toInt(),
             1);
}

void TestPolicyRepository::keepsOfTheLastYearAreLoaded()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Kept users"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    const QString policyId = created->policy->id;
    QVERIFY(created->policy->recentKeeps.isEmpty());
    QVERIFY(created->policy->recentKeepsUnknown.isEmpty());

    const QString keptNow = openCase(policyId, 20, u"Kept"_s);
    const QString reactivated = openCase(policyId, 21, u"Reactivated"_s);
    const QString keptLongAgo = openCase(policyId, 22, u"Kept"_s);
    const QString stillOpen = openCase(policyId, 23, u"Held"_s);
    const QString deactivated = openCase(policyId, 24, u"Deactivated"_s);
    for (const QString &id : {keptNow, reactivated, keptLongAgo, stillOpen, deactivated}) {
        QVERIFY(!id.isEmpty());
    }
    // A keep 400 days ago is past any cooldown (at most 365 days).
    const QString stored =
        m_demo.sql(u"SELECT LastModifiedDate FROM LR_Case__c WHERE Id = ?"_s, {keptLongAgo})
            .toString();
    const QDateTime modified = QDateTime::fromString(stored, Qt::ISODateWithMs);
    QVERIFY2(modified.isValid(), qPrintable(stored));
    const QString longAgo =
        QString(stored).replace(0, 10, modified.date().addDays(-400).toString(Qt::ISODate));
    QVERIFY(m_demo.execute(u"UPDATE LR_Case__c SET LastModifiedDate = ? WHERE Id = ?"_s,
                           {longAgo, keptLongAgo}));

    const auto loaded = QCoro::waitFor(analyst.repository->load(policyId));
    QVERIFY2(loaded, qPrintable(describe(loaded)));
    QVERIFY(loaded->recentKeepsUnknown.isEmpty());
    QStringList users;
    for (const lr::policy::RecentKeep &keep : loaded->recentKeeps) {
        users.append(keep.userId.left(15));
        QCOMPARE(keep.keptOn, modified.toUTC().date());
    }
    users.sort();
    QStringList expected{m_users.at(20).first.left(15), m_users.at(21).first.left(15)};
    expected.sort();
    QCOMPARE(users, expected);
}

void TestPolicyRepository::invalidPolicyIsNeverSent()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Policy invalid = fullPolicy(u"Invalid"_s);
    invalid.defaultThresholdDays = 400;
    invalid.reminderDays = 12;
    const auto created = QCoro::waitFor(analyst.repository->create(invalid));
    QVERIFY(!created);
    QCOMPARE(created.error().kind, Error::Kind::Usage);
    QCOMPARE(created.error().fields,
             QStringList({u"$.defaultThresholdDays"_s, u"$.reminderDays"_s}));
    QVERIFY(created.error().message.contains(u"400 days is outside 30 to 365 days"_s));

    const auto valid = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Valid"_s)));
    QVERIFY2(valid, qPrintable(describe(valid)));
    m_demo.clearMutations();
    Policy broken = *valid->policy;
    broken.exemptions[0].reason.clear();
    const auto saved = QCoro::waitFor(analyst.repository->save(broken));
    QVERIFY(!saved);
    QCOMPARE(saved.error().fields, QStringList{u"$.exemptions[0].reason"_s});
    QCOMPARE(m_demo.mutations(), QJsonArray());
}

void TestPolicyRepository::viewerMayNotEditPolicies()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    Session viewer = sessionAs(m_demo, u"viewer"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Viewed"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    const auto read = QCoro::waitFor(viewer.repository->load(created->policy->id));
    QVERIFY2(read, qPrintable(describe(read)));
    QCOMPARE(read->exemptions.size(), 3);

    const QString before = storedLrState(m_demo);
    const QString permission = u"Your user may not edit policies: it needs the LR Operator or "
                               u"LR Admin permission set."_s;
    const auto create = QCoro::waitFor(viewer.repository->create(fullPolicy(u"Viewer's"_s)));
    QVERIFY(!create);
    QCOMPARE(create.error().kind, Error::Kind::Refused);
    QCOMPARE(create.error().message, permission);
    Policy edited = read.value();
    edited.cooldownDays = 1;
    const auto save = QCoro::waitFor(viewer.repository->save(edited));
    QVERIFY(!save);
    QCOMPARE(save.error().kind, Error::Kind::Refused);
    QCOMPARE(save.error().message, permission);
    const auto pause = QCoro::waitFor(viewer.repository->setActive(read.value(), true));
    QVERIFY(!pause);
    QCOMPARE(pause.error().kind, Error::Kind::Refused);
    const auto remove = QCoro::waitFor(viewer.repository->remove(read.value()));
    QVERIFY(!remove);
    QCOMPARE(remove.error().kind, Error::Kind::Refused);
    QCOMPARE(storedLrState(m_demo), before);
}

void TestPolicyRepository::importCreatesThenReplaces()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    // The file names the second exemption's user by username only (in capitals: usernames
    // compare without case).
    QByteArray file = PolicyJson::write(fullPolicy(u"Imported"_s));
    const QString byId = u"\"userId\": \"%1\", "_s.arg(m_users.at(1).first);
    const QString byName = u"\"username\": \"%1\", "_s.arg(m_users.at(1).second.toUpper());
    file.replace(byId.toUtf8(), byName.toUtf8());
    const auto created = QCoro::waitFor(analyst.repository->importJson(file));
    QVERIFY2(created && !created->hasConflict(), qPrintable(describe(created)));
    QCOMPARE(created->policy->version, 1);
    comparePolicies(*created->policy, fullPolicy(u"Imported"_s));

    Policy changed = fullPolicy(u"IMPORTED"_s, 1);
    changed.cooldownDays = 7;
    const auto replaced =
        QCoro::waitFor(analyst.repository->importJson(PolicyJson::write(changed)));
    QVERIFY2(replaced && !replaced->hasConflict(), qPrintable(describe(replaced)));
    QCOMPARE(replaced->policy->id, created->policy->id);
    QCOMPARE(replaced->policy->version, 2);
    comparePolicies(*replaced->policy, changed);
}

void TestPolicyRepository::exportImportRoundTripsThroughTheOrg()
{
    Session analyst = sessionAs(m_demo, u"analyst"_s);
    const auto created = QCoro::waitFor(analyst.repository->create(fullPolicy(u"Exported"_s)));
    QVERIFY2(created, qPrintable(describe(created)));
    QByteArray file = PolicyJson::write(*created->policy);
    QVERIFY(file.contains(m_users.first().second.toUtf8())); // usernames for people
    file.replace("\"name\": \"Exported\"", "\"name\": \"Exported copy\"");
    const auto imported = QCoro::waitFor(analyst.repository->importJson(file));
    QVERIFY2(imported && !imported->hasConflict(), qPrintable(describe(imported)));
    QVERIFY(imported->policy->id != created->policy->id);
    Policy expected = *created->policy;
    expected.name = u"Exported copy"_s;
    comparePolicies(*imported->policy, expected);
    QCOMPARE(PolicyJson::write(*imported->policy).replace("Exported copy", "Exported"),
             PolicyJson::write(*created->policy));
}

void TestPolicyRepository::notDeployedOrgRefusesWrites()
{
    lr::test::DemoOrgFixture bare;
    lr::demo::DemoOrgOptions options;
    options.userCount = 40;
    options.lrSchema = lr::demo::LrSchema::None;
    QVERIFY(bare.start(options));
    Session admin = sessionAs(bare, u"admin"_s);
    admin.repository->setOrgAlias(u"acme-uat"_s);
    const auto status = QCoro::waitFor(admin.repository->deploymentStatus());
    QVERIFY2(status, qPrintable(describe(status)));
    QCOMPARE(status->state, DeploymentStatus::State::NotDeployed);

    const auto list = QCoro::waitFor(admin.repository->list());
    QVERIFY2(list, qPrintable(describe(list)));
    QCOMPARE(list->size(), 1);
    QVERIFY(list->first().isBuiltIn());
    QCOMPARE(list->first().name, Policy::builtInDefault().name);
    const auto builtIn =
        QCoro::waitFor(admin.repository->loadByName(Policy::builtInDefault().name));
    QVERIFY2(builtIn, qPrintable(describe(builtIn)));

    const QString command = kDeployCommand + u" acme-uat"_s;
    auto expectRefusal = [&](const auto &result) {
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Refused);
        QCOMPARE(result.error().code, u"LR_NOT_DEPLOYED"_s);
        QVERIFY2(result.error().message.contains(command), qPrintable(result.error().message));
    };
    expectRefusal(QCoro::waitFor(admin.repository->create(Policy::builtInDefault())));
    expectRefusal(QCoro::waitFor(admin.repository->save(Policy::builtInDefault())));
    expectRefusal(
        QCoro::waitFor(admin.repository->importJson(PolicyJson::write(Policy::builtInDefault()))));
    Policy pretend = Policy::builtInDefault();
    pretend.id = u"a01000000000001AAA"_s;
    expectRefusal(QCoro::waitFor(admin.repository->setActive(pretend, false)));
    expectRefusal(QCoro::waitFor(admin.repository->remove(pretend)));
    QCOMPARE(bare.mutations(), QJsonArray());
}

void TestPolicyRepository::oldSchemaRefusesWrites()
{
    lr::test::DemoOrgFixture old;
    lr::demo::DemoOrgOptions options;
    options.userCount = 40;
    options.lrSchema = lr::demo::LrSchema::Old;
    QVERIFY(old.start(options));
    Session admin = sessionAs(old, u"admin"_s);
    const auto status = QCoro::waitFor(admin.repository->deploymentStatus());
    QVERIFY2(status, qPrintable(describe(status)));
    QCOMPARE(status->state, DeploymentStatus::State::OutdatedSchema);
    QCOMPARE(status->schemaVersion, 0);
    QVERIFY(status->message().contains(u"schema version 2"_s));
    const auto list = QCoro::waitFor(admin.repository->list());
    QVERIFY2(list, qPrintable(describe(list)));
    QCOMPARE(list->size(), 1);
    QVERIFY(list->first().isBuiltIn());
    const auto created = QCoro::waitFor(admin.repository->create(Policy::builtInDefault()));
    QVERIFY(!created);
    QCOMPARE(created.error().kind, Error::Kind::Refused);
    QCOMPARE(created.error().code, u"LR_SCHEMA_OUTDATED"_s);
    QVERIFY(created.error().message.contains(kDeployCommand + u" <alias>"_s));
    QCOMPARE(old.mutations(), QJsonArray());
}

QTEST_GUILESS_MAIN(TestPolicyRepository)
#include "tst_policyrepository.moc"
