#pragma once

#include "core/common/result.h"
#include "core/secrets/secretbackend.h"
#include "core/secrets/secretindex.h"

#include <QCoroTask>
#include <QObject>

#include <chrono>
#include <memory>

namespace lr::secrets {

// Where OAuth tokens, ITSM keys, webhook URLs and signing keys are kept: the only API callers
// use. Secrets are scoped per connection; an index (names only) lists what is stored.
//
//   write(connection, key, secret)   store or replace
//   read(connection, key)            the bytes, or SecretCode::NotFound
//   remove(connection, key)          succeeds when absent too
//   removeConnection(connection)     every key the index lists for it (sign-out)
//   checkAvailable()                 can secrets be kept right now?
//
// Every call is a coroutine bounded by a watchdog (timeout(), 5 s by default): a backend
// that hangs (a locked KWallet, a Secret Service that never answers) ends in
// SecretCode::Timeout and never blocks the thread. Errors carry the codes of secretcodes.h
// and a message a person can act on. Without a secure backend every call ends in
// SecretCode::NoSecureStore — there is never a plaintext fallback.
//
// The log (category lr.secrets) names connections and keys, never values or sizes.
//
// Names: a connection is 1–100 of A–Z a–z 0–9 . _ - @ + (not starting with a dot or dash);
// a key is 1–64 of A–Z a–z 0–9 _ -. So "<connection>/<key>" and "<connection>.<key>" (a
// systemd credential name) are both unambiguous, and no name can leave a directory.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{5000};

    // Takes the backend. An empty indexPath means SecretIndex::defaultPath().
    explicit SecretStore(std::unique_ptr<SecretBackend> backend,
                         QString indexPath = {},
                         QObject *parent = nullptr);
    ~SecretStore() override;

    void setTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

    [[nodiscard]] QCoro::Task<Result<void>>
    write(QString connection, QString key, QByteArray secret);
    [[nodiscard]] QCoro::Task<Result<QByteArray>> read(QString connection, QString key);
    [[nodiscard]] QCoro::Task<Result<void>> remove(QString connection, QString key);
    // Removes every key the index (or a read-only backend) lists for the connection. Keeps
    // going past a failed key, then reports which ones failed; stops at the first timeout or
    // missing backend, since every further key would fail the same way.
    [[nodiscard]] QCoro::Task<Result<void>> removeConnection(QString connection);
    [[nodiscard]] QCoro::Task<Result<void>> checkAvailable();

    // Names only, sorted.
    [[nodiscard]] QStringList keys(const QString &connection) const;
    [[nodiscard]] QStringList connections() const;
    [[nodiscard]] QString backendName() const;
    // False when no secure backend exists (the NO_SECURE_STORE stand-in).
    [[nodiscard]] bool isSecure() const;
    [[nodiscard]] bool isWritable() const;
    [[nodiscard]] QString indexPath() const { return m_index.path(); }

    // Success, or SecretCode::InvalidName with the rule in the message.
    [[nodiscard]] static Result<void> checkName(const QString &connection, const QString &key);
    [[nodiscard]] static Result<void> checkConnectionName(const QString &connection);

private:
    template <typename T>
    [[nodiscard]] QCoro::Task<Result<T>> guarded(QCoro::Task<Result<T>> call);
    [[nodiscard]] Error storeGone() const;

    std::unique_ptr<SecretBackend> m_backend;
    SecretIndex m_index;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
};

} // namespace lr::secrets
