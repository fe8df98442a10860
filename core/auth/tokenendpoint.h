#pragma once

#include "core/auth/loginhost.h"
#include "core/auth/tokenset.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QList>
#include <QPair>

#include <chrono>

class QNetworkAccessManager;

namespace lr::auth {

// Salesforce's OAuth 2.0 token and revocation endpoints at one login host, for one app
// (consumer key): POST /services/oauth2/token (form-encoded) for every grant this project
// uses, POST /services/oauth2/revoke.
//
// Failures are typed: the endpoint's own error as the code (invalid_grant, invalid_client,
// invalid_client_id, unsupported_grant_type …) with its HTTP status, or TIMEOUT /
// NETWORK_ERROR / UNEXPECTED_TOKEN_RESPONSE. Redirects are never followed. The log gets
// method, path and status only (lr.http): never a code, verifier, secret, assertion or
// token.
//
// Every method copies what it needs before its first suspension, so the endpoint object may
// go away while a request runs; the QNetworkAccessManager must not.
class TokenEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(lr::auth::TokenEndpoint)

public:
    TokenEndpoint(QNetworkAccessManager *network, LoginHost host, QString consumerKey);

    [[nodiscard]] const LoginHost &host() const { return m_host; }
    [[nodiscard]] const QString &consumerKey() const { return m_consumerKey; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // authorization_code with the PKCE verifier; redirectUri must equal the authorize one.
    [[nodiscard]] QCoro::Task<Result<TokenSet>>
    exchangeCode(QString code, QUrl redirectUri, QByteArray codeVerifier) const;
    // refresh_token. The answer's refreshToken is empty unless the app rotates refresh tokens.
    // A consumer secret is sent only when given (public clients have none).
    [[nodiscard]] QCoro::Task<Result<TokenSet>> refresh(QString refreshToken,
                                                        QString consumerSecret = {}) const;
    // client_credentials (the app's run-as user; Salesforce serves it on My Domain hosts).
    [[nodiscard]] QCoro::Task<Result<TokenSet>> clientCredentials(QString consumerSecret) const;
    // JWT bearer: signs an assertion for `username` (see JwtAssertion) and presents it.
    [[nodiscard]] QCoro::Task<Result<TokenSet>> jwtBearer(QString username,
                                                          QByteArray privateKeyPem) const;
    // JWT bearer with an assertion signed elsewhere.
    [[nodiscard]] QCoro::Task<Result<TokenSet>> jwtBearerAssertion(QByteArray assertion) const;
    // Revokes an access or refresh token (a refresh token takes its access tokens with it).
    // `at` is the host to send it to (the instance, a My Domain); the login host when empty.
    [[nodiscard]] QCoro::Task<Result<void>> revoke(QString token, QUrl at = {}) const;

    // application/x-www-form-urlencoded, every reserved character percent-encoded.
    [[nodiscard]] static QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

private:
    struct Post
    {
        QNetworkAccessManager *network = nullptr;
        QUrl url;
        QByteArray body;
        std::chrono::milliseconds timeout{};
    };
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    [[nodiscard]] Post post(const QUrl &url, const QList<QPair<QString, QString>> &fields) const;
    [[nodiscard]] static QCoro::Task<Result<Reply>> send(Post post);
    [[nodiscard]] static QCoro::Task<Result<TokenSet>> requestTokens(Post post);

    QNetworkAccessManager *m_network;
    LoginHost m_host;
    QString m_consumerKey;
    std::chrono::milliseconds m_timeout{60000};
};

} // namespace lr::auth
