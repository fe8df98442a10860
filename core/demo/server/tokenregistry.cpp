#include "core/demo/server/tokenregistry.h"

#include "core/demo/server/democlock.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QString randomPart()
{
    QByteArray random(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

TokenRegistry::TokenRegistry(const DemoClock &clock)
    : m_clock(clock)
{ }

QByteArray TokenRegistry::digest(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

QString TokenRegistry::mintLocked(const QString &organizationId,
                                  const QString &userId,
                                  qint64 lifetimeSeconds,
                                  const QByteArray &family,
                                  const QByteArray &refreshDigest)
{
    const QString token = organizationId.left(15) + u"!AQ"_s + randomPart();
    Session session{userId, {}, family, refreshDigest};
    if (lifetimeSeconds > 0) {
        session.expires = m_clock.now().addSecs(lifetimeSeconds);
    }
    m_sessions.insert(digest(token.toLatin1()), session);
    return token;
}

QString
TokenRegistry::issue(const QString &organizationId, const QString &userId, qint64 lifetimeSeconds)
{
    QMutexLocker lock(&m_mutex);
    return mintLocked(organizationId, userId, lifetimeSeconds, {}, {});
}

TokenRegistry::Issued TokenRegistry::issueGrant(const QString &organizationId,
                                                const Grant &grant,
                                                qint64 lifetimeSeconds,
                                                bool withRefreshToken)
{
    QMutexLocker lock(&m_mutex);
    Issued issued;
    if (!withRefreshToken) {
        issued.accessToken = mintLocked(organizationId, grant.userId, lifetimeSeconds, {}, {});
        return issued;
    }
    issued.refreshToken = u"5Aep"_s + randomPart();
    const QByteArray refreshDigest = digest(issued.refreshToken.toLatin1());
    m_refreshTokens.insert(refreshDigest, {grant, refreshDigest, false});
    issued.accessToken =
        mintLocked(organizationId, grant.userId, lifetimeSeconds, refreshDigest, refreshDigest);
    return issued;
}

std::optional<TokenRegistry::Refreshed> TokenRegistry::refresh(QByteArrayView refreshToken,
                                                               const QString &clientId,
                                                               const QString &organizationId,
                                                               qint64 lifetimeSeconds,
                                                               bool rotate)
{
    if (refreshToken.isEmpty()) {
        return std::nullopt;
    }
    const QByteArray presented = digest(refreshToken);
    QMutexLocker lock(&m_mutex);
    const auto it = m_refreshTokens.constFind(presented);
    if (it == m_refreshTokens.cend() || it->grant.clientId != clientId) {
        return std::nullopt;
    }
    const RefreshEntry entry = *it;
    if (entry.pending) {
        // The client stored and used the rotated token: its predecessor is done.
        commitLocked(presented);
    }
    Refreshed refreshed{entry.grant, {}};
    if (!rotate) {
        refreshed.issued.accessToken = mintLocked(
            organizationId, entry.grant.userId, lifetimeSeconds, entry.family, presented);
        return refreshed;
    }
    // A pending successor that was never used was lost (the client died before storing
    // it): this refresh replaces it.
    dropPendingLocked(entry.family);
    refreshed.issued.refreshToken = u"5Aep"_s + randomPart();
    const QByteArray next = digest(refreshed.issued.refreshToken.toLatin1());
    m_refreshTokens.insert(next, {entry.grant, entry.family, true});
    refreshed.issued.accessToken =
        mintLocked(organizationId, entry.grant.userId, lifetimeSeconds, entry.family, next);
    return refreshed;
}

void TokenRegistry::commitLocked(const QByteArray &refreshDigest)
{
    const auto it = m_refreshTokens.find(refreshDigest);
    if (it == m_refreshTokens.end() || !it->pending) {
        return;
    }
    it->pending = false;
    const QByteArray family = it->family;
    for (auto other = m_refreshTokens.begin(); other != m_refreshTokens.end();) {
        other = other->family == family && other.key() != refreshDigest
                    ? m_refreshTokens.erase(other)
                    : std::next(other);
    }
}

void TokenRegistry::dropPendingLocked(const QByteArray &family)
{
    QList<QByteArray> dropped;
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();) {
        if (it->family == family && it->pending) {
            dropped.append(it.key());
            it = m_refreshTokens.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        it = dropped.contains(it->refreshToken) ? m_sessions.erase(it) : std::next(it);
    }
}

void TokenRegistry::revokeFamilyLocked(const QByteArray &family)
{
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();) {
        it = it->family == family ? m_refreshTokens.erase(it) : std::next(it);
    }
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        it = it->family == family ? m_sessions.erase(it) : std::next(it);
    }
}

std::optional<QString> TokenRegistry::resolve(QByteArrayView token)
{
    if (token.isEmpty()) {
        return std::nullopt;
    }
    const QByteArray key = digest(token);
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.constFind(key);
    if (it == m_sessions.cend()) {
        return std::nullopt;
    }
    if (it->expires.isValid() && m_clock.now() >= it->expires) {
        return std::nullopt;
    }
    const QString userId = it->userId;
    const QByteArray mintedWith = it->refreshToken;
    if (!mintedWith.isEmpty()) {
        commitLocked(mintedWith);
    }
    return userId;
}

std::optional<TokenRegistry::Kind> TokenRegistry::revoke(QByteArrayView token)
{
    if (token.isEmpty()) {
        return std::nullopt;
    }
    const QByteArray key = digest(token);
    QMutexLocker lock(&m_mutex);
    if (m_sessions.remove(key) > 0) {
        return Kind::Access;
    }
    const auto it = m_refreshTokens.constFind(key);
    if (it == m_refreshTokens.cend()) {
        return std::nullopt;
    }
    revokeFamilyLocked(it->family);
    return Kind::Refresh;
}

void TokenRegistry::revokeDigest(const QByteArray &tokenDigest)
{
    QMutexLocker lock(&m_mutex);
    if (m_sessions.remove(tokenDigest) > 0) {
        return;
    }
    const auto it = m_refreshTokens.constFind(tokenDigest);
    if (it != m_refreshTokens.cend()) {
        revokeFamilyLocked(it->family);
    }
}

void TokenRegistry::revokeAllFor(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        it = it->userId == userId ? m_sessions.erase(it) : std::next(it);
    }
    for (auto it = m_refreshTokens.begin(); it != m_refreshTokens.end();) {
        it = it->grant.userId == userId ? m_refreshTokens.erase(it) : std::next(it);
    }
}

} // namespace lr::demo
