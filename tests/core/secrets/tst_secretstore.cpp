// The secret store against the machine's real keychain (on Linux a Secret Service on the
// session bus: run inside the D-Bus session that tools/dev.sh sets up for the keychain
// label). Round trips, a 6,000-byte secret split into chunks and put back together, the
// index of keys across a restart, removeConnection, NOT_FOUND after removal, and that no
// value ever reaches the index file or the log.

#include "core/secrets/keychainbackend.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoroSignal>
#include <QCoroTask>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace lr;
using namespace lr::secrets;

namespace {

// Every message logged while the test runs, as formatted text.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(QString::fromLatin1(context.category ? context.category : "default") + u": "_s
                     + message);
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes) {
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return bytes;
}

QByteArray tokenLike()
{
    return "00D5g000004KEYCHAIN!AQ" + randomBytes(30).toBase64(QByteArray::Base64UrlEncoding);
}

// Reads an entry straight from QtKeychain, bypassing the store (to look at the chunks).
struct RawEntry
{
    QKeychain::Error error = QKeychain::OtherError;
    QByteArray data;
};

QCoro::Task<RawEntry> readRawTask(QString service, QString key)
{
    auto job = std::make_unique<QKeychain::ReadPasswordJob>(service);
    job->setAutoDelete(false);
    job->setKey(key);
    auto finished = qCoro(job.get(), &QKeychain::Job::finished, 30s);
    job->start();
    if (!co_await std::move(finished)) {
        job.release()->setAutoDelete(true); // still running: it must not be deleted under it
        co_return RawEntry{};
    }
    co_return RawEntry{job->error(), job->binaryData()};
}

RawEntry readRaw(const QString &service, const QString &account)
{
    return QCoro::waitFor(readRawTask(service, KeychainBackend::jobKey(service, account)));
}

} // namespace

class TestSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTrip();
    void chunkedRoundTrip();
    void keysAndRemoveConnection();
    void invalidNamesNeverReachTheKeychain();
    void valuesNeverInIndexOrLog(); // after the others: checks every value they used
    void cleanupTestCase();

private:
    [[nodiscard]] std::unique_ptr<SecretStore> newStore() const;
    [[nodiscard]] QString indexPath() const { return m_root.filePath(u"secrets-index.json"_s); }
    void remember(const QByteArray &secret) { m_secrets.append(secret); }

    QTemporaryDir m_root;
    QString m_service;
    std::unique_ptr<SecretStore> m_store;
    QList<QByteArray> m_secrets;
};

void TestSecretStore::initTestCase()
{
    QVERIFY(m_root.isValid());
    qputenv("LR_DATA_DIR", QFile::encodeName(m_root.filePath(u"data"_s)));
    g_previousHandler = qInstallMessageHandler(captureMessage);
    QLoggingCategory::setFilterRules(u"lr.secrets.debug=true"_s);
    // Unique per run, so parallel or crashed runs never see each other's entries.
    m_service =
        u"License Reclaim test %1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_store = newStore();

    const Result<void> available = QCoro::waitFor(m_store->checkAvailable());
    if (!available) {
        QFAIL(qPrintable(u"the keychain is not usable (is a Secret Service running and "
                         "unlocked?): "_s
                         + available.error().toString() + u" / "_s + available.error().detail));
    }
}

std::unique_ptr<SecretStore> TestSecretStore::newStore() const
{
    auto store =
        std::make_unique<SecretStore>(std::make_unique<KeychainBackend>(m_service), indexPath());
    store->setTimeout(20s); // a slow CI keyring is not what this test is about
    return store;
}

