#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace lr::demo {

class DemoClock;

// The demo org's access tokens. Only a token's SHA-256 is kept, never the token itself, so
// nothing that reads this process's state or logs can reuse a session. Thread-safe.
class TokenRegistry
{
public:
    explicit TokenRegistry(const DemoClock &clock);

    // A new Salesforce-shaped access token ("<org id>!<random>") for `userId`; with a
    // lifetime, it expires that many seconds after issue (by the demo clock).
    [[nodiscard]] QString
    issue(const QString &organizationId, const QString &userId, qint64 lifetimeSeconds = 0);
    // The user a token belongs to, when it is known and has not expired or been revoked.
    [[nodiscard]] std::optional<QString> resolve(QByteArrayView token) const;
    // Returns true when the token was known.
    bool revoke(QByteArrayView token);
    void revokeAllFor(const QString &userId);

private:
    struct Session
    {
        QString userId;
        QDateTime expires; // invalid = no expiry
    };

    [[nodiscard]] static QByteArray digest(QByteArrayView token);

    const DemoClock &m_clock;
    mutable QMutex m_mutex;
    QHash<QByteArray, Session> m_sessions;
};

} // namespace lr::demo
