#include "core/common/translations.h"
#include "core/safety/checkcache.h"
#include "core/safety/safetychecks.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using lr::policy::Exemption;
using lr::policy::Policy;
using lr::policy::RecentKeep;
using lr::safety::CheckCache;
using lr::safety::CheckContext;
using lr::safety::Finding;
using lr::safety::SafetyChecks;
using lr::safety::SafetySettings;
using lr::scan::DataSource;
using lr::scan::OrgSnapshot;
using lr::scan::QueueMembership;
using lr::scan::ScannedUser;

namespace {

// 2026-06-15 12:00 UTC: every date below is counted back from here.
QDateTime now()
{
    return QDateTime(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc()).toUTC();
}

QDateTime daysAgo(int days)
{
    return now().addDays(-days);
}

const QString kUserId = u"005000000000001AAA"_s;

// An ordinary person who stopped logging in four months ago: no check has anything on her.
ScannedUser plainUser()
{
    ScannedUser user;
    user.id = kUserId;
    user.username = u"jane.doe@acme.com"_s;
    user.email = u"jane.doe@acme.com"_s;
    user.alias = u"jdoe"_s;
    user.name = u"Jane Doe"_s;
    user.userType = u"Standard"_s;
    user.profileName = u"Standard User"_s;
    user.licenseName = u"Salesforce"_s;
    user.licenseKey = u"SFDC"_s;
    user.created = daysAgo(400);
    user.lastLogin = daysAgo(120);
    return user;
}

// Builders by field name, so that the tests keep compiling when these structs grow.
Exemption exemption(const QString &userId, const QString &reason, const QDate &expires)
{
    Exemption e;
    e.userId = userId;
    e.reason = reason;
    e.expires = expires;
    return e;
}

RecentKeep keep(const QString &userId, const QDate &keptOn)
{
    RecentKeep k;
    k.userId = userId;
    k.keptOn = keptOn;
    return k;
}

QueueMembership queue(const QString &id, const QString &name, int activeMembers)
{
    QueueMembership q;
    q.queueId = id;
    q.queueName = name;
    q.activeMembers = activeMembers;
    return q;
}

// One row of a check's table: the user, what the scan could not read, and the settings.
struct Scenario
{
    ScannedUser user = plainUser();
    QHash<DataSource, QString> incomplete; // source -> the permission the scan reported
    SafetySettings settings;
    Policy policy = Policy::builtInDefault();
    int thresholdDays = 90;
};

Scenario scenario(const std::function<void(Scenario &)> &change = {})
{
    Scenario s;
    if (change) {
        change(s);
    }
    return s;
}

constexpr DataSource kAllSources[] = {
    DataSource::Users,
    DataSource::PermissionAssignments,
    DataSource::LoginHistory,
    DataSource::OauthTokens,
    DataSource::Queues,
    DataSource::ScheduledJobs,
    DataSource::Dashboards,
    DataSource::Approvals,
    DataSource::OpenOpportunities,
    DataSource::OpenCases,
    DataSource::OpenLeads,
    DataSource::UserLogins,
};

OrgSnapshot snapshotFor(const Scenario &s)
{
    OrgSnapshot snapshot;
    snapshot.takenAt = now();
    snapshot.users = {s.user};
    for (DataSource source : kAllSources) {
        lr::scan::SourceStatus status;
        status.complete = !s.incomplete.contains(source);
        status.missingPermission = s.incomplete.value(source);
        snapshot.sources.insert(source, status);
    }
    return snapshot;
}

QString severities(const QList<Finding> &findings)
{
    QStringList names;
    for (const Finding &finding : findings) {
        names.append(Finding::severityName(finding.severity));
    }
    return names.join(u' ');
}

} // namespace

Q_DECLARE_METATYPE(Scenario)
Q_DECLARE_METATYPE(lr::scan::DataSource)

class TestSafetyChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listsTheTenChecksInOrder();
    void evaluateRunsEveryCheckInOrder();
    void plainUserHasNoFinding();

    void serviceAccount_data();
    void serviceAccount();
    void apiOnly_data();
    void apiOnly();
    void apiActivity_data();
    void apiActivity();
    void admin_data();
    void admin();
    void queueMember_data();
    void queueMember();
    void automationOwner_data();
    void automationOwner();
    void manager_data();
    void manager();
    void recordOwner_data();
    void recordOwner();
    void newUser_data();
    void newUser();
    void exempt_data();
    void exempt();

    void unknownIsUnsafe_data();
    void unknownIsUnsafe();
    void ownRecordSettlesUnknown_data();
    void ownRecordSettlesUnknown();
    void unreportedSourcesCountAsUnknown();
    void sharedCacheWordsEachCountApart();

private:
    static void addColumns();
    static void verify(SafetyChecks::Check check, const QString &id);
};

void TestSafetyChecks::initTestCase()
{
    lr::Translations::install(*QCoreApplication::instance());
    // The English plural forms come from the .qm built into lrcore; without them every
    // wording test below would read "(s)".
    QCOMPARE(QCoreApplication::translate("lr::safety::CheckWording", "%n day(s) ago", nullptr, 2),
             u"2 days ago"_s);
}

void TestSafetyChecks::addColumns()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("expected");      // severities in order: "", "red", "red amber" …
    QTest::addColumn<QStringList>("fragments"); // each must appear in the messages
}

// Runs one check on the row's scenario and compares severities, ids and wording.
void TestSafetyChecks::verify(SafetyChecks::Check check, const QString &id)
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, expected);
    QFETCH(QStringList, fragments);

    const OrgSnapshot snapshot = snapshotFor(scenario);
    const CheckContext context{
        snapshot, scenario.policy, scenario.settings, now(), scenario.thresholdDays};
    const QList<Finding> findings = check(scenario.user, context);

    QStringList messages;
    for (const Finding &finding : findings) {
        QCOMPARE(finding.check, id);
        QVERIFY2(finding.message.endsWith(u'.'), qPrintable(finding.message));
        QVERIFY2(!finding.message.contains(u"(s)"), qPrintable(finding.message));
        messages.append(finding.message);
    }
    const QString text = messages.join(u'\n');
    QCOMPARE(severities(findings), expected);
    for (const QString &fragment : fragments) {
        QVERIFY2(text.contains(fragment), qPrintable(u"“%1” not in:\n%2"_s.arg(fragment, text)));
    }

    // The same with a cache made once, as ReclaimPreview::build does.
    const CheckCache cache(snapshot, scenario.policy, scenario.settings);
    CheckContext cached = context;
    cached.cache = &cache;
    const QList<Finding> again = check(scenario.user, cached);
    QCOMPARE(again.size(), findings.size());
    for (qsizetype i = 0; i < again.size(); ++i) {
        QCOMPARE(again.at(i).message, findings.at(i).message);
    }
}

