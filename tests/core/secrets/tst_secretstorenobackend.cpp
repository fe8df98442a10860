// The secret store on a machine with no secure backend: no D-Bus session bus at all, as on a
// server or in a container. Every keychain call must end in NO_SECURE_STORE within the
// watchdog — no hang, no plaintext file anywhere. Also: a backend that hangs ends in TIMEOUT
// while the thread keeps running, and a store destroyed mid-call is handled.
//
// CTest unsets DBUS_SESSION_BUS_ADDRESS and DISPLAY for this test; main() makes sure of it
// again and points HOME, XDG_* and LR_DATA_DIR into one throwaway directory, so that any
// file the keychain library might write as a "fallback" lands where the test searches.

#include "core/secrets/keychainbackend.h"
#include "core/secrets/secretbackend.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"

#include <QCoroTask>
#include <QCoroTimer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
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

constexpr auto kTimeout = 5000ms;

QString g_root; // the throwaway directory main() set up

void isolateEnvironment(const QString &root)
{
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS",
                             "DISPLAY",
                             "WAYLAND_DISPLAY",
                             "XDG_CURRENT_DESKTOP",
                             "DESKTOP_SESSION",
                             "KDE_FULL_SESSION",
                             "KDE_SESSION_VERSION",
                             "GNOME_DESKTOP_SESSION_ID",
                             "CREDENTIALS_DIRECTORY",
                             "LR_SECRET_KEY_FILE",
                             "LR_SECRET_STORE_FILE"}) {
        qunsetenv(name);
    }
    const auto set = [&root](const char *name, const QString &relative) {
        const QString path = root + u'/' + relative;
        QDir().mkpath(path);
        qputenv(name, QFile::encodeName(path));
        return path;
    };
    // A runtime directory without a "bus" socket: GDBus finds no session bus there.
    const QString runtime = set("XDG_RUNTIME_DIR", u"runtime"_s);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    set("HOME", u"home"_s);
    set("XDG_CONFIG_HOME", u"home/.config"_s);
    set("XDG_DATA_HOME", u"home/.local/share"_s);
    set("XDG_CACHE_HOME", u"home/.cache"_s);
    set("LR_DATA_DIR", u"data"_s);
}

QByteArray tokenLike()
{
    QByteArray bytes(24, Qt::Uninitialized);
    for (char &c : bytes) {
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return "00D5g000004NOBACKEND!AQ" + bytes.toBase64(QByteArray::Base64UrlEncoding);
}

// A backend whose calls never finish (a keychain stuck behind an unlock prompt), or finish
// only after `delay`.
class StuckBackend final : public SecretBackend
{
public:
    explicit StuckBackend(std::chrono::milliseconds delay = 24h)
        : m_delay(delay)
    { }
    QString name() const override { return u"a stuck test backend"_s; }
    QString indexScope() const override { return u"stuck"_s; }
    bool isSecure() const override { return true; }
    QCoro::Task<Result<void>> write(SecretRef, QByteArray) override { return finishLate(m_delay); }
    QCoro::Task<Result<QByteArray>> read(SecretRef) override { return readLate(m_delay); }
    QCoro::Task<Result<void>> remove(SecretRef) override { return finishLate(m_delay); }
    QCoro::Task<Result<void>> checkAvailable() override { return finishLate(m_delay); }

private:
    // Static: nothing may refer to the backend after a co_await.
    static QCoro::Task<Result<void>> finishLate(std::chrono::milliseconds delay)
    {
        co_await QCoro::sleepFor(delay);
        co_return Result<void>{};
    }
    static QCoro::Task<Result<QByteArray>> readLate(std::chrono::milliseconds delay)
    {
        co_await QCoro::sleepFor(delay);
        co_return QByteArray("late");
    }

    std::chrono::milliseconds m_delay;
};

} // namespace

class TestSecretStoreNoBackend final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReportsNoSecureStore();
    void readReportsNoSecureStore();
    void removeReportsNoSecureStore();
    void checkAvailableReportsNoSecureStore();
    void agentWithoutKeyFileReportsNoSecureStore();
    void hangingBackendTimesOutWithoutBlocking();
    void lateAnswerAfterTimeoutIsDropped();
    void storeDestroyedWhileWaiting();
    void noPlaintextAnywhere(); // last: searches for every secret used above

