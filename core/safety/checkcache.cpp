#include "core/safety/checkcache.h"

#include "core/safety/unknownsource.h"

#include <algorithm>

namespace lr::safety {

namespace {

constexpr qsizetype kIdKeyLength = 15;

QString idKey(const QString &id)
{
    return id.trimmed().left(kIdKeyLength);
}

// A lookup key over the id's own characters: no allocation for each of 100,000 users.
QString idLookupKey(const QString &id)
{
    return QString::fromRawData(id.constData(), std::min(id.size(), kIdKeyLength));
}

bool namesUser(const QString &entry, const scan::ScannedUser &user)
{
    if (!user.username.isEmpty() && entry.compare(user.username, Qt::CaseInsensitive) == 0) {
        return true;
    }
    if (user.id.isEmpty()) {
        return false;
    }
    // An admin may copy a 15-character id from a Setup URL where the scan has 18.
    const QStringView id = user.id;
    return entry.compare(id, Qt::CaseInsensitive) == 0
           || (entry.size() == kIdKeyLength
               && entry.compare(id.left(kIdKeyLength), Qt::CaseInsensitive) == 0);
}

} // namespace

CheckCache::CheckCache(const scan::OrgSnapshot &snapshot,
                       const policy::Policy &policy,
                       const SafetySettings &settings)
    : m_servicePatterns(settings.serviceAccountPatterns)
{
    for (int i = 0; i < kSourceCount; ++i) {
        const auto source = static_cast<scan::DataSource>(i);
        m_complete[i] = snapshot.isComplete(source);
        if (!m_complete[i]) {
            m_unknownMessages[i] =
                UnknownSource::message(source, UnknownSource::missingPermission(snapshot, source));
        }
    }
    for (const QString &owner : settings.defaultOwners) {
        if (!owner.trimmed().isEmpty()) {
            m_defaultOwners.append(owner.trimmed());
        }
    }
    for (const policy::Exemption &exemption : policy.exemptions) {
        m_policyMarks[idKey(exemption.userId)].exemptions.append(exemption);
    }
    for (const policy::RecentKeep &keep : policy.recentKeeps) {
        QDate &latest = m_policyMarks[idKey(keep.userId)].lastKept;
        if (!latest.isValid() || keep.keptOn > latest) {
            latest = keep.keptOn;
        }
    }
}

const CheckCache &CheckCache::made(const CheckContext &context, std::optional<CheckCache> &storage)
{
    return storage.emplace(context.snapshot, context.policy, context.settings);
}

QString CheckCache::defaultOwnerEntry(const scan::ScannedUser &user) const
{
    for (const QString &entry : m_defaultOwners) {
        if (namesUser(entry, user)) {
            return entry;
        }
    }
    return {};
}

const CheckCache::PolicyMarks *CheckCache::policyMarks(const QString &userId) const
{
    if (m_policyMarks.isEmpty() || userId.isEmpty()) {
        return nullptr;
    }
    const auto it = m_policyMarks.constFind(idLookupKey(userId));
    return it == m_policyMarks.cend() ? nullptr : &*it;
}

} // namespace lr::safety