void TestSafetyChecks::listsTheTenChecksInOrder()
{
    QStringList ids;
    for (const SafetyChecks::Info &info : SafetyChecks::all()) {
        QVERIFY(info.check);
        ids.append(info.id);
    }
    QCOMPARE(ids,
             (QStringList{u"service-account"_s,
                          u"api-only"_s,
                          u"api-activity"_s,
                          u"admin"_s,
                          u"queue-member"_s,
                          u"automation-owner"_s,
                          u"manager"_s,
                          u"record-owner"_s,
                          u"new-user"_s,
                          u"exempt"_s}));
}

void TestSafetyChecks::evaluateRunsEveryCheckInOrder()
{
    const Scenario s = scenario([](Scenario &x) {
        x.user.username = u"svc-sync@acme.com"_s;              // service-account, red
        x.user.activeDirectReports = 2;                        // manager, amber
        x.user.openCases = 4;                                  // record-owner, amber
        x.user.profileName = u"System Administrator"_s;        // admin, red
        x.incomplete.insert(DataSource::Approvals, QString()); // manager, red
    });
    const OrgSnapshot snapshot = snapshotFor(s);
    const CheckContext context{snapshot, s.policy, s.settings, now(), s.thresholdDays};
    const QList<Finding> findings = SafetyChecks::evaluate(s.user, context);

    QStringList order;
    for (const Finding &finding : findings) {
        order.append(finding.check + u' ' + Finding::severityName(finding.severity));
    }
    QCOMPARE(order,
             (QStringList{u"service-account red"_s,
                          u"admin red"_s,
                          u"manager amber"_s,
                          u"manager red"_s,
                          u"record-owner amber"_s}));
    QVERIFY(lr::safety::hasRed(findings));
}

void TestSafetyChecks::plainUserHasNoFinding()
{
    const Scenario s = scenario();
    const OrgSnapshot snapshot = snapshotFor(s);
    const CheckContext context{snapshot, s.policy, s.settings, now(), s.thresholdDays};
    QVERIFY(SafetyChecks::evaluate(s.user, context).isEmpty());
}

void TestSafetyChecks::serviceAccount_data()
{
    addColumns();
    QTest::newRow("plain-user") << scenario() << QString() << QStringList();
    QTest::newRow("svc-username")
        << scenario([](Scenario &s) { s.user.username = u"svc-sync@acme.com"_s; }) << u"red"_s
        << QStringList{u"Looks like a service account: username “svc-sync@acme.com” matches "
                       u"“^svc[-_.]”. Service accounts are not reclaimed; if this is a person, "
                       u"narrow the service-account patterns."_s};
    QTest::newRow("integration-email")
        << scenario([](Scenario &s) { s.user.email = u"integration@acme.com"_s; }) << u"red"_s
        << QStringList{u"email “integration@acme.com” matches “(^|[^a-z])integration@”"_s};
    QTest::newRow("integration-after-dot")
        << scenario([](Scenario &s) { s.user.email = u"sf.integration@acme.com"_s; }) << u"red"_s
        << QStringList{u"email “sf.integration@acme.com”"_s};
    QTest::newRow("integration-inside-a-word")
        << scenario([](Scenario &s) { s.user.email = u"reintegration@acme.com"_s; }) << QString()
        << QStringList();
    QTest::newRow("api-alias") << scenario([](Scenario &s) { s.user.alias = u"api_bot"_s; })
                               << u"red"_s << QStringList{u"alias “api_bot” matches “^api[-_.]”"_s};
    QTest::newRow("case-insensitive")
        << scenario([](Scenario &s) { s.user.username = u"SVC.Export@acme.com"_s; }) << u"red"_s
        << QStringList{u"username “SVC.Export@acme.com”"_s};
    QTest::newRow("svc-not-at-the-start")
        << scenario([](Scenario &s) { s.user.username = u"my-svc-user@acme.com"_s; }) << QString()
        << QStringList();
    QTest::newRow("apis-is-not-api-")
        << scenario([](Scenario &s) { s.user.alias = u"apis"_s; }) << QString() << QStringList();
    QTest::newRow("two-fields-one-finding")
        << scenario([](Scenario &s) {
               s.user.username = u"svc-sync@acme.com"_s;
               s.user.email = u"integration@acme.com"_s;
           })
        << u"red"_s
        << QStringList{u"username “svc-sync@acme.com” matches “^svc[-_.]” and email "
                       u"“integration@acme.com” matches “(^|[^a-z])integration@”"_s};
    QTest::newRow("custom-pattern-on-name") << scenario([](Scenario &s) {
        s.settings.serviceAccountPatterns = {u"\\bbot$"_s};
        s.user.name = u"Sync Bot"_s;
    }) << u"red"_s << QStringList{u"name “Sync Bot” matches “\\bbot$”"_s};
    QTest::newRow("invalid-pattern-is-skipped") << scenario([](Scenario &s) {
        s.settings.serviceAccountPatterns = {u"svc-("_s, u"^svc[-_.]"_s};
        s.user.username = u"svc-(sync)@acme.com"_s;
    }) << u"red"_s << QStringList{u"matches “^svc[-_.]”"_s};
    QTest::newRow("only-invalid-patterns") << scenario([](Scenario &s) {
        s.settings.serviceAccountPatterns = {u"("_s, u"[a-"_s};
        s.user.username = u"svc-sync@acme.com"_s;
    }) << QString() << QStringList();
    QTest::newRow("no-patterns") << scenario([](Scenario &s) {
        s.settings.serviceAccountPatterns.clear();
        s.user.username = u"svc-sync@acme.com"_s;
    }) << QString() << QStringList();
}

