#include "core/demo/server/tokenregistry.h"

#include "core/demo/server/democlock.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace lr::demo {

TokenRegistry::TokenRegistry(const DemoClock &clock)
    : m_clock(clock)
{ }

QByteArray TokenRegistry::digest(QByteArrayView token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

QString
TokenRegistry::issue(const QString &organizationId, const QString &userId, qint64 lifetimeSeconds)
{
    QByteArray random(48, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    const QString token = organizationId.left(15) + u"!AQ"_s
                          + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding
                                                                | QByteArray::OmitTrailingEquals));
    Session session{userId, {}};
    if (lifetimeSeconds > 0) {
        session.expires = m_clock.now().addSecs(lifetimeSeconds);
    }
    QMutexLocker lock(&m_mutex);
    m_sessions.insert(digest(token.toLatin1()), session);
    return token;
}

std::optional<QString> TokenRegistry::resolve(QByteArrayView token) const
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
    return it->userId;
}

bool TokenRegistry::revoke(QByteArrayView token)
{
    QMutexLocker lock(&m_mutex);
    return m_sessions.remove(digest(token)) > 0;
}

void TokenRegistry::revokeAllFor(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        it = it->userId == userId ? m_sessions.erase(it) : std::next(it);
    }
}

} // namespace lr::demo
