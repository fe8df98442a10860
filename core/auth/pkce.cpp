#include "core/auth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <openssl/crypto.h>

namespace lr::auth {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

QByteArray Pkce::randomToken(int bytes)
{
    QByteArray random(((bytes + 3) / 4) * 4, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    random.truncate(bytes);
    return random.toBase64(kBase64Url);
}

QByteArray Pkce::challengeFor(QByteArrayView verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kBase64Url);
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomToken(48); // 48 bytes → 64 characters
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

bool Pkce::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

} // namespace lr::auth
