// The headless agent's secret stores, without any keychain: the encrypted file (AES-256-GCM,
// whole-file MAC, owner-only file, refusing a wrong key, any altered byte and a key file
// others can read) and systemd's credential directory (read-only, with the provisioning
// hint), plus the factory's choice between them.

#include "core/secrets/credentialdirectorybackend.h"
#include "core/secrets/encryptedfilebackend.h"
#include "core/secrets/secretcipher.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretkeyfile.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"

#include <QCoroTask>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

#include <memory>

using namespace Qt::StringLiterals;
using namespace lr;
using namespace lr::secrets;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        bytes[i] = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return bytes;
}

// A token-like secret, easy to search for in a file.
QByteArray tokenLike()
{
    return "00D5g000004SECRET!AQ" + randomBytes(24).toBase64(QByteArray::Base64UrlEncoding);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

#ifdef Q_OS_UNIX
unsigned fileMode(const QString &path)
{
    struct stat info
    { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return 0xffff;
    }
    return static_cast<unsigned>(info.st_mode) & 07777U;
}

bool setMode(const QString &path, unsigned mode)
{
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}
#endif

// Every way the secret could sit in a file: raw, base64, base64url, hex.
bool containsSecret(const QByteArray &haystack, const QByteArray &secret)
{
    return haystack.contains(secret) || haystack.contains(secret.toBase64())
           || haystack.contains(secret.toBase64(QByteArray::Base64UrlEncoding))
           || haystack.contains(secret.toHex());
}

} // namespace

class TestAgentSecretStores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // The cipher itself.
    void cipherRoundTripAndRefusals();

    // The encrypted file.
    void encryptedRoundTrip();
    void encryptedFileIsOwnerOnly();
    void secretBytesAppearNowhereInTheFile();
    void everyWriteUsesAFreshIv();
    void wrongKeyIsRefused();
    void anyFlippedByteIsRefused();
    void keyFileModes_data();
    void keyFileModes();
    void keyFileContents_data();
    void keyFileContents();

    // systemd credentials.
    void credentialDirectoryReads();
    void credentialDirectoryRefusesWrites();
    void credentialNames_data();
    void credentialNames();

    // Names and the factory.
    void storeNames_data();
    void storeNames();
    void factorySelection();

private:
    [[nodiscard]] std::unique_ptr<SecretStore> encryptedStore(const QString &keyFile) const;
    [[nodiscard]] QString path(const QString &name) const { return m_root.filePath(name); }

    QTemporaryDir m_root;
    QString m_storeFile;
    QString m_keyFile;
};

void TestAgentSecretStores::initTestCase()
{
    QVERIFY(m_root.isValid());
    qputenv("LR_DATA_DIR", QFile::encodeName(path(u"data"_s)));
    qunsetenv("CREDENTIALS_DIRECTORY");
    qunsetenv("LR_SECRET_KEY_FILE");
    qunsetenv("LR_SECRET_STORE_FILE");
    QVERIFY(QDir().mkpath(path(u"keys"_s)));
    m_keyFile = path(u"keys/secret.key"_s);
    const Result<void> created = SecretKeyFile::create(m_keyFile);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
#ifdef Q_OS_UNIX
    QCOMPARE(fileMode(m_keyFile), 0600U);
#endif
}

void TestAgentSecretStores::init()
{
    // Each test starts without a store file or index.
    m_storeFile = path(u"agent/secrets.enc"_s);
    QFile::remove(m_storeFile);
    QFile::remove(path(u"data/secrets-index.json"_s));
}

std::unique_ptr<SecretStore> TestAgentSecretStores::encryptedStore(const QString &keyFile) const
{
    return std::make_unique<SecretStore>(
        std::make_unique<EncryptedFileBackend>(m_storeFile, keyFile),
        path(u"data/secrets-index.json"_s));
}

