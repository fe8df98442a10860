// The org client against a real demo org on 127.0.0.1, including the faults real orgs and
// networks produce.
#include "core/demo/store/salesforceid.h"
#include "core/org/orgclient.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lr::Error;
using lr::org::OrgClient;
using lr::test::DemoOrgFixture;

class TestOrgClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void negotiatesTheNewestVersion();
    void queryFollowsEveryPage();
    void queryEachHandsOverPagesAsTheyArrive();
    void queryErrorsCarrySalesforcesCode();
    void invalidSessionIsTyped();
    void transientFailuresAreRetriedForReads();
    void limitErrorsAreNotRetried();
    void persistentFailureEndsWithTheLastError();
    void writesAreNeverRetried();
    void transferTimeoutIsTyped();
    void droppedConnectionIsTyped();
    void collectionsReturnPerRecordResults();
    void collectionOfMoreThan200IsRefusedLocally();
    void recordReadAndWrite();
    void apiUsageComesFromEveryResponse();
    void limitsAreRead();
    void clientDeletedMidRequestDoesNotCrash();

private:
    std::unique_ptr<OrgClient> makeClient(const QString &role = u"admin"_s);

    DemoOrgFixture m_org;
    std::unique_ptr<OrgClient> m_client;
};

void TestOrgClient::initTestCase()
{
    QVERIFY(m_org.start(3000));
}

std::unique_ptr<OrgClient> TestOrgClient::makeClient(const QString &role)
{
    lr::org::OrgSession session;
    session.instanceUrl = m_org.instanceUrl();
    session.accessToken = m_org.token(role);
    auto client = std::make_unique<OrgClient>(&m_org.network(), session);
    client->setRetryPolicy(3, 10ms);
    return client;
}

void TestOrgClient::init()
{
    m_client = makeClient();
    QVERIFY(QCoro::waitFor(m_client->negotiateVersion()));
}

void TestOrgClient::cleanup()
{
    m_org.clearFaults();
    m_client.reset();
}

void TestOrgClient::negotiatesTheNewestVersion()
{
    QCOMPARE(m_client->session().apiVersion, lr::demo::DemoOrg::latestApiVersion());
}

void TestOrgClient::queryFollowsEveryPage()
{
    const int before = m_client->callCount();
    lr::org::QueryOptions options;
    options.batchSize = 500;
    const auto result = QCoro::waitFor(
        m_client->query(u"SELECT Id, Profile.UserLicense.Name FROM User"_s, options));
    QVERIFY(result);
    QCOMPARE(result->totalSize, 3000);
    QCOMPARE(result->records.size(), 3000);
    QCOMPARE(result->pages, 6);
    QCOMPARE(m_client->callCount() - before, 6);
    QSet<QString> ids;
    for (const QJsonValue &record : result->records) {
        ids.insert(record.toObject().value(u"Id"_s).toString());
    }
    QCOMPARE(ids.size(), 3000);
}

void TestOrgClient::queryEachHandsOverPagesAsTheyArrive()
{
    QList<qsizetype> pageSizes;
    lr::org::QueryOptions options;
    options.batchSize = 1000;
    const auto total = QCoro::waitFor(m_client->queryEach(
        u"SELECT Id FROM User WHERE IsActive = true"_s,
        options,
        [&](const QJsonArray &records, qint64) { pageSizes.append(records.size()); }));
    QVERIFY(total);
    QCOMPARE(std::accumulate(pageSizes.begin(), pageSizes.end(), qsizetype(0)), total.value());
    QVERIFY(pageSizes.size() >= 2);
}

void TestOrgClient::queryErrorsCarrySalesforcesCode()
{
    const auto result = QCoro::waitFor(m_client->query(u"SELECT Id FROM User WHERE"_s));
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Remote);
    QCOMPARE(result.error().code, u"MALFORMED_QUERY"_s);
    QCOMPARE(result.error().httpStatus, 400);
    QVERIFY(result.error().message.contains(u"ERROR at Row:1"_s));
}

