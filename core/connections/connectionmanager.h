#pragma once

#include "core/auth/loginhost.h"
#include "core/common/result.h"
#include "core/connections/connection.h"
#include "core/connections/connectionregistry.h"
#include "core/org/orgchoice.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QNetworkAccessManager;

namespace lr::auth {
class BrowserSignIn;
class OrgSessionKeeper;
} // namespace lr::auth

namespace lr::org {
class OpenedOrg;
}

namespace lr::secrets {
class SecretStore;
}

namespace lr::connections {

// Signs people in to named org connections and out again, and opens them: the registry
// (names, hosts, who signed in; no secret) plus the secrets store (the tokens, under the
// connection's id), over one network manager.
//
//   signIn(alias, host, key)  refuse without a secure store ─▶ browser flow (PKCE) ─▶
//                             read who and which org ─▶ store tokens ─▶ save connection
//   open(choice)              Alias: tokens from the store ─▶ OrgSessionKeeper (a 401 renews
//                             once; rotated tokens stored before use; invalid_grant ─▶
//                             SIGN_IN_REQUIRED); anything else: org::OpenedOrg::open
//   signOut(alias)            revoke the refresh token at the org ─▶ delete the tokens ─▶
//                             delete the local cache; the connection stays, signed out
//   remove(alias)             signOut, then forget the connection
//
// Never logs or returns a token except inside the keeper it hands out.
class ConnectionManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManager)

public:
    struct SignInRequest
    {
        QString alias;
        auth::LoginHost host = auth::LoginHost::production();
        QString consumerKey;
        std::chrono::milliseconds timeout{std::chrono::minutes(5)};
    };
    struct SignOutOutcome
    {
        bool revoked = false;  // the org confirmed (or no longer knew the token)
        QString revokeProblem; // why it could not be revoked, for people
    };

    // Neither network nor secrets is owned; both must outlive this object.
    ConnectionManager(QNetworkAccessManager *network,
                      secrets::SecretStore *secrets,
                      QString registryPath = {},
                      QObject *parent = nullptr);
    ~ConnectionManager() override;

    [[nodiscard]] ConnectionRegistry &registry() { return m_registry; }
    [[nodiscard]] secrets::SecretStore *secrets() const { return m_secrets; }
    // Whether tokens are stored for it (the store's index; no keychain call).
    [[nodiscard]] bool isSignedIn(const Connection &connection) const;

    // The browser flow; emits authorizeWithBrowser(url) for the app to open. Errors:
    // INVALID_ALIAS, NO_SECURE_STORE (refused: tokens would have nowhere safe to go), the
    // sign-in's own (SIGN_IN_TIMEOUT, access_denied …), and the store's.
    [[nodiscard]] QCoro::Task<Result<Connection>> signIn(SignInRequest request);
    void cancelSignIn();
    [[nodiscard]] bool isSigningIn() const;

    // A keeper with the connection's stored tokens: UNKNOWN_ALIAS, or SIGN_IN_REQUIRED when
    // none are stored.
    [[nodiscard]] QCoro::Task<Result<std::unique_ptr<auth::OrgSessionKeeper>>>
    resume(QString alias);
    // Opens any choice; an Alias through resume().
    [[nodiscard]] QCoro::Task<Result<std::unique_ptr<org::OpenedOrg>>> open(org::OrgChoice choice);

    [[nodiscard]] QCoro::Task<Result<SignOutOutcome>> signOut(QString alias);
    [[nodiscard]] QCoro::Task<Result<SignOutOutcome>> remove(QString alias);
    [[nodiscard]] Result<void> rename(const QString &alias, const QString &newAlias);

    // The error an alias without stored tokens gets.
    [[nodiscard]] static Error signInRequired(const QString &alias);

Q_SIGNALS:
    void authorizeWithBrowser(const QUrl &url);
    // A connection was added, changed, signed out, renamed or removed.
    void connectionsChanged();

private:
    // Who signed in to which org, read with the new access token.
    [[nodiscard]] QCoro::Task<Result<Connection>>
    describe(Connection connection, QUrl instanceUrl, QString accessToken);
    [[nodiscard]] QCoro::Task<Result<void>> storeTokens(Connection connection, QByteArray tokens);

    QNetworkAccessManager *m_network;
    QPointer<secrets::SecretStore> m_secrets;
    ConnectionRegistry m_registry;
    QPointer<auth::BrowserSignIn> m_signIn;
};

} // namespace lr::connections
