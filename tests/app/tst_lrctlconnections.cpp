// lrctl login, orgs, logout and --org ALIAS as a user runs them: real processes against
// `lrctl demo-org serve`, a real Secret Service, and the browser replaced by a ConsentBrowser
// that follows the address `login --no-browser` prints. Ends with the leak test: after a
// full sign-in, scan and sign-out, no token is anywhere in the data directory, the settings
// or what lrctl printed and logged, and the org's cache is gone.
#include "core/auth/consentbrowser.h"
#include "core/auth/tokenset.h"
#include "core/connections/connection.h"
#include "core/connections/connectionregistry.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"

#include <QCoroTask>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::auth::TokenSet;
using lr::connections::Connection;
using lr::connections::ConnectionRegistry;
using lr::secrets::SecretStore;
using lr::secrets::SecretStoreFactory;
using lr::test::ConsentBrowser;

class TestLrctlConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void usageErrorsNameTheArgument_data();
    void usageErrorsNameTheArgument();
    void loginTimesOutWithAClearMessage();
    void signInScanSignOutLeavesNoTokenAnywhere();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    [[nodiscard]] QProcessEnvironment environment() const;
    Run run(const QStringList &arguments);
    // lrctl login --no-browser, with the browser step done by m_browser.
    Run login(const QString &alias, ConsentBrowser::Answer answer, int timeoutSeconds = 60);
    [[nodiscard]] TokenSet storedTokens(const QString &alias);
    [[nodiscard]] int postJson(const QString &path, const QJsonObject &body);
    [[nodiscard]] int refreshStatus(const TokenSet &tokens);

    QString m_lrctl;
    QTemporaryDir m_data;
    QTemporaryDir m_config;
    QProcess m_server;
    QUrl m_instanceUrl;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConsentBrowser> m_browser;
    std::unique_ptr<SecretStore> m_store;
    QByteArray m_printed; // everything lrctl wrote to stdout and stderr
};

void TestLrctlConnections::initTestCase()
{
    m_lrctl = qEnvironmentVariable("LR_BINARY_DIR") + u"/app/lrctl"_s;
    QVERIFY2(QFile::exists(m_lrctl), qPrintable(m_lrctl));
    QVERIFY(m_data.isValid() && m_config.isValid());
    // This process reads the same registry, index and keychain as the lrctl it starts.
    qputenv("LR_DATA_DIR", m_data.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    m_store = SecretStoreFactory::create(SecretStoreFactory::Role::Console,
                                         SecretStoreFactory::optionsFromEnvironment());
    const auto available = QCoro::waitFor(m_store->checkAvailable());
    QVERIFY2(available, "needs an unlocked Secret Service: run with the keychain label");

    QTemporaryDir serverData;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_DATA_DIR"_s, serverData.path());
    m_server.setProcessEnvironment(env);
    m_server.start(m_lrctl, {u"demo-org"_s, u"serve"_s, u"--users"_s, u"400"_s, u"--control"_s});
    QVERIFY(m_server.waitForStarted());
    while (!m_instanceUrl.isValid() && m_server.waitForReadyRead(60000)) {
        while (m_server.canReadLine()) {
            const QString line = QString::fromUtf8(m_server.readLine()).trimmed();
            if (line.startsWith(u"instance_url="_s)) {
                m_instanceUrl = QUrl(line.section(u'=', 1));
            }
        }
    }
    QVERIFY(m_instanceUrl.isValid());
    m_browser = std::make_unique<ConsentBrowser>(&m_network);
}

void TestLrctlConnections::cleanupTestCase()
{
    m_server.terminate();
    m_server.waitForFinished(30000);
}

QProcessEnvironment TestLrctlConnections::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_DATA_DIR"_s, m_data.path());
    env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
    env.remove(u"LR_INSTANCE_URL"_s);
    env.remove(u"LR_CLIENT_ID"_s);
    // Everything lrctl may log goes into what the leak test searches.
    env.insert(u"QT_LOGGING_RULES"_s, u"lr.*.debug=true"_s);
    return env;
}

TestLrctlConnections::Run TestLrctlConnections::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_lrctl, arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        return {};
    }
    Run result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardOutput(),
               process.readAllStandardError()};
    m_printed += result.out + result.err;
    return result;
}

