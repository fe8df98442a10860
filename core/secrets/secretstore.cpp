#include "core/secrets/secretstore.h"

#include "core/common/logging.h"
#include "core/secrets/secretcodes.h"

#include <QCoroTimer>
#include <QPointer>
#include <QTimer>

#include <exception>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

constexpr qsizetype kMaxConnectionLength = 100;
constexpr qsizetype kMaxKeyLength = 64;

Error internalError(const QString &detail)
{
    return Error::make(Error::Kind::Internal,
                       QString(SecretCode::StoreFailed),
                       SecretStore::tr("The secret store failed unexpectedly."),
                       detail);
}

// An exception must never leave a task that someone waits for (QCoro 0.8's waitFor() hangs
// on one, and QCoro::connect() drops it): turn it into an error here.
template <typename T>
QCoro::Task<Result<T>> catching(QCoro::Task<Result<T>> call)
{
    try {
        co_return co_await std::move(call);
    } catch (const std::exception &e) {
        co_return internalError(QString::fromLocal8Bit(e.what()));
    } catch (...) {
        co_return internalError(u"unknown exception"_s);
    }
}

// Waits for call at most `timeout`. A call that is still running then is left to finish on
// its own (its result is dropped): coroutines cannot be cancelled, and a keychain job that
// is still inside the keychain must not be destroyed under it.
template <typename T>
QCoro::Task<Result<T>>
withWatchdog(QCoro::Task<Result<T>> call, std::chrono::milliseconds timeout, QString backendName)
{
    auto outcome = std::make_shared<std::optional<Result<T>>>();
    const auto wake = std::make_unique<QTimer>();
    wake->setSingleShot(true);
    wake->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    QTimer *timer = wake.get();
    // The callback only runs while `timer` exists, i.e. while this coroutine still waits.
    QCoro::connect(catching(std::move(call)), timer, [outcome, timer](Result<T> result) {
        *outcome = std::move(result);
        timer->start(0); // wake the waiting coroutine now
    });
    if (!outcome->has_value()) {
        timer->start(timeout);
        co_await timer;
    }
    if (outcome->has_value()) {
        co_return std::move(**outcome);
    }
    co_return Error::make(Error::Kind::Timeout,
                          QString(SecretCode::Timeout),
                          SecretStore::tr("The secret store (%1) did not answer within %2 s. If "
                                          "the keychain is waiting for an unlock prompt, unlock "
                                          "it and try again.")
                              .arg(backendName)
                              .arg(static_cast<double>(timeout.count()) / 1000.0, 0, 'f', 1));
}

bool isNameCharacter(QChar c, bool allowPunctuation)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')) {
        return true;
    }
    if (u == u'_' || u == u'-') {
        return true;
    }
    return allowPunctuation && (u == u'.' || u == u'@' || u == u'+');
}

bool isValidName(const QString &name, qsizetype maxLength, bool allowPunctuation)
{
    if (name.isEmpty() || name.size() > maxLength || name.startsWith(u'.')
        || name.startsWith(u'-')) {
        return false;
    }
    for (const QChar c : name) {
        if (!isNameCharacter(c, allowPunctuation)) {
            return false;
        }
    }
    return true;
}

// For the log: code, message and the backend's own words (never a value).
QString describe(const Error &error)
{
    return error.detail.isEmpty() ? error.toString()
                                  : error.toString() + u" ["_s + error.detail + u']';
}

Error invalidName(QString message)
{
    return Error::make(Error::Kind::Usage, QString(SecretCode::InvalidName), std::move(message));
}

} // namespace

SecretStore::SecretStore(std::unique_ptr<SecretBackend> backend, QString indexPath, QObject *parent)
    : QObject(parent)
    , m_backend(std::move(backend))
    , m_index(indexPath.isEmpty() ? SecretIndex::defaultPath() : std::move(indexPath),
              m_backend->indexScope())
{
    m_backend->setOperationTimeout(m_timeout);
}

SecretStore::~SecretStore() = default;

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    m_backend->setOperationTimeout(timeout);
}

Result<void> SecretStore::checkConnectionName(const QString &connection)
{
    if (!isValidName(connection, kMaxConnectionLength, true)) {
        return invalidName(tr("“%1” cannot name a connection in the secret store: use 1 to %2 "
                              "letters, digits and . _ - @ +, not starting with a dot or dash.")
                               .arg(connection)
                               .arg(kMaxConnectionLength));
    }
    return {};
}

Result<void> SecretStore::checkName(const QString &connection, const QString &key)
{
    if (Result<void> valid = checkConnectionName(connection); !valid) {
        return valid;
    }
    if (!isValidName(key, kMaxKeyLength, false)) {
        return invalidName(tr("“%1” cannot name a secret: use 1 to %2 letters, digits, _ and -, "
                              "not starting with a dash.")
                               .arg(key)
                               .arg(kMaxKeyLength));
    }
    return {};
}

template <typename T>
QCoro::Task<Result<T>> SecretStore::guarded(QCoro::Task<Result<T>> call)
{
    return withWatchdog(std::move(call), m_timeout, m_backend->name());
}

Error SecretStore::storeGone() const
{
    return Error::make(Error::Kind::Internal,
                       QString(SecretCode::StoreGone),
                       tr("The secret store was closed while a call was waiting."));
}

