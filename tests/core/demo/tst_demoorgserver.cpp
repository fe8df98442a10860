// The demo org over real HTTP on 127.0.0.1: what any Salesforce client sees.
#include "core/demo/store/salesforceid.h"
#include "support/demoorgfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::test::DemoOrgFixture;

namespace {

constexpr int kUsers = 3000;

// A well-formed user id that no record has.
const QString kNoSuchUser = lr::demo::SalesforceId::make(u"005", 999999999);

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject record(const QString &type, const QString &id, const QJsonObject &fields)
{
    QJsonObject r = fields;
    r.insert(u"attributes"_s, QJsonObject{{u"type"_s, type}});
    if (!id.isEmpty()) {
        r.insert(u"id"_s, id);
    }
    return r;
}

} // namespace

class TestDemoOrgServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void versionsListEveryVersion();
    void unknownVersionIsNotFound();
    void missingOrBadTokenIsInvalidSession_data();
    void missingOrBadTokenIsInvalidSession();
    void everyCallCarriesLimitInfo();
    void limitsResource();

    void queryPagesHonourBatchSize_data();
    void queryPagesHonourBatchSize();
    void unknownLocatorIsRejected();
    void locatorBelongsToItsUser();
    void badBatchSizeIsRejected();
    void countQueryHasNoRecords();
    void aggregateQueriesAreNeverPaged();
    void aggregateQueryPastTwoThousandGroupsIsRefused();
    void queryErrorsNameTheBadToken_data();
    void queryErrorsNameTheBadToken();
    void missingQueryIsMalformed();

    void describeListsFields();
    void recordGetPatchPostDelete();
    void recordWriteErrors_data();
    void recordWriteErrors();
    void deactivationFreesASeatAndReactivationNeedsOne();

    void collectionUpdatesSucceed();
    void collectionPartialFailure();
    void collectionAllOrNoneRollsBack();
    void collectionRefusesMoreThan200();
    void collectionRefusesSetupMixedWithOthers();
    void collectionCreateReadDelete();
    void collectionMalformedBodies_data();
    void collectionMalformedBodies();

    void analystCannotSeeOthersLoginHistoryOrSetup();
    void viewerSeesOnlyOwnRecordsAndCannotWrite();
    void analystCannotChangeUsers();

    void faultStatusAnswersWithSalesforceBody();
    void faultDelayHoldsTheAnswer();
    void faultDropClosesTheConnection();
    void faultRecordErrorFailsOneRecord();
    void faultRequestsAreValidated();
    void clockMovesRelativeDateLiterals();
    void mutationLogListsEveryWrite();
    void controlApiIsOffUnlessAsked();

private:
    DemoOrgFixture m_org;
};

void TestDemoOrgServer::initTestCase()
{
    QVERIFY(m_org.start(kUsers));
}

void TestDemoOrgServer::cleanup()
{
    m_org.clearFaults();
}

void TestDemoOrgServer::versionsListEveryVersion()
{
    const auto r = m_org.send("GET", u"/services/data/"_s);
    QCOMPARE(r.status, 200);
    const QJsonArray versions = r.json().array();
    QStringList numbers;
    for (const QJsonValue &v : versions) {
        numbers.append(v.toObject().value(u"version"_s).toString());
        QVERIFY(v.toObject().value(u"url"_s).toString().startsWith(u"/services/data/v"_s));
        QVERIFY(!v.toObject().value(u"label"_s).toString().isEmpty());
    }
    QCOMPARE(numbers.first(), u"31.0"_s);
    QCOMPARE(numbers.last(), lr::demo::DemoOrg::latestApiVersion());
    QCOMPARE(numbers.size(), qsizetype(lr::demo::DemoOrg::latestApiVersion().toDouble() - 30));
    QCOMPARE(versions.at(0).toObject().value(u"label"_s).toString(), u"Summer '14"_s);
    // Every version answers, not only the newest.
    for (const QString &version : {u"31.0"_s, u"52.0"_s, lr::demo::DemoOrg::latestApiVersion()}) {
        const auto limits =
            m_org.send("GET", u"/services/data/v%1/limits"_s.arg(version), {}, m_org.token());
        QCOMPARE(limits.status, 200);
    }
}

void TestDemoOrgServer::unknownVersionIsNotFound()
{
    for (const QString &version : {u"30.0"_s, u"99.0"_s}) {
        const auto r =
            m_org.send("GET", u"/services/data/v%1/limits"_s.arg(version), {}, m_org.token());
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"NOT_FOUND"_s);
    }
}

void TestDemoOrgServer::missingOrBadTokenIsInvalidSession_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("unknown token") << QByteArray("Bearer 00D000000000000!AQnotatoken");
    QTest::newRow("wrong scheme") << QByteArray("Basic dXNlcjpwYXNz");
    QTest::newRow("empty bearer") << QByteArray("Bearer ");
}

