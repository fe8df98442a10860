#include "core/secrets/encryptedfilebackend.h"

#include "core/common/logging.h"
#include "core/secrets/secretcipher.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretkeyfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

constexpr int kFormatVersion = 1;
constexpr qint64 kMaxStoreBytes = 64 * 1024 * 1024;
constexpr int kLockWaitMs = 2000;

QString formatName()
{
    return u"license-reclaim-secrets"_s;
}

QByteArray derive(const QByteArray &masterKey, QByteArrayView label)
{
    return QMessageAuthenticationCode::hash(
        QByteArray("license-reclaim-secrets/1 ") + label, masterKey, QCryptographicHash::Sha256);
}

QByteArray associatedData(const QString &account)
{
    return QByteArray("license-reclaim-secrets/1\n") + account.toUtf8();
}

QByteArray fileMac(const QByteArray &macKey, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, macKey, QCryptographicHash::Sha256).toBase64();
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// The store's folder; one this creates is the agent account's alone (0700).
bool ensureOwnerOnlyDirectory(const QString &directory)
{
    if (QFileInfo(directory).isDir()) {
        return true;
    }
    return QDir().mkpath(directory)
           && QFile::setPermissions(
               directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

} // namespace

EncryptedFileBackend::EncryptedFileBackend(QString storePath, QString keyFilePath)
    : m_storePath(QFileInfo(storePath).absoluteFilePath())
    , m_keyFilePath(std::move(keyFilePath))
{ }

QString EncryptedFileBackend::name() const
{
    return tr("the encrypted file %1").arg(native(m_storePath));
}

QString EncryptedFileBackend::indexScope() const
{
    return u"file:"_s + m_storePath;
}

Error EncryptedFileBackend::tampered(const QString &detail) const
{
    return Error::make(Error::Kind::Storage,
                       QString(SecretCode::Tampered),
                       tr("The encrypted secret store %1 failed its integrity check: it was "
                          "altered or damaged, and nothing in it is trusted. Restore it from a "
                          "backup, or move it aside and write the secrets again.")
                           .arg(native(m_storePath)),
                       detail);
}

Error EncryptedFileBackend::storeError(const QString &message) const
{
    return Error::make(Error::Kind::Storage, QString(SecretCode::StoreFailed), message);
}

Result<EncryptedFileBackend::Keys> EncryptedFileBackend::loadKeys() const
{
    Result<QByteArray> master = SecretKeyFile::load(m_keyFilePath);
    if (!master) {
        return master.error();
    }
    Keys keys;
    keys.encryption = derive(*master, "encryption");
    keys.mac = derive(*master, "file-mac");
    keys.keyId = QString::fromLatin1(derive(*master, "key-id").toHex().left(16));
    OPENSSL_cleanse(master->data(), static_cast<size_t>(master->size()));
    return keys;
}

Result<QJsonObject> EncryptedFileBackend::loadEntries(const Keys &keys) const
{
    QFile file(m_storePath);
    if (!file.exists()) {
        return QJsonObject{};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return storeError(tr("Could not read the encrypted secret store %1: %2")
                              .arg(native(m_storePath), file.errorString()));
    }
    if (file.size() > kMaxStoreBytes) {
        return tampered(u"file is %1 bytes"_s.arg(file.size()));
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther
                                            | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    if (file.permissions() & others) {
        qCWarning(lcSecrets).noquote() << native(m_storePath)
                                       << "is accessible to other users; it is rewritten with "
                                          "mode 0600 at the next change";
    }
    QByteArray content = file.readAll();
    // Exactly two lines: the JSON body and the MAC of its bytes.
    if (!content.endsWith('\n')) {
        return tampered(u"no final newline"_s);
    }
    content.chop(1);
    const qsizetype split = content.lastIndexOf('\n');
    if (split < 0) {
        return tampered(u"no MAC line"_s);
    }
    const QByteArray body = content.left(split);
    const QByteArray mac = content.mid(split + 1);
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject root = document.object();
    if (!SecretCipher::equalConstantTime(fileMac(keys.mac, body), mac)) {
        // Tell a different key from damage, as far as the (unverified) key id allows.
        const QString storedKeyId = root.value(u"keyId"_s).toString();
        if (root.value(u"format"_s).toString() == formatName() && !storedKeyId.isEmpty()
            && storedKeyId != keys.keyId) {
            return Error::make(Error::Kind::Refused,
                               QString(SecretCode::WrongKey),
                               tr("The encrypted secret store %1 was written with a different "
                                  "key than the one in %2 (or its key id was altered). Use the "
                                  "key file it was created with; nothing was read or changed.")
                                   .arg(native(m_storePath), native(m_keyFilePath)),
                               u"key id %1, expected %2"_s.arg(storedKeyId, keys.keyId));
        }
        return tampered(u"file MAC does not match"_s);
    }
    if (!document.isObject() || root.value(u"format"_s).toString() != formatName()
        || root.value(u"version"_s).toInt() != kFormatVersion) {
        return tampered(u"unknown format or version"_s);
    }
    return root.value(u"entries"_s).toObject();
}

Result<void> EncryptedFileBackend::saveEntries(const Keys &keys, const QJsonObject &entries) const
{
    QJsonObject root;
    root.insert(u"format"_s, formatName());
    root.insert(u"version"_s, kFormatVersion);
    root.insert(u"keyId"_s, keys.keyId);
    root.insert(u"entries"_s, entries);
    const QByteArray body = QJsonDocument(root).toJson(QJsonDocument::Compact);

    QSaveFile file(m_storePath);
    if (!file.open(QIODevice::WriteOnly)) {
        return storeError(tr("Could not write the encrypted secret store %1: %2")
                              .arg(native(m_storePath), file.errorString()));
    }
    // Before any content: readable and writable by the agent's account only.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return storeError(tr("Could not restrict the encrypted secret store %1 to its owner.")
                              .arg(native(m_storePath)));
    }
    file.write(body);
    file.write("\n");
    file.write(fileMac(keys.mac, body));
    file.write("\n");
    if (!file.commit()) {
        return storeError(tr("Could not write the encrypted secret store %1: %2")
                              .arg(native(m_storePath), file.errorString()));
    }
    return {};
}

