// The scan against real demo orgs: what it reads, in how many calls, and what it cannot see.
#include "core/org/orgclient.h"
#include "core/scan/aggregatereader.h"
#include "core/scan/orgscanner.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using lr::scan::DataSource;
using lr::scan::OrgSnapshot;
using lr::test::DemoOrgFixture;

namespace {

struct ScanRun
{
    lr::Result<OrgSnapshot> snapshot;
    QList<double> progress;
};

ScanRun scanAs(DemoOrgFixture &org, const QString &role)
{
    lr::org::OrgSession session;
    session.instanceUrl = org.instanceUrl();
    session.accessToken = org.token(role);
    lr::org::OrgClient client(&org.network(), session);
    ScanRun run;
    if (auto version = QCoro::waitFor(client.negotiateVersion()); !version) {
        run.snapshot = version.error();
        return run;
    }
    lr::scan::OrgScanner scanner(&client);
    QObject::connect(&scanner,
                     &lr::scan::OrgScanner::progressChanged,
                     &scanner,
                     [&](double f, const QString &) { run.progress.append(f); });
    run.snapshot = QCoro::waitFor(scanner.scan());
    return run;
}

} // namespace

class TestOrgScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsEveryStaleActiveUserAndNoOther();
    void countsMatchWhatTheOrgStores();
    void adminSeesEverySource();
    void analystAndViewerSourcesAreIncomplete_data();
    void analystAndViewerSourcesAreIncomplete();
    void progressRunsToTheEnd();
    void apiCallsGrowOnlyWithPages();
    void aggregatesArePagedPastTwoThousandGroups();

private:
    DemoOrgFixture m_org;
    OrgSnapshot m_admin;
    int m_adminCalls = 0;
};

void TestOrgScanner::initTestCase()
{
    QVERIFY(m_org.start(5000, 21));
    ScanRun run = scanAs(m_org, u"admin"_s);
    QVERIFY2(run.snapshot, qPrintable(run.snapshot ? QString() : run.snapshot.error().toString()));
    m_admin = run.snapshot.value();
    m_adminCalls = m_admin.apiCalls;
    qInfo() << "5,000 users:" << m_admin.users.size() << "stale active users in" << m_adminCalls
            << "API calls";
}