void TestAgentSecretStores::cipherRoundTripAndRefusals()
{
    const QByteArray key = randomBytes(SecretCipher::kKeySize);
    const QByteArray secret = tokenLike();
    const auto sealed = SecretCipher::seal(key, secret, "prod/access_token");
    QVERIFY(sealed);
    QCOMPARE(sealed->iv.size(), SecretCipher::kIvSize);
    QCOMPARE(sealed->tag.size(), SecretCipher::kTagSize);
    QCOMPARE(sealed->ciphertext.size(), secret.size());
    QVERIFY(!sealed->ciphertext.contains(secret));
    QCOMPARE(SecretCipher::open(key, *sealed, "prod/access_token").value_or(QByteArray()), secret);

    // The name is authenticated: the same ciphertext under another name does not open.
    QVERIFY(!SecretCipher::open(key, *sealed, "prod/refresh_token"));
    QVERIFY(!SecretCipher::open(randomBytes(SecretCipher::kKeySize), *sealed, "prod/access_token"));
    SecretCipher::Sealed altered = *sealed;
    altered.tag[0] = static_cast<char>(altered.tag.at(0) ^ 0x01);
    QVERIFY(!SecretCipher::open(key, altered, "prod/access_token"));
    altered = *sealed;
    altered.ciphertext[3] = static_cast<char>(altered.ciphertext.at(3) ^ 0x01);
    QVERIFY(!SecretCipher::open(key, altered, "prod/access_token"));
    QVERIFY(!SecretCipher::seal(key.left(16), secret, "x")); // AES-256 only

    const auto empty = SecretCipher::seal(key, QByteArray(), "prod/empty");
    QVERIFY(empty);
    const auto opened = SecretCipher::open(key, *empty, "prod/empty");
    QVERIFY(opened && opened->isEmpty());
}

void TestAgentSecretStores::encryptedRoundTrip()
{
    auto store = encryptedStore(m_keyFile);
    QVERIFY(store->isSecure());
    QVERIFY(store->backendName().contains(QDir::toNativeSeparators(m_storeFile)));
    const QByteArray access = tokenLike();
    const QByteArray refresh = randomBytes(6000); // binary and large: no chunking needed here
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, access)));
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"refresh_token"_s, refresh)));
    QVERIFY(QCoro::waitFor(store->write(u"sandbox"_s, u"access_token"_s, "other")));

    Result<QByteArray> read = QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(*read, access);
    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"refresh_token"_s)).value(), refresh);

    const QByteArray replaced = tokenLike();
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, replaced)));
    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s)).value(), replaced);
    QCOMPARE(store->keys(u"prod"_s), (QStringList{u"access_token"_s, u"refresh_token"_s}));

    // A new process (a new store on the same files) sees the same secrets and index.
    auto restarted = encryptedStore(m_keyFile);
    QCOMPARE(restarted->keys(u"prod"_s), (QStringList{u"access_token"_s, u"refresh_token"_s}));
    QCOMPARE(QCoro::waitFor(restarted->read(u"prod"_s, u"refresh_token"_s)).value(), refresh);

    QVERIFY(QCoro::waitFor(restarted->remove(u"prod"_s, u"access_token"_s)));
    Result<QByteArray> gone = QCoro::waitFor(restarted->read(u"prod"_s, u"access_token"_s));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, QString(SecretCode::NotFound));
    QVERIFY(QCoro::waitFor(restarted->remove(u"prod"_s, u"access_token"_s))); // already gone

    QVERIFY(QCoro::waitFor(restarted->removeConnection(u"prod"_s)));
    QVERIFY(restarted->keys(u"prod"_s).isEmpty());
    QCOMPARE(QCoro::waitFor(restarted->read(u"prod"_s, u"refresh_token"_s)).error().code,
             QString(SecretCode::NotFound));
    QCOMPARE(QCoro::waitFor(restarted->read(u"sandbox"_s, u"access_token"_s)).value(),
             QByteArray("other"));
    QCOMPARE(restarted->connections(), QStringList{u"sandbox"_s});
}

void TestAgentSecretStores::encryptedFileIsOwnerOnly()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are a Unix matter");
#else
    auto store = encryptedStore(m_keyFile);
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, tokenLike())));
    QCOMPARE(fileMode(m_storeFile), 0600U);
    QCOMPARE(fileMode(path(u"agent"_s)), 0700U); // the folder it created
    QCOMPARE(fileMode(path(u"data/secrets-index.json"_s)), 0600U);

    // An administrator's copy with a loose mode is tightened again by the next write.
    QVERIFY(setMode(m_storeFile, 0644));
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"refresh_token"_s, tokenLike())));
    QCOMPARE(fileMode(m_storeFile), 0600U);
    // No temporary or backup copy is left next to it.
    QCOMPARE(QDir(path(u"agent"_s)).entryList(QDir::Files | QDir::Hidden),
             QStringList{u"secrets.enc"_s});
#endif
}