private:
    [[nodiscard]] std::unique_ptr<SecretStore> keychainStore() const;
    void expectNoSecureStore(const Error &error, qint64 elapsedMs);

    QString m_service;
    QList<QByteArray> m_secrets;
};

void TestSecretStoreNoBackend::initTestCase()
{
    QVERIFY(!g_root.isEmpty());
    QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    QVERIFY(!QFile::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + u"/bus"_s));
    m_service = u"LicenseReclaim.tst_secretstorenobackend.%1"_s.arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces));
}

std::unique_ptr<SecretStore> TestSecretStoreNoBackend::keychainStore() const
{
    auto store = std::make_unique<SecretStore>(std::make_unique<KeychainBackend>(m_service));
    store->setTimeout(kTimeout);
    return store;
}

void TestSecretStoreNoBackend::expectNoSecureStore(const Error &error, qint64 elapsedMs)
{
    qInfo("%s (detail: %s) after %lld ms",
          qPrintable(error.toString()),
          qPrintable(error.detail),
          static_cast<long long>(elapsedMs));
    QCOMPARE(error.code, QString(SecretCode::NoSecureStore));
    QCOMPARE(error.kind, Error::Kind::Refused);
    QVERIFY(error.message.contains(u"No secure secret store"_s));
    QVERIFY(error.message.contains(u"never kept in plain text"_s));
    QVERIFY2(elapsedMs < kTimeout.count(), "answered by the watchdog, not by the keychain");
}

void TestSecretStoreNoBackend::writeReportsNoSecureStore()
{
    auto store = keychainStore();
    const QByteArray secret = tokenLike();
    m_secrets.append(secret);
    QElapsedTimer timer;
    timer.start();
    const Result<void> written =
        QCoro::waitFor(store->write(u"prod"_s, u"refresh_token"_s, secret));
    QVERIFY(!written);
    expectNoSecureStore(written.error(), timer.elapsed());
    QVERIFY(!written.error().message.contains(QString::fromLatin1(secret)));
    // The failed write leaves no name behind.
    QVERIFY(store->keys(u"prod"_s).isEmpty());

    // A large (chunked) secret fails the same way.
    const QByteArray large = tokenLike().repeated(200);
    m_secrets.append(large);
    timer.restart();
    const Result<void> chunked = QCoro::waitFor(store->write(u"prod"_s, u"signing_key"_s, large));
    QVERIFY(!chunked);
    expectNoSecureStore(chunked.error(), timer.elapsed());
}

void TestSecretStoreNoBackend::readReportsNoSecureStore()
{
    auto store = keychainStore();
    QElapsedTimer timer;
    timer.start();
    const Result<QByteArray> read = QCoro::waitFor(store->read(u"prod"_s, u"refresh_token"_s));
    QVERIFY(!read);
    // Not NOT_FOUND: "nothing stored" and "no store" must never be confused.
    expectNoSecureStore(read.error(), timer.elapsed());
}

void TestSecretStoreNoBackend::removeReportsNoSecureStore()
{
    auto store = keychainStore();
    QElapsedTimer timer;
    timer.start();
    const Result<void> removed = QCoro::waitFor(store->remove(u"prod"_s, u"refresh_token"_s));
    QVERIFY(!removed);
    expectNoSecureStore(removed.error(), timer.elapsed());
}

void TestSecretStoreNoBackend::checkAvailableReportsNoSecureStore()
{
    auto store = keychainStore();
    QVERIFY(store->isSecure()); // the keychain is a secure kind of store …
    QElapsedTimer timer;
    timer.start();
    const Result<void> available = QCoro::waitFor(store->checkAvailable());
    QVERIFY(!available); // … that is not there
    expectNoSecureStore(available.error(), timer.elapsed());
}