void TestOrgClient::invalidSessionIsTyped()
{
    m_client->setAccessToken(u"00D000000000000!AQexpired"_s);
    const auto result = QCoro::waitFor(m_client->limits());
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"INVALID_SESSION_ID"_s);
    QCOMPARE(result.error().httpStatus, 401);
}

void TestOrgClient::transientFailuresAreRetriedForReads()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/query"_s},
                            {u"times"_s, 2},
                            {u"status"_s, 503},
                            {u"errorCode"_s, u"SERVER_UNAVAILABLE"_s},
                            {u"message"_s, u"Try again later"_s}})
            > 0);
    const int before = m_client->callCount();
    const auto result = QCoro::waitFor(m_client->query(u"SELECT Id FROM Organization"_s));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(m_client->callCount() - before, 3);
}

void TestOrgClient::limitErrorsAreNotRetried()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/query"_s},
                            {u"times"_s, 5},
                            {u"status"_s, 403},
                            {u"errorCode"_s, u"REQUEST_LIMIT_EXCEEDED"_s},
                            {u"message"_s, u"TotalRequests Limit exceeded."_s}})
            > 0);
    const int before = m_client->callCount();
    const auto result = QCoro::waitFor(m_client->query(u"SELECT Id FROM Organization"_s));
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"REQUEST_LIMIT_EXCEEDED"_s);
    QCOMPARE(m_client->callCount() - before, 1);
}

void TestOrgClient::persistentFailureEndsWithTheLastError()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s},
                            {u"times"_s, 10},
                            {u"status"_s, 503},
                            {u"errorCode"_s, u"SERVER_UNAVAILABLE"_s},
                            {u"message"_s, u"Down for maintenance"_s}})
            > 0);
    const int before = m_client->callCount();
    const auto result = QCoro::waitFor(m_client->limits());
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"SERVER_UNAVAILABLE"_s);
    QCOMPARE(result.error().message, u"Down for maintenance"_s);
    QCOMPARE(m_client->callCount() - before, 3);
}

void TestOrgClient::writesAreNeverRetried()
{
    m_org.clearMutations();
    QVERIFY(m_org.addFault({{u"method"_s, u"PATCH"_s},
                            {u"times"_s, 1},
                            {u"status"_s, 503},
                            {u"errorCode"_s, u"SERVER_UNAVAILABLE"_s}})
            > 0);
    const auto result = QCoro::waitFor(
        m_client->updateRecord(u"User"_s, m_org.userId(u"viewer"_s), {{u"Title"_s, u"Once"_s}}));
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"SERVER_UNAVAILABLE"_s);
    QCOMPARE(m_org.mutations().size(), 1);
}

void TestOrgClient::transferTimeoutIsTyped()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s}, {u"delayMs"_s, 3000}}) > 0);
    m_client->setTransferTimeout(300ms);
    m_client->setRetryPolicy(1, 10ms);
    const auto result = QCoro::waitFor(m_client->limits());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Timeout);
    QCOMPARE(result.error().code, u"TIMEOUT"_s);
}

void TestOrgClient::droppedConnectionIsTyped()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s}, {u"drop"_s, true}, {u"times"_s, 20}}) > 0);
    const auto result = QCoro::waitFor(m_client->limits());
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Network);
    QCOMPARE(result.error().code, u"NETWORK_ERROR"_s);
}

