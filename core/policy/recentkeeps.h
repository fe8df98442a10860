#pragma once

#include "core/common/result.h"
#include "core/policy/policy.h"

#include <QCoroTask>
#include <QList>
#include <QString>

namespace lr::org {
class OrgClient;
}

namespace lr::policy {

// The users a policy's cases kept (or reactivated, which is a keep after the fact) inside its
// cooldown: the exempt check does not propose them again until it ends (design §4). A case
// that ended Kept or Reactivated was last changed when it ended, so its LastModifiedDate is
// the day of the keep.
class RecentKeeps
{
public:
    // The policy's keeps of the longest cooldown a policy may have, newest first, so that a
    // cooldown edited in the form applies without reading them again (the check compares
    // each date with the policy's own cooldown). A user who may not read LR_Case__c gets a
    // Refused error naming the permission: the caller marks the policy's keeps unknown,
    // never empty. `client` must outlive the call.
    [[nodiscard]] static QCoro::Task<Result<QList<RecentKeep>>> load(org::OrgClient *client,
                                                                     QString policyId);

    // The Refused error above, in words for the person who reads the finding.
    [[nodiscard]] static Error unreadable();
};

} // namespace lr::policy
