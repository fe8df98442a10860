#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace lr::demo {

class DemoClock;

// The demo org's authorization codes: single use, expiring (by the demo clock) and kept only
// as hashes. A code presented a second time is refused, and the caller revokes what its
// first use was exchanged for (RFC 6749 §4.1.2). Thread-safe.
class AuthorizationCodes
{
public:
    struct Grant
    {
        QString clientId;
        QString redirectUri;
        QString codeChallenge; // base64url(SHA-256(verifier)); empty when PKCE was not used
        QString userId;
        QString scope;
    };
    enum class Status {
        Valid,
        Unknown,
        Expired,
        Reused,
    };
    struct Redemption
    {
        Status status = Status::Unknown;
        Grant grant;
        // For Reused: digests of the tokens the first use issued.
        QList<QByteArray> issuedDigests;
    };

    explicit AuthorizationCodes(const DemoClock &clock);

    [[nodiscard]] QString issue(const Grant &grant, qint64 lifetimeSeconds);
    // Marks the code used and returns its grant, or why it cannot be used.
    [[nodiscard]] Redemption redeem(QByteArrayView code);
    // Remembers the digests of what a redeemed code was exchanged for.
    void noteIssued(QByteArrayView code, const QList<QByteArray> &digests);

private:
    struct Entry
    {
        Grant grant;
        QDateTime expires;
        bool used = false;
        QList<QByteArray> issued;
    };

    void pruneLocked();

    const DemoClock &m_clock;
    QMutex m_mutex;
    QHash<QByteArray, Entry> m_codes;
};

} // namespace lr::demo
