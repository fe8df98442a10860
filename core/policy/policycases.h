#pragma once

#include "core/common/result.h"
#include "core/policy/policy.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QList>
#include <QString>

namespace lr::org {
class OrgClient;
}

namespace lr::policy {

// What a policy needs to know of its reclaim cases (LR_Case__c, schema version 2; design
// §3): how many are still open, and whom they kept lately. A case in any state but
// Deactivated, Reactivated, Kept or Downgraded is open. Unknown is unsafe: a user who may
// not read LR_Case__c gets a Refused error (LR_CASES_UNREADABLE) naming the permission,
// never an empty answer. `client` must outlive each call.
class PolicyCases
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyCases)

public:
    static constexpr const char16_t *kType = u"LR_Case__c";

    // The policy's cases that are not closed; a policy with any cannot be deleted.
    [[nodiscard]] static QCoro::Task<Result<int>> openCount(org::OrgClient *client,
                                                            QString policyId);

    // The users the policy's cases kept (or reactivated, a keep after the fact) within the
    // longest cooldown a policy may have, newest first, so that a cooldown edited in the
    // form applies without reading them again (the exempt check compares each date with
    // the policy's own cooldown). A case that ended Kept or Reactivated was last changed
    // when it ended, so its LastModifiedDate is the day of the keep.
    [[nodiscard]] static QCoro::Task<Result<QList<RecentKeep>>> recentKeeps(org::OrgClient *client,
                                                                            QString policyId);

private:
    // The Refused error for a user who may not read the cases; `unknown` says what that
    // leaves unknown, as a sentence.
    [[nodiscard]] static Error unreadable(const QString &unknown);
};

} // namespace lr::policy
