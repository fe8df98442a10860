#include "core/demo/server/callerpermissions.h"

#include "core/demo/schema/sobjecttype.h"
#include "core/demo/store/orgdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error storageError(const QSqlQuery &query)
{
    return Error::make(Error::Kind::Storage,
                       u"UNKNOWN_EXCEPTION"_s,
                       u"The demo org could not read the caller's permissions."_s,
                       query.lastError().text());
}

// Setup metadata that every API user may read in full.
bool isOpenMetadata(const QString &name)
{
    static const QSet<QString> open = {u"organization"_s,
                                       u"userlicense"_s,
                                       u"profile"_s,
                                       u"permissionset"_s,
                                       u"user"_s,
                                       u"group"_s,
                                       u"groupmember"_s,
                                       u"queuesobject"_s,
                                       u"dashboard"_s};
    return open.contains(name);
}

ReadAccess ownRows(const QString &column, const QString &userId)
{
    ReadAccess access;
    access.rowFilter = u"%1.\"%2\" = ?"_s.arg(u"%1"_s, column);
    access.rowFilterParams = {userId};
    return access;
}

ReadAccess unreadable()
{
    ReadAccess access;
    access.readable = false;
    return access;
}

} // namespace

Result<CallerPermissions> CallerPermissions::load(const OrgDatabase &database,
                                                  const QString &userId)
{
    CallerPermissions caller;
    caller.m_userId = userId;
    QSqlDatabase db = database.connection();

    QSqlQuery user(db);
    user.prepare(u"SELECT u.\"IsActive\", COALESCE(l.\"IsFrozen\", 0) FROM \"User\" u "
                 u"LEFT JOIN \"UserLogin\" l ON l.\"UserId\" = u.\"Id\" WHERE u.\"Id\" = ?"_s);
    user.addBindValue(userId);
    if (!user.exec()) {
        return storageError(user);
    }
    if (!user.next()) {
        return caller; // an unknown user may do nothing
    }
    caller.m_active = user.value(0).toInt() != 0;
    caller.m_frozen = user.value(1).toInt() != 0;

    QSqlQuery system(db);
    system.prepare(
        u"SELECT MAX(ps.\"PermissionsApiEnabled\"), MAX(ps.\"PermissionsModifyAllData\"), "
        u"MAX(ps.\"PermissionsViewAllData\"), MAX(ps.\"PermissionsViewSetup\"), "
        u"MAX(ps.\"PermissionsManageUsers\"), MAX(ps.\"PermissionsFreezeUsers\"), "
        u"MAX(ps.\"PermissionsMonitorLoginHistory\") "
        u"FROM \"PermissionSetAssignment\" psa "
        u"JOIN \"PermissionSet\" ps ON ps.\"Id\" = psa.\"PermissionSetId\" "
        u"WHERE psa.\"AssigneeId\" = ?"_s);
    system.addBindValue(userId);
    if (!system.exec()) {
        return storageError(system);
    }
    if (system.next()) {
        caller.m_apiEnabled = system.value(0).toInt() != 0;
        caller.m_modifyAllData = system.value(1).toInt() != 0;
        caller.m_viewAllData = system.value(2).toInt() != 0;
        caller.m_viewSetup = system.value(3).toInt() != 0;
        caller.m_manageUsers = system.value(4).toInt() != 0;
        caller.m_freezeUsers = system.value(5).toInt() != 0;
        caller.m_monitorLoginHistory = system.value(6).toInt() != 0;
    }

    QSqlQuery objects(db);
    objects.prepare(
        u"SELECT op.\"SobjectType\", MAX(op.\"PermissionsRead\"), "
        u"MAX(op.\"PermissionsCreate\"), MAX(op.\"PermissionsEdit\"), "
        u"MAX(op.\"PermissionsDelete\"), MAX(op.\"PermissionsViewAllRecords\"), "
        u"MAX(op.\"PermissionsModifyAllRecords\") FROM \"ObjectPermissions\" op "
        u"JOIN \"PermissionSetAssignment\" psa ON psa.\"PermissionSetId\" = op.\"ParentId\" "
        u"WHERE psa.\"AssigneeId\" = ? GROUP BY op.\"SobjectType\""_s);
    objects.addBindValue(userId);
    if (!objects.exec()) {
        return storageError(objects);
    }
    while (objects.next()) {
        ObjectAccess access;
        access.read = objects.value(1).toInt() != 0;
        access.create = objects.value(2).toInt() != 0;
        access.edit = objects.value(3).toInt() != 0;
        access.remove = objects.value(4).toInt() != 0;
        access.viewAll = objects.value(5).toInt() != 0;
        access.modifyAll = objects.value(6).toInt() != 0;
        caller.m_objects.insert(objects.value(0).toString().toLower(), access);
    }
    return caller;
}

