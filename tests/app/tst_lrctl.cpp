// lrctl as a user runs it: a real process, its output and its exit codes.
#include "core/org/orgclient.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestLrctl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serveTwentyThousandUsersAnswersAPagedQuery();
    void badUsageNamesTheArgument_data();
    void badUsageNamesTheArgument();
    void helpDocumentsTheConventions();
    void persistedDemoOrgIsSharedBetweenRuns();
    void queryPrintsJsonAndCsv();
    void orgErrorsExitWithOne();
    void scanReportsCandidatesAndBlockedUsers();
    void scanTableFitsAndUsageIsChecked();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, const QProcessEnvironment &environment = {});

    QString m_lrctl;
    QTemporaryDir m_data;
};

void TestLrctl::initTestCase()
{
    m_lrctl = qEnvironmentVariable("LR_BINARY_DIR") + u"/app/lrctl"_s;
    QVERIFY2(QFile::exists(m_lrctl), qPrintable(m_lrctl));
    QVERIFY(m_data.isValid());
}

TestLrctl::Run TestLrctl::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    QProcessEnvironment env =
        environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment;
    env.insert(u"LR_DATA_DIR"_s, m_data.path());
    env.remove(u"LR_INSTANCE_URL"_s);
    process.setProcessEnvironment(env);
    process.start(m_lrctl, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestLrctl::serveTwentyThousandUsersAnswersAPagedQuery()
{
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_DATA_DIR"_s, m_data.path());
    server.setProcessEnvironment(env);
    server.start(m_lrctl,
                 {u"demo-org"_s, u"serve"_s, u"--users"_s, u"20000"_s, u"--seed"_s, u"3"_s});
    QVERIFY(server.waitForStarted());
    // Exactly these four lines come first.
    QStringList lines;
    while (lines.size() < 4) {
        if (!server.canReadLine() && !server.waitForReadyRead(60000)) {
            break;
        }
        while (server.canReadLine() && lines.size() < 4) {
            lines.append(QString::fromUtf8(server.readLine()).trimmed());
        }
    }
    QCOMPARE(lines.size(), 4);
    static const QRegularExpression url(uR"(^instance_url=http://127\.0\.0\.1:(\d+)$)"_s);
    QVERIFY2(url.match(lines.at(0)).hasMatch(), qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith(u"access_token=00D"_s));
    QVERIFY(lines.at(2).startsWith(u"analyst_token=00D"_s));
    QVERIFY(lines.at(3).startsWith(u"viewer_token=00D"_s));
    QSet<QString> tokens{
        lines.at(1).section(u'=', 1), lines.at(2).section(u'=', 1), lines.at(3).section(u'=', 1)};
    QCOMPARE(tokens.size(), 3);

    QNetworkAccessManager network;
    lr::org::OrgSession session;
    session.instanceUrl = QUrl(lines.at(0).section(u'=', 1));
    session.accessToken = lines.at(1).section(u'=', 1);
    lr::org::OrgClient client(&network, session);
    QVERIFY(QCoro::waitFor(client.negotiateVersion()));
    const auto users = QCoro::waitFor(client.query(u"SELECT Id, Username FROM User"_s));
    QVERIFY2(users, qPrintable(users ? QString() : users.error().toString()));
    QCOMPARE(users->totalSize, 20000);
    QCOMPARE(users->records.size(), 20000);
    QCOMPARE(users->pages, 10);
    QSet<QString> ids;
    for (const QJsonValue &user : std::as_const(users->records)) {
        ids.insert(user.toObject().value(u"Id"_s).toString());
    }
    QCOMPARE(ids.size(), 20000);

    server.terminate();
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestLrctl::badUsageNamesTheArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    QTest::newRow("no command") << QStringList{} << u"command"_s;
    QTest::newRow("unknown command")
        << QStringList{u"reclaim-everything"_s} << u"reclaim-everything"_s;
    QTest::newRow("unknown option") << QStringList{u"licenses"_s, u"--colour"_s} << u"colour"_s;
    QTest::newRow("no org") << QStringList{u"licenses"_s} << u"org"_s;
    QTest::newRow("two orgs") << QStringList{u"licenses"_s, u"--demo"_s, u"--demo-users"_s, u"50"_s}
                              << u"--demo"_s;
    QTest::newRow("users not a number")
        << QStringList{u"licenses"_s, u"--demo-users"_s, u"many"_s} << u"--demo-users"_s;
    QTest::newRow("format") << QStringList{u"licenses"_s, u"--demo"_s, u"--format"_s, u"xml"_s}
                            << u"--format"_s;
    QTest::newRow("port out of range")
        << QStringList{u"demo-org"_s, u"serve"_s, u"--port"_s, u"70000"_s} << u"--port"_s;
    QTest::newRow("option of another command")
        << QStringList{u"licenses"_s, u"--demo"_s, u"--port"_s, u"5"_s} << u"--port"_s;
    QTest::newRow("demo-org without serve")
        << QStringList{u"demo-org"_s, u"start"_s} << u"demo-org"_s;
    QTest::newRow("query without SOQL") << QStringList{u"query"_s, u"--demo"_s} << u"query"_s;
    QTest::newRow("bad role") << QStringList{u"licenses"_s, u"--demo"_s, u"--as"_s, u"root"_s}
                              << u"--as"_s;
    QTest::newRow("instance url without token")
        << QStringList{u"licenses"_s, u"--instance-url"_s, u"https://acme.my.salesforce.com"_s}
        << u"LR_ACCESS_TOKEN"_s;
}

void TestLrctl::badUsageNamesTheArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"LR_ACCESS_TOKEN"_s);
    const Run result = run(arguments, env);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err).trimmed();
    QVERIFY2(!err.contains(u'\n'), qPrintable(err)); // one line
    QVERIFY2(err.startsWith(u"lrctl: "_s), qPrintable(err));
    QVERIFY2(err.contains(named), qPrintable(err));
    QVERIFY(result.out.isEmpty());
}

