#include "core/demo/server/authorizationcodes.h"

#include "core/demo/server/democlock.h"
#include "core/demo/server/tokenregistry.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Used codes are remembered this long past their expiry, so that a replay is recognised
// (and what the first use issued revoked) rather than reported as unknown.
constexpr qint64 kReplayMemorySeconds = 3600;

} // namespace

AuthorizationCodes::AuthorizationCodes(const DemoClock &clock)
    : m_clock(clock)
{ }

QString AuthorizationCodes::issue(const Grant &grant, qint64 lifetimeSeconds)
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    const QString code = u"aPrx"_s
                         + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding
                                                               | QByteArray::OmitTrailingEquals));
    QMutexLocker lock(&m_mutex);
    pruneLocked();
    m_codes.insert(TokenRegistry::digest(code.toLatin1()),
                   {grant, m_clock.now().addSecs(lifetimeSeconds), false, {}});
    return code;
}

AuthorizationCodes::Redemption AuthorizationCodes::redeem(QByteArrayView code)
{
    Redemption redemption;
    if (code.isEmpty()) {
        return redemption;
    }
    QMutexLocker lock(&m_mutex);
    const auto it = m_codes.find(TokenRegistry::digest(code));
    if (it == m_codes.end()) {
        return redemption;
    }
    redemption.grant = it->grant;
    if (it->used) {
        redemption.status = Status::Reused;
        redemption.issuedDigests = it->issued;
        it->issued.clear();
        return redemption;
    }
    it->used = true;
    redemption.status = m_clock.now() >= it->expires ? Status::Expired : Status::Valid;
    return redemption;
}

void AuthorizationCodes::noteIssued(QByteArrayView code, const QList<QByteArray> &digests)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_codes.find(TokenRegistry::digest(code));
    if (it != m_codes.end()) {
        it->issued = digests;
    }
}

void AuthorizationCodes::pruneLocked()
{
    const QDateTime now = m_clock.now();
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        it = it->expires.secsTo(now) > kReplayMemorySeconds ? m_codes.erase(it) : std::next(it);
    }
}

} // namespace lr::demo
