#pragma once

#include "core/common/result.h"
#include "core/demo/soql/soqlquery.h"

#include <QHash>
#include <QString>

namespace lr::demo {

class OrgDatabase;
class SObjectType;

// What one demo user may do, computed from the org's own data the way Salesforce does:
// system permissions are the union of every permission set assigned to the user (the
// profile's own set included), object permissions come from ObjectPermissions rows of those
// sets. The demo org answers every request through one of these.
class CallerPermissions
{
public:
    struct ObjectAccess
    {
        bool read = false;
        bool create = false;
        bool edit = false;
        bool remove = false;
        bool viewAll = false;
        bool modifyAll = false;
    };

    [[nodiscard]] static Result<CallerPermissions> load(const OrgDatabase &database,
                                                        const QString &userId);

    [[nodiscard]] const QString &userId() const { return m_userId; }
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] bool isFrozen() const { return m_frozen; }
    [[nodiscard]] bool apiEnabled() const { return m_apiEnabled; }
    [[nodiscard]] bool modifyAllData() const { return m_modifyAllData; }
    [[nodiscard]] bool viewAllData() const { return m_viewAllData || m_modifyAllData; }
    [[nodiscard]] bool viewSetup() const { return m_viewSetup; }
    [[nodiscard]] bool manageUsers() const { return m_manageUsers; }
    [[nodiscard]] bool freezeUsers() const { return m_freezeUsers || m_manageUsers; }
    [[nodiscard]] bool monitorLoginHistory() const
    {
        return m_monitorLoginHistory || m_manageUsers;
    }
    [[nodiscard]] ObjectAccess objectAccess(const QString &objectName) const;

    // What the user may read of `type` (used by the SOQL compiler).
    [[nodiscard]] ReadAccess readAccess(const SObjectType &type) const;

    // Whether the user may create, edit or delete a record of `type`; `ownerId` is the
    // record's OwnerId when it has one. The object's sharing model decides whether records of
    // other owners are readable and editable. A refusal is INSUFFICIENT_ACCESS_OR_READONLY.
    enum class Write {
        Create,
        Edit,
        Delete,
    };
    [[nodiscard]] bool mayWrite(const SObjectType &type, Write write, const QString &ownerId) const;

private:
    QString m_userId;
    bool m_active = false;
    bool m_frozen = false;
    bool m_apiEnabled = false;
    bool m_modifyAllData = false;
    bool m_viewAllData = false;
    bool m_viewSetup = false;
    bool m_manageUsers = false;
    bool m_freezeUsers = false;
    bool m_monitorLoginHistory = false;
    QHash<QString, ObjectAccess> m_objects; // keyed by lower-case object name
};

} // namespace lr::demo