void TestLrctl::helpDocumentsTheConventions()
{
    const Run result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    for (const char *needle : {"--demo",
                               "--demo-users",
                               "--org",
                               "--instance-url",
                               "LR_ACCESS_TOKEN",
                               "--format table|json|csv",
                               "2  bad usage",
                               "3  refused"}) {
        QVERIFY2(result.out.contains(needle), needle);
    }
}

void TestLrctl::persistedDemoOrgIsSharedBetweenRuns()
{
    const Run first = run({u"licenses"_s, u"--demo"_s, u"--format"_s, u"json"_s});
    QCOMPARE(first.exitCode, 0);
    QVERIFY(QFile::exists(m_data.path() + u"/demo-org.sqlite"_s));
    const Run second = run({u"licenses"_s, u"--demo"_s, u"--format"_s, u"json"_s});
    QCOMPARE(second.exitCode, 0);
    const QJsonObject a = QJsonDocument::fromJson(first.out).object();
    const QJsonObject b = QJsonDocument::fromJson(second.out).object();
    QCOMPARE(a.value(u"org"_s).toObject().value(u"id"_s),
             b.value(u"org"_s).toObject().value(u"id"_s));
    QCOMPARE(a.value(u"licenses"_s), b.value(u"licenses"_s));
    QVERIFY(a.value(u"licenses"_s).toArray().size() >= 7);
    // The generated org has 2,000 users.
    const Run count =
        run({u"query"_s, u"SELECT COUNT() FROM User"_s, u"--demo"_s, u"--format"_s, u"json"_s});
    QCOMPARE(count.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(count.out).object().value(u"totalSize"_s).toInt(), 2000);
}