void TestDemoOrgServer::missingOrBadTokenIsInvalidSession()
{
    QFETCH(QByteArray, authorization);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty()) {
        headers.append({"Authorization", authorization});
    }
    const auto r = m_org.send("GET", m_org.dataPath(u"limits"_s), {}, {}, headers);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), u"INVALID_SESSION_ID"_s);
    QCOMPARE(r.errorMessage(), u"Session expired or invalid"_s);
}

void TestDemoOrgServer::everyCallCarriesLimitInfo()
{
    static const QRegularExpression usage(uR"(^api-usage=(\d+)/(\d+)$)"_s);
    qint64 previous = -1;
    for (int i = 0; i < 3; ++i) {
        const auto r = m_org.query(u"SELECT Id FROM Organization"_s);
        QCOMPARE(r.status, 200);
        const auto match = usage.match(QString::fromLatin1(r.header("Sforce-Limit-Info")));
        QVERIFY2(match.hasMatch(), r.header("Sforce-Limit-Info").constData());
        const qint64 used = match.captured(1).toLongLong();
        QVERIFY(used > previous);
        QVERIFY(match.captured(2).toLongLong() >= 100000);
        previous = used;
    }
    // Errors count too and carry the header; the versions list does not.
    QVERIFY(!m_org.query(u"SELECT Nope FROM User"_s).header("Sforce-Limit-Info").isEmpty());
    QVERIFY(m_org.send("GET", u"/services/data/"_s).header("Sforce-Limit-Info").isEmpty());
}

void TestDemoOrgServer::limitsResource()
{
    const auto r = m_org.send("GET", m_org.dataPath(u"limits"_s), {}, m_org.token());
    QCOMPARE(r.status, 200);
    const QJsonObject daily = r.json().object().value(u"DailyApiRequests"_s).toObject();
    QVERIFY(daily.value(u"Max"_s).toDouble() >= 100000);
    QVERIFY(daily.value(u"Remaining"_s).toDouble() < daily.value(u"Max"_s).toDouble());
}

void TestDemoOrgServer::queryPagesHonourBatchSize_data()
{
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("expectedPageSize");
    QTest::newRow("default 2000") << 0 << 2000;
    QTest::newRow("500") << 500 << 500;
    QTest::newRow("below the minimum") << 50 << 200;
    QTest::newRow("above the maximum") << 5000 << 2000;
}

void TestDemoOrgServer::queryPagesHonourBatchSize()
{
    QFETCH(int, batchSize);
    QFETCH(int, expectedPageSize);
    auto page = m_org.query(u"SELECT Id, Username FROM User"_s, u"admin"_s, batchSize);
    QCOMPARE(page.status, 200);
    QSet<QString> ids;
    int pages = 0;
    while (true) {
        const QJsonObject body = page.json().object();
        QCOMPARE(body.value(u"totalSize"_s).toInt(), kUsers);
        const QJsonArray records = body.value(u"records"_s).toArray();
        const bool done = body.value(u"done"_s).toBool();
        QCOMPARE(records.size(),
                 done ? qsizetype(kUsers - pages * expectedPageSize) : qsizetype(expectedPageSize));
        for (const QJsonValue &r : records) {
            QCOMPARE(r.toObject().value(u"attributes"_s).toObject().value(u"type"_s).toString(),
                     u"User"_s);
            ids.insert(r.toObject().value(u"Id"_s).toString());
        }
        ++pages;
        if (done) {
            QVERIFY(!body.contains(u"nextRecordsUrl"_s));
            break;
        }
        const QString next = body.value(u"nextRecordsUrl"_s).toString();
        QVERIFY2(next.startsWith(m_org.dataPath(u"query/01g"_s)), qPrintable(next));
        page = m_org.send("GET", next, {}, m_org.token());
        QCOMPARE(page.status, 200);
    }
    QCOMPARE(ids.size(), qsizetype(kUsers));
    QCOMPARE(pages, (kUsers + expectedPageSize - 1) / expectedPageSize);
}

void TestDemoOrgServer::unknownLocatorIsRejected()
{
    const auto r =
        m_org.send("GET", m_org.dataPath(u"query/01gXXXXXXXXXXXX-2000"_s), {}, m_org.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"INVALID_QUERY_LOCATOR"_s);
}

void TestDemoOrgServer::locatorBelongsToItsUser()
{
    const auto first = m_org.query(u"SELECT Id FROM User"_s, u"admin"_s, 200);
    const QString next = first.json().object().value(u"nextRecordsUrl"_s).toString();
    QVERIFY(!next.isEmpty());
    const auto stolen = m_org.send("GET", next, {}, m_org.token(u"analyst"_s));
    QCOMPARE(stolen.status, 400);
    QCOMPARE(stolen.errorCode(), u"INVALID_QUERY_LOCATOR"_s);
}