void TestSecretStore::roundTrip()
{
    const QByteArray token = tokenLike();
    const QByteArray binary = randomBytes(48) + QByteArray(3, '\0'); // not text, with NULs
    remember(token);
    remember(binary);

    Result<void> written = QCoro::waitFor(m_store->write(u"tst-conn"_s, u"access_token"_s, token));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-conn"_s, u"signing_key"_s, binary)));

    Result<QByteArray> read = QCoro::waitFor(m_store->read(u"tst-conn"_s, u"access_token"_s));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(*read, token);
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-conn"_s, u"signing_key"_s)).value(), binary);

    // The entry is where the contract says: service per app, account "<connection>/<key>".
    const RawEntry raw = readRaw(m_service, u"tst-conn/access_token"_s);
    QCOMPARE(raw.error, QKeychain::NoError);
    QCOMPARE(raw.data.mid(1), token);

    const QByteArray replaced = tokenLike();
    remember(replaced);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-conn"_s, u"access_token"_s, replaced)));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-conn"_s, u"access_token"_s)).value(), replaced);

    QVERIFY(QCoro::waitFor(m_store->remove(u"tst-conn"_s, u"access_token"_s)));
    const Result<QByteArray> gone = QCoro::waitFor(m_store->read(u"tst-conn"_s, u"access_token"_s));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, QString(SecretCode::NotFound));
    QCOMPARE(readRaw(m_service, u"tst-conn/access_token"_s).error, QKeychain::EntryNotFound);
    QVERIFY(QCoro::waitFor(m_store->remove(u"tst-conn"_s, u"access_token"_s))); // idempotent
    QCOMPARE(m_store->keys(u"tst-conn"_s), QStringList{u"signing_key"_s});

    QVERIFY(QCoro::waitFor(m_store->remove(u"tst-conn"_s, u"signing_key"_s)));
    QVERIFY(m_store->keys(u"tst-conn"_s).isEmpty());
}

void TestSecretStore::chunkedRoundTrip()
{
    const QByteArray large = randomBytes(6000);
    remember(large);
    const QString account = u"tst-chunks/id_token"_s;
    Result<void> written = QCoro::waitFor(m_store->write(u"tst-chunks"_s, u"id_token"_s, large));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));

    Result<QByteArray> read = QCoro::waitFor(m_store->read(u"tst-chunks"_s, u"id_token"_s));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read->size(), large.size());
    QCOMPARE(*read, large);

    // In the keychain: a small header and three chunks of at most 2,048 bytes, each far
    // below the Windows limit of 2,560.
    const RawEntry header = readRaw(m_service, account);
    QCOMPARE(header.error, QKeychain::NoError);
    QVERIFY2(header.data.size() < 200, qPrintable(QString::number(header.data.size())));
    QVERIFY(!header.data.contains(large.left(16)));
    qsizetype total = 0;
    for (int index = 1; index <= 3; ++index) {
        const RawEntry chunk = readRaw(m_service, account + u'#' + QString::number(index));
        QCOMPARE(chunk.error, QKeychain::NoError);
        QVERIFY(chunk.data.size() <= KeychainBackend::kChunkSize);
        total += chunk.data.size();
    }
    QCOMPARE(total, large.size());
    QCOMPARE(readRaw(m_service, account + u"#4"_s).error, QKeychain::EntryNotFound);

    // Replacing it with a small secret leaves no chunk behind.
    const QByteArray small = tokenLike();
    remember(small);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-chunks"_s, u"id_token"_s, small)));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-chunks"_s, u"id_token"_s)).value(), small);
    QCOMPARE(readRaw(m_service, account + u"#1"_s).error, QKeychain::EntryNotFound);

    // And removing a chunked secret removes every chunk.
    const QByteArray larger = randomBytes(5000);
    remember(larger);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-chunks"_s, u"id_token"_s, larger)));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-chunks"_s, u"id_token"_s)).value(), larger);
    QVERIFY(QCoro::waitFor(m_store->remove(u"tst-chunks"_s, u"id_token"_s)));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-chunks"_s, u"id_token"_s)).error().code,
             QString(SecretCode::NotFound));
    for (int index = 1; index <= 3; ++index) {
        QCOMPARE(readRaw(m_service, account + u'#' + QString::number(index)).error,
                 QKeychain::EntryNotFound);
    }
}

