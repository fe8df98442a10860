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
    void policyImportShowExportAndPause();
    void hostilePolicyFileSavesNothing_data();
    void hostilePolicyFileSavesNothing();
    void viewerMayNotImportPolicies();
    void orgWithoutCurrentLrObjectsRefusesWrites_data();
    void orgWithoutCurrentLrObjectsRefusesWrites();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, const QProcessEnvironment &environment = {});
    QString writeFile(const QString &name, const QByteArray &content);
    // The policies `policy list --demo` reports, as JSON.
    QJsonArray demoPolicies();

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

QString TestLrctl::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_data.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return {};
    }
    return path;
}

QJsonArray TestLrctl::demoPolicies()
{
    const Run list = run({u"policy"_s, u"list"_s, u"--demo"_s, u"--format"_s, u"json"_s});
    if (list.exitCode != 0) {
        qWarning("policy list failed: %s", list.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(list.out).object().value(u"policies"_s).toArray();
}

namespace {

// A complete policy file, as `policy export` writes one.
QJsonObject fieldSalesPolicy()
{
    return QJsonObject{
        {u"format"_s, u"license-reclaim-policy/1"_s},
        {u"name"_s, u"Field sales, 60 days"_s},
        {u"active"_s, true},
        {u"schedule"_s, u"weekly"_s},
        {u"executionPath"_s, u"email"_s},
        {u"itsmConnection"_s, QJsonValue::Null},
        {u"defaultThresholdDays"_s, 60},
        {u"thresholdsByLicense"_s, QJsonObject{{u"Salesforce Platform"_s, 120}}},
        {u"includeLicenses"_s, QJsonArray{u"Salesforce"_s, u"Salesforce Platform"_s}},
        {u"excludeLicenses"_s, QJsonArray{}},
        {u"userTypes"_s, QJsonArray{u"Standard"_s}},
        {u"gracePeriodDays"_s, 21},
        {u"managerSlaDays"_s, 5},
        {u"reminderDays"_s, 2},
        {u"timeoutAction"_s, u"hold-for-review"_s},
        {u"dryRun"_s, true},
        {u"cooldownDays"_s, 60},
        {u"exemptions"_s, QJsonArray{}},
        {u"notificationChannel"_s, QJsonValue::Null},
        {u"downgradeTargets"_s, QJsonObject{}},
        {u"transferOpenRecords"_s, false},
    };
}

QByteArray toFile(const QJsonObject &policy)
{
    return QJsonDocument(policy).toJson();
}

QJsonObject namedPolicy(const QJsonArray &policies, const QString &name)
{
    for (const QJsonValue &value : policies) {
        if (value.toObject().value(u"name"_s).toString() == name) {
            return value.toObject();
        }
    }
    return {};
}

} // namespace

void TestLrctl::policyImportShowExportAndPause()
{
    const QString file = writeFile(u"field-sales.json"_s, toFile(fieldSalesPolicy()));
    const Run imported = run({u"policy"_s, u"import"_s, file, u"--demo"_s});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY2(imported.err.contains("created the policy 'Field sales, 60 days'"),
             imported.err.constData());

    const QJsonObject listed = namedPolicy(demoPolicies(), u"Field sales, 60 days"_s);
    QCOMPARE(listed.value(u"defaultThresholdDays"_s).toInt(), 60);
    QCOMPARE(listed.value(u"version"_s).toInt(), 1);
    QCOMPARE(listed.value(u"builtIn"_s).toBool(), false);

    const QString exported = m_data.filePath(u"exported.json"_s);
    const Run exportRun = run({u"policy"_s,
                               u"export"_s,
                               u"FIELD SALES, 60 DAYS"_s, // names compare without case
                               u"--output"_s,
                               exported,
                               u"--demo"_s});
    QVERIFY2(exportRun.exitCode == 0, exportRun.err.constData());
    QFile exportedFile(exported);
    QVERIFY(exportedFile.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(exportedFile.readAll()).object(), fieldSalesPolicy());

    const Run show = run(
        {u"policy"_s, u"show"_s, u"Field sales, 60 days"_s, u"--demo"_s, u"--format"_s, u"json"_s});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    const QJsonObject shown = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(shown.value(u"policy"_s).toObject().value(u"gracePeriodDays"_s).toInt(), 21);

    // scan --policy previews the stored policy: its thresholds, its licenses.
    const Run scan = run({u"scan"_s,
                          u"--policy"_s,
                          u"field sales, 60 days"_s,
                          u"--demo"_s,
                          u"--format"_s,
                          u"json"_s});
    QVERIFY2(scan.exitCode == 0, scan.err.constData());
    QVERIFY2(scan.err.contains("previewing the policy 'Field sales, 60 days'"),
             scan.err.constData());
    const QJsonArray candidates =
        QJsonDocument::fromJson(scan.out).object().value(u"candidates"_s).toArray();
    QVERIFY(!candidates.isEmpty());
    QSet<QString> licenses;
    for (const QJsonValue &value : candidates) {
        const QJsonObject candidate = value.toObject();
        const QString license = candidate.value(u"license"_s).toString();
        licenses.insert(license);
        QVERIFY(license == u"Salesforce" || license == u"Salesforce Platform");
        QVERIFY(candidate.value(u"daysInactive"_s).toInt()
                >= (license == u"Salesforce" ? 60 : 120));
    }
    QVERIFY(licenses.contains(u"Salesforce"_s));
    const Run unknown = run({u"scan"_s, u"--policy"_s, u"Nope"_s, u"--demo"_s});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("Nope"), unknown.err.constData());

    const Run pause = run({u"policy"_s, u"pause"_s, u"Field sales, 60 days"_s, u"--demo"_s});
    QVERIFY2(pause.exitCode == 0, pause.err.constData());
    const QJsonObject paused = namedPolicy(demoPolicies(), u"Field sales, 60 days"_s);
    QCOMPARE(paused.value(u"active"_s).toBool(), false);
    QCOMPARE(paused.value(u"version"_s).toInt(), 2);

    const Run missing = run({u"policy"_s, u"show"_s, u"No such policy"_s, u"--demo"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains("No such policy"), missing.err.constData());
}

void TestLrctl::hostilePolicyFileSavesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("named"); // what stderr must name

    QJsonObject wrongTypes = fieldSalesPolicy();
    wrongTypes.insert(u"name"_s, u"Wrong types"_s);
    wrongTypes.insert(u"defaultThresholdDays"_s, u"sixty"_s);
    wrongTypes.insert(u"dryRun"_s, u"yes"_s);
    wrongTypes.insert(u"gracePeriodDays"_s, 900);
    QTest::newRow("wrong types and ranges")
        << toFile(wrongTypes)
        << QStringList{u"$.defaultThresholdDays"_s, u"$.dryRun"_s, u"$.gracePeriodDays"_s};

    QJsonObject unknown = fieldSalesPolicy();
    unknown.insert(u"name"_s, u"Unknown field"_s);
    unknown.insert(u"thresholdDayz"_s, 30);
    QTest::newRow("unknown field") << toFile(unknown) << QStringList{u"$.thresholdDayz"_s};

    QJsonObject huge = fieldSalesPolicy();
    huge.insert(u"reason"_s, QString(2 * 1024 * 1024, u'x'));
    QTest::newRow("huge file") << toFile(huge) << QStringList{u"larger than a policy file"_s};

    QJsonObject longString = fieldSalesPolicy();
    longString.insert(u"notificationChannel"_s, QString(200000, u'x'));
    QTest::newRow("huge string") << toFile(longString) << QStringList{u"$.notificationChannel"_s};

    QJsonObject longName = fieldSalesPolicy();
    longName.insert(u"name"_s, QString(300, u'n'));
    QTest::newRow("name too long") << toFile(longName) << QStringList{u"$.name"_s};

    QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']')
                                  << QStringList{u"nest"_s};

    QByteArray invalidUtf8 = toFile(fieldSalesPolicy());
    invalidUtf8.replace("Field sales", "Field \xC3\x28sales");
    QTest::newRow("invalid UTF-8") << invalidUtf8 << QStringList{u"UTF-8"_s};

    QTest::newRow("not JSON") << QByteArray("name = 'Field sales'\n") << QStringList{u"JSON"_s};
    QTest::newRow("empty file") << QByteArray() << QStringList{u"empty"_s};
}

