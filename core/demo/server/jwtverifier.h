#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace lr::demo {

// JSON Web Tokens as the demo org's JWT bearer flow receives them: the compact form
// (header.claims.signature, each base64url), signed with RS256 by the key of the
// app's certificate.
class JwtVerifier
{
public:
    struct Decoded
    {
        QJsonObject header;
        QJsonObject claims;
        QByteArray signingInput; // "header.claims" exactly as received
        QByteArray signature;
    };

    // Splits and decodes a compact JWT; nothing about it is verified yet.
    [[nodiscard]] static std::optional<Decoded> decode(QByteArrayView jwt);
    // Whether the header says RS256 and the signature is valid for the RSA public key in
    // `pem` (a PUBLIC KEY or a CERTIFICATE).
    [[nodiscard]] static bool verifyRs256(const Decoded &jwt, const QByteArray &pem);
};

} // namespace lr::demo