CallerPermissions::ObjectAccess CallerPermissions::objectAccess(const QString &objectName) const
{
    return m_objects.value(objectName.toLower());
}

ReadAccess CallerPermissions::readAccess(const SObjectType &type) const
{
    const QString name = type.name().toLower();
    if (viewAllData() || isOpenMetadata(name)) {
        return {};
    }
    if (name == u"permissionsetassignment") {
        return viewSetup() ? ReadAccess{} : ownRows(u"AssigneeId"_s, m_userId);
    }
    if (name == u"objectpermissions") {
        if (viewSetup()) {
            return {};
        }
        ReadAccess access;
        access.rowFilter = u"%1.\"ParentId\" IN (SELECT \"PermissionSetId\" FROM "
                           u"\"PermissionSetAssignment\" WHERE \"AssigneeId\" = ?)"_s;
        access.rowFilterParams = {m_userId};
        return access;
    }
    if (name == u"crontrigger" || name == u"cronjobdetail") {
        return viewSetup() ? ReadAccess{} : unreadable();
    }
    if (name == u"userlogin") {
        return freezeUsers() ? ReadAccess{} : unreadable();
    }
    if (name == u"loginhistory") {
        return monitorLoginHistory() ? ReadAccess{} : ownRows(u"UserId"_s, m_userId);
    }
    if (name == u"oauthtoken") {
        return manageUsers() ? ReadAccess{} : ownRows(u"UserId"_s, m_userId);
    }
    if (name == u"processinstanceworkitem") {
        return ownRows(u"ActorId"_s, m_userId);
    }
    const ObjectAccess access = objectAccess(type.name());
    if (!access.read) {
        return unreadable();
    }
    if (access.viewAll || access.modifyAll || !type.field(u"OwnerId")
        || type.sharingModel() != SharingModel::Private) {
        return {};
    }
    return ownRows(u"OwnerId"_s, m_userId);
}

bool CallerPermissions::mayWrite(const SObjectType &type, Write write, const QString &ownerId) const
{
    const bool typeAllows = write == Write::Create ? type.isCreateable()
                            : write == Write::Edit ? type.isUpdateable()
                                                   : type.isDeletable();
    if (!typeAllows) {
        return false;
    }
    if (m_modifyAllData) {
        return true;
    }
    const QString name = type.name().toLower();
    if (name == u"user" || name == u"permissionsetassignment" || name == u"groupmember") {
        return m_manageUsers;
    }
    if (name == u"userlogin") {
        return freezeUsers();
    }
    if (name == u"oauthtoken") {
        return m_manageUsers || ownerId == m_userId;
    }
    const ObjectAccess access = objectAccess(type.name());
    // Public Read/Write lets everyone who may edit the object edit any record; deleting still
    // takes the owner or Modify All, as on Salesforce.
    const bool shared = write == Write::Edit && type.sharingModel() == SharingModel::ReadWrite;
    const bool owns = ownerId.isEmpty() || ownerId == m_userId || access.modifyAll || shared;
    switch (write) {
    case Write::Create:
        return access.create;
    case Write::Edit:
        return access.edit && owns;
    case Write::Delete:
        return access.remove && owns;
    }
    return false;
}

} // namespace lr::demo
