#include "core/auth/orgsessionkeeper.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"

#include <coroutine>
#include <vector>

using namespace Qt::StringLiterals;

namespace lr::auth {

// The outcome of the renewal that is running, shared with the requests waiting for it.
// Waiters hold it themselves, so they resume even when the keeper goes away meanwhile.
struct OrgSessionKeeper::PendingRenewal
{
    std::optional<Result<QString>> result;
    std::vector<std::coroutine_handle<>> waiters;

    void complete(const Result<QString> &outcome)
    {
        if (result) {
            return;
        }
        result = outcome;
        const auto resumed = std::exchange(waiters, {});
        for (const std::coroutine_handle<> waiter : resumed) {
            waiter.resume();
        }
    }

    struct Awaiter
    {
        std::shared_ptr<PendingRenewal> pending;

        bool await_ready() const noexcept { return pending->result.has_value(); }
        void await_suspend(std::coroutine_handle<> waiter) { pending->waiters.push_back(waiter); }
        Result<QString> await_resume() const { return *pending->result; }
    };
};

namespace {

Error sessionClosed()
{
    return Error::make(Error::Kind::Internal,
                       u"SESSION_CLOSED"_s,
                       OrgSessionKeeper::tr("The org's sign-in was closed."));
}

// The token endpoint said no (as opposed to not answering): retrying cannot help.
bool isRefusal(const Error &error)
{
    return error.kind == Error::Kind::Remote
           && (error.httpStatus == 400 || error.httpStatus == 401);
}

} // namespace

OrgSessionKeeper::OrgSessionKeeper(TokenEndpoint endpoint,
                                   TokenSet tokens,
                                   PersistTokens persist,
                                   QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_tokens(std::move(tokens))
    , m_persist(std::move(persist))
{ }

OrgSessionKeeper::~OrgSessionKeeper()
{
    if (m_pending) {
        m_pending->complete(sessionClosed());
    }
}

void OrgSessionKeeper::setUnattendedCredentials(const UnattendedCredentials &credentials)
{
    m_unattended = credentials;
}

org::OrgSession OrgSessionKeeper::orgSession(const QString &apiVersion) const
{
    return org::OrgSession{m_tokens.instanceUrl, m_tokens.accessToken, apiVersion};
}

void OrgSessionKeeper::setTokens(const TokenSet &tokens)
{
    m_tokens = tokens;
    m_needsSignIn = false;
    m_signInError = Error();
}

bool OrgSessionKeeper::isSignInRequired(const Error &error)
{
    return error.code == u"SIGN_IN_REQUIRED";
}

void OrgSessionKeeper::attach(org::OrgClient *client)
{
    client->setAccessToken(m_tokens.accessToken);
    client->setSessionRenewal([keeper = QPointer<OrgSessionKeeper>(this)](QString rejectedToken) {
        return renewThrough(keeper, std::move(rejectedToken));
    });
}

QCoro::Task<Result<QString>> OrgSessionKeeper::renewThrough(QPointer<OrgSessionKeeper> keeper,
                                                            QString rejectedToken)
{
    if (!keeper) {
        co_return sessionClosed();
    }
    co_return co_await keeper->renew(std::move(rejectedToken));
}

QCoro::Task<Result<QString>> OrgSessionKeeper::renew(QString rejectedToken)
{
    if (m_needsSignIn) {
        co_return m_signInError;
    }
    if (!m_tokens.accessToken.isEmpty() && rejectedToken != m_tokens.accessToken) {
        co_return m_tokens.accessToken; // another request renewed it meanwhile
    }
    if (m_pending) {
        // Waits without touching `this` again. A named awaiter: GCC 12 destroys a braced
        // temporary in `co_return co_await T{…}` twice (here: a shared_ptr released twice).
        PendingRenewal::Awaiter running{m_pending};
        const Result<QString> shared = co_await running;
        co_return shared;
    }
    const auto pending = std::make_shared<PendingRenewal>();
    m_pending = pending;
    QPointer<OrgSessionKeeper> self(this);
    const Result<QString> result = co_await renewNow();
    if (self) {
        m_pending.reset();
    }
    pending->complete(result);
    co_return result;
}

QCoro::Task<Result<QString>> OrgSessionKeeper::renewNow()
{
    QPointer<OrgSessionKeeper> self(this);
    const TokenSet current = m_tokens;
    Result<TokenSet> fresh;
    if (!current.refreshToken.isEmpty()) {
        fresh = co_await m_endpoint.refresh(current.refreshToken, m_consumerSecret);
    } else if (m_unattended) {
        fresh = co_await m_unattended->signIn(m_endpoint);
    } else {
        co_return requireSignIn(Error::make(
            Error::Kind::Refused, u"NO_REFRESH_TOKEN"_s, tr("The sign-in has no refresh token.")));
    }
    if (!self) {
        co_return sessionClosed();
    }
    if (!fresh) {
        if (isRefusal(fresh.error())) {
            co_return requireSignIn(fresh.error());
        }
        qCInfo(lcOrg).noquote() << "session renewal failed:" << fresh.error().code;
        co_return fresh.error();
    }
    const TokenSet next = current.renewedWith(fresh.value());
    if (m_persist) {
        const PersistTokens persist = m_persist;
        const Result<void> stored = co_await persist(next);
        if (!self) {
            co_return sessionClosed();
        }
        if (!stored) {
            qCWarning(lcOrg).noquote()
                << "renewed tokens not used: storing them failed with" << stored.error().code;
            co_return Error::make(Error::Kind::Storage,
                                  u"TOKEN_PERSIST_FAILED"_s,
                                  tr("The renewed sign-in could not be stored, so it was not used "
                                     "(the stored sign-in remains valid): %1")
                                      .arg(stored.error().message),
                                  stored.error().toString());
        }
    }
    m_tokens = next;
    qCInfo(lcOrg) << "session renewed"
                  << (fresh->refreshToken.isEmpty() ? "" : "(refresh token rotated)");
    Q_EMIT tokensRenewed();
    co_return next.accessToken;
}

Error OrgSessionKeeper::requireSignIn(const Error &cause)
{
    Error error = Error::make(Error::Kind::Refused,
                              u"SIGN_IN_REQUIRED"_s,
                              tr("The sign-in to this org has ended. Sign in again to go on."),
                              cause.toString());
    error.httpStatus = 401;
    m_needsSignIn = true;
    m_signInError = error;
    qCInfo(lcOrg).noquote() << "sign-in required after" << cause.code;
    Q_EMIT signInRequired(error);
    return error;
}

QCoro::Task<Result<void>> OrgSessionKeeper::signOut()
{
    QPointer<OrgSessionKeeper> self(this);
    const QString token =
        m_tokens.refreshToken.isEmpty() ? m_tokens.accessToken : m_tokens.refreshToken;
    if (token.isEmpty()) {
        co_return Result<void>();
    }
    const Result<void> revoked = co_await m_endpoint.revoke(token, m_tokens.instanceUrl);
    if (!self) {
        co_return revoked;
    }
    // A token the org no longer knows is as revoked as it gets.
    const bool unknown = !revoked && revoked.error().kind == Error::Kind::Remote
                         && revoked.error().httpStatus == 400;
    if (!revoked && !unknown) {
        co_return revoked;
    }
    m_tokens.accessToken.clear();
    m_tokens.refreshToken.clear();
    m_needsSignIn = true;
    m_signInError = Error::make(Error::Kind::Refused,
                                u"SIGN_IN_REQUIRED"_s,
                                tr("Signed out of this org. Sign in again to go on."));
    qCInfo(lcOrg) << "signed out";
    co_return Result<void>();
}

} // namespace lr::auth