void TestLrctl::hostilePolicyFileSavesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, named);
    const QJsonArray before = demoPolicies();
    QVERIFY(!before.isEmpty());
    const QString path = writeFile(u"hostile.json"_s, file);
    QVERIFY(!path.isEmpty());
    const Run imported = run({u"policy"_s, u"import"_s, path, u"--demo"_s});
    QCOMPARE(imported.exitCode, 3);
    QVERIFY2(imported.out.isEmpty(), imported.out.constData());
    for (const QString &name : named) {
        QVERIFY2(QString::fromUtf8(imported.err).contains(name, Qt::CaseInsensitive),
                 qPrintable(name + u" not in: "_s + QString::fromUtf8(imported.err)));
    }
    QVERIFY2(imported.err.contains("nothing was saved"), imported.err.constData());
    QVERIFY2(imported.err.size() < 4000, "the error quotes no huge input");
    QCOMPARE(demoPolicies(), before);
}

void TestLrctl::viewerMayNotImportPolicies()
{
    QJsonObject policy = fieldSalesPolicy();
    policy.insert(u"name"_s, u"The viewer's"_s);
    const QString file = writeFile(u"viewer.json"_s, toFile(policy));
    const QJsonArray before = demoPolicies();
    const Run imported = run({u"policy"_s, u"import"_s, file, u"--demo"_s, u"--as"_s, u"viewer"_s});
    QCOMPARE(imported.exitCode, 3);
    QVERIFY2(imported.err.contains("LR Operator or LR Admin"), imported.err.constData());
    QCOMPARE(demoPolicies(), before);
}

