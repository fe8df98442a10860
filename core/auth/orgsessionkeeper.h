#pragma once

#include "core/auth/tokenendpoint.h"
#include "core/auth/tokenset.h"
#include "core/auth/unattendedcredentials.h"
#include "core/common/result.h"
#include "core/org/orgsession.h"

#include <QCoroTask>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace lr::org {
class OrgClient;
}

namespace lr::auth {

// Keeps one org's sign-in alive: gives OrgClients the access token, and when the org
// refuses it (401 INVALID_SESSION_ID) renews it once — a refresh, or for the agent a new
// unattended sign-in — so the request can be retried.
//
//   OrgClient ──401──▶ renew(rejected token)
//                        ├─ another request already renewed it → that token
//                        ├─ a renewal is running → wait for its outcome (never two at once:
//                        │  with rotation the second would present a replaced token)
//                        └─ refresh ─▶ persist(new tokens) ─▶ use them ─▶ tokensRenewed()
//                             │              └─ fails: TOKEN_PERSIST_FAILED, new tokens unused
//                             └─ invalid_grant / invalid_client: SIGN_IN_REQUIRED +
//                                signInRequired(error), until setTokens() brings a new sign-in
//
// Persist before use — the guarantee with refresh-token rotation. After every successful
// refresh the complete new TokenSet is handed to the persistence callback (the secrets
// store), and only once that succeeded is the new access token given to anyone. If storing
// fails, the new tokens are dropped and the request fails with TOKEN_PERSIST_FAILED; if the
// process dies between the token endpoint's answer and the store, they are simply lost. In
// both cases the store still holds the previous refresh token, and since the new tokens were
// never used, an org that keeps the previous refresh token valid until its successor is
// first used (the demo org does) lets that stored token refresh again. Nothing is ever used
// that a restart could not find again, so a crash cannot lock the user out; the worst case is
// an org that invalidates the previous token immediately, and then the answer is
// invalid_grant → SIGN_IN_REQUIRED: a clean prompt to sign in again, never a crash.
//
// The caller's work is not lost on SIGN_IN_REQUIRED: the failing request returns the typed
// error, the OrgClient and everything it holds stay as they are, and after setTokens() with
// a new sign-in the next request (or a retry) goes through.
class OrgSessionKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgSessionKeeper)

public:
    // Stores a renewed TokenSet durably (the secrets store) before it is used; an error
    // keeps the renewed tokens from being used. May be empty (nothing is stored).
    using PersistTokens = std::function<QCoro::Task<Result<void>>(const TokenSet &tokens)>;

    OrgSessionKeeper(TokenEndpoint endpoint,
                     TokenSet tokens,
                     PersistTokens persist,
                     QObject *parent = nullptr);
    ~OrgSessionKeeper() override;

    // A confidential app's secret, sent with every refresh (public apps have none).
    void setConsumerSecret(const QString &secret) { m_consumerSecret = secret; }
    // Renew by signing in again with these when there is no refresh token (the agent).
    void setUnattendedCredentials(const UnattendedCredentials &credentials);

    [[nodiscard]] const TokenSet &tokens() const { return m_tokens; }
    [[nodiscard]] org::OrgSession orgSession(const QString &apiVersion = {}) const;
    // Tokens from a new sign-in (already stored by the caller); clears needsSignIn().
    void setTokens(const TokenSet &tokens);
    [[nodiscard]] bool needsSignIn() const { return m_needsSignIn; }

    // Gives the client the current access token and makes this keeper its session renewal.
    // The client may outlive the keeper (its renewals then fail with SESSION_CLOSED).
    void attach(org::OrgClient *client);

    // A working access token in place of `rejectedToken` (see the class comment).
    [[nodiscard]] QCoro::Task<Result<QString>> renew(QString rejectedToken);
    // Signs out: revokes the refresh token (its access tokens go with it), or the access token
    // when there is none, and forgets both. A token the org no longer knows counts as
    // revoked. Removing the stored copy is the caller's.
    [[nodiscard]] QCoro::Task<Result<void>> signOut();

    // Whether a request failed because a person has to sign in again.
    [[nodiscard]] static bool isSignInRequired(const Error &error);

Q_SIGNALS:
    // New tokens are in use (they were stored first).
    void tokensRenewed();
    // The sign-in has ended (the refresh token was refused or revoked): show `reason` and
    // offer to sign in again.
    void signInRequired(const lr::Error &reason);

private:
    struct PendingRenewal;

    [[nodiscard]] QCoro::Task<Result<QString>> renewNow();
    [[nodiscard]] Error requireSignIn(const Error &cause);
    [[nodiscard]] static QCoro::Task<Result<QString>>
    renewThrough(QPointer<OrgSessionKeeper> keeper, QString rejectedToken);

    TokenEndpoint m_endpoint;
    TokenSet m_tokens;
    PersistTokens m_persist;
    QString m_consumerSecret;
    std::optional<UnattendedCredentials> m_unattended;
    bool m_needsSignIn = false;
    Error m_signInError;
    std::shared_ptr<PendingRenewal> m_pending;
};

} // namespace lr::auth