void TestSecretStoreNoBackend::agentWithoutKeyFileReportsNoSecureStore()
{
    auto store = SecretStoreFactory::create(SecretStoreFactory::Role::Agent,
                                            SecretStoreFactory::optionsFromEnvironment());
    QVERIFY(!store->isSecure());
    const QByteArray secret = tokenLike();
    m_secrets.append(secret);
    const Result<void> written = QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, secret));
    QCOMPARE(written.error().code, QString(SecretCode::NoSecureStore));
    QVERIFY(written.error().message.contains(u"LR_SECRET_KEY_FILE"_s));
}

void TestSecretStoreNoBackend::hangingBackendTimesOutWithoutBlocking()
{
    SecretStore store(std::make_unique<StuckBackend>(), g_root + u"/data/stuck-index.json"_s);
    store.setTimeout(300ms);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10ms);

    QElapsedTimer timer;
    timer.start();
    const Result<QByteArray> read = QCoro::waitFor(store.read(u"prod"_s, u"access_token"_s));
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!read);
    QCOMPARE(read.error().code, QString(SecretCode::Timeout));
    QCOMPARE(read.error().kind, Error::Kind::Timeout);
    QVERIFY(read.error().message.contains(u"0.3 s"_s));
    QVERIFY2(elapsed >= 290 && elapsed < 2000, qPrintable(QString::number(elapsed)));
    // The event loop kept turning while the call waited.
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));

    // A timed-out write keeps its name in the index: it may still land.
    QCOMPARE(QCoro::waitFor(store.write(u"prod"_s, u"access_token"_s, "x")).error().code,
             QString(SecretCode::Timeout));
    QCOMPARE(store.keys(u"prod"_s), QStringList{u"access_token"_s});

    // removeConnection stops at the first timeout instead of waiting once per key.
    QVERIFY(QCoro::waitFor(store.write(u"prod"_s, u"refresh_token"_s, "y")).error().code
            == SecretCode::Timeout);
    timer.restart();
    QCOMPARE(QCoro::waitFor(store.removeConnection(u"prod"_s)).error().code,
             QString(SecretCode::Timeout));
    QVERIFY(timer.elapsed() < 1000);
}

void TestSecretStoreNoBackend::lateAnswerAfterTimeoutIsDropped()
{
    SecretStore store(std::make_unique<StuckBackend>(400ms), g_root + u"/data/late-index.json"_s);
    store.setTimeout(100ms);
    const Result<QByteArray> read = QCoro::waitFor(store.read(u"prod"_s, u"access_token"_s));
    QCOMPARE(read.error().code, QString(SecretCode::Timeout));
    QTest::qWait(600); // the backend answers meanwhile; nobody is listening any more
    store.setTimeout(1000ms);
    QCOMPARE(QCoro::waitFor(store.read(u"prod"_s, u"access_token"_s)).value(), QByteArray("late"));
}

void TestSecretStoreNoBackend::storeDestroyedWhileWaiting()
{
    auto *store =
        new SecretStore(std::make_unique<StuckBackend>(), g_root + u"/data/gone-index.json"_s);
    store->setTimeout(500ms);
    QTimer::singleShot(50ms, store, [store] { delete store; });
    const Result<QByteArray> read = QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s));
    QVERIFY(!read);
    QCOMPARE(read.error().code, QString(SecretCode::StoreGone));
}

void TestSecretStoreNoBackend::noPlaintextAnywhere()
{
    QVERIFY(m_secrets.size() >= 3);
    int files = 0;
    QDirIterator it(g_root,
                    QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        ++files;
        const QByteArray content = file.readAll();
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            const QByteArray head = secret.left(40); // also catches a chunk of a large one
            if (content.contains(head) || content.contains(secret.toBase64().left(40))
                || content.contains(secret.toHex().left(40))) {
                QFAIL(qPrintable(u"a secret was written to %1"_s.arg(path)));
            }
        }
    }
    qInfo("searched %d file(s) under the throwaway HOME, XDG and data directories", files);
    // Nothing but our own (empty or absent) index may exist in the data directory.
    const QStringList data = QDir(g_root + u"/data"_s).entryList(QDir::Files | QDir::Hidden);
    for (const QString &name : data) {
        QVERIFY2(name.contains(u"index"_s), qPrintable(name));
    }
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
    TestSecretStoreNoBackend test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstorenobackend.moc"