void TestAgentSecretStores::secretBytesAppearNowhereInTheFile()
{
    auto store = encryptedStore(m_keyFile);
    const QByteArray secret = tokenLike();
    const QByteArray binary = randomBytes(64);
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"client_secret"_s, secret)));
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"signing_key"_s, binary)));
    const QByteArray stored = fileBytes(m_storeFile);
    QVERIFY(!stored.isEmpty());
    QVERIFY(!containsSecret(stored, secret));
    QVERIFY(!containsSecret(stored, binary));
    QVERIFY(!containsSecret(stored, fileBytes(m_keyFile).trimmed()));
    // Names only in the index.
    const QByteArray index = fileBytes(path(u"data/secrets-index.json"_s));
    QVERIFY(index.contains("client_secret"));
    QVERIFY(!containsSecret(index, secret));
    QVERIFY(!containsSecret(index, binary));
}

void TestAgentSecretStores::everyWriteUsesAFreshIv()
{
    auto store = encryptedStore(m_keyFile);
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, "same value")));
    const QByteArray first = fileBytes(m_storeFile);
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, "same value")));
    const QByteArray second = fileBytes(m_storeFile);
    QVERIFY(first != second);
}

void TestAgentSecretStores::wrongKeyIsRefused()
{
    auto store = encryptedStore(m_keyFile);
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, tokenLike())));
    const QByteArray before = fileBytes(m_storeFile);

    const QString otherKey = path(u"keys/other.key"_s);
    QFile::remove(otherKey);
    QVERIFY(SecretKeyFile::create(otherKey));
    auto wrong = encryptedStore(otherKey);
    const Result<QByteArray> read = QCoro::waitFor(wrong->read(u"prod"_s, u"access_token"_s));
    QVERIFY(!read);
    QCOMPARE(read.error().code, QString(SecretCode::WrongKey));
    QVERIFY(read.error().message.contains(QDir::toNativeSeparators(m_storeFile)));
    QVERIFY(read.error().message.contains(QDir::toNativeSeparators(otherKey)));

    // Nor may a write with the wrong key replace the file (and lose every other secret).
    const Result<void> written = QCoro::waitFor(wrong->write(u"prod"_s, u"extra"_s, "x"));
    QVERIFY(!written);
    QCOMPARE(written.error().code, QString(SecretCode::WrongKey));
    QCOMPARE(fileBytes(m_storeFile), before);
    QVERIFY(!QCoro::waitFor(wrong->checkAvailable()));
}

void TestAgentSecretStores::anyFlippedByteIsRefused()
{
    auto store = encryptedStore(m_keyFile);
    const QByteArray secret = tokenLike();
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, secret)));
    QVERIFY(QCoro::waitFor(store->write(u"prod"_s, u"refresh_token"_s, tokenLike())));
    const QByteArray original = fileBytes(m_storeFile);
    QVERIFY(original.size() > 100);

    int tampered = 0;
    int wrongKey = 0;
    for (qsizetype offset = 0; offset < original.size(); ++offset) {
        QByteArray altered = original;
        altered[offset] = static_cast<char>(altered.at(offset) ^ 0x01);
        QVERIFY(writeFile(m_storeFile, altered));
        const Result<QByteArray> read = QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s));
        if (read) {
            QFAIL(qPrintable(u"byte %1 flipped, yet the read succeeded"_s.arg(offset)));
        }
        const QString code = read.error().code;
        if (code == SecretCode::Tampered) {
            ++tampered;
            QVERIFY(read.error().message.contains(u"integrity"_s));
        } else if (code == SecretCode::WrongKey) {
            ++wrongKey; // the flipped byte was in the key id
        } else {
            QFAIL(qPrintable(u"byte %1 flipped: unexpected %2"_s.arg(offset).arg(code)));
        }
    }
    QCOMPARE(tampered + wrongKey, original.size());
    QVERIFY(wrongKey <= 16); // only the 16 hex digits of the key id
    qInfo("%lld flipped bytes: %d reported as altered, %d as another key",
          static_cast<long long>(original.size()),
          tampered,
          wrongKey);

    // A write on an altered file is refused and leaves it as it is.
    QByteArray altered = original;
    altered[original.size() / 2] = static_cast<char>(altered.at(original.size() / 2) ^ 0x01);
    QVERIFY(writeFile(m_storeFile, altered));
    QCOMPARE(QCoro::waitFor(store->write(u"prod"_s, u"new_token"_s, "x")).error().code,
             QString(SecretCode::Tampered));
    QCOMPARE(fileBytes(m_storeFile), altered);

    QVERIFY(writeFile(m_storeFile, original));
    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s)).value(), secret);
}