void TestSafetyChecks::serviceAccount()
{
    verify(&SafetyChecks::serviceAccount, u"service-account"_s);
}

void TestSafetyChecks::apiOnly_data()
{
    addColumns();
    QTest::newRow("plain-user") << scenario() << QString() << QStringList();
    QTest::newRow("profile-grant")
        << scenario([](Scenario &s) { s.user.apiOnlyGrants = {u"Profile: Integration"_s}; })
        << u"red"_s
        << QStringList{u"API-only user through Profile: Integration. It never signs in to "
                       u"Salesforce itself, so its inactivity says nothing about the seat."_s};
    QTest::newRow("permission-set-grant")
        << scenario([](Scenario &s) { s.user.apiOnlyGrants = {u"Permission set: ETL API Only"_s}; })
        << u"red"_s << QStringList{u"through Permission set: ETL API Only."_s};
    QTest::newRow("integration-license-key") << scenario([](Scenario &s) {
        s.user.licenseKey = u"SFDC_INTL"_s;
        s.user.licenseName = QString();
    }) << u"red"_s << QStringList{u"through the Salesforce Integration license."_s};
    QTest::newRow("integration-license-name")
        << scenario([](Scenario &s) { s.user.licenseName = u"Salesforce Integration"_s; })
        << u"red"_s << QStringList{u"the Salesforce Integration license"_s};
    QTest::newRow("api-only-profile") << scenario([](Scenario &s) {
        s.user.profileName = u"Minimum Access - API Only Integrations"_s;
    }) << u"red"_s << QStringList{u"through the Minimum Access - API Only Integrations profile."_s};
    QTest::newRow("every-reason-in-one-finding")
        << scenario([](Scenario &s) {
               s.user.licenseKey = u"SFDC_INTL"_s;
               s.user.profileName = u"Minimum Access - API Only Integrations"_s;
               s.user.apiOnlyGrants = {u"Permission set: A"_s, u"Permission set: B"_s};
           })
        << u"red"_s
        << QStringList{u"through the Salesforce Integration license, the Minimum Access - API "
                       u"Only Integrations profile, Permission set: A and 1 more."_s};
    QTest::newRow("standard-platform-license") << scenario([](Scenario &s) {
        s.user.licenseName = u"Salesforce Platform"_s;
        s.user.licenseKey = u"AUL"_s;
    }) << QString() << QStringList();
}

void TestSafetyChecks::apiOnly()
{
    verify(&SafetyChecks::apiOnly, u"api-only"_s);
}

