#pragma once

#include "core/auth/tokenset.h"
#include "core/common/result.h"

#include <QByteArray>
#include <QCoroTask>
#include <QString>

namespace lr::auth {

class TokenEndpoint;

// How the agent signs in with nobody at the keyboard: the JWT bearer flow (a username and the
// private key of the certificate the app holds) or the client-credentials flow (the app's
// secret; the tokens run as the user the app names). Neither grant issues a refresh token, so
// renewing means signing in again with the same credentials. The key and the secret are
// secrets: the caller reads them from the secrets store (or a key file) and nothing here
// logs them.
class UnattendedCredentials
{
public:
    enum class Kind {
        JwtBearer,
        ClientCredentials,
    };

    [[nodiscard]] static UnattendedCredentials jwtBearer(QString username,
                                                         QByteArray privateKeyPem);
    [[nodiscard]] static Result<UnattendedCredentials> jwtBearerWithKeyFile(QString username,
                                                                            const QString &keyPath);
    [[nodiscard]] static UnattendedCredentials clientCredentials(QString consumerSecret);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] const QString &username() const { return m_username; }

    // Signs in at `endpoint` (its login host and consumer key).
    [[nodiscard]] QCoro::Task<Result<TokenSet>> signIn(const TokenEndpoint &endpoint) const;

private:
    UnattendedCredentials() = default;

    Kind m_kind = Kind::JwtBearer;
    QString m_username;
    QByteArray m_privateKeyPem;
    QString m_consumerSecret;
};

} // namespace lr::auth
