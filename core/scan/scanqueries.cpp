#include "core/scan/scanqueries.h"

#include "core/scan/orgsnapshot.h"

using namespace Qt::StringLiterals;

namespace lr::scan {

QString ScanQueries::staleUserFilter(const QString &prefix)
{
    const QString days = QString::number(OrgSnapshot::kMinimumInactiveDays);
    return u"%1IsActive = true AND (%1LastLoginDate < LAST_N_DAYS:%2 OR (%1LastLoginDate = null "
           u"AND %1CreatedDate < LAST_N_DAYS:%2))"_s.arg(prefix, days);
}

QString ScanQueries::staleUserIds()
{
    return u"SELECT Id FROM User WHERE "_s + staleUserFilter();
}

QString ScanQueries::staleUsers()
{
    return u"SELECT Id, Username, Name, Email, Alias, Title, Department, UserType, LastLoginDate, "
           u"CreatedDate, ManagerId, Manager.Name, Manager.IsActive, DelegatedApproverId, "
           u"ProfileId, "
           u"Profile.Name, Profile.PermissionsApiUserOnly, Profile.PermissionsModifyAllData, "
           u"Profile.PermissionsCustomizeApplication, Profile.UserLicense.Name, "
           u"Profile.UserLicense.LicenseDefinitionKey FROM User WHERE "_s
           + staleUserFilter() + u" ORDER BY Id"_s;
}

QString ScanQueries::userCounts()
{
    return u"SELECT IsActive, COUNT(Id) n FROM User GROUP BY IsActive"_s;
}

QString ScanQueries::permissionSetGrants()
{
    return u"SELECT AssigneeId, PermissionSet.Label, PermissionSet.PermissionsApiUserOnly, "
           u"PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsCustomizeApplication "
           u"FROM PermissionSetAssignment WHERE PermissionSet.IsOwnedByProfile = false AND "
           u"(PermissionSet.PermissionsApiUserOnly = true OR "
           u"PermissionSet.PermissionsModifyAllData "
           u"= true OR PermissionSet.PermissionsCustomizeApplication = true) AND AssigneeId IN ("_s
           + staleUserIds() + u')';
}

QString ScanQueries::frozenUsers()
{
    return u"SELECT UserId FROM UserLogin WHERE IsFrozen = true AND UserId IN ("_s + staleUserIds()
           + u')';
}

QString ScanQueries::queueMemberships()
{
    return u"SELECT GroupId, Group.Name, UserOrGroupId FROM GroupMember WHERE Group.Type = "
           u"'Queue' AND UserOrGroupId IN ("_s
           + staleUserIds() + u')';
}

QString ScanQueries::activeQueueMembers()
{
    return u"SELECT GroupId, COUNT(Id) n FROM GroupMember WHERE Group.Type = 'Queue' AND "
           u"UserOrGroupId IN (SELECT Id FROM User WHERE IsActive = true) GROUP BY GroupId"_s;
}

QString ScanQueries::scheduledJobs()
{
    return u"SELECT OwnerId, CronJobDetail.Name FROM CronTrigger WHERE OwnerId IN ("_s
           + staleUserIds() + u')';
}

QString ScanQueries::dashboards()
{
    return u"SELECT RunningUserId, Title FROM Dashboard WHERE RunningUserId IN ("_s + staleUserIds()
           + u')';
}

QString ScanQueries::delegatedApprovers()
{
    return u"SELECT DelegatedApproverId, COUNT(Id) n FROM User WHERE IsActive = true AND "
           u"DelegatedApproverId != null GROUP BY DelegatedApproverId"_s;
}

} // namespace lr::scan
