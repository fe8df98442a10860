#include "core/demo/generator/userdirectory.h"

#include "core/demo/generator/orgchart.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"

namespace lr::demo {

UserDirectory::UserDirectory(const QList<GeneratedUser> &users, qint64 anchor)
    : m_users(&users)
    , m_departments(OrgChart::departmentCount())
{
    using Segment = GeneratedUser::Segment;
    for (int i = 0; i < users.size(); ++i) {
        const GeneratedUser &user = users.at(i);
        if (user.isService()) {
            m_services.append(i);
            continue;
        }
        if (user.segment == Segment::Partner) {
            m_partners.append(i);
        }
        if (!user.isInternal()) {
            continue;
        }
        m_staff.append(i);
        if (user.departmentIndex >= 0) {
            m_departments[user.departmentIndex].append(i);
        }
        if (!user.active) {
            m_inactive.append(i);
            continue;
        }
        if (user.lastLogin >= anchor - 30 * TimestampText::kDay) {
            m_recent.append(i);
        } else if (user.lastSeen() < anchor - 180 * TimestampText::kDay) {
            m_stale.append(i);
        }
        if (user.level >= 1) {
            m_leaders.append(i);
        }
        if (user.profile == LicenseCatalog::Profile::SystemAdministrator
            || user.has(LicenseCatalog::PermissionSet::BreakGlass)) {
            m_admins.append(i);
        }
    }
}

const QList<int> &UserDirectory::department(const QString &name) const
{
    const int index = OrgChart::departmentIndex(name);
    static const QList<int> none;
    return index < 0 ? none : m_departments.at(index);
}

int UserDirectory::pick(RandomSource &random, const QList<int> &primary, const QList<int> &fallback)
{
    if (!primary.isEmpty()) {
        return random.pick(primary);
    }
    return fallback.isEmpty() ? -1 : random.pick(fallback);
}

} // namespace lr::demo
