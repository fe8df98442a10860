#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyconflict.h"

#include <optional>

namespace lr::policy {

// What a compare-and-set write did: either the policy as now stored (with its new version,
// reloaded from the org) or the conflict that stopped it, in which case nothing was written.
// After a delete, neither is set.
struct PolicyWriteOutcome
{
    std::optional<Policy> policy;
    std::optional<PolicyConflict> conflict;

    [[nodiscard]] bool hasConflict() const { return conflict.has_value(); }
};

} // namespace lr::policy