void TestSafetyChecks::apiActivity_data()
{
    addColumns();
    QTest::newRow("plain-user") << scenario() << QString() << QStringList();
    QTest::newRow("api-login-with-apps")
        << scenario([](Scenario &s) {
               s.user.lastApiLogin = daysAgo(10);
               s.user.apiLogins = 40;
               s.user.apiApplications = {u"Data Loader"_s, u"Fivetran"_s};
           })
        << u"red"_s
        << QStringList{u"Logged in through the API on 2026-06-05 (10 days ago) with Data Loader "
                       u"and Fivetran: an integration still uses this account. Move it to an "
                       u"integration user before reclaiming the seat."_s};
    QTest::newRow("api-login-without-apps")
        << scenario([](Scenario &s) { s.user.lastApiLogin = daysAgo(1); }) << u"red"_s
        << QStringList{u"Logged in through the API on 2026-06-14 (yesterday): an integration"_s};
    QTest::newRow("api-login-last-day-of-window")
        << scenario([](Scenario &s) { s.user.lastApiLogin = daysAgo(89); }) << u"red"_s
        << QStringList{u"(89 days ago)"_s};
    QTest::newRow("api-login-on-threshold-day")
        << scenario([](Scenario &s) { s.user.lastApiLogin = daysAgo(90); }) << QString()
        << QStringList();
    QTest::newRow("api-login-before-window")
        << scenario([](Scenario &s) { s.user.lastApiLogin = daysAgo(91); }) << QString()
        << QStringList();
    QTest::newRow("window-follows-threshold") << scenario([](Scenario &s) {
        s.thresholdDays = 180;
        s.user.lastApiLogin = daysAgo(120);
    }) << u"red"_s << QStringList{u"(120 days ago)"_s};
    QTest::newRow("short-threshold-short-window") << scenario([](Scenario &s) {
        s.thresholdDays = 30;
        s.user.lastApiLogin = daysAgo(45);
    }) << QString() << QStringList();
    QTest::newRow("oauth-use-with-app")
        << scenario([](Scenario &s) {
               s.user.lastOauthUse = daysAgo(0);
               s.user.oauthApps = {u"Slack"_s};
           })
        << u"red"_s
        << QStringList{u"An OAuth token was used on 2026-06-15 (today) by Slack: a connected app "
                       u"still acts as this user."_s};
    QTest::newRow("oauth-use-without-app")
        << scenario([](Scenario &s) { s.user.lastOauthUse = daysAgo(30); }) << u"red"_s
        << QStringList{u"An OAuth token was used on 2026-05-16 (30 days ago): a connected app"_s};
    QTest::newRow("oauth-use-long-ago") << scenario([](Scenario &s) {
        s.user.lastOauthUse = daysAgo(150);
        s.user.oauthApps = {u"Slack"_s};
    }) << QString() << QStringList();
    QTest::newRow("both-kinds") << scenario([](Scenario &s) {
        s.user.lastApiLogin = daysAgo(3);
        s.user.lastOauthUse = daysAgo(2);
        s.user.apiApplications = {u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    }) << u"red red"_s << QStringList{u"with A, B, C and 1 more"_s};
    QTest::newRow("clock-skew-reads-today")
        << scenario([](Scenario &s) { s.user.lastApiLogin = now().addSecs(3600); }) << u"red"_s
        << QStringList{u"(today)"_s};
}

void TestSafetyChecks::apiActivity()
{
    verify(&SafetyChecks::apiActivity, u"api-activity"_s);
}

void TestSafetyChecks::admin_data()
{
    addColumns();
    QTest::newRow("plain-user") << scenario() << QString() << QStringList();
    QTest::newRow("system-administrator-profile")
        << scenario([](Scenario &s) { s.user.profileName = u"System Administrator"_s; }) << u"red"_s
        << QStringList{u"Has admin rights: the System Administrator profile. Reclaim an admin's "
                       u"seat by hand, after checking who else can administer the org."_s};
    QTest::newRow("modify-all-data-by-permission-set")
        << scenario(
               [](Scenario &s) { s.user.modifyAllDataGrants = {u"Permission set: Break Glass"_s}; })
        << u"red"_s
        << QStringList{u"Has admin rights: Modify All Data through Permission set: Break Glass."_s};
    QTest::newRow("customize-application-many-grants")
        << scenario([](Scenario &s) {
               s.user.customizeApplicationGrants = {
                   u"Profile: Custom Admin"_s, u"Permission set: A"_s, u"Permission set: B"_s};
           })
        << u"red"_s
        << QStringList{u"Customize Application through Profile: Custom Admin, Permission set: A "
                       u"and 1 more."_s};
    QTest::newRow("everything")
        << scenario([](Scenario &s) {
               s.user.profileName = u"System Administrator"_s;
               s.user.modifyAllDataGrants = {u"Profile: System Administrator"_s};
               s.user.customizeApplicationGrants = {u"Profile: System Administrator"_s};
           })
        << u"red"_s
        << QStringList{u"Has admin rights: the System Administrator profile, Modify All Data "
                       u"through Profile: System Administrator and Customize Application "
                       u"through Profile: System Administrator."_s};
    QTest::newRow("administrator-title-is-not-a-grant")
        << scenario([](Scenario &s) { s.user.title = u"System Administrator"_s; }) << QString()
        << QStringList();
}

void TestSafetyChecks::admin()
{
    verify(&SafetyChecks::admin, u"admin"_s);
}

void TestSafetyChecks::queueMember_data()
{
    addColumns();
    QTest::newRow("no-queue") << scenario() << QString() << QStringList();
    QTest::newRow("only-active-member")
        << scenario([](Scenario &s) { s.user.queues = {queue(u"00G1"_s, u"Support Tier 2"_s, 1)}; })
        << u"red"_s
        << QStringList{u"Only active member of 1 queue: Support Tier 2. Add another active "
                       u"member before deactivating, or the work routed there waits for "
                       u"nobody."_s};
    QTest::newRow("no-active-member-counted")
        << scenario([](Scenario &s) { s.user.queues = {queue(u"00G1"_s, u"Escalations"_s, 0)}; })
        << u"red"_s << QStringList{u"Only active member of 1 queue: Escalations."_s};
    QTest::newRow("one-other-active-member")
        << scenario([](Scenario &s) { s.user.queues = {queue(u"00G1"_s, u"Billing"_s, 2)}; })
        << u"amber"_s
        << QStringList{u"Member of 1 queue shared with other active members: Billing. Make sure "
                       u"they can take over the work."_s};
    QTest::newRow("sole-and-shared")
        << scenario([](Scenario &s) {
               s.user.queues = {queue(u"00G1"_s, u"Escalations"_s, 1),
                                queue(u"00G2"_s, u"Billing"_s, 5),
                                queue(u"00G3"_s, u"Returns"_s, 3)};
           })
        << u"red amber"_s
        << QStringList{u"Only active member of 1 queue: Escalations."_s,
                       u"Member of 2 queues shared with other active members: Billing and "
                       u"Returns."_s};
    QTest::newRow("three-sole") << scenario([](Scenario &s) {
        s.user.queues = {
            queue(u"00G1"_s, u"A"_s, 1), queue(u"00G2"_s, u"B"_s, 1), queue(u"00G3"_s, u"C"_s, 1)};
    }) << u"red"_s << QStringList{u"Only active member of 3 queues: A, B and 1 more."_s};
}

void TestSafetyChecks::queueMember()
{
    verify(&SafetyChecks::queueMember, u"queue-member"_s);
}

void TestSafetyChecks::automationOwner_data()
{
    addColumns();
    QTest::newRow("owns-nothing") << scenario() << QString() << QStringList();
    QTest::newRow("three-jobs")
        << scenario([](Scenario &s) {
               s.user.scheduledJobs = {u"Nightly Export"_s, u"Weekly Sync"_s, u"Quarter Close"_s};
           })
        << u"red"_s
        << QStringList{u"Owns 3 scheduled jobs: Nightly Export, Weekly Sync and 1 more. Reassign "
                       u"the jobs before deactivating; a job stops when its owner is "
                       u"deactivated."_s};
    QTest::newRow("one-job")
        << scenario([](Scenario &s) { s.user.scheduledJobs = {u"Nightly Export"_s}; }) << u"red"_s
        << QStringList{u"Owns 1 scheduled job: Nightly Export. Reassign the job before "
                       u"deactivating;"_s};
    QTest::newRow("one-dashboard")
        << scenario([](Scenario &s) { s.user.dashboards = {u"Pipeline"_s}; }) << u"red"_s
        << QStringList{u"Is the running user of 1 dashboard: Pipeline. Choose another running "
                       u"user for the dashboard before deactivating."_s};
    QTest::newRow("jobs-and-dashboards")
        << scenario([](Scenario &s) {
               s.user.scheduledJobs = {u"Nightly Export"_s, u"Weekly Sync"_s};
               s.user.dashboards = {u"Pipeline"_s, u"Forecast"_s};
           })
        << u"red red"_s
        << QStringList{u"Owns 2 scheduled jobs: Nightly Export and Weekly Sync."_s,
                       u"Is the running user of 2 dashboards: Pipeline and Forecast."_s};
    QTest::newRow("default-owner-by-username")
        << scenario([](Scenario &s) { s.settings.defaultOwners = {u" JANE.DOE@acme.com "_s}; })
        << u"red"_s
        << QStringList{u"Listed as a default owner in the safety settings (“JANE.DOE@acme.com”)"_s,
                       u"Salesforce refuses to deactivate such a user; change that setting in "
                       u"Setup first."_s};
    QTest::newRow("default-owner-by-18-character-id")
        << scenario([](Scenario &s) { s.settings.defaultOwners = {kUserId}; }) << u"red"_s
        << QStringList{kUserId};
    QTest::newRow("default-owner-by-15-character-id")
        << scenario([](Scenario &s) { s.settings.defaultOwners = {kUserId.left(15)}; }) << u"red"_s
        << QStringList{u"(“005000000000001”)"_s};
    QTest::newRow("someone-else-is-default-owner") << scenario([](Scenario &s) {
        s.settings.defaultOwners = {u"workflow@acme.com"_s, u"005000000000002AAA"_s};
    }) << QString() << QStringList();
}

void TestSafetyChecks::automationOwner()
{
    verify(&SafetyChecks::automationOwner, u"automation-owner"_s);
}

void TestSafetyChecks::manager_data()
{
    addColumns();
    QTest::newRow("manages-nobody") << scenario() << QString() << QStringList();
    QTest::newRow("one-report")
        << scenario([](Scenario &s) { s.user.activeDirectReports = 1; }) << u"amber"_s
        << QStringList{u"Manages 1 active user. Give them a new manager before deactivating, "
                       u"so that their approvals reach someone."_s};
    QTest::newRow("four-reports") << scenario([](Scenario &s) { s.user.activeDirectReports = 4; })
                                  << u"amber"_s << QStringList{u"Manages 4 active users."_s};
    QTest::newRow("delegated-approver")
        << scenario([](Scenario &s) { s.user.delegatingUsers = 2; }) << u"amber"_s
        << QStringList{u"Delegated approver for 2 active users. Choose another delegate for "
                       u"them before deactivating."_s};
    QTest::newRow("one-pending-approval")
        << scenario([](Scenario &s) { s.user.pendingApprovals = 1; }) << u"amber"_s
        << QStringList{u"Holds 1 pending approval. Reassign the approval before deactivating."_s};
    QTest::newRow("everything")
        << scenario([](Scenario &s) {
               s.user.activeDirectReports = 3;
               s.user.delegatingUsers = 1;
               s.user.pendingApprovals = 7;
           })
        << u"amber amber amber"_s
        << QStringList{u"Manages 3 active users."_s,
                       u"Delegated approver for 1 active user."_s,
                       u"Holds 7 pending approvals. Reassign the approvals before deactivating."_s};
}

void TestSafetyChecks::manager()
{
    verify(&SafetyChecks::manager, u"manager"_s);
}

void TestSafetyChecks::recordOwner_data()
{
    addColumns();
    QTest::newRow("owns-nothing") << scenario() << QString() << QStringList();
    QTest::newRow("all-three-kinds")
        << scenario([](Scenario &s) {
               s.user.openOpportunities = 12;
               s.user.openCases = 3;
               s.user.openLeads = 1;
           })
        << u"amber"_s
        << QStringList{u"Owns 16 open records (opportunities: 12, cases: 3, leads: 1). Transfer "
                       u"the records to an active owner before deactivating."_s};
    QTest::newRow("one-case")
        << scenario([](Scenario &s) { s.user.openCases = 1; }) << u"amber"_s
        << QStringList{u"Owns 1 open record (cases: 1). Transfer the record to an active owner "
                       u"before deactivating."_s};
    QTest::newRow("at-threshold") << scenario([](Scenario &s) {
        s.settings.recordOwnerThreshold = 5;
        s.user.openOpportunities = 2;
        s.user.openLeads = 3;
    }) << QString() << QStringList();
    QTest::newRow("one-over-threshold") << scenario([](Scenario &s) {
        s.settings.recordOwnerThreshold = 5;
        s.user.openOpportunities = 3;
        s.user.openLeads = 3;
    }) << u"amber"_s << QStringList{u"Owns 6 open records (opportunities: 3, leads: 3)."_s};
}

void TestSafetyChecks::recordOwner()
{
    verify(&SafetyChecks::recordOwner, u"record-owner"_s);
}

void TestSafetyChecks::newUser_data()
{
    addColumns();
    QTest::newRow("long-standing-user") << scenario() << QString() << QStringList();
    QTest::newRow("created-inside-window")
        << scenario([](Scenario &s) {
               s.user.created = daysAgo(179);
               s.user.lastLogin = daysAgo(100);
           })
        << u"amber"_s
        << QStringList{u"Created on 2025-12-18 (179 days ago), inside the 180-day new-user "
                       u"window: a new hire may not use Salesforce every month yet."_s};
    QTest::newRow("created-on-window-edge") << scenario([](Scenario &s) {
        s.user.created = daysAgo(180);
        s.user.lastLogin = daysAgo(100);
    }) << QString() << QStringList();
    QTest::newRow("never-logged-in-recently-created")
        << scenario([](Scenario &s) {
               s.user.created = daysAgo(100);
               s.user.lastLogin = QDateTime();
           })
        << u"amber"_s
        << QStringList{u"Created on 2026-03-07 (100 days ago) and never logged in. Check that "
                       u"this person has started before reclaiming the seat."_s};
    QTest::newRow("never-logged-in-long-ago") << scenario([](Scenario &s) {
        s.user.created = daysAgo(400);
        s.user.lastLogin = QDateTime();
    }) << QString() << QStringList();
    QTest::newRow("never-logged-in-inside-inactivity-window") << scenario([](Scenario &s) {
        s.settings.newUserDays = 30;
        s.thresholdDays = 90;
        s.user.created = daysAgo(60);
        s.user.lastLogin = QDateTime();
    }) << u"amber"_s << QStringList{u"and never logged in"_s};
    QTest::newRow("short-new-user-window") << scenario([](Scenario &s) {
        s.settings.newUserDays = 30;
        s.user.created = daysAgo(60);
        s.user.lastLogin = daysAgo(50);
    }) << QString() << QStringList();
}

void TestSafetyChecks::newUser()
{
    verify(&SafetyChecks::newUser, u"new-user"_s);
}

void TestSafetyChecks::exempt_data()
{
    addColumns();
    const QDate today = now().date();
    QTest::newRow("not-exempt") << scenario() << QString() << QStringList();
    QTest::newRow("no-expiry") << scenario([](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, u"Parental leave."_s, QDate())};
    }) << u"red"_s << QStringList{u"Exempt from this policy with no end date: Parental leave."_s};
    QTest::newRow("expires-tomorrow") << scenario([today](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, u"Board member"_s, today.addDays(1))};
    }) << u"red"_s << QStringList{u"Exempt from this policy until 2026-06-16: Board member."_s};
    QTest::newRow("expires-today") << scenario([today](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, u"Board member"_s, today)};
    }) << u"red"_s << QStringList{u"until 2026-06-15"_s};
    QTest::newRow("expired-yesterday") << scenario([today](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, u"Board member"_s, today.addDays(-1))};
    }) << QString() << QStringList();
    QTest::newRow("no-reason") << scenario([](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, QString(), QDate())};
    }) << u"red"_s << QStringList{u"Exempt from this policy with no end date (no reason given)."_s};
    QTest::newRow("by-15-character-id") << scenario([](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId.left(15), u"Auditor"_s, QDate())};
    }) << u"red"_s << QStringList{u"Auditor"_s};
    QTest::newRow("someone-else-exempt") << scenario([](Scenario &s) {
        s.policy.exemptions = {exemption(u"005000000000002AAA"_s, u"Auditor"_s, QDate())};
    }) << QString() << QStringList();
    QTest::newRow("kept-ten-days-ago")
        << scenario(
               [today](Scenario &s) { s.policy.recentKeeps = {keep(kUserId, today.addDays(-10))}; })
        << u"red"_s
        << QStringList{u"Kept on 2026-06-05 (10 days ago); the 90-day cooldown of this policy "
                       u"ends on 2026-09-03."_s};
    QTest::newRow("kept-today") << scenario([today](Scenario &s) {
        s.policy.recentKeeps = {keep(kUserId, today)};
    }) << u"red"_s << QStringList{u"Kept on 2026-06-15 (today)"_s};
    QTest::newRow("last-day-of-cooldown") << scenario([today](Scenario &s) {
        s.policy.recentKeeps = {keep(kUserId, today.addDays(-89))};
    }) << u"red"_s << QStringList{u"ends on 2026-06-16"_s};
    QTest::newRow("cooldown-over") << scenario([today](Scenario &s) {
        s.policy.recentKeeps = {keep(kUserId, today.addDays(-90))};
    }) << QString() << QStringList();
    QTest::newRow("latest-keep-counts") << scenario([today](Scenario &s) {
        s.policy.recentKeeps = {keep(kUserId, today.addDays(-5)),
                                keep(kUserId, today.addDays(-200))};
    }) << u"red"_s << QStringList{u"Kept on 2026-06-10 (5 days ago)"_s};
    QTest::newRow("cooldown-of-one-day") << scenario([today](Scenario &s) {
        s.policy.cooldownDays = 1;
        s.policy.recentKeeps = {keep(kUserId, today)};
    }) << u"red"_s << QStringList{u"the 1-day cooldown of this policy ends on 2026-06-16."_s};
    QTest::newRow("no-cooldown") << scenario([today](Scenario &s) {
        s.policy.cooldownDays = 0;
        s.policy.recentKeeps = {keep(kUserId, today)};
    }) << QString() << QStringList();
    QTest::newRow("exempt-and-kept") << scenario([today](Scenario &s) {
        s.policy.exemptions = {exemption(kUserId, u"Auditor"_s, QDate())};
        s.policy.recentKeeps = {keep(kUserId, today.addDays(-1))};
    }) << u"red red"_s << QStringList{u"Auditor"_s, u"(yesterday)"_s};
    // Unknown is unsafe: keeps that could not be read block everyone, with the reason.
    QTest::newRow("keeps-unknown") << scenario([](Scenario &s) {
        s.policy.recentKeepsUnknown = u"Cannot see which users this policy kept."_s;
    }) << u"red"_s << QStringList{u"Cannot see which users this policy kept."_s};
    QTest::newRow("keeps-unknown-and-exempt") << scenario([](Scenario &s) {
        s.policy.recentKeepsUnknown = u"Cannot see which users this policy kept."_s;
        s.policy.exemptions = {exemption(kUserId, u"Auditor"_s, QDate())};
    }) << u"red red"_s << QStringList{u"Cannot see"_s, u"Auditor"_s};
    QTest::newRow("keeps-unknown-without-cooldown") << scenario([](Scenario &s) {
        s.policy.cooldownDays = 0;
        s.policy.recentKeepsUnknown = u"Cannot see which users this policy kept."_s;
    }) << QString() << QStringList();
}