void TestAgentSecretStores::keyFileModes_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("0600 owner read-write") << 0600 << true;
    QTest::newRow("0400 owner read-only") << 0400 << true;
    QTest::newRow("0644 world-readable") << 0644 << false;
    QTest::newRow("0640 group-readable") << 0640 << false;
    QTest::newRow("0604 other-readable") << 0604 << false;
    QTest::newRow("0620 group-writable") << 0620 << false;
}

void TestAgentSecretStores::keyFileModes()
{
#ifndef Q_OS_UNIX
    QSKIP("file modes are a Unix matter");
#else
    QFETCH(int, mode);
    QFETCH(bool, accepted);
    const QString keyFile = path(u"keys/mode.key"_s);
    QFile::remove(keyFile);
    QVERIFY(SecretKeyFile::create(keyFile));
    QVERIFY(setMode(keyFile, static_cast<unsigned>(mode)));

    const Result<QByteArray> key = SecretKeyFile::load(keyFile);
    QCOMPARE(bool(key), accepted);
    auto store = encryptedStore(keyFile);
    const Result<void> written = QCoro::waitFor(store->write(u"prod"_s, u"access_token"_s, "x"));
    QCOMPARE(bool(written), accepted);
    if (!accepted) {
        QCOMPARE(key.error().code, QString(SecretCode::KeyFileRejected));
        const QString expectedMode = u"0"_s + QString::number(mode, 8);
        QVERIFY2(key.error().message.contains(QDir::toNativeSeparators(keyFile)),
                 qPrintable(key.error().message));
        QVERIFY2(key.error().message.contains(expectedMode), qPrintable(key.error().message));
        QVERIFY(key.error().message.contains(u"chmod 600"_s));
        QCOMPARE(written.error().code, QString(SecretCode::KeyFileRejected));
        QVERIFY(!QFile::exists(m_storeFile));
        QVERIFY(store->keys(u"prod"_s).isEmpty());
    }
    setMode(keyFile, 0600);
#endif
}

void TestAgentSecretStores::keyFileContents_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("accepted");
    const QByteArray key = randomBytes(32);
    QTest::newRow("base64 with newline") << key.toBase64() + '\n' << true;
    QTest::newRow("raw 32 bytes") << key << true;
    QTest::newRow("16 bytes") << randomBytes(16).toBase64() << false;
    QTest::newRow("64 bytes") << randomBytes(64).toBase64() << false;
    QTest::newRow("not base64") << QByteArray("this is not a key, just a sentence!!!!!!!!")
                                << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestAgentSecretStores::keyFileContents()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, accepted);
    const QString keyFile = path(u"keys/content.key"_s);
    QVERIFY(writeFile(keyFile, content));
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const Result<QByteArray> key = SecretKeyFile::load(keyFile);
    QCOMPARE(bool(key), accepted);
    if (accepted) {
        QCOMPARE(key->size(), 32);
    } else {
        QCOMPARE(key.error().code, QString(SecretCode::KeyFileRejected));
        QVERIFY(key.error().message.contains(u"openssl rand -base64 32"_s));
    }

    const Result<QByteArray> missing = SecretKeyFile::load(path(u"keys/missing.key"_s));
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(u"does not exist"_s));
}

