#pragma once

#include "core/auth/loginhost.h"
#include "core/auth/tokenset.h"
#include "core/common/result.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace lr::auth {

class LoopbackRedirect;

// Interactive sign-in to an org: the OAuth 2.0 web-server flow with PKCE (S256) in the
// system browser, as RFC 8252 asks of native apps.
//
//   signIn()
//     ├─ listen on 127.0.0.1:<ephemeral port> (LoopbackRedirect)
//     ├─ new PKCE verifier + challenge, new state (system CSPRNG)
//     ├─ authorizeWithBrowser(url)   the app opens it: QDesktopServices::openUrl(url)
//     ├─ … the person signs in and allows access; the browser is redirected to the listener
//     ├─ stop listening; check state (constant time), error=, code
//     └─ exchange code + verifier at the token endpoint (TokenEndpoint) → TokenSet
//
// The authorization URL is built by QOAuth2AuthorizationCodeFlow (PKCE added through its
// modify-parameters hook, the only way in Qt 6.4); the code is exchanged by TokenEndpoint,
// which reports the endpoint's errors (invalid_grant …) that Qt 6.4's flow drops. The
// listener is open only while signIn() waits: it is closed on success, failure, timeout and
// cancel().
//
// Errors: SIGN_IN_IN_PROGRESS, LISTEN_FAILED, SIGN_IN_TIMEOUT, SIGN_IN_CANCELLED,
// STATE_MISMATCH, CODE_MISSING, the authorization server's own error (access_denied …),
// then TokenEndpoint's. Nothing secret is logged.
class BrowserSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserSignIn)

public:
    static constexpr std::chrono::minutes kDefaultTimeout{5};

    BrowserSignIn(QNetworkAccessManager *network,
                  LoginHost host,
                  QString consumerKey,
                  QObject *parent = nullptr);
    ~BrowserSignIn() override;

    // "api refresh_token" unless set.
    void setScope(const QString &scope) { m_scope = scope; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // A fixed callback port for apps whose callback URL names one; 0 (the default) is an
    // ephemeral port. The path defaults to "callback".
    void setCallback(quint16 port, const QString &path);

    [[nodiscard]] QCoro::Task<Result<TokenSet>> signIn();
    // Ends a running sign-in with SIGN_IN_CANCELLED.
    void cancel();
    [[nodiscard]] bool isSigningIn() const { return !m_redirect.isNull(); }
    // The running sign-in's redirect URI; empty when none runs.
    [[nodiscard]] QUrl redirectUri() const;

Q_SIGNALS:
    // Open this in the system browser (never an embedded web view, RFC 8252 §8.12).
    void authorizeWithBrowser(const QUrl &url);

private:
    [[nodiscard]] static Result<QString> checkRedirect(const Result<QVariantMap> &redirect,
                                                       const QByteArray &state);

    QNetworkAccessManager *m_network;
    LoginHost m_host;
    QString m_consumerKey;
    QString m_scope;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    quint16 m_callbackPort = 0;
    QString m_callbackPath;
    QPointer<LoopbackRedirect> m_redirect;
};

} // namespace lr::auth