void TestSecretStore::keysAndRemoveConnection()
{
    const QStringList prodKeys{u"access_token"_s, u"itsm_api_key"_s, u"refresh_token"_s};
    for (const QString &key : prodKeys) {
        const QByteArray secret = tokenLike();
        remember(secret);
        QVERIFY(QCoro::waitFor(m_store->write(u"tst-prod"_s, key, secret)));
    }
    const QByteArray webhook = "https://hooks.slack.com/services/T000/B000/" + tokenLike();
    remember(webhook);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-sandbox"_s, u"webhook_url"_s, webhook)));
    const QByteArray bigKey = randomBytes(4100); // chunked, so removal must find the chunks
    remember(bigKey);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-prod"_s, u"signing_key"_s, bigKey)));

    const QStringList expected{
        u"access_token"_s, u"itsm_api_key"_s, u"refresh_token"_s, u"signing_key"_s};
    QCOMPARE(m_store->keys(u"tst-prod"_s), expected);
    QVERIFY(m_store->connections().contains(u"tst-sandbox"_s));

    // A restart: a new store reads the same index file, and removes what it lists.
    m_store.reset();
    m_store = newStore();
    QCOMPARE(m_store->keys(u"tst-prod"_s), expected);
    Result<void> removed = QCoro::waitFor(m_store->removeConnection(u"tst-prod"_s));
    QVERIFY2(removed, qPrintable(removed ? QString() : removed.error().toString()));
    QVERIFY(m_store->keys(u"tst-prod"_s).isEmpty());
    QVERIFY(!m_store->connections().contains(u"tst-prod"_s));
    for (const QString &key : expected) {
        QCOMPARE(QCoro::waitFor(m_store->read(u"tst-prod"_s, key)).error().code,
                 QString(SecretCode::NotFound));
    }
    QCOMPARE(readRaw(m_service, u"tst-prod/signing_key#1"_s).error, QKeychain::EntryNotFound);

    // Other connections are untouched.
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-sandbox"_s, u"webhook_url"_s)).value(), webhook);
    QVERIFY(QCoro::waitFor(m_store->removeConnection(u"tst-sandbox"_s)));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst-sandbox"_s, u"webhook_url"_s)).error().code,
             QString(SecretCode::NotFound));
}

void TestSecretStore::invalidNamesNeverReachTheKeychain()
{
    const Result<void> written = QCoro::waitFor(m_store->write(u"tst-prod"_s, u"../x"_s, "v"));
    QCOMPARE(written.error().code, QString(SecretCode::InvalidName));
    QCOMPARE(QCoro::waitFor(m_store->read(u"tst/prod"_s, u"x"_s)).error().code,
             QString(SecretCode::InvalidName));
    QVERIFY(m_store->keys(u"tst-prod"_s).isEmpty());
}

void TestSecretStore::valuesNeverInIndexOrLog()
{
    QVERIFY(m_secrets.size() >= 8);
    // Leave something in the index to look at.
    const QByteArray kept = tokenLike();
    remember(kept);
    QVERIFY(QCoro::waitFor(m_store->write(u"tst-index"_s, u"access_token"_s, kept)));
    QVERIFY(QCoro::waitFor(m_store->read(u"tst-index"_s, u"access_token"_s)));

    QFile file(indexPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray index = file.readAll();
    QVERIFY(index.contains("tst-index"));
    QVERIFY(index.contains("access_token"));

    QString log;
    {
        QMutexLocker lock(&g_logMutex);
        log = g_log.join(u'\n');
    }
    // The capture works, and it saw the store at work (names are logged)...
    QVERIFY(log.contains(u"lr.secrets: stored tst-index/access_token"_s));
    QVERIFY(log.contains(u"lr.secrets: read tst-index/access_token"_s));
    QVERIFY(log.contains(u"lr.secrets: removed tst-prod/refresh_token"_s));
    // ... but never a value, in any encoding, nor its size.
    const QByteArray logBytes = log.toUtf8();
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        for (const QByteArray &form : {secret.left(24),
                                       secret.toBase64().left(24),
                                       secret.toHex().left(24),
                                       secret.toBase64(QByteArray::Base64UrlEncoding).left(24)}) {
            QVERIFY(!index.contains(form));
            QVERIFY(!logBytes.contains(form));
        }
    }
    QVERIFY(!log.contains(u"6000"_s));
    QVERIFY(QCoro::waitFor(m_store->removeConnection(u"tst-index"_s)));
}

void TestSecretStore::cleanupTestCase()
{
    // Best effort after a failure half-way: leave nothing in the developer's keyring.
    if (m_store) {
        for (const QString &connection : m_store->connections()) {
            Q_UNUSED(QCoro::waitFor(m_store->removeConnection(connection)))
        }
    }
    m_store.reset();
    qInstallMessageHandler(g_previousHandler);
}

QTEST_GUILESS_MAIN(TestSecretStore)

#include "tst_secretstore.moc"
