#pragma once

#include "core/policy/policy.h"
#include "core/safety/finding.h"
#include "core/safety/safetysettings.h"
#include "core/scan/orgsnapshot.h"

#include <QDateTime>
#include <QList>

namespace lr::pipeline {

// One user a policy would reclaim (no red finding) or keeps safe (at least one red).
struct PreviewEntry
{
    int userIndex = -1; // into OrgSnapshot::users
    int daysInactive = 0;
    int thresholdDays = 0;
    QList<safety::Finding> findings;
};

// What a policy would do on a snapshot, without writing anything: the users in its scope
// past their threshold, split into candidates and blocked users with every finding.
struct ReclaimPreview
{
    QList<PreviewEntry> candidates;
    QList<PreviewEntry> blocked;
    int inScope = 0; // users the policy covers that the snapshot holds

    [[nodiscard]] static ReclaimPreview build(const scan::OrgSnapshot &snapshot,
                                              const policy::Policy &policy,
                                              const safety::SafetySettings &settings,
                                              const QDateTime &now);
};

} // namespace lr::pipeline
