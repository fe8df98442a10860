#include "core/auth/unattendedcredentials.h"

#include "core/auth/jwtassertion.h"
#include "core/auth/tokenendpoint.h"

namespace lr::auth {

UnattendedCredentials UnattendedCredentials::jwtBearer(QString username, QByteArray privateKeyPem)
{
    UnattendedCredentials credentials;
    credentials.m_kind = Kind::JwtBearer;
    credentials.m_username = std::move(username);
    credentials.m_privateKeyPem = std::move(privateKeyPem);
    return credentials;
}

Result<UnattendedCredentials> UnattendedCredentials::jwtBearerWithKeyFile(QString username,
                                                                          const QString &keyPath)
{
    Result<QByteArray> key = JwtAssertion::readPrivateKeyFile(keyPath);
    if (!key) {
        return key.error();
    }
    return jwtBearer(std::move(username), std::move(key).value());
}

UnattendedCredentials UnattendedCredentials::clientCredentials(QString consumerSecret)
{
    UnattendedCredentials credentials;
    credentials.m_kind = Kind::ClientCredentials;
    credentials.m_consumerSecret = std::move(consumerSecret);
    return credentials;
}

QCoro::Task<Result<TokenSet>> UnattendedCredentials::signIn(const TokenEndpoint &endpoint) const
{
    // Not a coroutine itself: the endpoint's coroutines copy their arguments at once.
    return m_kind == Kind::JwtBearer ? endpoint.jwtBearer(m_username, m_privateKeyPem)
                                     : endpoint.clientCredentials(m_consumerSecret);
}

} // namespace lr::auth