void TestAgentSecretStores::credentialDirectoryReads()
{
    const QString directory = path(u"credentials"_s);
    QVERIFY(QDir().mkpath(directory));
    const QByteArray refresh = tokenLike() + '\n'; // bytes exactly as provisioned
    const QByteArray access = randomBytes(100);
    QVERIFY(writeFile(directory + u"/prod.refresh_token"_s, refresh));
    QVERIFY(writeFile(directory + u"/prod.access_token"_s, access));
    QVERIFY(writeFile(directory + u"/sandbox.access_token"_s, "sandbox"));
    QVERIFY(writeFile(directory + u"/unrelated"_s, "not ours"));

    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(directory));
    const auto options = SecretStoreFactory::optionsFromEnvironment();
    qunsetenv("CREDENTIALS_DIRECTORY");
    auto store = SecretStoreFactory::create(SecretStoreFactory::Role::Agent, options);
    QVERIFY(store->isSecure());
    QVERIFY(!store->isWritable());
    QVERIFY2(store->backendName().contains(QDir::toNativeSeparators(directory)),
             qPrintable(store->backendName()));
    QVERIFY(QCoro::waitFor(store->checkAvailable()));

    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"refresh_token"_s)).value(), refresh);
    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s)).value(), access);
    QCOMPARE(store->keys(u"prod"_s), (QStringList{u"access_token"_s, u"refresh_token"_s}));
    QCOMPARE(store->keys(u"sandbox"_s), QStringList{u"access_token"_s});

    const Result<QByteArray> missing = QCoro::waitFor(store->read(u"prod"_s, u"itsm_key"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, QString(SecretCode::NotFound));
    QVERIFY2(missing.error().message.contains(u"prod.itsm_key"_s),
             qPrintable(missing.error().message));
    QVERIFY(missing.error().message.contains(u"LoadCredential"_s));

    // A name that would leave the directory never reaches it.
    const Result<QByteArray> escape = QCoro::waitFor(store->read(u"prod"_s, u"../unrelated"_s));
    QCOMPARE(escape.error().code, QString(SecretCode::InvalidName));
}

void TestAgentSecretStores::credentialDirectoryRefusesWrites()
{
    const QString directory = path(u"credentials-ro"_s);
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(writeFile(directory + u"/prod.access_token"_s, "token"));
    SecretStoreFactory::Options options;
    options.credentialsDirectory = directory;
    auto store = SecretStoreFactory::create(SecretStoreFactory::Role::Agent, options);

    const Result<void> written =
        QCoro::waitFor(store->write(u"prod"_s, u"refresh_token"_s, "new value"));
    QVERIFY(!written);
    QCOMPARE(written.error().code, QString(SecretCode::ReadOnly));
    const QString message = written.error().message;
    QVERIFY2(message.contains(u"LoadCredentialEncrypted=prod.refresh_token:"_s),
             qPrintable(message));
    QVERIFY(message.contains(u"systemd-creds encrypt"_s));
    QVERIFY(!QFile::exists(directory + u"/prod.refresh_token"_s));
    QVERIFY(!message.contains(u"new value"_s));

    QCOMPARE(QCoro::waitFor(store->remove(u"prod"_s, u"access_token"_s)).error().code,
             QString(SecretCode::ReadOnly));
    QCOMPARE(QCoro::waitFor(store->removeConnection(u"prod"_s)).error().code,
             QString(SecretCode::ReadOnly));
    QCOMPARE(QCoro::waitFor(store->read(u"prod"_s, u"access_token"_s)).value(),
             QByteArray("token"));
    QVERIFY(!QFile::exists(path(u"data/secrets-index.json"_s)));
}

void TestAgentSecretStores::credentialNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("connection.key") << u"prod.refresh_token"_s << true;
    QTest::newRow("dotted connection") << u"admin@acme.com.access_token"_s << true;
    QTest::newRow("hidden file") << u".hidden"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << u"."_s << false;
    QTest::newRow("dot-dot") << u".."_s << false;
    QTest::newRow("slash") << u"prod/token"_s << false;
    QTest::newRow("colon") << u"prod:token"_s << false;
    QTest::newRow("tab") << u"prod\ttoken"_s << false;
    QTest::newRow("non-ASCII") << u"pr\u00f6d.token"_s << false;
    QTest::newRow("255 characters") << QString(255, u'a') << true;
    QTest::newRow("256 characters") << QString(256, u'a') << false;
}

void TestAgentSecretStores::credentialNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(CredentialDirectoryBackend::isValidCredentialName(name), valid);
}

void TestAgentSecretStores::storeNames_data()
{
    QTest::addColumn<QString>("connection");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("alias") << u"prod"_s << u"access_token"_s << true;
    QTest::newRow("username") << u"admin@acme.com"_s << u"refresh_token"_s << true;
    QTest::newRow("itsm") << u"servicenow-eu"_s << u"api-key"_s << true;
    QTest::newRow("empty connection") << QString() << u"k"_s << false;
    QTest::newRow("empty key") << u"prod"_s << QString() << false;
    QTest::newRow("dot in key") << u"prod"_s << u"a.b"_s << false;
    QTest::newRow("slash") << u"prod/x"_s << u"k"_s << false;
    QTest::newRow("parent") << u".."_s << u"k"_s << false;
    QTest::newRow("leading dot") << u".prod"_s << u"k"_s << false;
    QTest::newRow("leading dash") << u"-prod"_s << u"k"_s << false;
    QTest::newRow("space") << u"my org"_s << u"k"_s << false;
    QTest::newRow("hash") << u"prod"_s << u"k#1"_s << false;
    QTest::newRow("colon") << u"prod"_s << u"a:b"_s << false;
    QTest::newRow("100-character connection") << QString(100, u'c') << u"k"_s << true;
    QTest::newRow("101-character connection") << QString(101, u'c') << u"k"_s << false;
    QTest::newRow("65-character key") << u"prod"_s << QString(65, u'k') << false;
}

