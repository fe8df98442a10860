#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace lr::demo {

class DemoClock;

// The demo org's access and refresh tokens. Only a token's SHA-256 is kept, never the token
// itself, so nothing that reads this process's state or logs can reuse a session. Thread-safe.
//
// Refresh tokens form families: the first one an authorization grants, and every one that
// rotation issued from it. Revoking any refresh token of a family revokes the family and
// every access token minted from it. With rotation, a new refresh token starts out pending:
// the one it replaces stays valid until the new refresh token, or an access token minted
// with it, is first used. So a client that dies before it stored the new tokens can refresh
// again with what it stored before (and that refresh replaces the lost, unused tokens).
class TokenRegistry
{
public:
    struct Grant
    {
        QString userId;
        QString clientId;
        QString scope;
    };
    struct Issued
    {
        QString accessToken;
        QString refreshToken; // empty when none was issued
    };
    struct Refreshed
    {
        Grant grant;
        Issued issued;
    };
    enum class Kind {
        Access,
        Refresh,
    };

    explicit TokenRegistry(const DemoClock &clock);

    // A new Salesforce-shaped access token ("<org id>!<random>") for `userId`; with a
    // lifetime, it expires that many seconds after issue (by the demo clock).
    [[nodiscard]] QString
    issue(const QString &organizationId, const QString &userId, qint64 lifetimeSeconds = 0);
    // What an authorization grants: an access token, and a refresh token starting a new
    // family when `withRefreshToken`.
    [[nodiscard]] Issued issueGrant(const QString &organizationId,
                                    const Grant &grant,
                                    qint64 lifetimeSeconds,
                                    bool withRefreshToken);
    // The refresh_token grant: a new access token (and, when `rotate`, a new pending refresh
    // token). Nothing when the refresh token is unknown, revoked or belongs to another client.
    [[nodiscard]] std::optional<Refreshed> refresh(QByteArrayView refreshToken,
                                                   const QString &clientId,
                                                   const QString &organizationId,
                                                   qint64 lifetimeSeconds,
                                                   bool rotate);

    // The user an access token belongs to, when it is known and has not expired or been
    // revoked. Its first use commits a pending rotation.
    [[nodiscard]] std::optional<QString> resolve(QByteArrayView token);
    // Revokes an access token, or a refresh token with its family and their access tokens;
    // nothing when the token is unknown.
    std::optional<Kind> revoke(QByteArrayView token);
    // The same for a token known only by its digest (what an authorization code remembers).
    void revokeDigest(const QByteArray &digest);
    void revokeAllFor(const QString &userId);

    [[nodiscard]] static QByteArray digest(QByteArrayView token);

private:
    struct Session
    {
        QString userId;
        QDateTime expires;       // invalid = no expiry
        QByteArray family;       // the refresh token family it was minted from, if any
        QByteArray refreshToken; // digest of the refresh token it was minted with, if any
    };
    struct RefreshEntry
    {
        Grant grant;
        QByteArray family;
        bool pending = false;
    };

    [[nodiscard]] QString mintLocked(const QString &organizationId,
                                     const QString &userId,
                                     qint64 lifetimeSeconds,
                                     const QByteArray &family,
                                     const QByteArray &refreshDigest);
    void commitLocked(const QByteArray &refreshDigest);
    void dropPendingLocked(const QByteArray &family);
    void revokeFamilyLocked(const QByteArray &family);

    const DemoClock &m_clock;
    mutable QMutex m_mutex;
    QHash<QByteArray, Session> m_sessions;
    QHash<QByteArray, RefreshEntry> m_refreshTokens;
};

} // namespace lr::demo
