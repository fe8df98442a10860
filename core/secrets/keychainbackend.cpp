#include "core/secrets/keychainbackend.h"

#include "core/common/deletelater.h"
#include "core/common/logging.h"
#include "core/secrets/secretcodes.h"

#include <qt6keychain/keychain.h>

#include <QCoroSignal>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <array>
#include <exception>
#include <memory>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

using Config = KeychainBackend::Config;

// The first byte of every entry says what it holds.
constexpr char kInlineTag = '\x01'; // the secret itself follows
constexpr char kHeaderTag = '\x02'; // a JSON chunk header follows
constexpr int kMaxChunks = 512;     // 1 MiB: far beyond any token or key

// What one keychain job ended with.
struct JobOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QByteArray data; // a read job's secret
    bool timedOut = false;

    [[nodiscard]] bool ok() const { return !timedOut && error == QKeychain::NoError; }
    [[nodiscard]] bool notFound() const { return !timedOut && error == QKeychain::EntryNotFound; }
};

// Runs one job to its end or to the timeout. Never throws (build recipe P3).
QCoro::Task<JobOutcome> runJob(QKeychain::Job *rawJob, std::chrono::milliseconds timeout)
{
    LaterPtr<QKeychain::Job> job(rawJob);
    bool started = false;
    try {
        job->setAutoDelete(false);
        job->setInsecureFallback(false); // the default; stated because it must never change
        // qCoro() connects before start() can emit finished().
        auto finished = qCoro(job.get(), &QKeychain::Job::finished, timeout);
        job->start();
        started = true;
        const auto emitted = co_await std::move(finished);
        if (!emitted) {
            // Still inside the keychain, which holds a raw pointer to the job: deleting it now
            // would be a use-after-free. It deletes itself if it ever finishes.
            job.release()->setAutoDelete(true);
            co_return JobOutcome{QKeychain::OtherError, {}, {}, true};
        }
        JobOutcome outcome{job->error(), job->errorString(), {}, false};
        if (const auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(job.get());
            reader && outcome.ok()) {
            outcome.data = reader->binaryData();
        }
        co_return outcome;
    } catch (const std::exception &e) {
        if (started) {
            job.release()->setAutoDelete(true);
        }
        co_return JobOutcome{QKeychain::OtherError, QString::fromLocal8Bit(e.what()), {}, false};
    } catch (...) {
        if (started) {
            job.release()->setAutoDelete(true);
        }
        co_return JobOutcome{QKeychain::OtherError, u"unknown exception"_s, {}, false};
    }
}

QCoro::Task<JobOutcome> readEntry(Config config, QString account)
{
    auto *job = new QKeychain::ReadPasswordJob(config.service);
    job->setKey(KeychainBackend::jobKey(config.service, account));
    co_return co_await runJob(job, config.timeout);
}

QCoro::Task<JobOutcome> writeEntry(Config config, QString account, QByteArray data)
{
    auto *job = new QKeychain::WritePasswordJob(config.service);
    job->setKey(KeychainBackend::jobKey(config.service, account));
    job->setBinaryData(data);
    co_return co_await runJob(job, config.timeout);
}

QCoro::Task<JobOutcome> deleteEntry(Config config, QString account)
{
    auto *job = new QKeychain::DeletePasswordJob(config.service);
    job->setKey(KeychainBackend::jobKey(config.service, account));
    co_return co_await runJob(job, config.timeout);
}

QString chunkAccount(const QString &account, int index)
{
    return account + u'#' + QString::number(index);
}

