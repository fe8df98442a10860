#pragma once

#include "core/common/result.h"
#include "core/demo/generator/generateduser.h"

#include <QList>

namespace lr::demo {

struct GenerationContext;

// Writes the planned users: User, their UserLogin (freeze and lock state) and their
// PermissionSetAssignment rows (the profile's own permission set, as Salesforce assigns
// it to every user, and each ordinary permission set). Rows go out in id order.
class UserWriter
{
public:
    [[nodiscard]] static Result<void> write(const GenerationContext &context,
                                            const QList<GeneratedUser> &users);
};

} // namespace lr::demo