void TestAgentSecretStores::storeNames()
{
    QFETCH(QString, connection);
    QFETCH(QString, key);
    QFETCH(bool, valid);
    const Result<void> checked = SecretStore::checkName(connection, key);
    QCOMPARE(bool(checked), valid);
    if (!valid) {
        QCOMPARE(checked.error().code, QString(SecretCode::InvalidName));
        auto store = encryptedStore(m_keyFile);
        QCOMPARE(QCoro::waitFor(store->write(connection, key, "x")).error().code,
                 QString(SecretCode::InvalidName));
        QVERIFY(!QFile::exists(m_storeFile));
    } else {
        // Every valid pair is also a valid systemd credential name.
        QVERIFY(CredentialDirectoryBackend::isValidCredentialName(
            CredentialDirectoryBackend::credentialName({connection, key})));
    }
}

void TestAgentSecretStores::factorySelection()
{
    using Role = SecretStoreFactory::Role;
    SecretStoreFactory::Options options;
    options.indexPath = path(u"data/factory-index.json"_s);

    // An agent with nothing configured has no store, and says how to get one.
    auto none = SecretStoreFactory::create(Role::Agent, options);
    QVERIFY(!none->isSecure());
    const Result<void> refused = QCoro::waitFor(none->write(u"prod"_s, u"access_token"_s, "x"));
    QCOMPARE(refused.error().code, QString(SecretCode::NoSecureStore));
    QVERIFY(refused.error().message.contains(u"LR_SECRET_KEY_FILE"_s));
    QVERIFY(refused.error().message.contains(u"LoadCredentialEncrypted"_s));
    QCOMPARE(QCoro::waitFor(none->read(u"prod"_s, u"access_token"_s)).error().code,
             QString(SecretCode::NoSecureStore));
    QVERIFY(!QFile::exists(options.indexPath));

    // A key file: the encrypted file, by default in the data directory.
    options.keyFile = m_keyFile;
    auto encrypted = SecretStoreFactory::createBackend(Role::Agent, options);
    QVERIFY(dynamic_cast<EncryptedFileBackend *>(encrypted.get()));
    QCOMPARE(static_cast<EncryptedFileBackend *>(encrypted.get())->storePath(),
             path(u"data/secrets.enc"_s));
    options.storeFile = m_storeFile;
    encrypted = SecretStoreFactory::createBackend(Role::Agent, options);
    QCOMPARE(static_cast<EncryptedFileBackend *>(encrypted.get())->storePath(), m_storeFile);

    // Credentials win over the key file.
    options.credentialsDirectory = path(u"credentials"_s);
    auto credentials = SecretStoreFactory::createBackend(Role::Agent, options);
    QVERIFY(dynamic_cast<CredentialDirectoryBackend *>(credentials.get()));

    // The console always uses the keychain (nothing is called here).
    auto console = SecretStoreFactory::createBackend(Role::Console, options);
    QVERIFY(console->isSecure());
    QVERIFY(console->indexScope().startsWith(u"keychain:"_s));

    // The environment.
    qputenv("LR_SECRET_KEY_FILE", "/etc/lr/key");
    qputenv("LR_SECRET_STORE_FILE", "/var/lib/lr/secrets.enc");
    const auto fromEnvironment = SecretStoreFactory::optionsFromEnvironment();
    qunsetenv("LR_SECRET_KEY_FILE");
    qunsetenv("LR_SECRET_STORE_FILE");
    QCOMPARE(fromEnvironment.keyFile, u"/etc/lr/key"_s);
    QCOMPARE(fromEnvironment.storeFile, u"/var/lib/lr/secrets.enc"_s);
    QVERIFY(fromEnvironment.credentialsDirectory.isEmpty());
}

QTEST_GUILESS_MAIN(TestAgentSecretStores)

#include "tst_agentsecretstores.moc"