void TestOrgScanner::readsEveryStaleActiveUserAndNoOther()
{
    QCOMPARE(m_admin.totalUsers, 5000);
    QCOMPARE(m_admin.activeUsers,
             m_org.sql(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 1"_s).toLongLong());
    // The org's own notion of 30 days: before midnight (UTC) 30 days ago.
    const QString cutoff = QDateTime(QDate::currentDate().addDays(-30), QTime(0, 0), QTimeZone(0))
                               .toString(u"yyyy-MM-ddTHH:mm:ss.zzz+0000"_s);
    const qint64 stale = m_org
                             .sql(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 1 AND "
                                  u"(\"LastLoginDate\" < ? OR (\"LastLoginDate\" IS NULL AND "
                                  u"\"CreatedDate\" < ?))"_s,
                                  {cutoff, cutoff})
                             .toLongLong();
    QCOMPARE(qint64(m_admin.users.size()), stale);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSet<QString> ids;
    for (const auto &user : std::as_const(m_admin.users)) {
        QVERIFY(user.daysInactive(now) >= 30);
        QVERIFY(!user.licenseName.isEmpty());
        QVERIFY(!user.profileName.isEmpty());
        ids.insert(user.id);
    }
    QCOMPARE(ids.size(), m_admin.users.size());
}

void TestOrgScanner::countsMatchWhatTheOrgStores()
{
    int withRecords = 0;
    int withJobs = 0;
    int withReports = 0;
    int withApi = 0;
    for (const auto &user : std::as_const(m_admin.users)) {
        QCOMPARE(user.openOpportunities,
                 m_org
                     .sql(u"SELECT COUNT(*) FROM \"Opportunity\" "
                          u"WHERE \"OwnerId\" = ? AND \"IsClosed\" = 0"_s,
                          {user.id})
                     .toInt());
        QCOMPARE(user.openLeads,
                 m_org
                     .sql(u"SELECT COUNT(*) FROM \"Lead\" "
                          u"WHERE \"OwnerId\" = ? AND \"IsConverted\" = 0"_s,
                          {user.id})
                     .toInt());
        QCOMPARE(
            user.scheduledJobs.size(),
            m_org.sql(u"SELECT COUNT(*) FROM \"CronTrigger\" WHERE \"OwnerId\" = ?"_s, {user.id})
                .toLongLong());
        QCOMPARE(
            user.frozen,
            m_org.sql(u"SELECT \"IsFrozen\" FROM \"UserLogin\" WHERE \"UserId\" = ?"_s, {user.id})
                    .toInt()
                == 1);
        withRecords += user.openRecords() > 0;
        withJobs += !user.scheduledJobs.isEmpty();
        withReports += user.activeDirectReports > 0;
        withApi += user.lastApiLogin.isValid();
    }
    // The generated org has stale users of every kind the checks look at.
    QVERIFY(withRecords > 0);
    QVERIFY(withJobs > 0);
    QVERIFY(withReports > 0);
    QVERIFY(withApi > 0);
    const auto admins =
        std::count_if(m_admin.users.cbegin(), m_admin.users.cend(), [](const auto &u) {
            return !u.modifyAllDataGrants.isEmpty();
        });
    QVERIFY(admins > 0);
}

void TestOrgScanner::adminSeesEverySource()
{
    for (DataSource source : {DataSource::Users,
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
                              DataSource::UserLogins}) {
        QVERIFY2(m_admin.isComplete(source), qPrintable(QString::number(int(source))));
    }
    QCOMPARE(m_admin.scannedById, m_org.userId(u"admin"_s));
    QVERIFY(!m_admin.org.name.isEmpty());
}

void TestOrgScanner::analystAndViewerSourcesAreIncomplete_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("seesAllRecords");
    QTest::newRow("analyst") << u"analyst"_s << true;
    QTest::newRow("viewer") << u"viewer"_s << false;
}

void TestOrgScanner::analystAndViewerSourcesAreIncomplete()
{
    QFETCH(QString, role);
    QFETCH(bool, seesAllRecords);
    ScanRun run = scanAs(m_org, role);
    QVERIFY2(run.snapshot, qPrintable(run.snapshot ? QString() : run.snapshot.error().toString()));
    const OrgSnapshot &snapshot = run.snapshot.value();
    QCOMPARE(snapshot.users.size(), m_admin.users.size());
    QVERIFY(snapshot.isComplete(DataSource::Users));
    QVERIFY(snapshot.isComplete(DataSource::Queues));
    QVERIFY(snapshot.isComplete(DataSource::Dashboards));
    for (DataSource source : {DataSource::PermissionAssignments,
                              DataSource::LoginHistory,
                              DataSource::OauthTokens,
                              DataSource::ScheduledJobs,
                              DataSource::Approvals,
                              DataSource::UserLogins}) {
        QVERIFY(!snapshot.isComplete(source));
        QVERIFY(!snapshot.source(source).missingPermission.isEmpty());
    }
    QCOMPARE(snapshot.source(DataSource::ScheduledJobs).missingPermission,
             u"View Setup and Configuration"_s);
    QCOMPARE(snapshot.source(DataSource::LoginHistory).missingPermission,
             u"Monitor Login History"_s);
    QCOMPARE(snapshot.isComplete(DataSource::OpenOpportunities), seesAllRecords);
    QCOMPARE(snapshot.isComplete(DataSource::OpenLeads), seesAllRecords);
}

void TestOrgScanner::progressRunsToTheEnd()
{
    ScanRun run = scanAs(m_org, u"admin"_s);
    QVERIFY(run.snapshot);
    QVERIFY(run.progress.size() > 5);
    QVERIFY(std::is_sorted(run.progress.cbegin(), run.progress.cend()));
    QCOMPARE(run.progress.last(), 1.0);
}

void TestOrgScanner::apiCallsGrowOnlyWithPages()
{
    DemoOrgFixture big;
    QVERIFY(big.start(50000, 21));
    ScanRun run = scanAs(big, u"admin"_s);
    QVERIFY2(run.snapshot, qPrintable(run.snapshot ? QString() : run.snapshot.error().toString()));
    const OrgSnapshot &snapshot = run.snapshot.value();
    const auto pages = [](const OrgSnapshot &s) { return int((s.users.size() + 1999) / 2000); };
    qInfo() << "API calls: 5,000 users:" << m_adminCalls << "(" << pages(m_admin) << "user pages);"
            << "50,000 users:" << snapshot.apiCalls << "(" << pages(snapshot) << "user pages)";
    // Each extra 2,000 stale users cost a page of users and at most one more page of groups
    // in each of the three record-owner aggregates; nothing is read per user.
    const int extraPages = pages(snapshot) - pages(m_admin);
    QVERIFY(snapshot.apiCalls <= m_adminCalls + 4 * extraPages);
    QVERIFY(snapshot.apiCalls <= 60);
}

void TestOrgScanner::aggregatesArePagedPastTwoThousandGroups()
{
    // Users keyed by their own id: one group per user, far more than 2,000.
    lr::org::OrgSession session;
    session.instanceUrl = m_org.instanceUrl();
    session.accessToken = m_org.token();
    lr::org::OrgClient client(&m_org.network(), session);
    QVERIFY(QCoro::waitFor(client.negotiateVersion()));
    QStringList ids;
    const auto all = QCoro::waitFor(client.query(u"SELECT Id FROM User"_s));
    QVERIFY(all);
    for (const QJsonValue &record : all->records) {
        ids.append(record.toObject().value(u"Id"_s).toString());
    }
    std::sort(ids.begin(), ids.end());
    const int before = client.callCount();
    const auto rows =
        QCoro::waitFor(lr::scan::AggregateReader::read(client,
                                                       u"SELECT Id, COUNT(Username) n FROM User"_s,
                                                       u"Username != null"_s,
                                                       QStringList{u"Id"_s}));
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(rows->size(), 5000);
    QSet<QString> seen;
    for (const QJsonValue &row : rows.value()) {
        seen.insert(row.toObject().value(u"Id"_s).toString());
    }
    QCOMPARE(seen, QSet<QString>(ids.cbegin(), ids.cend()));
    // 2,000 groups a call: 2,000 + 2,000 + 1,000.
    QCOMPARE(client.callCount() - before, 3);

    // Two keys: the first key's groups may straddle a page and are not counted twice.
    const auto pairs = QCoro::waitFor(
        lr::scan::AggregateReader::read(client,
                                        u"SELECT ProfileId, Id, COUNT(Username) n FROM User"_s,
                                        u"Username != null"_s,
                                        QStringList{u"ProfileId"_s, u"Id"_s}));
    QVERIFY(pairs);
    QCOMPARE(pairs->size(), 5000);
}

QTEST_GUILESS_MAIN(TestOrgScanner)
#include "tst_orgscanner.moc"
