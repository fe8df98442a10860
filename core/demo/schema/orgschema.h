#pragma once

#include "core/demo/schema/sobjecttype.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace lr::demo {

// Every sObject type the demo org knows: the standard objects the product reads and writes
// (only fields that exist on the real objects), plus any custom objects added at runtime.
class OrgSchema
{
public:
    // The standard objects: Organization, UserLicense, Profile, PermissionSet,
    // PermissionSetAssignment, ObjectPermissions, User, UserLogin, LoginHistory, Group,
    // GroupMember, QueueSobject, CronJobDetail, CronTrigger, Dashboard, Opportunity, Case, Lead,
    // OauthToken, ProcessInstanceWorkitem.
    [[nodiscard]] static OrgSchema standard();

    void addObject(SObjectType type);
    [[nodiscard]] const SObjectType *object(QStringView name) const;
    [[nodiscard]] const SObjectType *objectByKeyPrefix(QStringView prefix) const;
    [[nodiscard]] QStringList objectNames() const;
    [[nodiscard]] const QList<SObjectType> &objects() const { return m_objects; }

private:
    QList<SObjectType> m_objects;
    QHash<QString, qsizetype> m_byLowerName;
    QHash<QString, qsizetype> m_byPrefix;
};

} // namespace lr::demo