void TestSafetyChecks::exempt()
{
    verify(&SafetyChecks::exempt, u"exempt"_s);
}

void TestSafetyChecks::unknownIsUnsafe_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<DataSource>("source");
    QTest::addColumn<QString>("reported"); // what the scan said is missing; empty: not said
    QTest::addColumn<QString>("sentence"); // the finding's message

    const QString x = u"Permission X"_s;
    const auto row =
        [&x](const char *name, const QString &check, DataSource source, const QString &sentence) {
            QTest::newRow(name) << check << source << x << sentence.arg(x);
        };
    row("api-only/permission-assignments",
        u"api-only"_s,
        DataSource::PermissionAssignments,
        u"Cannot see other users' permission set assignments, so API Only and admin rights "
        u"granted through them are unknown: needs %1."_s);
    row("admin/permission-assignments",
        u"admin"_s,
        DataSource::PermissionAssignments,
        u"Cannot see other users' permission set assignments, so API Only and admin rights "
        u"granted through them are unknown: needs %1."_s);
    row("api-activity/login-history",
        u"api-activity"_s,
        DataSource::LoginHistory,
        u"Cannot see other users' API and OAuth logins in the login history: needs %1."_s);
    row("api-activity/oauth-tokens",
        u"api-activity"_s,
        DataSource::OauthTokens,
        u"Cannot see other users' OAuth token use: needs %1."_s);
    row("queue-member/queues",
        u"queue-member"_s,
        DataSource::Queues,
        u"Cannot see queue memberships, so this may be the last active member of a queue: "
        u"needs %1."_s);
    row("automation-owner/scheduled-jobs",
        u"automation-owner"_s,
        DataSource::ScheduledJobs,
        u"Cannot see who owns scheduled jobs: needs %1."_s);
    row("automation-owner/dashboards",
        u"automation-owner"_s,
        DataSource::Dashboards,
        u"Cannot see which dashboards run as which user: needs %1."_s);
    row("manager/approvals",
        u"manager"_s,
        DataSource::Approvals,
        u"Cannot see pending approvals: needs %1."_s);
    row("record-owner/opportunities",
        u"record-owner"_s,
        DataSource::OpenOpportunities,
        u"Cannot see every owner's open opportunities: needs %1."_s);
    row("record-owner/cases",
        u"record-owner"_s,
        DataSource::OpenCases,
        u"Cannot see every owner's open cases: needs %1."_s);
    row("record-owner/leads",
        u"record-owner"_s,
        DataSource::OpenLeads,
        u"Cannot see every owner's open leads: needs %1."_s);

    // When the scan cannot say which permission is missing, the usual one is named.
    QTest::newRow("manager/approvals/default-permission")
        << u"manager"_s << DataSource::Approvals << QString()
        << u"Cannot see pending approvals: needs View All Data."_s;
    QTest::newRow("admin/permission-assignments/default-permission")
        << u"admin"_s << DataSource::PermissionAssignments << QString()
        << u"Cannot see other users' permission set assignments, so API Only and admin rights "
           u"granted through them are unknown: needs View Setup and Configuration."_s;
    QTest::newRow("api-activity/login-history/default-permission")
        << u"api-activity"_s << DataSource::LoginHistory << QString()
        << u"Cannot see other users' API and OAuth logins in the login history: needs Monitor "
           u"Login History or Manage Users."_s;
    QTest::newRow("api-activity/oauth-tokens/default-permission")
        << u"api-activity"_s << DataSource::OauthTokens << QString()
        << u"Cannot see other users' OAuth token use: needs Manage Users."_s;
    QTest::newRow("queue-member/queues/default-permission")
        << u"queue-member"_s << DataSource::Queues << QString()
        << u"Cannot see queue memberships, so this may be the last active member of a queue: "
           u"needs View Setup and Configuration."_s;
    QTest::newRow("automation-owner/scheduled-jobs/default-permission")
        << u"automation-owner"_s << DataSource::ScheduledJobs << QString()
        << u"Cannot see who owns scheduled jobs: needs View Setup and Configuration."_s;
    QTest::newRow("record-owner/cases/default-permission")
        << u"record-owner"_s << DataSource::OpenCases << QString()
        << u"Cannot see every owner's open cases: needs View All Data."_s;
}

