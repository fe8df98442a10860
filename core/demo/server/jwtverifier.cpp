#include "core/demo/server/jwtverifier.h"

#include <QJsonDocument>
#include <QList>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Free
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

std::optional<QByteArray> fromBase64Url(QByteArrayView part)
{
    auto decoded = QByteArray::fromBase64Encoding(part.toByteArray(),
                                                  QByteArray::Base64UrlEncoding
                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok) {
        return std::nullopt;
    }
    return decoded.decoded;
}

std::optional<QJsonObject> jsonObject(QByteArrayView part)
{
    const auto bytes = fromBase64Url(part);
    if (!bytes) {
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    return doc.object();
}

KeyPtr publicKey(const QByteArray &pem)
{
    const auto bio = [&pem] {
        return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    };
    if (pem.contains("BEGIN CERTIFICATE")) {
        auto source = bio();
        std::unique_ptr<X509, X509Free> certificate(
            PEM_read_bio_X509(source.get(), nullptr, nullptr, nullptr));
        return KeyPtr(certificate ? X509_get_pubkey(certificate.get()) : nullptr);
    }
    auto source = bio();
    return KeyPtr(PEM_read_bio_PUBKEY(source.get(), nullptr, nullptr, nullptr));
}

} // namespace

std::optional<JwtVerifier::Decoded> JwtVerifier::decode(QByteArrayView jwt)
{
    const QList<QByteArray> parts = jwt.toByteArray().split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty()
        || parts.at(2).isEmpty()) {
        return std::nullopt;
    }
    const auto header = jsonObject(parts.at(0));
    const auto claims = jsonObject(parts.at(1));
    const auto signature = fromBase64Url(parts.at(2));
    if (!header || !claims || !signature) {
        return std::nullopt;
    }
    return Decoded{*header, *claims, parts.at(0) + '.' + parts.at(1), *signature};
}

bool JwtVerifier::verifyRs256(const Decoded &jwt, const QByteArray &pem)
{
    if (jwt.header.value(u"alg"_s).toString() != u"RS256") {
        return false;
    }
    const KeyPtr key = publicKey(pem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
        return false;
    }
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
    if (!context
        || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) {
        return false;
    }
    return EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char *>(jwt.signature.constData()),
                            size_t(jwt.signature.size()),
                            reinterpret_cast<const unsigned char *>(jwt.signingInput.constData()),
                            size_t(jwt.signingInput.size()))
           == 1;
}

} // namespace lr::demo
