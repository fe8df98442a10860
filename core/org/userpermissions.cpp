#include "core/org/userpermissions.h"

#include "core/org/orgclient.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

QString systemPermissionsQuery(const QString &userId)
{
    return u"SELECT PermissionSet.PermissionsApiEnabled, PermissionSet.PermissionsViewSetup, "
           u"PermissionSet.PermissionsManageUsers, PermissionSet.PermissionsFreezeUsers, "
           u"PermissionSet.PermissionsMonitorLoginHistory, PermissionSet.PermissionsViewAllData, "
           u"PermissionSet.PermissionsModifyAllData FROM PermissionSetAssignment "
           u"WHERE AssigneeId = '%1'"_s.arg(userId);
}

QString objectPermissionsQuery(const QString &userId)
{
    return u"SELECT SobjectType, PermissionsRead, PermissionsViewAllRecords, "
           u"PermissionsModifyAllRecords FROM ObjectPermissions WHERE SobjectType IN "
           u"('Opportunity', 'Case', 'Lead') AND ParentId IN (SELECT PermissionSetId FROM "
           u"PermissionSetAssignment WHERE AssigneeId = '%1')"_s.arg(userId);
}

bool isSalesforceId(const QString &id)
{
    if (id.size() != 15 && id.size() != 18) {
        return false;
    }
    return std::all_of(
        id.cbegin(), id.cend(), [](QChar c) { return c.isLetterOrNumber() && c.unicode() < 128; });
}

} // namespace

QCoro::Task<Result<UserPermissions>> UserPermissions::read(org::OrgClient &client, QString userId)
{
    if (!isSalesforceId(userId)) {
        co_return Error::make(
            Error::Kind::Usage, u"BAD_USER_ID"_s, tr("'%1' is not a user id.").arg(userId));
    }
    Result<QueryResult> sets = co_await client.query(systemPermissionsQuery(userId));
    if (!sets) {
        co_return sets.error();
    }
    UserPermissions permissions;
    for (const QJsonValue &value : std::as_const(sets->records)) {
        const QJsonObject set = value.toObject().value(u"PermissionSet"_s).toObject();
        permissions.apiEnabled |= set.value(u"PermissionsApiEnabled"_s).toBool();
        permissions.viewSetup |= set.value(u"PermissionsViewSetup"_s).toBool();
        permissions.manageUsers |= set.value(u"PermissionsManageUsers"_s).toBool();
        permissions.freezeUsers |= set.value(u"PermissionsFreezeUsers"_s).toBool();
        permissions.monitorLoginHistory |= set.value(u"PermissionsMonitorLoginHistory"_s).toBool();
        permissions.viewAllData |= set.value(u"PermissionsViewAllData"_s).toBool()
                                   || set.value(u"PermissionsModifyAllData"_s).toBool();
    }
    Result<QueryResult> objects = co_await client.query(objectPermissionsQuery(userId));
    if (objects) {
        for (const QJsonValue &value : std::as_const(objects->records)) {
            const QJsonObject row = value.toObject();
            if (row.value(u"PermissionsViewAllRecords"_s).toBool()
                || row.value(u"PermissionsModifyAllRecords"_s).toBool()) {
                permissions.viewAllObjects.insert(row.value(u"SobjectType"_s).toString());
            }
        }
    } else if (!objects.error().isAccessRefusal()) {
        co_return objects.error();
    }
    co_return permissions;
}

QList<UserPermissions::Missing> UserPermissions::missing() const
{
    QList<Missing> missing;
    if (!apiEnabled) {
        missing.append(
            {tr("API Enabled"), tr("Nothing works through the API: scans, previews and actions.")});
    }
    if (!viewSetup) {
        missing.append({tr("View Setup and Configuration"),
                        tr("Permission set assignments and scheduled jobs are read only in "
                           "part, so those safety checks are incomplete.")});
    }
    if (!manageUsers && !(freezeUsers && monitorLoginHistory)) {
        missing.append({tr("Manage Users (or Freeze Users plus Monitor Login History)"),
                        tr("This console cannot freeze, deactivate or downgrade users, and "
                           "reads login history only in part: decisions are recorded on the "
                           "case and the agent applies them.")});
    } else if (!manageUsers) {
        missing.append({tr("Manage Users"),
                        tr("Users can be frozen, but not deactivated or downgraded from this "
                           "console; the agent applies those decisions.")});
    }
    if (!viewAllData) {
        const QList<QPair<QString, QString>> objects{{u"Opportunity"_s, tr("opportunities")},
                                                     {u"Case"_s, tr("cases")},
                                                     {u"Lead"_s, tr("leads")}};
        for (const auto &[object, plural] : objects) {
            if (!viewAllObjects.contains(object)) {
                missing.append({tr("View All on %1").arg(object),
                                tr("The open-work check sees only the %1 you can see, so an "
                                   "owner of others may look idle.")
                                    .arg(plural)});
            }
        }
    }
    return missing;
}

} // namespace lr::org
