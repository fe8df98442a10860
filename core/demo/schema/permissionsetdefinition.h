#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lr::demo {

// A permission set as the PermissionSet metadata type defines it: system permissions by their
// metadata names ("ApiEnabled", "ViewSetup" ...), object permissions and field permissions.
struct PermissionSetDefinition
{
    struct ObjectAccess
    {
        QString object;
        bool read = false;
        bool create = false;
        bool edit = false;
        bool remove = false;
        bool viewAll = false;
        bool modifyAll = false;
    };
    struct FieldAccess
    {
        QString field; // "LR_Policy__c.Active__c"
        bool readable = false;
        bool editable = false;
    };

    QString name; // the file name, e.g. "LR_Admin"
    QString label;
    QString description;
    QStringList userPermissions; // the enabled ones
    QList<ObjectAccess> objects;
    QList<FieldAccess> fields;

    [[nodiscard]] const ObjectAccess *objectAccess(QStringView object) const
    {
        for (const ObjectAccess &access : objects) {
            if (access.object.compare(object, Qt::CaseInsensitive) == 0) {
                return &access;
            }
        }
        return nullptr;
    }
    [[nodiscard]] const FieldAccess *fieldAccess(QStringView field) const
    {
        for (const FieldAccess &access : fields) {
            if (access.field.compare(field, Qt::CaseInsensitive) == 0) {
                return &access;
            }
        }
        return nullptr;
    }
};

} // namespace lr::demo