// QtKeychain reports most Secret Service trouble as OtherError with the D-Bus or libsecret
// text (build recipe §4: no session bus, no provider, no login collection); these phrases
// mean "there is no usable secure store" rather than "this one operation failed".
bool soundsUnavailable(const QString &text)
{
    static const std::array phrases{
        u"D-Bus"_s,
        u"DBus"_s,
        u"org.freedesktop.secrets"_s,
        u"/org/freedesktop/secrets"_s,
        u"autolaunch"_s,
        u".service files"_s,
        u"No keychain service"_s,
        u"keyring daemon"_s,
        u"locked"_s,
        u"Object does not exist"_s,
        u"No such interface"_s,
        u"ServiceUnknown"_s,
        u"Could not connect"_s,
        u"kwalletd"_s,
        u"Could not open wallet"_s,
    };
    for (const QString &phrase : phrases) {
        if (text.contains(phrase, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

QString unavailableAdvice()
{
    return KeychainBackend::tr(
        "No secure secret store is available (%1). On a desktop, sign in to a session with an "
        "unlocked keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential "
        "Manager). For the headless agent, give it a systemd credential directory or an "
        "encrypted store key file (LR_SECRET_KEY_FILE). Secrets are never kept in plain text.");
}

Error toError(const JobOutcome &outcome, const Config &config, const QString &account)
{
    if (outcome.timedOut) {
        return Error::make(
            Error::Kind::Timeout,
            QString(SecretCode::Timeout),
            KeychainBackend::tr("The system keychain did not answer within %1 s "
                                "(is it waiting for an unlock prompt?).")
                .arg(static_cast<double>(config.timeout.count()) / 1000.0, 0, 'f', 1),
            u"QtKeychain job for %1 timed out"_s.arg(account));
    }
    const QString detail =
        u"QtKeychain error %1: %2"_s.arg(static_cast<int>(outcome.error)).arg(outcome.errorString);
    switch (outcome.error) {
    case QKeychain::EntryNotFound:
        return Error::make(
            Error::Kind::Storage,
            QString(SecretCode::NotFound),
            KeychainBackend::tr("No secret %1 is stored in the system keychain.").arg(account),
            detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::AccessDenied: // e.g. "Cannot create an item in a locked collection"
        return Error::make(Error::Kind::Refused,
                           QString(SecretCode::NoSecureStore),
                           unavailableAdvice().arg(outcome.errorString),
                           detail);
    case QKeychain::AccessDeniedByUser:
        return Error::make(Error::Kind::Refused,
                           QString(SecretCode::AccessDenied),
                           KeychainBackend::tr("Access to the system keychain was denied. Allow "
                                               "License Reclaim to use it and try again."),
                           detail);
    case QKeychain::OtherError:
        if (soundsUnavailable(outcome.errorString)) {
            return Error::make(Error::Kind::Refused,
                               QString(SecretCode::NoSecureStore),
                               unavailableAdvice().arg(outcome.errorString),
                               detail);
        }
        break;
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return Error::make(Error::Kind::Storage,
                       QString(SecretCode::StoreFailed),
                       KeychainBackend::tr("The system keychain could not store or return %1: %2")
                           .arg(account, outcome.errorString),
                       detail);
}

Error tampered(const QString &account, const QString &why)
{
    return Error::make(Error::Kind::Storage,
                       QString(SecretCode::Tampered),
                       KeychainBackend::tr("The keychain entry %1 is incomplete or was not written "
                                           "by License Reclaim; write the secret again.")
                           .arg(account),
                       why);
}

struct Header
{
    int chunks = 0;
    qsizetype size = 0;
    QByteArray sha256Hex;
};

QByteArray encodeHeader(const QByteArray &secret, int chunks)
{
    QJsonObject header;
    header.insert(u"chunks"_s, chunks);
    header.insert(u"size"_s, static_cast<qint64>(secret.size()));
    header.insert(
        u"sha256"_s,
        QString::fromLatin1(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex()));
    return kHeaderTag + QJsonDocument(header).toJson(QJsonDocument::Compact);
}

std::optional<Header> decodeHeader(const QByteArray &entry)
{
    const QJsonDocument document = QJsonDocument::fromJson(entry.mid(1));
    if (!document.isObject()) {
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    Header header;
    header.chunks = object.value(u"chunks"_s).toInt(-1);
    header.size = static_cast<qsizetype>(object.value(u"size"_s).toInteger(-1));
    header.sha256Hex = object.value(u"sha256"_s).toString().toLatin1();
    if (header.chunks < 1 || header.chunks > kMaxChunks || header.size < 0
        || header.sha256Hex.size() != 64) {
        return std::nullopt;
    }
    return header;
}

// How many chunks the entry at `account` has now (0 if it is inline or absent).
QCoro::Task<Result<int>> existingChunks(Config config, QString account)
{
    const JobOutcome current = co_await readEntry(config, account);
    if (current.notFound()) {
        co_return 0;
    }
    if (!current.ok()) {
        co_return toError(current, config, account);
    }
    if (current.data.startsWith(kHeaderTag)) {
        if (const std::optional<Header> header = decodeHeader(current.data)) {
            co_return header->chunks;
        }
    }
    co_return 0;
}

// Removes chunks from..to, ignoring ones already gone.
QCoro::Task<Result<void>> deleteChunks(Config config, QString account, int from, int to)
{
    for (int index = from; index <= to; ++index) {
        const QString chunk = chunkAccount(account, index);
        const JobOutcome deleted = co_await deleteEntry(config, chunk);
        if (!deleted.ok() && !deleted.notFound()) {
            co_return toError(deleted, config, chunk);
        }
    }
    co_return Result<void>{};
}

QCoro::Task<Result<void>> writeSecret(Config config, QString account, QByteArray secret)
{
    Result<int> previous = co_await existingChunks(config, account);
    if (!previous) {
        co_return previous.error();
    }
    int chunks = 0;
    if (secret.size() <= KeychainBackend::kChunkSize) {
        const JobOutcome written = co_await writeEntry(config, account, kInlineTag + secret);
        if (!written.ok()) {
            co_return toError(written, config, account);
        }
    } else {
        chunks = static_cast<int>((secret.size() + KeychainBackend::kChunkSize - 1)
                                  / KeychainBackend::kChunkSize);
        if (chunks > kMaxChunks) {
            co_return Error::make(Error::Kind::Usage,
                                  QString(SecretCode::StoreFailed),
                                  KeychainBackend::tr("The secret %1 is too large for the "
                                                      "keychain (%2 bytes).")
                                      .arg(account)
                                      .arg(secret.size()));
        }
        // Chunks first, header last: until the header is replaced, a reader either sees the
        // old header (and fails its checksum if old chunks were overwritten) or the new one.
        for (int index = 1; index <= chunks; ++index) {
            const QString chunk = chunkAccount(account, index);
            const QByteArray part =
                secret.mid((index - 1) * KeychainBackend::kChunkSize, KeychainBackend::kChunkSize);
            const JobOutcome written = co_await writeEntry(config, chunk, part);
            if (!written.ok()) {
                co_return toError(written, config, chunk);
            }
        }
        const JobOutcome header =
            co_await writeEntry(config, account, encodeHeader(secret, chunks));
        if (!header.ok()) {
            co_return toError(header, config, account);
        }
    }
    // Chunks of a larger earlier secret would otherwise linger in the keychain.
    co_return co_await deleteChunks(config, account, chunks + 1, *previous);
}

QCoro::Task<Result<QByteArray>> readSecret(Config config, QString account)
{
    const JobOutcome entry = co_await readEntry(config, account);
    if (!entry.ok()) {
        co_return toError(entry, config, account);
    }
    if (entry.data.startsWith(kInlineTag)) {
        co_return entry.data.mid(1);
    }
    if (!entry.data.startsWith(kHeaderTag)) {
        co_return tampered(account, u"unknown entry format"_s);
    }
    const std::optional<Header> header = decodeHeader(entry.data);
    if (!header) {
        co_return tampered(account, u"unreadable chunk header"_s);
    }
    QByteArray secret;
    secret.reserve(header->size);
    for (int index = 1; index <= header->chunks; ++index) {
        const QString chunk = chunkAccount(account, index);
        const JobOutcome part = co_await readEntry(config, chunk);
        if (part.notFound()) {
            co_return tampered(account,
                               u"chunk %1 of %2 is missing"_s.arg(index).arg(header->chunks));
        }
        if (!part.ok()) {
            co_return toError(part, config, chunk);
        }
        secret.append(part.data);
    }
    const QByteArray digest = QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex();
    if (secret.size() != header->size || digest != header->sha256Hex) {
        co_return tampered(account, u"chunks do not match the header's size and checksum"_s);
    }
    co_return secret;
}

QCoro::Task<Result<void>> removeSecret(Config config, QString account)
{
    Result<int> chunks = co_await existingChunks(config, account);
    if (!chunks) {
        co_return chunks.error();
    }
    // Chunks first: if this stops half-way the header still points at what is left, and
    // another remove() finds it.
    if (Result<void> removed = co_await deleteChunks(config, account, 1, *chunks); !removed) {
        co_return removed;
    }
    const JobOutcome deleted = co_await deleteEntry(config, account);
    if (!deleted.ok() && !deleted.notFound()) {
        co_return toError(deleted, config, account);
    }
    co_return Result<void>{};
}

QCoro::Task<Result<void>> probe(Config config)
{
    // No '/' in the name, so it can never be a connection's secret.
    const QString account = u"license-reclaim.probe"_s;
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray value(reinterpret_cast<const char *>(words.data()),
                           static_cast<qsizetype>(sizeof(words)));
    const JobOutcome written = co_await writeEntry(config, account, kInlineTag + value);
    if (!written.ok()) {
        co_return toError(written, config, account);
    }
    const JobOutcome deleted = co_await deleteEntry(config, account);
    if (!deleted.ok() && !deleted.notFound()) {
        co_return toError(deleted, config, account);
    }
    co_return Result<void>{};
}

} // namespace

KeychainBackend::KeychainBackend(QString service)
    : m_config{std::move(service), std::chrono::milliseconds(5000)}
{ }

QString KeychainBackend::defaultService()
{
    return u"License Reclaim"_s;
}

QString KeychainBackend::jobKey(const QString &service, const QString &account)
{
#ifdef Q_OS_WIN
    // Credential Manager names a credential by its key alone.
    return service + u'/' + account;
#else
    Q_UNUSED(service)
    return account;
#endif
}

QString KeychainBackend::name() const
{
#if defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#else
    return tr("the system keychain (Secret Service)");
#endif
}

QString KeychainBackend::indexScope() const
{
    return u"keychain:"_s + m_config.service;
}

void KeychainBackend::setOperationTimeout(std::chrono::milliseconds timeout)
{
    m_config.timeout = timeout;
}

QCoro::Task<Result<void>> KeychainBackend::write(SecretRef ref, QByteArray secret)
{
    return writeSecret(m_config, ref.account(), std::move(secret));
}

QCoro::Task<Result<QByteArray>> KeychainBackend::read(SecretRef ref)
{
    return readSecret(m_config, ref.account());
}

QCoro::Task<Result<void>> KeychainBackend::remove(SecretRef ref)
{
    return removeSecret(m_config, ref.account());
}

QCoro::Task<Result<void>> KeychainBackend::checkAvailable()
{
    return probe(m_config);
}

} // namespace lr::secrets
