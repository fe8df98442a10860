#pragma once

#include "core/common/result.h"

#include <QCoroTask>
#include <QString>

namespace lr::org {
class OrgClient;
}

namespace lr::policy {

// Whether the signed-in user may create, edit and delete policies (LR_Policy__c), read the
// way Salesforce grants it: Modify All Data, or the object permissions of the permission
// sets assigned to the user (LR Admin and LR Operator edit; LR Viewer only reads). The
// console makes the Policies form read-only up front instead of letting a save fail.
//
// The org stays the judge: a write it refuses anyway still comes back as Refused from
// PolicyRepository.
struct PolicyEditAccess
{
    bool create = false;
    bool edit = false;
    bool remove = false;

    [[nodiscard]] bool mayEdit() const { return edit; }

    // Two queries (the user's permission sets, their object permissions on LR_Policy__c).
    // Errors are the org's own; a caller that cannot tell should let the writes decide.
    [[nodiscard]] static QCoro::Task<Result<PolicyEditAccess>> load(org::OrgClient &client);
};

} // namespace lr::policy
