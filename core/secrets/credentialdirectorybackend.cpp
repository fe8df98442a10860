#include "core/secrets/credentialdirectorybackend.h"

#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

constexpr qsizetype kMaxNameLength = 255; // NAME_MAX and systemd's FDNAME_MAX

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

CredentialDirectoryBackend::CredentialDirectoryBackend(QString directory)
    : m_directory(std::move(directory))
{ }

QString CredentialDirectoryBackend::credentialName(const SecretRef &ref)
{
    return ref.connection + u'.' + ref.key;
}

bool CredentialDirectoryBackend::isValidCredentialName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength || name == u"."_s || name == u".."_s) {
        return false;
    }
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'/' || u == u':') {
            return false;
        }
    }
    return true;
}

QString CredentialDirectoryBackend::name() const
{
    return tr("systemd credentials in %1").arg(native(m_directory));
}

QString CredentialDirectoryBackend::indexScope() const
{
    return u"credentials:"_s + m_directory;
}

QStringList CredentialDirectoryBackend::presentKeys(const QString &connection) const
{
    QStringList keys;
    const QString prefix = connection + u'.';
    const QStringList files = QDir(m_directory).entryList(QDir::Files | QDir::Hidden);
    for (const QString &file : files) {
        if (!file.startsWith(prefix)) {
            continue;
        }
        const QString key = file.mid(prefix.size());
        if (SecretStore::checkName(connection, key)) {
            keys.append(key);
        }
    }
    keys.sort();
    return keys;
}

Error CredentialDirectoryBackend::readOnly(const SecretRef &ref) const
{
    const QString credential = credentialName(ref);
    return Error::make(
        Error::Kind::Refused,
        QString(SecretCode::ReadOnly),
        tr("The agent reads its secrets from systemd credentials (%1), which it cannot change. "
           "Provision %2 in the agent's unit instead: `systemd-creds encrypt --name=%2 FILE "
           "/etc/credstore.encrypted/%2`, then "
           "`LoadCredentialEncrypted=%2:/etc/credstore.encrypted/%2` under [Service], and "
           "restart the agent.")
            .arg(native(m_directory), credential));
}

Result<QByteArray> CredentialDirectoryBackend::readNow(const SecretRef &ref) const
{
    const QString credential = credentialName(ref);
    if (!isValidCredentialName(credential)) {
        return Error::make(Error::Kind::Usage,
                           QString(SecretCode::InvalidName),
                           tr("“%1” is not a valid systemd credential name.").arg(credential));
    }
    if (Result<void> usable = checkNow(); !usable) {
        return usable.error();
    }
    const QString path = QDir(m_directory).filePath(credential);
    QFile file(path);
    if (!file.exists()) {
        return Error::make(Error::Kind::Storage,
                           QString(SecretCode::NotFound),
                           tr("The agent was not given the credential %1 (no file %2). Add "
                              "LoadCredentialEncrypted=%1:… or LoadCredential=%1:… to its unit.")
                               .arg(credential, native(path)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            Error::Kind::Storage,
            QString(SecretCode::StoreFailed),
            tr("Could not read the credential %1: %2").arg(native(path), file.errorString()));
    }
    if (file.size() > kMaxCredentialSize) {
        return Error::make(
            Error::Kind::Storage,
            QString(SecretCode::StoreFailed),
            tr("The credential %1 is larger than systemd allows (1 MiB).").arg(native(path)));
    }
    return file.readAll();
}

Result<void> CredentialDirectoryBackend::checkNow() const
{
    const QFileInfo info(m_directory);
    if (m_directory.isEmpty() || !info.isAbsolute() || !info.isDir() || !info.isReadable()) {
        return Error::make(Error::Kind::Refused,
                           QString(SecretCode::NoSecureStore),
                           tr("The credential directory %1 (CREDENTIALS_DIRECTORY) is not an "
                              "absolute path to a readable directory.")
                               .arg(native(m_directory)));
    }
    return {};
}

QCoro::Task<Result<void>> CredentialDirectoryBackend::write(SecretRef ref, QByteArray secret)
{
    Q_UNUSED(secret)
    co_return readOnly(ref);
}

QCoro::Task<Result<QByteArray>> CredentialDirectoryBackend::read(SecretRef ref)
{
    co_return readNow(ref);
}

QCoro::Task<Result<void>> CredentialDirectoryBackend::remove(SecretRef ref)
{
    co_return readOnly(ref);
}

QCoro::Task<Result<void>> CredentialDirectoryBackend::checkAvailable()
{
    co_return checkNow();
}

} // namespace lr::secrets