void TestLrctl::orgWithoutCurrentLrObjectsRefusesWrites_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("deployment");
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("not deployed") << u"none"_s << u"not-deployed"_s
                                  << QByteArray("are not deployed");
    QTest::newRow("older schema") << u"old"_s << u"outdated-schema"_s
                                  << QByteArray("needs schema version");
}

void TestLrctl::orgWithoutCurrentLrObjectsRefusesWrites()
{
    QFETCH(QString, schema);
    QFETCH(QString, deployment);
    QFETCH(QByteArray, says);
    QProcess server;
    server.start(m_lrctl,
                 {u"demo-org"_s, u"serve"_s, u"--users"_s, u"300"_s, u"--lr-schema"_s, schema});
    QVERIFY(server.waitForStarted());
    QHash<QString, QString> printed;
    while (printed.size() < 4) {
        if (!server.canReadLine() && !server.waitForReadyRead(60000)) {
            QFAIL(server.readAllStandardError().constData());
        }
        const QString line = QString::fromUtf8(server.readLine()).trimmed();
        printed.insert(line.section(u'=', 0, 0), line.section(u'=', 1));
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_ACCESS_TOKEN"_s, printed.value(u"access_token"_s));
    const QStringList org{u"--instance-url"_s, printed.value(u"instance_url"_s)};

    const Run list = run(QStringList{u"policy"_s, u"list"_s, u"--format"_s, u"json"_s} + org, env);
    QVERIFY2(list.exitCode == 0, list.err.constData());
    const QJsonObject listed = QJsonDocument::fromJson(list.out).object();
    QCOMPARE(listed.value(u"deployment"_s).toString(), deployment);
    const QJsonArray policies = listed.value(u"policies"_s).toArray();
    QCOMPARE(policies.size(), 1);
    QCOMPARE(policies.at(0).toObject().value(u"builtIn"_s).toBool(), true);
    QVERIFY2(list.err.contains(says), list.err.constData());

    const QString file = writeFile(u"refused.json"_s, toFile(fieldSalesPolicy()));
    const Run imported = run(QStringList{u"policy"_s, u"import"_s, file} + org, env);
    QCOMPARE(imported.exitCode, 3);
    QVERIFY2(imported.err.contains(says), imported.err.constData());
    QVERIFY2(imported.err.contains("sf project deploy start"), imported.err.constData());

    // Preview still works, read-only, on the built-in default.
    const Run scan = run(QStringList{u"scan"_s, u"--format"_s, u"json"_s} + org, env);
    QVERIFY2(scan.exitCode == 0, scan.err.constData());
    QCOMPARE(QJsonDocument::fromJson(scan.out).object().value(u"scanned"_s).toInt(), 300);

    server.terminate();
    QVERIFY(server.waitForFinished(30000));
}

QTEST_GUILESS_MAIN(TestLrctl)
#include "tst_lrctl.moc"