QCoro::Task<Result<void>> SecretStore::write(QString connection, QString key, QByteArray secret)
{
    if (Result<void> valid = checkName(connection, key); !valid) {
        co_return valid;
    }
    const SecretRef ref{connection, key};
    const bool writable = m_backend->isWritable();
    const bool wasIndexed = writable && m_index.contains(connection, key);
    // The name goes into the index before the secret goes anywhere, so that a crash between
    // the two can never leave a secret that removeConnection() does not know about.
    if (writable && !wasIndexed) {
        if (Result<void> indexed = m_index.add(connection, key); !indexed) {
            qCWarning(lcSecrets).noquote()
                << "not storing" << ref.account() << "-" << indexed.error().toString();
            co_return indexed;
        }
    }
    QPointer<SecretStore> self(this);
    Result<void> written = co_await guarded(m_backend->write(ref, std::move(secret)));
    if (!self) {
        co_return storeGone();
    }
    if (!written) {
        // After a timeout the write may still land, so the name stays listed.
        if (writable && !wasIndexed && written.error().code != SecretCode::Timeout) {
            Q_UNUSED(m_index.remove(connection, key))
        }
        qCWarning(lcSecrets).noquote()
            << "storing" << ref.account() << "failed:" << describe(written.error());
        co_return written;
    }
    qCInfo(lcSecrets).noquote() << "stored" << ref.account() << "in" << m_backend->name();
    co_return written;
}

QCoro::Task<Result<QByteArray>> SecretStore::read(QString connection, QString key)
{
    if (Result<void> valid = checkName(connection, key); !valid) {
        co_return valid.error();
    }
    const SecretRef ref{connection, key};
    QPointer<SecretStore> self(this);
    Result<QByteArray> secret = co_await guarded(m_backend->read(ref));
    if (!self) {
        co_return storeGone();
    }
    if (secret) {
        qCDebug(lcSecrets).noquote() << "read" << ref.account();
    } else if (secret.error().code == SecretCode::NotFound) {
        qCDebug(lcSecrets).noquote() << "no secret stored for" << ref.account();
    } else {
        qCWarning(lcSecrets).noquote()
            << "reading" << ref.account() << "failed:" << describe(secret.error());
    }
    co_return secret;
}

QCoro::Task<Result<void>> SecretStore::remove(QString connection, QString key)
{
    if (Result<void> valid = checkName(connection, key); !valid) {
        co_return valid;
    }
    const SecretRef ref{connection, key};
    QPointer<SecretStore> self(this);
    Result<void> removed = co_await guarded(m_backend->remove(ref));
    if (!self) {
        co_return storeGone();
    }
    if (!removed) {
        qCWarning(lcSecrets).noquote()
            << "removing" << ref.account() << "failed:" << describe(removed.error());
        co_return removed;
    }
    if (m_backend->isWritable()) {
        if (Result<void> unindexed = m_index.remove(connection, key); !unindexed) {
            co_return unindexed;
        }
    }
    qCInfo(lcSecrets).noquote() << "removed" << ref.account();
    co_return removed;
}

QCoro::Task<Result<void>> SecretStore::removeConnection(QString connection)
{
    if (Result<void> valid = checkConnectionName(connection); !valid) {
        co_return valid;
    }
    const QStringList names = keys(connection);
    QPointer<SecretStore> self(this);
    QStringList failed;
    std::optional<Error> firstError;
    for (const QString &key : names) {
        Result<void> removed = co_await remove(connection, key);
        if (!self) {
            co_return storeGone();
        }
        if (removed) {
            continue;
        }
        failed.append(key);
        if (!firstError) {
            firstError = removed.error();
        }
        const QString &code = removed.error().code;
        if (code == SecretCode::Timeout || code == SecretCode::NoSecureStore
            || code == SecretCode::ReadOnly) {
            break;
        }
    }
    if (!firstError) {
        qCInfo(lcSecrets).noquote() << "removed" << names.size() << "secret(s) of" << connection;
        co_return Result<void>{};
    }
    Error error = *firstError;
    error.message = tr("Could not remove every secret of connection %1 (%2): %3")
                        .arg(connection, failed.join(u", "_s), firstError->message);
    co_return error;
}

QCoro::Task<Result<void>> SecretStore::checkAvailable()
{
    QPointer<SecretStore> self(this);
    Result<void> available = co_await guarded(m_backend->checkAvailable());
    if (!self) {
        co_return storeGone();
    }
    if (!available) {
        qCWarning(lcSecrets).noquote()
            << m_backend->name() << "is not usable:" << describe(available.error());
    }
    co_return available;
}

QStringList SecretStore::keys(const QString &connection) const
{
    QStringList names = m_index.keys(connection);
    const QStringList present = m_backend->presentKeys(connection);
    for (const QString &key : present) {
        if (!names.contains(key)) {
            names.append(key);
        }
    }
    names.sort();
    return names;
}

QStringList SecretStore::connections() const
{
    return m_index.connections();
}

QString SecretStore::backendName() const
{
    return m_backend->name();
}

bool SecretStore::isSecure() const
{
    return m_backend->isSecure();
}

bool SecretStore::isWritable() const
{
    return m_backend->isWritable();
}

} // namespace lr::secrets
