// A keychain that hangs, for real: the session bus address points at a socket that accepts
// the connection and never answers (as a wedged dbus-daemon or an unanswered unlock prompt
// would). The real QtKeychain/libsecret call then never finishes; the store's watchdog must
// end every call in TIMEOUT on time while the event loop keeps turning — and nothing may
// crash when the abandoned jobs are left behind.

#include "core/secrets/keychainbackend.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace lr;
using namespace lr::secrets;

namespace {

QString g_root;

void isolateEnvironment(const QString &root)
{
    for (const char *name : {"DISPLAY",
                             "WAYLAND_DISPLAY",
                             "XDG_CURRENT_DESKTOP",
                             "DESKTOP_SESSION",
                             "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION",
                             "GNOME_DESKTOP_SESSION_ID"}) {
        qunsetenv(name);
    }
    const QString runtime = root + u"/runtime"_s;
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    qputenv("HOME", QFile::encodeName(root + u"/home"_s));
    qputenv("LR_DATA_DIR", QFile::encodeName(root + u"/data"_s));
    // The "session bus": a socket that never says a word.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(root + u"/silent-bus"_s));
}

} // namespace

class TestKeychainWatchdog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyCallTimesOutWithoutBlocking();

private:
    QLocalServer m_silentBus;
    QList<QPointer<QLocalSocket>> m_clients; // kept open, never answered
    qint64 m_bytesReceived = 0;
};

void TestKeychainWatchdog::initTestCase()
{
    QVERIFY(m_silentBus.listen(g_root + u"/silent-bus"_s));
    connect(&m_silentBus, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_silentBus.nextPendingConnection()) {
            m_clients.append(client);
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                m_bytesReceived += client->readAll().size();
            });
        }
    });
}

void TestKeychainWatchdog::everyCallTimesOutWithoutBlocking()
{
    const QString service = u"LicenseReclaim.tst_keychainwatchdog.%1"_s.arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces));
    SecretStore store(std::make_unique<KeychainBackend>(service));
    store.setTimeout(1s);

    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10ms);

    QElapsedTimer timer;
    timer.start();
    const Result<void> written = QCoro::waitFor(store.write(u"prod"_s, u"access_token"_s, "x"));
    qint64 elapsed = timer.elapsed();
    QVERIFY(!written);
    qInfo("write: %s after %lld ms", qPrintable(written.error().toString()), elapsed);
    QCOMPARE(written.error().code, QString(SecretCode::Timeout));
    // QtKeychain's job timer is QCoro's own coarse one, which may fire up to 5 % early.
    QVERIFY2(elapsed >= 900 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    QVERIFY2(ticks >= 40, qPrintable(QString::number(ticks))); // the thread never blocked
    // The call really reached the "bus" and hung there (it did not fail fast).
    QTRY_VERIFY(!m_clients.isEmpty());
    QVERIFY(m_bytesReceived > 0);

    // The next calls queue behind the hung job inside QtKeychain and time out the same way.
    for (int round = 0; round < 2; ++round) {
        ticks = 0;
        timer.restart();
        const Result<QByteArray> read = QCoro::waitFor(store.read(u"prod"_s, u"access_token"_s));
        elapsed = timer.elapsed();
        QCOMPARE(read.error().code, QString(SecretCode::Timeout));
        QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
        QVERIFY(ticks >= 40);
    }
    timer.restart();
    QCOMPARE(QCoro::waitFor(store.checkAvailable()).error().code, QString(SecretCode::Timeout));
    QVERIFY(timer.elapsed() < 3000);
    // The name stays listed: a timed-out write may still land once the keychain wakes up.
    QCOMPARE(store.keys(u"prod"_s), QStringList{u"access_token"_s});
    QTest::qWait(200); // abandoned jobs are still pending: nothing may crash meanwhile
}

int main(int argc, char **argv)
{
    QTemporaryDir root;
    if (!root.isValid()) {
        return 1;
    }
    g_root = root.path();
    isolateEnvironment(g_root);
    QCoreApplication app(argc, argv);
    TestKeychainWatchdog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychainwatchdog.moc"