void TestDemoOrgServer::badBatchSizeIsRejected()
{
    const auto r = m_org.send("GET",
                              m_org.dataPath(u"query?q=SELECT+Id+FROM+User"_s),
                              {},
                              m_org.token(),
                              {{"Sforce-Query-Options", "batchSize=lots"}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"INVALID_QUERY_OPTIONS"_s);
}

void TestDemoOrgServer::countQueryHasNoRecords()
{
    const auto r = m_org.query(u"SELECT COUNT() FROM User WHERE IsActive = true"_s);
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json().object();
    QCOMPARE(body.value(u"totalSize"_s).toInt(),
             m_org.sql(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 1"_s).toInt());
    QVERIFY(body.value(u"records"_s).toArray().isEmpty());
    QVERIFY(body.value(u"done"_s).toBool());
}

void TestDemoOrgServer::aggregateQueriesAreNeverPaged()
{
    const auto r = m_org.query(
        u"SELECT Department, COUNT(Id) people FROM User GROUP BY Department"_s, u"admin"_s, 200);
    QCOMPARE(r.status, 200);
    const QJsonObject body = r.json().object();
    QVERIFY(body.value(u"done"_s).toBool());
    const QJsonArray records = body.value(u"records"_s).toArray();
    QCOMPARE(body.value(u"totalSize"_s).toInt(), records.size());
    int people = 0;
    for (const QJsonValue &row : records) {
        QCOMPARE(row.toObject().value(u"attributes"_s).toObject().value(u"type"_s).toString(),
                 u"AggregateResult"_s);
        people += row.toObject().value(u"people"_s).toInt();
    }
    QCOMPARE(people, kUsers);
}

void TestDemoOrgServer::aggregateQueryPastTwoThousandGroupsIsRefused()
{
    const auto refused = m_org.query(u"SELECT Username, COUNT(Id) FROM User GROUP BY Username"_s);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"MALFORMED_QUERY"_s);
    QVERIFY(refused.errorMessage().contains(u"LIMIT"_s));
    const auto limited =
        m_org.query(u"SELECT Username, COUNT(Id) FROM User GROUP BY Username LIMIT 2000"_s);
    QCOMPARE(limited.status, 200);
    QCOMPARE(limited.json().object().value(u"records"_s).toArray().size(), 2000);
}

void TestDemoOrgServer::queryErrorsNameTheBadToken_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("token");
    QTest::newRow("misspelt FROM") << u"SELECT Id FORM User"_s << u"MALFORMED_QUERY"_s << u"FORM"_s;
    QTest::newRow("unknown field")
        << u"SELECT Id, Nickname FROM User"_s << u"INVALID_FIELD"_s << u"Nickname"_s;
    QTest::newRow("unknown object") << u"SELECT Id FROM Usr"_s << u"INVALID_TYPE"_s << u"Usr"_s;
    QTest::newRow("bad relationship")
        << u"SELECT Boss.Name FROM User"_s << u"INVALID_FIELD"_s << u"Boss"_s;
    QTest::newRow("quoted boolean")
        << u"SELECT Id FROM User WHERE IsActive = 'yes'"_s << u"INVALID_FIELD"_s << u"IsActive"_s;
}

void TestDemoOrgServer::queryErrorsNameTheBadToken()
{
    QFETCH(QString, soql);
    QFETCH(QString, errorCode);
    QFETCH(QString, token);
    const auto r = m_org.query(soql);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), errorCode);
    QVERIFY2(r.errorMessage().contains(token), qPrintable(r.errorMessage()));
    QVERIFY(r.errorMessage().contains(u"ERROR at Row:1:Column:"_s));
}

void TestDemoOrgServer::missingQueryIsMalformed()
{
    const auto r = m_org.send("GET", m_org.dataPath(u"query"_s), {}, m_org.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"MALFORMED_QUERY"_s);
}

void TestDemoOrgServer::describeListsFields()
{
    const auto global = m_org.send("GET", m_org.dataPath(u"sobjects"_s), {}, m_org.token());
    QCOMPARE(global.status, 200);
    QCOMPARE(global.json().object().value(u"maxBatchSize"_s).toInt(), 200);
    const auto describe =
        m_org.send("GET", m_org.dataPath(u"sobjects/User/describe"_s), {}, m_org.token());
    QCOMPARE(describe.status, 200);
    bool foundProfile = false;
    for (const QJsonValue &field : describe.json().object().value(u"fields"_s).toArray()) {
        if (field.toObject().value(u"name"_s).toString() == u"ProfileId") {
            foundProfile = true;
            QCOMPARE(field.toObject().value(u"type"_s).toString(), u"reference"_s);
            QCOMPARE(field.toObject().value(u"relationshipName"_s).toString(), u"Profile"_s);
            QCOMPARE(field.toObject().value(u"referenceTo"_s).toArray().first().toString(),
                     u"Profile"_s);
        }
    }
    QVERIFY(foundProfile);
}

