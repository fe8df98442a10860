#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>

namespace lr::auth {

// The assertion of Salesforce's OAuth 2.0 JWT bearer flow: a JWT with the claims iss (the
// consumer key), sub (the username), aud (the login URL) and exp, signed RS256 with the
// private key whose certificate the app holds (OpenSSL EVP_DigestSign, SHA-256).
class JwtAssertion
{
    Q_DECLARE_TR_FUNCTIONS(lr::auth::JwtAssertion)

public:
    struct Claims
    {
        QString consumerKey;
        QString username;
        QString audience;
        QDateTime expires; // invalid = three minutes from now, Salesforce's maximum
    };

    // The compact JWT, or INVALID_PRIVATE_KEY when the PEM holds no usable RSA private key
    // (encrypted keys are refused rather than prompted for), or JWT_SIGNING_FAILED.
    [[nodiscard]] static Result<QByteArray> sign(const Claims &claims,
                                                 QByteArrayView privateKeyPem);
    // Reads a PEM private key file (for the agent's configuration). Never logs its content.
    [[nodiscard]] static Result<QByteArray> readPrivateKeyFile(const QString &path);
};

} // namespace lr::auth