// A user with nothing to find, on a snapshot missing one source: the check that needs that
// source says so in red; it never passes by silence.
void TestSafetyChecks::unknownIsUnsafe()
{
    QFETCH(QString, check);
    QFETCH(DataSource, source);
    QFETCH(QString, reported);
    QFETCH(QString, sentence);

    const Scenario s = scenario([&](Scenario &x) { x.incomplete.insert(source, reported); });
    const OrgSnapshot snapshot = snapshotFor(s);
    const CheckContext context{snapshot, s.policy, s.settings, now(), s.thresholdDays};
    const auto info = std::find_if(SafetyChecks::all().cbegin(),
                                   SafetyChecks::all().cend(),
                                   [&check](const SafetyChecks::Info &i) { return i.id == check; });
    QVERIFY(info != SafetyChecks::all().cend());
    const QList<Finding> findings = info->check(s.user, context);

    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().check, check);
    QCOMPARE(findings.first().severity, Finding::Severity::Red);
    QCOMPARE(findings.first().message, sentence);
}

void TestSafetyChecks::ownRecordSettlesUnknown_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QString>("check");
    QTest::addColumn<QStringList>("messages"); // every finding of that check, in order

    QTest::newRow("admin-by-profile")
        << scenario([](Scenario &s) {
               s.user.profileName = u"System Administrator"_s;
               s.incomplete.insert(DataSource::PermissionAssignments, QString());
           })
        << u"admin"_s
        << QStringList{u"Has admin rights: the System Administrator profile. Reclaim an admin's "
                       u"seat by hand, after checking who else can administer the org."_s};
    QTest::newRow("api-only-by-license")
        << scenario([](Scenario &s) {
               s.user.licenseKey = u"SFDC_INTL"_s;
               s.incomplete.insert(DataSource::PermissionAssignments, QString());
           })
        << u"api-only"_s
        << QStringList{u"API-only user through the Salesforce Integration license. It never "
                       u"signs in to Salesforce itself, so its inactivity says nothing about "
                       u"the seat."_s};
    QTest::newRow("api-activity-by-oauth-while-login-history-unknown")
        << scenario([](Scenario &s) {
               s.user.lastOauthUse = daysAgo(4);
               s.incomplete.insert(DataSource::LoginHistory, QString());
           })
        << u"api-activity"_s
        << QStringList{u"An OAuth token was used on 2026-06-11 (4 days ago): a connected app "
                       u"still acts as this user. Move it to an integration user before "
                       u"reclaiming the seat."_s};
    QTest::newRow("sole-queue-member")
        << scenario([](Scenario &s) {
               s.user.queues = {queue(u"00G1"_s, u"Escalations"_s, 1)};
               s.incomplete.insert(DataSource::Queues, QString());
           })
        << u"queue-member"_s
        << QStringList{u"Only active member of 1 queue: Escalations. Add another active member "
                       u"before deactivating, or the work routed there waits for nobody."_s};
    // An amber reason does not settle anything: the unseen part could still be red.
    QTest::newRow("shared-queue-member-still-unknown")
        << scenario([](Scenario &s) {
               s.user.queues = {queue(u"00G1"_s, u"Billing"_s, 4)};
               s.incomplete.insert(DataSource::Queues, u"Permission X"_s);
           })
        << u"queue-member"_s
        << QStringList{u"Member of 1 queue shared with other active members: Billing. Make sure "
                       u"they can take over the work."_s,
                       u"Cannot see queue memberships, so this may be the last active member "
                       u"of a queue: needs Permission X."_s};
    QTest::newRow("job-owner-while-dashboards-unknown")
        << scenario([](Scenario &s) {
               s.user.scheduledJobs = {u"Nightly Export"_s};
               s.incomplete.insert(DataSource::Dashboards, QString());
           })
        << u"automation-owner"_s
        << QStringList{u"Owns 1 scheduled job: Nightly Export. Reassign the job before "
                       u"deactivating; a job stops when its owner is deactivated."_s};
    QTest::newRow("record-owner-keeps-both")
        << scenario([](Scenario &s) {
               s.user.openOpportunities = 2;
               s.incomplete.insert(DataSource::OpenCases, u"Permission X"_s);
           })
        << u"record-owner"_s
        << QStringList{u"Owns 2 open records (opportunities: 2). Transfer the records to an "
                       u"active owner before deactivating."_s,
                       u"Cannot see every owner's open cases: needs Permission X."_s};
    QTest::newRow("manager-keeps-both")
        << scenario([](Scenario &s) {
               s.user.activeDirectReports = 2;
               s.incomplete.insert(DataSource::Approvals, QString());
           })
        << u"manager"_s
        << QStringList{u"Manages 2 active users. Give them a new manager before deactivating, "
                       u"so that their approvals reach someone."_s,
                       u"Cannot see pending approvals: needs View All Data."_s};
}