void TestDemoOrgServer::recordGetPatchPostDelete()
{
    const QString viewer = m_org.userId(u"viewer"_s);
    const QString path = m_org.dataPath(u"sobjects/User/"_s + viewer);
    const auto got =
        m_org.send("GET", path + u"?fields=Id,Username,Profile.Name"_s, {}, m_org.token());
    QCOMPARE(got.status, 200);
    QCOMPARE(got.json().object().value(u"Id"_s).toString(), viewer);
    QCOMPARE(got.json().object().value(u"Profile"_s).toObject().value(u"Name"_s).toString(),
             u"Read Only"_s);

    const auto patched =
        m_org.send("PATCH", path, json({{u"Title"_s, u"Auditor, EMEA"_s}}), m_org.token());
    QCOMPARE(patched.status, 204);
    QCOMPARE(m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {viewer}).toString(),
             u"Auditor, EMEA"_s);

    const auto created = m_org.send("POST",
                                    m_org.dataPath(u"sobjects/Opportunity"_s),
                                    json({{u"Name"_s, u"Renewal — Ünïcode GmbH"_s},
                                          {u"StageName"_s, u"Prospecting"_s},
                                          {u"CloseDate"_s, u"2027-03-31"_s}}),
                                    m_org.token());
    QCOMPARE(created.status, 201);
    const QString id = created.json().object().value(u"id"_s).toString();
    QVERIFY(id.startsWith(u"006"_s));
    QCOMPARE(
        m_org.sql(u"SELECT \"OwnerId\" FROM \"Opportunity\" WHERE \"Id\" = ?"_s, {id}).toString(),
        m_org.userId(u"admin"_s));

    const QString opportunity = m_org.dataPath(u"sobjects/Opportunity/"_s + id);
    QCOMPARE(m_org.send("DELETE", opportunity, {}, m_org.token()).status, 204);
    QCOMPARE(m_org.send("GET", opportunity, {}, m_org.token()).status, 404);
    QCOMPARE(m_org.send("DELETE", opportunity, {}, m_org.token()).status, 404);
}

void TestDemoOrgServer::recordWriteErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    const QString user = u"sobjects/User/"_s;
    QTest::newRow("unknown field")
        << user + u"VIEWER"_s << R"({"Nickname":"x"})"_ba << 400 << u"INVALID_FIELD"_s;
    QTest::newRow("read-only field")
        << user + u"VIEWER"_s << R"({"LastLoginDate":"2026-01-01T00:00:00Z"})"_ba << 400
        << u"INVALID_FIELD_FOR_INSERT_UPDATE"_s;
    QTest::newRow("wrong type") << user + u"VIEWER"_s << R"({"IsActive":"yes"})"_ba << 400
                                << u"JSON_PARSER_ERROR"_s;
    QTest::newRow("too long") << user + u"VIEWER"_s << R"({"Alias":"waytoolongalias"})"_ba << 400
                              << u"STRING_TOO_LONG"_s;
    QTest::newRow("bad reference")
        << user + u"VIEWER"_s << QByteArray(R"({"ManagerId":")" + kNoSuchUser.toLatin1() + R"("})")
        << 400 << u"INVALID_CROSS_REFERENCE_KEY"_s;
    QTest::newRow("not JSON") << user + u"VIEWER"_s << "{oops"_ba << 400 << u"JSON_PARSER_ERROR"_s;
    QTest::newRow("no such record")
        << user + kNoSuchUser << R"({"Title":"x"})"_ba << 404 << u"NOT_FOUND"_s;
    QTest::newRow("picklist")
        << u"sobjects/Opportunity"_s
        << R"({"Name":"x","StageName":"Dreaming","CloseDate":"2027-01-01"})"_ba << 400
        << u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s;
    QTest::newRow("required") << u"sobjects/Opportunity"_s << R"({"Name":"x"})"_ba << 400
                              << u"REQUIRED_FIELD_MISSING"_s;
}

void TestDemoOrgServer::recordWriteErrors()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    path.replace(u"VIEWER"_s, m_org.userId(u"viewer"_s));
    const bool create = !path.contains(u"/0"_s);
    const auto r = m_org.send(create ? "POST" : "PATCH", m_org.dataPath(path), body, m_org.token());
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), errorCode);
}