template <typename Change>
Result<void> EncryptedFileBackend::update(Change change)
{
    Result<Keys> keys = loadKeys();
    if (!keys) {
        return keys.error();
    }
    const QString folder = QFileInfo(m_storePath).absolutePath();
    if (!ensureOwnerOnlyDirectory(folder)) {
        return storeError(tr("Could not create the folder %1 for the encrypted secret store.")
                              .arg(native(folder)));
    }
    QLockFile lock(m_storePath + u".lock"_s);
    if (!lock.tryLock(kLockWaitMs)) {
        return storeError(tr("The encrypted secret store %1 is locked by another process.")
                              .arg(native(m_storePath)));
    }
    // A file that does not verify is never overwritten: that would destroy the other secrets.
    Result<QJsonObject> entries = loadEntries(*keys);
    if (!entries) {
        return entries.error();
    }
    Result<bool> changed = change(*keys, *entries);
    if (!changed) {
        return changed.error();
    }
    if (!*changed) {
        return {};
    }
    return saveEntries(*keys, *entries);
}

Result<void> EncryptedFileBackend::writeNow(const SecretRef &ref, const QByteArray &secret)
{
    const QString account = ref.account();
    return update([&](const Keys &keys, QJsonObject &entries) -> Result<bool> {
        const std::optional<SecretCipher::Sealed> sealed =
            SecretCipher::seal(keys.encryption, secret, associatedData(account));
        if (!sealed) {
            return storeError(tr("Could not encrypt the secret %1 (OpenSSL failed).").arg(account));
        }
        QJsonObject entry;
        entry.insert(u"iv"_s, QString::fromLatin1(sealed->iv.toBase64()));
        entry.insert(u"data"_s, QString::fromLatin1(sealed->ciphertext.toBase64()));
        entry.insert(u"tag"_s, QString::fromLatin1(sealed->tag.toBase64()));
        entries.insert(account, entry);
        return true;
    });
}

Result<QByteArray> EncryptedFileBackend::readNow(const SecretRef &ref) const
{
    Result<Keys> keys = loadKeys();
    if (!keys) {
        return keys.error();
    }
    Result<QJsonObject> entries = loadEntries(*keys);
    if (!entries) {
        return entries.error();
    }
    const QString account = ref.account();
    if (!entries->contains(account)) {
        return Error::make(Error::Kind::Storage,
                           QString(SecretCode::NotFound),
                           tr("No secret %1 is stored in %2.").arg(account, native(m_storePath)));
    }
    const QJsonObject entry = entries->value(account).toObject();
    SecretCipher::Sealed sealed;
    sealed.iv = QByteArray::fromBase64(entry.value(u"iv"_s).toString().toLatin1());
    sealed.ciphertext = QByteArray::fromBase64(entry.value(u"data"_s).toString().toLatin1());
    sealed.tag = QByteArray::fromBase64(entry.value(u"tag"_s).toString().toLatin1());
    std::optional<QByteArray> secret =
        SecretCipher::open(keys->encryption, sealed, associatedData(account));
    if (!secret) {
        return tampered(u"entry %1 does not decrypt"_s.arg(account));
    }
    return *std::move(secret);
}

Result<void> EncryptedFileBackend::removeNow(const SecretRef &ref)
{
    const QString account = ref.account();
    return update([&](const Keys &, QJsonObject &entries) -> Result<bool> {
        if (!entries.contains(account)) {
            return false;
        }
        entries.remove(account);
        return true;
    });
}

Result<void> EncryptedFileBackend::checkNow() const
{
    Result<Keys> keys = loadKeys();
    if (!keys) {
        return keys.error();
    }
    Result<QJsonObject> entries = loadEntries(*keys);
    if (!entries) {
        return entries.error();
    }
    return {};
}

QCoro::Task<Result<void>> EncryptedFileBackend::write(SecretRef ref, QByteArray secret)
{
    co_return writeNow(ref, secret);
}

QCoro::Task<Result<QByteArray>> EncryptedFileBackend::read(SecretRef ref)
{
    co_return readNow(ref);
}

QCoro::Task<Result<void>> EncryptedFileBackend::remove(SecretRef ref)
{
    co_return removeNow(ref);
}

QCoro::Task<Result<void>> EncryptedFileBackend::checkAvailable()
{
    co_return checkNow();
}

} // namespace lr::secrets