void TestLrctl::queryPrintsJsonAndCsv()
{
    const QStringList query{u"query"_s,
                            u"SELECT Id, Name, Profile.Name FROM User ORDER BY Name LIMIT 5"_s,
                            u"--demo-users"_s,
                            u"200"_s};
    const Run json = run(query + QStringList{u"--format"_s, u"json"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject body = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(body.value(u"totalSize"_s).toInt(), 5);
    QCOMPARE(body.value(u"records"_s).toArray().size(), 5);

    const Run csv = run(query + QStringList{u"--format"_s, u"csv"_s});
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> lines = csv.out.split('\n');
    QVERIFY(lines.first().startsWith("Id,"));
    QVERIFY(lines.first().contains("Profile.Name"));
    QVERIFY(csv.out.contains("\r\n"));

    const Run table = run(query);
    QCOMPARE(table.exitCode, 0);
    for (const QByteArray &line : table.out.split('\n')) {
        QVERIFY2(QString::fromUtf8(line).size() <= 100, line.constData());
    }
}

void TestLrctl::orgErrorsExitWithOne()
{
    const Run result = run({u"query"_s, u"SELECT Id FORM User"_s, u"--demo-users"_s, u"50"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.err.contains("MALFORMED_QUERY"));
    QVERIFY(result.err.contains("FORM"));
}

void TestLrctl::scanReportsCandidatesAndBlockedUsers()
{
    const Run result = run({u"scan"_s, u"--demo-users"_s, u"5000"_s, u"--format"_s, u"json"_s});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject body = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(body.value(u"scanned"_s).toInt(), 5000);
    QVERIFY(body.value(u"apiCalls"_s).toInt() > 0);
    QVERIFY(body.value(u"apiCalls"_s).toInt() <= 30);
    const QJsonArray candidates = body.value(u"candidates"_s).toArray();
    const QJsonArray blocked = body.value(u"blocked"_s).toArray();
    QVERIFY(!candidates.isEmpty());
    QVERIFY(!blocked.isEmpty());
    QSet<QString> checks;
    auto reds = [](const QJsonObject &user) {
        int count = 0;
        for (const QJsonValue &finding : user.value(u"findings"_s).toArray()) {
            count += finding.toObject().value(u"severity"_s).toString() == u"red";
        }
        return count;
    };
    for (const QJsonValue &value : candidates) {
        const QJsonObject user = value.toObject();
        QCOMPARE(reds(user), 0);
        QVERIFY(user.value(u"daysInactive"_s).toInt() >= 90);
        for (const char *key : {"userId", "username", "name", "license", "department"}) {
            QVERIFY2(user.contains(QLatin1String(key)), key);
        }
    }
    for (const QJsonValue &value : blocked) {
        QVERIFY(reds(value.toObject()) > 0);
    }
    for (const QJsonArray &list : {candidates, blocked}) {
        for (const QJsonValue &user : list) {
            for (const QJsonValue &finding : user.toObject().value(u"findings"_s).toArray()) {
                checks.insert(finding.toObject().value(u"check"_s).toString());
                QVERIFY(!finding.toObject().value(u"message"_s).toString().isEmpty());
            }
        }
    }
    // Every check but exempt (which needs policy records) fires somewhere.
    const QSet<QString> expected{u"service-account"_s,
                                 u"api-only"_s,
                                 u"api-activity"_s,
                                 u"admin"_s,
                                 u"queue-member"_s,
                                 u"automation-owner"_s,
                                 u"manager"_s,
                                 u"record-owner"_s,
                                 u"new-user"_s};
    QVERIFY2(checks.contains(expected),
             qPrintable(QStringList(checks.cbegin(), checks.cend()).join(u", "_s)));
    QVERIFY(result.err.contains("Scan complete")); // progress goes to stderr
}

void TestLrctl::scanTableFitsAndUsageIsChecked()
{
    const Run table = run({u"scan"_s, u"--demo-users"_s, u"1000"_s, u"--threshold"_s, u"30"_s});
    QCOMPARE(table.exitCode, 0);
    for (const QByteArray &line : table.out.split('\n')) {
        QVERIFY2(QString::fromUtf8(line).size() <= 100, line.constData());
    }
    const Run bad = run({u"scan"_s, u"--demo-users"_s, u"100"_s, u"--threshold"_s, u"soon"_s});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains("--threshold"));
}

QTEST_GUILESS_MAIN(TestLrctl)
#include "tst_lrctl.moc"