// A check that the user's own record already decides in red reports that real reason, and
// only that; amber reasons come with the unknown, which may still hide a red one.
void TestSafetyChecks::ownRecordSettlesUnknown()
{
    QFETCH(Scenario, scenario);
    QFETCH(QString, check);
    QFETCH(QStringList, messages);

    const OrgSnapshot snapshot = snapshotFor(scenario);
    const CheckContext context{
        snapshot, scenario.policy, scenario.settings, now(), scenario.thresholdDays};
    QStringList found;
    for (const Finding &finding : SafetyChecks::evaluate(scenario.user, context)) {
        if (finding.check == check) {
            found.append(finding.message);
        }
    }
    QCOMPARE(found, messages);
}

// A scan that says nothing about a source has not read it: every check that needs one is red.
void TestSafetyChecks::unreportedSourcesCountAsUnknown()
{
    const ScannedUser user = plainUser();
    OrgSnapshot snapshot;
    snapshot.users = {user};
    const Policy policy = Policy::builtInDefault();
    const SafetySettings settings;
    const CheckContext context{snapshot, policy, settings, now(), 90};

    QSet<QString> red;
    for (const Finding &finding : SafetyChecks::evaluate(user, context)) {
        QVERIFY(finding.isRed());
        QVERIFY2(finding.message.contains(u": needs "_s), qPrintable(finding.message));
        red.insert(finding.check);
    }
    QCOMPARE(red,
             (QSet<QString>{u"api-only"_s,
                            u"api-activity"_s,
                            u"admin"_s,
                            u"queue-member"_s,
                            u"automation-owner"_s,
                            u"manager"_s,
                            u"record-owner"_s}));
}