void TestOrgClient::collectionsReturnPerRecordResults()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/composite/sobjects"_s},
                            {u"recordError"_s,
                             QJsonObject{{u"index"_s, 2},
                                         {u"statusCode"_s, u"UNABLE_TO_LOCK_ROW"_s},
                                         {u"message"_s, u"unable to obtain exclusive access"_s}}}})
            > 0);
    QList<lr::org::RecordWrite> writes;
    for (const QString &role : {u"admin"_s, u"analyst"_s, u"viewer"_s}) {
        writes.append({u"User"_s, m_org.userId(role), {{u"Department"_s, u"Revenue Ops"_s}}});
    }
    writes.append(
        {u"User"_s, lr::demo::SalesforceId::make(u"005", 999999999), {{u"Title"_s, u"x"_s}}});
    const auto results = QCoro::waitFor(m_client->updateRecords(writes, false));
    QVERIFY(results);
    QCOMPARE(results->size(), 4);
    QVERIFY(results->at(0).success);
    QVERIFY(results->at(1).success);
    QVERIFY(!results->at(2).success);
    QCOMPARE(results->at(2).errors.first().code, u"UNABLE_TO_LOCK_ROW"_s);
    QVERIFY(!results->at(3).success);
    QCOMPARE(results->at(3).errors.first().code, u"INVALID_CROSS_REFERENCE_KEY"_s);

    const auto created =
        QCoro::waitFor(m_client->createRecords({{u"Lead"_s,
                                                 {},
                                                 {{u"LastName"_s, u"Okafor"_s},
                                                  {u"Company"_s, u"Umoja"_s},
                                                  {u"Status"_s, u"Open - Not Contacted"_s}}}},
                                               true));
    QVERIFY(created);
    QVERIFY(created->first().success);
    const auto deleted = QCoro::waitFor(m_client->deleteRecords({created->first().id}, true));
    QVERIFY(deleted);
    QVERIFY(deleted->first().success);
}

void TestOrgClient::collectionOfMoreThan200IsRefusedLocally()
{
    const int before = m_client->callCount();
    QList<lr::org::RecordWrite> writes(
        201, {u"User"_s, m_org.userId(u"viewer"_s), {{u"Title"_s, u"x"_s}}});
    const auto results = QCoro::waitFor(m_client->updateRecords(writes, false));
    QVERIFY(!results);
    QCOMPARE(results.error().kind, Error::Kind::Usage);
    QCOMPARE(m_client->callCount(), before);
}

void TestOrgClient::recordReadAndWrite()
{
    const QString viewer = m_org.userId(u"viewer"_s);
    QVERIFY(QCoro::waitFor(
        m_client->updateRecord(u"User"_s, viewer, {{u"Title"_s, u"Read & write"_s}})));
    const auto record =
        QCoro::waitFor(m_client->getRecord(u"User"_s, viewer, {u"Id"_s, u"Title"_s}));
    QVERIFY(record);
    QCOMPARE(record->value(u"Title"_s).toString(), u"Read & write"_s);
    const auto missing = QCoro::waitFor(
        m_client->getRecord(u"User"_s, lr::demo::SalesforceId::make(u"005", 999999999)));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, u"NOT_FOUND"_s);
    QCOMPARE(missing.error().httpStatus, 404);
}

void TestOrgClient::apiUsageComesFromEveryResponse()
{
    QSignalSpy changed(m_client.get(), &OrgClient::apiUsageChanged);
    QVERIFY(QCoro::waitFor(m_client->limits()));
    QCOMPARE(changed.count(), 1);
    const auto usage = m_client->apiUsage();
    QVERIFY(usage);
    QVERIFY(usage->used > 0);
    QCOMPARE(usage->limit, m_org.org().dailyApiLimit());
    QCOMPARE(usage->used, m_org.org().apiCallsToday());
    QCOMPARE(usage->remaining(), usage->limit - usage->used);
}

void TestOrgClient::limitsAreRead()
{
    const auto limits = QCoro::waitFor(m_client->limits());
    QVERIFY(limits);
    QVERIFY(limits->value(u"DailyApiRequests"_s).toObject().value(u"Max"_s).toDouble() > 0);
}

void TestOrgClient::clientDeletedMidRequestDoesNotCrash()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s}, {u"delayMs"_s, 500}}) > 0);
    auto client = makeClient();
    QVERIFY(QCoro::waitFor(client->negotiateVersion()));
    auto task = client->limits();
    QTimer::singleShot(100, this, [&client] { client.reset(); });
    const auto result = QCoro::waitFor(std::move(task));
    QVERIFY(!result);
    QCOMPARE(result.error().code, u"CLIENT_GONE"_s);
}

QTEST_GUILESS_MAIN(TestOrgClient)
#include "tst_orgclient.moc"