void TestDemoOrgServer::deactivationFreesASeatAndReactivationNeedsOne()
{
    // A Salesforce-licensed active user other than the principals.
    const QString user =
        m_org
            .sql(u"SELECT u.\"Id\" FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = "
                 u"u.\"ProfileId\" JOIN \"UserLicense\" l ON l.\"Id\" = p.\"UserLicenseId\" "
                 u"WHERE l.\"LicenseDefinitionKey\" = 'SFDC' AND u.\"IsActive\" = 1 "
                 u"AND u.\"Id\" NOT IN (?, ?, ?) LIMIT 1"_s,
                 {m_org.userId(u"admin"_s), m_org.userId(u"analyst"_s), m_org.userId(u"viewer"_s)})
            .toString();
    QVERIFY(!user.isEmpty());
    auto used = [this] {
        return m_org
            .sql(u"SELECT \"UsedLicenses\" FROM \"UserLicense\" "
                 u"WHERE \"LicenseDefinitionKey\" = 'SFDC'"_s)
            .toLongLong();
    };
    const qint64 before = used();
    const QString path = m_org.dataPath(u"sobjects/User/"_s + user);
    QCOMPARE(m_org.send("PATCH", path, R"({"IsActive":false})", m_org.token()).status, 204);
    QCOMPARE(used(), before - 1);
    // Fill the license up, then reactivation finds no free seat.
    (void)m_org.sql(u"UPDATE \"UserLicense\" SET \"TotalLicenses\" = \"UsedLicenses\" WHERE "
                    u"\"LicenseDefinitionKey\" = 'SFDC'"_s);
    const auto refused = m_org.send("PATCH", path, R"({"IsActive":true})", m_org.token());
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"LICENSE_LIMIT_EXCEEDED"_s);
    (void)m_org.sql(u"UPDATE \"UserLicense\" SET \"TotalLicenses\" = \"TotalLicenses\" + 1 WHERE "
                    u"\"LicenseDefinitionKey\" = 'SFDC'"_s);
    QCOMPARE(m_org.send("PATCH", path, R"({"IsActive":true})", m_org.token()).status, 204);
    QCOMPARE(used(), before);
}

void TestDemoOrgServer::collectionUpdatesSucceed()
{
    const QJsonArray users = m_org.query(u"SELECT Id FROM User WHERE IsActive = true LIMIT 3"_s)
                                 .json()
                                 .object()
                                 .value(u"records"_s)
                                 .toArray();
    QJsonArray records;
    for (const QJsonValue &u : users) {
        records.append(
            record(u"User"_s, u.toObject().value(u"Id"_s).toString(), {{u"Title"_s, u"Batch"_s}}));
    }
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"allOrNone"_s, false}, {u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().array();
    QCOMPARE(results.size(), 3);
    for (qsizetype i = 0; i < results.size(); ++i) {
        QVERIFY(results.at(i).toObject().value(u"success"_s).toBool());
        QCOMPARE(results.at(i).toObject().value(u"id"_s).toString(),
                 users.at(i).toObject().value(u"Id"_s).toString());
        QVERIFY(results.at(i).toObject().value(u"errors"_s).toArray().isEmpty());
    }
}

void TestDemoOrgServer::collectionPartialFailure()
{
    const QString good = m_org.userId(u"viewer"_s);
    const QJsonArray records{record(u"User"_s, good, {{u"Title"_s, u"Partial one"_s}}),
                             record(u"User"_s, kNoSuchUser, {{u"Title"_s, u"x"_s}}),
                             record(u"User"_s, good, {{u"IsActive"_s, u"maybe"_s}})};
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"allOrNone"_s, false}, {u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().array();
    QVERIFY(results.at(0).toObject().value(u"success"_s).toBool());
    QVERIFY(!results.at(1).toObject().value(u"success"_s).toBool());
    QCOMPARE(results.at(1)
                 .toObject()
                 .value(u"errors"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"statusCode"_s)
                 .toString(),
             u"INVALID_CROSS_REFERENCE_KEY"_s);
    QCOMPARE(results.at(2)
                 .toObject()
                 .value(u"errors"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"statusCode"_s)
                 .toString(),
             u"JSON_PARSER_ERROR"_s);
    QCOMPARE(m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {good}).toString(),
             u"Partial one"_s);
}

void TestDemoOrgServer::collectionAllOrNoneRollsBack()
{
    const QString good = m_org.userId(u"viewer"_s);
    const QString before =
        m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {good}).toString();
    const QJsonArray records{record(u"User"_s, good, {{u"Title"_s, u"Never saved"_s}}),
                             record(u"User"_s, kNoSuchUser, {{u"Title"_s, u"x"_s}})};
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"allOrNone"_s, true}, {u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().array();
    QVERIFY(!results.at(0).toObject().value(u"success"_s).toBool());
    QCOMPARE(results.at(0)
                 .toObject()
                 .value(u"errors"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"statusCode"_s)
                 .toString(),
             u"ALL_OR_NONE_OPERATION_ROLLED_BACK"_s);
    QCOMPARE(results.at(1)
                 .toObject()
                 .value(u"errors"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"statusCode"_s)
                 .toString(),
             u"INVALID_CROSS_REFERENCE_KEY"_s);
    QCOMPARE(m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {good}).toString(),
             before);
}

void TestDemoOrgServer::collectionRefusesMoreThan200()
{
    QJsonArray records;
    for (int i = 0; i < 201; ++i) {
        records.append(record(u"User"_s, m_org.userId(u"viewer"_s), {{u"Title"_s, u"x"_s}}));
    }
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"EXCEEDED_ID_LIMIT"_s);
}

