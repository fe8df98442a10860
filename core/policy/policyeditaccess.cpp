#include "core/policy/policyeditaccess.h"

#include "core/org/orgclient.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::policy {

QCoro::Task<Result<PolicyEditAccess>> PolicyEditAccess::load(org::OrgClient &client)
{
    Result<QJsonObject> me = co_await client.userInfo();
    if (!me) {
        co_return me.error();
    }
    const QString userId = me->value(u"user_id"_s).toString();
    Result<org::QueryResult> sets = co_await client.query(
        u"SELECT PermissionSet.PermissionsModifyAllData FROM PermissionSetAssignment "
        u"WHERE AssigneeId = '%1'"_s.arg(userId));
    if (!sets) {
        co_return sets.error();
    }
    for (const QJsonValue &row : sets->records) {
        const QJsonObject set = row.toObject().value(u"PermissionSet"_s).toObject();
        if (set.value(u"PermissionsModifyAllData"_s).toBool()) {
            co_return PolicyEditAccess{true, true, true};
        }
    }
    Result<org::QueryResult> objects = co_await client.query(
        u"SELECT PermissionsCreate, PermissionsEdit, PermissionsDelete FROM ObjectPermissions "
        u"WHERE SobjectType = 'LR_Policy__c' AND ParentId IN (SELECT PermissionSetId FROM "
        u"PermissionSetAssignment WHERE AssigneeId = '%1')"_s.arg(userId));
    if (!objects) {
        co_return objects.error();
    }
    PolicyEditAccess access;
    for (const QJsonValue &row : objects->records) {
        const QJsonObject grant = row.toObject();
        access.create = access.create || grant.value(u"PermissionsCreate"_s).toBool();
        access.edit = access.edit || grant.value(u"PermissionsEdit"_s).toBool();
        access.remove = access.remove || grant.value(u"PermissionsDelete"_s).toBool();
    }
    co_return access;
}

} // namespace lr::policy
