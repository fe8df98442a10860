#include "core/secrets/secretkeyfile.h"

#include "core/secrets/secretcipher.h"
#include "core/secrets/secretcodes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

Error rejected(QString message, QString detail = {})
{
    return Error::make(Error::Kind::Refused,
                       QString(SecretCode::KeyFileRejected),
                       std::move(message),
                       std::move(detail));
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

Result<QByteArray> SecretKeyFile::load(const QString &path)
{
    const QString shown = native(path);
    const QString howTo =
        tr("Create one with: (umask 077; openssl rand -base64 32 > %1)").arg(shown);
    if (path.isEmpty()) {
        return rejected(tr("No key file is configured for the encrypted secret store."));
    }
#ifdef Q_OS_UNIX
    struct stat info
    { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return rejected(tr("The secret store key file %1 does not exist or cannot be read. %2")
                            .arg(shown, howTo));
    }
    if (!S_ISREG(info.st_mode)) {
        return rejected(tr("The secret store key file %1 is not a regular file.").arg(shown));
    }
    const unsigned mode = static_cast<unsigned>(info.st_mode) & 07777U;
    if ((mode & 077U) != 0) {
        return rejected(tr("The secret store key file %1 has mode %2, so other users can get at "
                           "it. Run: chmod 600 %1")
                            .arg(shown, u"0%1"_s.arg(QString::number(mode, 8))));
    }
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return rejected(tr("The secret store key file %1 cannot be read: %2. %3")
                            .arg(shown, file.errorString(), howTo));
    }
    if (file.size() > kMaxFileSize) {
        return rejected(
            tr("The secret store key file %1 is too large to be a key file.").arg(shown));
    }
    QByteArray content = file.readAll();
    QByteArray key;
    if (content.size() == SecretCipher::kKeySize) {
        key = content; // the raw bytes
    } else {
        const auto decoded = QByteArray::fromBase64Encoding(
            content.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        if (decoded && decoded.decoded.size() == SecretCipher::kKeySize) {
            key = decoded.decoded;
        }
    }
    OPENSSL_cleanse(content.data(), static_cast<size_t>(content.size()));
    if (key.isEmpty()) {
        return rejected(tr("The secret store key file %1 must hold exactly 32 random bytes, "
                           "base64-encoded. %2")
                            .arg(shown, howTo));
    }
    return key;
}

Result<void> SecretKeyFile::create(const QString &path)
{
    if (QFileInfo::exists(path)) {
        return rejected(
            tr("The key file %1 already exists; it was not replaced.").arg(native(path)));
    }
    QByteArray key(SecretCipher::kKeySize, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), SecretCipher::kKeySize) != 1) {
        return rejected(tr("No random numbers are available to create a key."));
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        return rejected(
            tr("Could not create the key file %1: %2").arg(native(path), file.errorString()));
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const bool written = file.write(key.toBase64() + '\n') > 0 && file.flush();
    OPENSSL_cleanse(key.data(), static_cast<size_t>(key.size()));
    if (!written) {
        return rejected(
            tr("Could not write the key file %1: %2").arg(native(path), file.errorString()));
    }
    return {};
}

} // namespace lr::secrets