void TestDemoOrgServer::collectionRefusesSetupMixedWithOthers()
{
    const QString opportunity =
        m_org.sql(u"SELECT \"Id\" FROM \"Opportunity\" LIMIT 1"_s).toString();
    const QString viewer = m_org.userId(u"viewer"_s);
    const QString before =
        m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {viewer}).toString();
    const QJsonArray records{record(u"User"_s, viewer, {{u"Title"_s, u"Mixed"_s}}),
                             record(u"Opportunity"_s, opportunity, {{u"Name"_s, u"Mixed"_s}})};
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 200);
    for (const QJsonValue &result : r.json().array()) {
        QVERIFY(!result.toObject().value(u"success"_s).toBool());
        QCOMPARE(result.toObject()
                     .value(u"errors"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"statusCode"_s)
                     .toString(),
                 u"MIXED_DML_OPERATION"_s);
    }
    QCOMPARE(m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {viewer}).toString(),
             before);
}

void TestDemoOrgServer::collectionCreateReadDelete()
{
    const QJsonArray records{record(u"Lead"_s,
                                    {},
                                    {{u"LastName"_s, u"O'Brien"_s},
                                     {u"Company"_s, u"Acme, Inc."_s},
                                     {u"Status"_s, u"Open - Not Contacted"_s}}),
                             record(u"Lead"_s,
                                    {},
                                    {{u"LastName"_s, u"Zhāng"_s},
                                     {u"Company"_s, u"字节"_s},
                                     {u"Status"_s, u"Open - Not Contacted"_s}})};
    const auto created = m_org.send("POST",
                                    m_org.dataPath(u"composite/sobjects"_s),
                                    json({{u"allOrNone"_s, true}, {u"records"_s, records}}),
                                    m_org.token());
    QCOMPARE(created.status, 200);
    QStringList ids;
    for (const QJsonValue &result : created.json().array()) {
        QVERIFY(result.toObject().value(u"success"_s).toBool());
        ids.append(result.toObject().value(u"id"_s).toString());
    }
    QCOMPARE(ids.size(), 2);
    const auto read =
        m_org.send("GET",
                   m_org.dataPath(u"composite/sobjects/Lead?ids=%1,%2&fields=Id,Name,Company"_s.arg(
                       ids.join(u','), lr::demo::SalesforceId::make(u"00Q", 999999999))),
                   {},
                   m_org.token());
    QCOMPARE(read.status, 200);
    const QJsonArray rows = read.json().array();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).toObject().value(u"Company"_s).toString(), u"Acme, Inc."_s);
    QCOMPARE(rows.at(1).toObject().value(u"Name"_s).toString(), u"Zhāng"_s);
    QVERIFY(rows.at(2).isNull());
    const auto removed = m_org.send(
        "DELETE",
        m_org.dataPath(u"composite/sobjects?ids=%1&allOrNone=false"_s.arg(ids.join(u','))),
        {},
        m_org.token());
    QCOMPARE(removed.status, 200);
    for (const QJsonValue &result : removed.json().array()) {
        QVERIFY(result.toObject().value(u"success"_s).toBool());
    }
    QCOMPARE(
        m_org.sql(u"SELECT COUNT(*) FROM \"Lead\" WHERE \"Id\" IN (?, ?)"_s, {ids.at(0), ids.at(1)})
            .toInt(),
        0);
}

void TestDemoOrgServer::collectionMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not JSON") << "records: []"_ba;
    QTest::newRow("no records") << R"({"allOrNone": false})"_ba;
    QTest::newRow("records not an array") << R"({"records": {}})"_ba;
    QTest::newRow("record not an object") << R"({"records": [1]})"_ba;
    QTest::newRow("no attributes.type") << R"({"records": [{"id": "005000000000000AAA"}]})"_ba;
    QTest::newRow("allOrNone not boolean") << R"({"allOrNone": "yes", "records": []})"_ba;
}

void TestDemoOrgServer::collectionMalformedBodies()
{
    QFETCH(QByteArray, body);
    const auto r =
        m_org.send("PATCH", m_org.dataPath(u"composite/sobjects"_s), body, m_org.token());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"JSON_PARSER_ERROR"_s);
    QVERIFY(!r.errorMessage().isEmpty());
}

