#pragma once

#include "core/secrets/secretbackend.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace lr::secrets {

// The headless agent's store when it has no unlocked keychain: one file readable only by the
// agent's account (mode 0600, written atomically), keyed from a key file the administrator
// provides (SecretKeyFile).
//
// Each secret is sealed with AES-256-GCM (SecretCipher: a new random IV for every write, the
// tag checked on read) with "<connection>/<key>" as associated data, so an entry cannot be
// moved to another name. The whole file also carries an HMAC-SHA256, so that any changed,
// added or removed byte — names included — is caught before anything is decrypted. The
// encryption and MAC keys are derived from the key file's 32 bytes (HMAC-SHA256 with
// distinct labels), and a short key id derived the same way tells "written with another
// key" (SecretCode::WrongKey) from "altered" (SecretCode::Tampered). The file:
//
//   {"format":"license-reclaim-secrets","version":1,"keyId":"…","entries":{"prod/access_token":
//     {"iv":"…","data":"…","tag":"…"}, …}}
//   <base64 HMAC of the line above>
//
// The key file is read again for every call, so a key file made readable by others later is
// refused from then on. Writers serialise on "<file>.lock".
class EncryptedFileBackend final : public SecretBackend
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::EncryptedFileBackend)

public:
    EncryptedFileBackend(QString storePath, QString keyFilePath);

    [[nodiscard]] const QString &storePath() const { return m_storePath; }
    [[nodiscard]] const QString &keyFilePath() const { return m_keyFilePath; }

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString indexScope() const override;
    [[nodiscard]] bool isSecure() const override { return true; }

    [[nodiscard]] QCoro::Task<Result<void>> write(SecretRef ref, QByteArray secret) override;
    [[nodiscard]] QCoro::Task<Result<QByteArray>> read(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> checkAvailable() override;

    // Synchronous forms of the above (the coroutines wrap these; local file I/O only).
    [[nodiscard]] Result<void> writeNow(const SecretRef &ref, const QByteArray &secret);
    [[nodiscard]] Result<QByteArray> readNow(const SecretRef &ref) const;
    [[nodiscard]] Result<void> removeNow(const SecretRef &ref);
    [[nodiscard]] Result<void> checkNow() const;

private:
    struct Keys
    {
        QByteArray encryption;
        QByteArray mac;
        QString keyId;
    };

    [[nodiscard]] Result<Keys> loadKeys() const;
    // The entries of the store file ({} when it does not exist yet), verified.
    [[nodiscard]] Result<QJsonObject> loadEntries(const Keys &keys) const;
    [[nodiscard]] Result<void> saveEntries(const Keys &keys, const QJsonObject &entries) const;
    // Loads, applies change to the entries and saves, under the lock file.
    template <typename Change>
    [[nodiscard]] Result<void> update(Change change);
    [[nodiscard]] Error tampered(const QString &detail) const;
    [[nodiscard]] Error storeError(const QString &message) const;

    QString m_storePath;
    QString m_keyFilePath;
};

} // namespace lr::secrets
