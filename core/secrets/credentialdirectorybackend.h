#pragma once

#include "core/secrets/secretbackend.h"

#include <QCoreApplication>

namespace lr::secrets {

// Secrets the service manager hands the agent: systemd's $CREDENTIALS_DIRECTORY, a private,
// read-only directory (ramfs where possible) with one file per credential, readable only by
// the service's user. A secret is the file "<connection>.<key>", e.g. "prod.refresh_token",
// provided in the unit with
//   LoadCredentialEncrypted=prod.refresh_token:/etc/credstore.encrypted/prod.refresh_token
// (made with `systemd-creds encrypt`) or LoadCredential= for a plain file. The bytes are
// returned exactly as stored (mind trailing newlines).
//
// Read-only: write() and remove() are refused (SecretCode::ReadOnly) with the unit line that
// provisions the credential. Names follow systemd's rule (creds-util.c: a valid file name
// that is also a valid fd name: printable ASCII without '/' or ':', not "." or "..", at
// most 255 characters); SecretStore's name rule is stricter, and a name that still fails
// here is refused, never rewritten.
class CredentialDirectoryBackend final : public SecretBackend
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::CredentialDirectoryBackend)

public:
    static constexpr qint64 kMaxCredentialSize = 1024 * 1024; // systemd's CREDENTIAL_SIZE_MAX

    explicit CredentialDirectoryBackend(QString directory);

    [[nodiscard]] const QString &directory() const { return m_directory; }
    [[nodiscard]] static QString credentialName(const SecretRef &ref);
    [[nodiscard]] static bool isValidCredentialName(const QString &name);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString indexScope() const override;
    [[nodiscard]] bool isSecure() const override { return true; }
    [[nodiscard]] bool isWritable() const override { return false; }
    [[nodiscard]] QStringList presentKeys(const QString &connection) const override;

    [[nodiscard]] QCoro::Task<Result<void>> write(SecretRef ref, QByteArray secret) override;
    [[nodiscard]] QCoro::Task<Result<QByteArray>> read(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> checkAvailable() override;

    [[nodiscard]] Result<QByteArray> readNow(const SecretRef &ref) const;
    [[nodiscard]] Result<void> checkNow() const;

private:
    [[nodiscard]] Error readOnly(const SecretRef &ref) const;

    QString m_directory;
};

} // namespace lr::secrets