void TestDemoOrgServer::analystCannotSeeOthersLoginHistoryOrSetup()
{
    const QString analyst = m_org.userId(u"analyst"_s);
    const auto logins = m_org.query(u"SELECT UserId FROM LoginHistory"_s, u"analyst"_s);
    QCOMPARE(logins.status, 200);
    for (const QJsonValue &row : logins.json().object().value(u"records"_s).toArray()) {
        QCOMPARE(row.toObject().value(u"UserId"_s).toString(), analyst);
    }
    QVERIFY(m_org.query(u"SELECT COUNT() FROM LoginHistory"_s)
                .json()
                .object()
                .value(u"totalSize"_s)
                .toInt()
            > logins.json().object().value(u"totalSize"_s).toInt());
    for (const QString &setup : {u"CronTrigger"_s, u"UserLogin"_s}) {
        const auto refused = m_org.query(u"SELECT Id FROM "_s + setup, u"analyst"_s);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.errorCode(), u"INVALID_TYPE"_s);
    }
    // The analyst does see every opportunity (Sales Operations: View All).
    QCOMPARE(
        m_org.query(u"SELECT COUNT() FROM Opportunity"_s, u"analyst"_s)
            .json()
            .object()
            .value(u"totalSize"_s),
        m_org.query(u"SELECT COUNT() FROM Opportunity"_s).json().object().value(u"totalSize"_s));
}

void TestDemoOrgServer::viewerSeesOnlyOwnRecordsAndCannotWrite()
{
    const QString viewer = m_org.userId(u"viewer"_s);
    const auto own = m_org.query(u"SELECT OwnerId FROM Opportunity"_s, u"viewer"_s);
    QCOMPARE(own.status, 200);
    for (const QJsonValue &row : own.json().object().value(u"records"_s).toArray()) {
        QCOMPARE(row.toObject().value(u"OwnerId"_s).toString(), viewer);
    }
    const QString someone =
        m_org.sql(u"SELECT \"Id\" FROM \"Opportunity\" WHERE \"OwnerId\" <> ? LIMIT 1"_s, {viewer})
            .toString();
    QCOMPARE(m_org
                 .send("GET",
                       m_org.dataPath(u"sobjects/Opportunity/"_s + someone),
                       {},
                       m_org.token(u"viewer"_s))
                 .status,
             404);
    const auto refused = m_org.send("POST",
                                    m_org.dataPath(u"sobjects/Opportunity"_s),
                                    json({{u"Name"_s, u"x"_s},
                                          {u"StageName"_s, u"Prospecting"_s},
                                          {u"CloseDate"_s, u"2027-01-01"_s}}),
                                    m_org.token(u"viewer"_s));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
}

void TestDemoOrgServer::analystCannotChangeUsers()
{
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"sobjects/User/"_s + m_org.userId(u"viewer"_s)),
                              R"({"IsActive": false})",
                              m_org.token(u"analyst"_s));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), u"INSUFFICIENT_ACCESS_OR_READONLY"_s);
    QCOMPARE(m_org
                 .sql(u"SELECT \"IsActive\" FROM \"User\" WHERE \"Id\" = ?"_s,
                      {m_org.userId(u"viewer"_s)})
                 .toInt(),
             1);
}

void TestDemoOrgServer::faultStatusAnswersWithSalesforceBody()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/query"_s},
                            {u"times"_s, 2},
                            {u"status"_s, 403},
                            {u"errorCode"_s, u"REQUEST_LIMIT_EXCEEDED"_s},
                            {u"message"_s, u"TotalRequests Limit exceeded."_s}})
            > 0);
    for (int i = 0; i < 2; ++i) {
        const auto r = m_org.query(u"SELECT Id FROM Organization"_s);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"REQUEST_LIMIT_EXCEEDED"_s);
        QCOMPARE(r.errorMessage(), u"TotalRequests Limit exceeded."_s);
    }
    QCOMPARE(m_org.query(u"SELECT Id FROM Organization"_s).status, 200);
}

void TestDemoOrgServer::faultDelayHoldsTheAnswer()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s}, {u"delayMs"_s, 700}}) > 0);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(m_org.send("GET", m_org.dataPath(u"limits"_s), {}, m_org.token()).status, 200);
    QVERIFY2(timer.elapsed() >= 650, qPrintable(QString::number(timer.elapsed())));
}

void TestDemoOrgServer::faultDropClosesTheConnection()
{
    // Qt resends an idempotent request once on a reused connection that closes, so the
    // fault covers both attempts.
    QVERIFY(m_org.addFault({{u"path"_s, u"/limits"_s}, {u"drop"_s, true}, {u"times"_s, 2}}) > 0);
    const auto r = m_org.send("GET", m_org.dataPath(u"limits"_s), {}, m_org.token());
    QCOMPARE(r.status, 0);
    QVERIFY(!r.networkError.isEmpty());
    m_org.clearFaults();
    QCOMPARE(m_org.send("GET", m_org.dataPath(u"limits"_s), {}, m_org.token()).status, 200);
}

