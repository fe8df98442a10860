#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>
#include <QStringList>

#include <chrono>

namespace lr::secrets {

// Which secret: the connection it belongs to (an org alias, an ITSM connection) and its
// name within it (access_token, refresh_token, webhook_url …). SecretStore validates both
// before a backend sees them (see SecretStore::checkName).
struct SecretRef
{
    QString connection;
    QString key;

    // "<connection>/<key>": the keychain account and the encrypted file's entry name.
    [[nodiscard]] QString account() const { return connection + u'/' + key; }
};

// One place secrets can be kept. SecretStore is the only caller: it validates names, keeps
// the index of stored keys, runs the watchdog and logs; a backend only moves bytes.
//
// Contract for implementations:
// - coroutines never throw, and never block the thread on anything that can hang (local file
//   I/O is fine; keychain jobs are asynchronous);
// - a coroutine must not touch `this` after its first co_await: the store may have been
//   destroyed meanwhile, so copy what it needs into locals first;
// - read() of an absent secret returns SecretCode::NotFound; remove() of one succeeds;
// - there is no insecure fallback: a backend that cannot keep a secret safely says so with
//   SecretCode::NoSecureStore.
class SecretBackend
{
public:
    virtual ~SecretBackend() = default;

    // For people: "the system keychain (Secret Service)", "encrypted file /var/lib/…".
    [[nodiscard]] virtual QString name() const = 0;
    // Scopes the index: keys written through different backends are listed separately.
    [[nodiscard]] virtual QString indexScope() const = 0;
    // False only for the stand-in used when no secure store exists.
    [[nodiscard]] virtual bool isSecure() const = 0;
    [[nodiscard]] virtual bool isWritable() const { return true; }
    // Bounds each single operation inside the backend; the store bounds each whole call.
    virtual void setOperationTimeout(std::chrono::milliseconds timeout) { Q_UNUSED(timeout) }
    // Keys this backend holds for a connection that no index can know about, because they
    // were provisioned outside the app (systemd credentials). Empty for the others.
    [[nodiscard]] virtual QStringList presentKeys(const QString &connection) const
    {
        Q_UNUSED(connection)
        return {};
    }

    [[nodiscard]] virtual QCoro::Task<Result<void>> write(SecretRef ref, QByteArray secret) = 0;
    [[nodiscard]] virtual QCoro::Task<Result<QByteArray>> read(SecretRef ref) = 0;
    [[nodiscard]] virtual QCoro::Task<Result<void>> remove(SecretRef ref) = 0;
    // Succeeds when secrets can be kept now. May write and remove a probe entry.
    [[nodiscard]] virtual QCoro::Task<Result<void>> checkAvailable() = 0;

protected:
    SecretBackend() = default;
    Q_DISABLE_COPY_MOVE(SecretBackend)
};

} // namespace lr::secrets
