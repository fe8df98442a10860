#pragma once

#include "core/demo/schema/permissionsetdefinition.h"
#include "core/demo/schema/sobjecttype.h"

#include <QList>
#include <QString>

namespace lr::demo {

// What an SFDX source directory defines: custom objects (with their fields and validation
// rules) and permission sets, each list in name order.
struct SalesforceMetadata
{
    QString directory; // the SFDX project it was read from
    QList<SObjectType> objects;
    QList<PermissionSetDefinition> permissionSets;

    [[nodiscard]] const SObjectType *object(QStringView name) const
    {
        for (const SObjectType &type : objects) {
            if (type.name().compare(name, Qt::CaseInsensitive) == 0) {
                return &type;
            }
        }
        return nullptr;
    }
    [[nodiscard]] const PermissionSetDefinition *permissionSet(QStringView name) const
    {
        for (const PermissionSetDefinition &set : permissionSets) {
            if (set.name.compare(name, Qt::CaseInsensitive) == 0) {
                return &set;
            }
        }
        return nullptr;
    }
};

} // namespace lr::demo