void TestDemoOrgServer::faultRecordErrorFailsOneRecord()
{
    QVERIFY(m_org.addFault({{u"path"_s, u"/composite/sobjects"_s},
                            {u"recordError"_s,
                             QJsonObject{{u"index"_s, 1},
                                         {u"statusCode"_s, u"FIELD_INTEGRITY_EXCEPTION"_s},
                                         {u"message"_s,
                                          u"You cannot deactivate the Default Workflow User"_s}}}})
            > 0);
    const QString viewer = m_org.userId(u"viewer"_s);
    const QString analyst = m_org.userId(u"analyst"_s);
    const QJsonArray records{record(u"User"_s, viewer, {{u"Title"_s, u"One"_s}}),
                             record(u"User"_s, analyst, {{u"Title"_s, u"Two"_s}})};
    const auto r = m_org.send("PATCH",
                              m_org.dataPath(u"composite/sobjects"_s),
                              json({{u"records"_s, records}}),
                              m_org.token());
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().array();
    QVERIFY(results.at(0).toObject().value(u"success"_s).toBool());
    QVERIFY(!results.at(1).toObject().value(u"success"_s).toBool());
    const QJsonObject error =
        results.at(1).toObject().value(u"errors"_s).toArray().first().toObject();
    QCOMPARE(error.value(u"statusCode"_s).toString(), u"FIELD_INTEGRITY_EXCEPTION"_s);
    QVERIFY(error.value(u"message"_s).toString().contains(u"Default Workflow User"_s));
    QVERIFY(m_org.sql(u"SELECT \"Title\" FROM \"User\" WHERE \"Id\" = ?"_s, {analyst}).toString()
            != u"Two"_s);
}

void TestDemoOrgServer::faultRequestsAreValidated()
{
    for (const QByteArray &body : {"{}"_ba,
                                   R"({"status": 200})"_ba,
                                   R"({"delayMs": -5})"_ba,
                                   R"({"recordError": {"index": 500}})"_ba,
                                   "not json"_ba}) {
        const auto r = m_org.send("POST", u"/__control/faults"_s, body);
        QCOMPARE(r.status, 400);
        QVERIFY(!r.errorMessage().isEmpty());
    }
    QVERIFY(m_org.send("GET", u"/__control/faults"_s).json().array().isEmpty());
}

void TestDemoOrgServer::clockMovesRelativeDateLiterals()
{
    const QString soql = u"SELECT COUNT() FROM User WHERE CreatedDate = LAST_N_DAYS:30"_s;
    const int now = m_org.query(soql).json().object().value(u"totalSize"_s).toInt();
    QVERIFY(now > 0);
    const auto moved = m_org.send("POST", u"/__control/clock"_s, R"({"advanceSeconds": 31536000})");
    QCOMPARE(moved.status, 200);
    QCOMPARE(m_org.query(soql).json().object().value(u"totalSize"_s).toInt(), 0);
    QCOMPARE(m_org.send("POST", u"/__control/clock"_s, R"({"reset": true})").status, 200);
    QCOMPARE(m_org.query(soql).json().object().value(u"totalSize"_s).toInt(), now);
    QCOMPARE(m_org.send("POST", u"/__control/clock"_s, R"({"now": "yesterday"})").status, 400);
}

void TestDemoOrgServer::mutationLogListsEveryWrite()
{
    m_org.clearMutations();
    const QString viewer = m_org.userId(u"viewer"_s);
    QCOMPARE(m_org
                 .send("PATCH",
                       m_org.dataPath(u"sobjects/User/"_s + viewer),
                       R"({"Title":"Logged"})",
                       m_org.token())
                 .status,
             204);
    (void)m_org.query(u"SELECT Id FROM User LIMIT 1"_s);
    const auto refused = m_org.send("PATCH",
                                    m_org.dataPath(u"sobjects/User/"_s + viewer),
                                    R"({"Title":"No"})",
                                    m_org.token(u"viewer"_s));
    QCOMPARE(refused.status, 400);
    const QJsonArray log = m_org.mutations();
    QCOMPARE(log.size(), 2); // reads are not mutations
    QCOMPARE(log.at(0).toObject().value(u"method"_s).toString(), u"PATCH"_s);
    QCOMPARE(log.at(0).toObject().value(u"userId"_s).toString(), m_org.userId(u"admin"_s));
    QCOMPARE(log.at(0).toObject().value(u"status"_s).toInt(), 204);
    QCOMPARE(log.at(0).toObject().value(u"body"_s).toObject().value(u"Title"_s).toString(),
             u"Logged"_s);
    QCOMPARE(log.at(1).toObject().value(u"userId"_s).toString(), viewer);
    QCOMPARE(log.at(1).toObject().value(u"status"_s).toInt(), 400);
}

void TestDemoOrgServer::controlApiIsOffUnlessAsked()
{
    lr::demo::DemoOrgOptions options;
    options.userCount = 50;
    auto org = lr::demo::DemoOrg::open(options);
    QVERIFY(org);
    lr::demo::DemoOrgHost host(*org.value());
    const auto url = host.start();
    QVERIFY(url);
    QNetworkAccessManager network;
    QNetworkRequest request(url->resolved(QUrl(u"/__control/faults"_s)));
    std::unique_ptr<QNetworkReply> reply(network.post(request, R"({"drop": true})"_ba));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    QVERIFY(org.value()->faults().pending().isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoOrgServer)
#include "tst_demoorgserver.moc"
