#pragma once

#include "core/common/result.h"
#include "core/demo/schema/permissionsetdefinition.h"

#include <QString>

namespace lr::demo {

// Reads a <Name>.permissionset-meta.xml file: label, description, userPermissions,
// objectPermissions and fieldPermissions. Salesforce's own consistency rules are checked
// (create, edit and View All need read; delete needs edit; Modify All needs View All and
// delete; an editable field must be readable), and any other element is an error naming the
// file and the element.
class PermissionSetReader
{
public:
    [[nodiscard]] static Result<PermissionSetDefinition> read(const QString &path,
                                                              const QString &displayPath);
};

} // namespace lr::demo
