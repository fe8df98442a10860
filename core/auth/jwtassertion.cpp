#include "core/auth/jwtassertion.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::auth {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr qint64 kDefaultLifetimeSeconds = 180;

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

// OpenSSL would otherwise prompt on the terminal for the passphrase of an encrypted key.
int refusePassphrase(char *, int, int, void *)
{
    return -1;
}

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
}

} // namespace

Result<QByteArray> JwtAssertion::sign(const Claims &claims, QByteArrayView privateKeyPem)
{
    std::unique_ptr<BIO, BioFree> bio(
        BIO_new_mem_buf(privateKeyPem.data(), static_cast<int>(privateKeyPem.size())));
    std::unique_ptr<EVP_PKEY, KeyFree> key(
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr) : nullptr);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
        return Error::make(Error::Kind::Usage,
                           u"INVALID_PRIVATE_KEY"_s,
                           tr("The private key is not an unencrypted RSA key in PEM form."));
    }
    const QDateTime expires =
        claims.expires.isValid() ? claims.expires
                                 : QDateTime::currentDateTimeUtc().addSecs(kDefaultLifetimeSeconds);
    const QByteArray signingInput =
        encodePart(QJsonObject{{u"alg"_s, u"RS256"_s}}) + '.'
        + encodePart(QJsonObject{{u"iss"_s, claims.consumerKey},
                                 {u"sub"_s, claims.username},
                                 {u"aud"_s, claims.audience},
                                 {u"exp"_s, expires.toSecsSinceEpoch()}});

    std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
    size_t length = 0;
    const auto *input = reinterpret_cast<const unsigned char *>(signingInput.constData());
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, input, size_t(signingInput.size()))
               != 1) {
        return Error::make(Error::Kind::Internal,
                           u"JWT_SIGNING_FAILED"_s,
                           tr("The assertion could not be signed."));
    }
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(),
                       reinterpret_cast<unsigned char *>(signature.data()),
                       &length,
                       input,
                       size_t(signingInput.size()))
        != 1) {
        return Error::make(Error::Kind::Internal,
                           u"JWT_SIGNING_FAILED"_s,
                           tr("The assertion could not be signed."));
    }
    signature.truncate(qsizetype(length));
    return QByteArray(signingInput + '.' + signature.toBase64(kBase64Url));
}

Result<QByteArray> JwtAssertion::readPrivateKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(
            Error::Kind::Storage,
            u"PRIVATE_KEY_UNREADABLE"_s,
            tr("The private key file %1 cannot be read: %2").arg(path, file.errorString()));
    }
    return file.readAll();
}

} // namespace lr::auth