// One cache serves a whole preview and keeps sentences by their counts: users with other
// counts must never get another user's sentence.
void TestSafetyChecks::sharedCacheWordsEachCountApart()
{
    const Scenario s = scenario();
    const OrgSnapshot snapshot = snapshotFor(s);
    const CheckCache cache(snapshot, s.policy, s.settings);
    const CheckContext context{snapshot, s.policy, s.settings, now(), s.thresholdDays, &cache};

    const auto sentence = [&context](SafetyChecks::Check check, auto change) {
        ScannedUser user = plainUser();
        change(user);
        const QList<Finding> findings = check(user, context);
        return findings.isEmpty() ? QString() : findings.first().message;
    };
    const auto records = [&](int opportunities, int cases, int leads) {
        return sentence(&SafetyChecks::recordOwner, [=](ScannedUser &u) {
            u.openOpportunities = opportunities;
            u.openCases = cases;
            u.openLeads = leads;
        });
    };
    QVERIFY(records(1, 2, 0).startsWith(u"Owns 3 open records (opportunities: 1, cases: 2)."_s));
    QVERIFY(records(2, 1, 0).startsWith(u"Owns 3 open records (opportunities: 2, cases: 1)."_s));
    QVERIFY(records(0, 1, 2).startsWith(u"Owns 3 open records (cases: 1, leads: 2)."_s));
    QVERIFY(records(1, 2, 0).startsWith(u"Owns 3 open records (opportunities: 1, cases: 2)."_s));

    const auto reports = [&](int n) {
        return sentence(&SafetyChecks::manager, [n](ScannedUser &u) { u.activeDirectReports = n; });
    };
    const auto delegating = [&](int n) {
        return sentence(&SafetyChecks::manager, [n](ScannedUser &u) { u.delegatingUsers = n; });
    };
    const auto approvals = [&](int n) {
        return sentence(&SafetyChecks::manager, [n](ScannedUser &u) { u.pendingApprovals = n; });
    };
    QVERIFY(reports(2).startsWith(u"Manages 2 active users."_s));
    QVERIFY(reports(1).startsWith(u"Manages 1 active user."_s));
    QVERIFY(delegating(2).startsWith(u"Delegated approver for 2 active users."_s));
    QVERIFY(approvals(2).startsWith(u"Holds 2 pending approvals."_s));
    QVERIFY(reports(2).startsWith(u"Manages 2 active users."_s));
}

QTEST_GUILESS_MAIN(TestSafetyChecks)
#include "tst_safetychecks.moc"