TestLrctlConnections::Run
TestLrctlConnections::login(const QString &alias, ConsentBrowser::Answer answer, int timeoutSeconds)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_lrctl,
                  {u"login"_s,
                   u"--alias"_s,
                   alias,
                   u"--instance-url"_s,
                   m_instanceUrl.toString(),
                   u"--no-browser"_s,
                   u"--timeout"_s,
                   QString::number(timeoutSeconds)});
    m_browser->setAnswer(answer);
    QByteArray err;
    bool opened = false;
    QDeadlineTimer deadline(std::chrono::seconds(timeoutSeconds + 30));
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(20); // runs the ConsentBrowser's requests too
        process.setReadChannel(QProcess::StandardError);
        while (process.canReadLine()) {
            const QByteArray line = process.readLine();
            err += line;
            if (!opened && line.startsWith("http")) {
                opened = true;
                m_browser->open(QUrl::fromEncoded(line.trimmed()));
            }
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Run result{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               process.readAllStandardOutput(),
               err + process.readAllStandardError()};
    m_printed += result.out + result.err;
    return result;
}

TokenSet TestLrctlConnections::storedTokens(const QString &alias)
{
    const auto connection = ConnectionRegistry().find(alias);
    if (!connection) {
        return {};
    }
    const auto bytes =
        QCoro::waitFor(m_store->read(connection->secretsName(), Connection::kTokensKey.toString()));
    if (!bytes) {
        return {};
    }
    const auto tokens = TokenSet::deserialize(bytes.value());
    return tokens ? tokens.value() : TokenSet();
}

int TestLrctlConnections::postJson(const QString &path, const QJsonObject &body)
{
    QNetworkRequest request(m_instanceUrl.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    std::unique_ptr<QNetworkReply> reply(
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QDeadlineTimer deadline(30000);
    while (!reply->isFinished() && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

int TestLrctlConnections::refreshStatus(const TokenSet &tokens)
{
    QNetworkRequest request(m_instanceUrl.resolved(QUrl(u"/services/oauth2/token"_s)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    const QByteArray body = "grant_type=refresh_token&client_id=LRDemoConsumerKey&refresh_token="
                            + QUrl::toPercentEncoding(tokens.refreshToken);
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QDeadlineTimer deadline(30000);
    while (!reply->isFinished() && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void TestLrctlConnections::usageErrorsNameTheArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("named");
    QTest::newRow("login without alias") << QStringList{u"login"_s} << 2 << u"--alias"_s;
    QTest::newRow("login with a bad alias")
        << QStringList{u"login"_s, u"--alias"_s, u"two words"_s} << 2 << u"--alias"_s;
    QTest::newRow("login to a real org without client id")
        << QStringList{u"login"_s,
                       u"--alias"_s,
                       u"prod"_s,
                       u"--instance-url"_s,
                       u"https://acme.my.salesforce.com"_s}
        << 2 << u"--client-id"_s;
    QTest::newRow("login with a bad host")
        << QStringList{u"login"_s, u"--alias"_s, u"p"_s, u"--instance-url"_s, u"http://x.com"_s}
        << 2 << u"--instance-url"_s;
    QTest::newRow("login timeout out of range")
        << QStringList{u"login"_s, u"--alias"_s, u"p"_s, u"--timeout"_s, u"1"_s} << 2
        << u"--timeout"_s;
    QTest::newRow("logout without alias") << QStringList{u"logout"_s} << 2 << u"--alias"_s;
    QTest::newRow("orgs with an org") << QStringList{u"orgs"_s, u"--demo"_s} << 2 << u"--demo"_s;
    QTest::newRow("unknown alias") << QStringList{u"licenses"_s, u"--org"_s, u"nosuch"_s} << 2
                                   << u"no org connection named 'nosuch'"_s;
    QTest::newRow("logout of an unknown alias")
        << QStringList{u"logout"_s, u"--alias"_s, u"nosuch"_s} << 2
        << u"no org connection named 'nosuch'"_s;
}

void TestLrctlConnections::usageErrorsNameTheArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, named);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(result.err).contains(named), result.err.constData());
}

void TestLrctlConnections::loginTimesOutWithAClearMessage()
{
    const Run result = login(u"nobody"_s, ConsentBrowser::Answer::Ignore, 10);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("Nobody finished signing in within 10 seconds"),
             result.err.constData());
    QVERIFY(!ConnectionRegistry().find(u"nobody"_s));
}

void TestLrctlConnections::signInScanSignOutLeavesNoTokenAnywhere()
{
    const Run signedIn = login(u"demo"_s, ConsentBrowser::Answer::Allow);
    QVERIFY2(signedIn.exitCode == 0, signedIn.err.constData());
    QVERIFY(signedIn.out.contains("as admin@"));

    const Run listed = run({u"orgs"_s, u"--format"_s, u"json"_s});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray connections =
        QJsonDocument::fromJson(listed.out).object().value(u"connections"_s).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject demo = connections.first().toObject();
    QCOMPARE(demo.value(u"alias"_s).toString(), u"demo"_s);
    QCOMPARE(demo.value(u"status"_s).toString(), u"signed in"_s);
    QCOMPARE(demo.value(u"type"_s).toString(), u"production"_s);
    QVERIFY(demo.value(u"org"_s).toString().startsWith(u"00D"_s));

    QStringList tokens;
    const TokenSet first = storedTokens(u"demo"_s);
    QVERIFY(!first.accessToken.isEmpty() && !first.refreshToken.isEmpty());
    tokens << first.accessToken << first.refreshToken;
    const auto connection = ConnectionRegistry().find(u"demo"_s);
    QVERIFY(connection);
    const QString cache = ConnectionRegistry::cacheDirectory(connection.value());
    QVERIFY(QFileInfo(cache).isDir());

    // Three hours on: the access token has expired, so the scan renews it once (and stores
    // the new one before using it).
    QCOMPARE(postJson(u"/__control/clock"_s, {{u"advanceSeconds"_s, 3 * 3600}}), 200);
    const Run scanned = run({u"scan"_s, u"--org"_s, u"demo"_s, u"--format"_s, u"json"_s});
    QVERIFY2(scanned.exitCode == 0, scanned.err.constData());
    QVERIFY(QJsonDocument::fromJson(scanned.out).isObject());
    const TokenSet renewed = storedTokens(u"demo"_s);
    QVERIFY(!renewed.accessToken.isEmpty());
    QVERIFY2(renewed.accessToken != first.accessToken, "the scan did not renew the token");
    tokens << renewed.accessToken << renewed.refreshToken;

    const Run signedOut = run({u"logout"_s, u"--alias"_s, u"demo"_s});
    QVERIFY2(signedOut.exitCode == 0, signedOut.err.constData());

    // The org no longer honours the refresh token, and nothing of it is left here.
    QCOMPARE(refreshStatus(renewed), 400);
    QVERIFY(!QFileInfo::exists(cache));
    const auto gone =
        QCoro::waitFor(m_store->read(connection->secretsName(), Connection::kTokensKey.toString()));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, lr::secrets::SecretCode::NotFound);
    QVERIFY(m_store->keys(connection->secretsName()).isEmpty());

    // The leak search: every file of the data directory and the settings, and all output.
    tokens.removeAll(QString());
    tokens.removeDuplicates();
    int files = 0;
    for (const QString &root : {m_data.path(), m_config.path()}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++files;
            for (const QString &token : std::as_const(tokens)) {
                QVERIFY2(!content.contains(token.toUtf8()), qPrintable(file.fileName()));
                QVERIFY2(!content.contains(QUrl::toPercentEncoding(token)),
                         qPrintable(file.fileName()));
            }
        }
    }
    QVERIFY(files >= 2);                // the registry and the secrets index at least
    QVERIFY(m_printed.contains("lr.")); // debug logging was on and is part of the search
    for (const QString &token : std::as_const(tokens)) {
        QVERIFY2(!m_printed.contains(token.toUtf8()), "a token was printed or logged");
    }

    // Signed out: the connection stays, and says how to come back.
    const Run after = run({u"licenses"_s, u"--org"_s, u"demo"_s});
    QCOMPARE(after.exitCode, 3);
    QVERIFY2(after.err.contains("lrctl login --alias demo"), after.err.constData());
    const Run listedAfter = run({u"orgs"_s});
    QVERIFY(listedAfter.out.contains("signed out"));

    // --forget removes the connection as well.
    const Run forgotten = run({u"logout"_s, u"--alias"_s, u"demo"_s, u"--forget"_s});
    QVERIFY2(forgotten.exitCode == 0, forgotten.err.constData());
    QVERIFY(forgotten.out.contains("Removed demo"));
    QVERIFY(!ConnectionRegistry().find(u"demo"_s));
    const Run unknown = run({u"licenses"_s, u"--org"_s, u"demo"_s});
    QCOMPARE(unknown.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestLrctlConnections)
#include "tst_lrctlconnections.moc"
