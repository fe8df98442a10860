#pragma once

#include "core/policy/policy.h"

#include <QDateTime>
#include <QString>

namespace lr::policy {

// One row of the policy list: what the Policies page and `lrctl policy list` show without
// loading every policy's exemptions. Load the policy by id before editing it.
struct PolicySummary
{
    QString id; // empty for the built-in default
    QString name;
    int version = 1;
    bool active = true;
    Policy::Schedule schedule = Policy::Schedule::Weekly;
    Policy::ExecutionPath executionPath = Policy::ExecutionPath::Email;
    int defaultThresholdDays = 90;
    bool dryRun = true;
    QString lastModifiedBy;
    QDateTime lastModifiedAt;

    [[nodiscard]] bool isBuiltIn() const { return id.isEmpty(); }

    [[nodiscard]] static PolicySummary of(const Policy &policy)
    {
        return {policy.id,
                policy.name,
                policy.version,
                policy.active,
                policy.schedule,
                policy.executionPath,
                policy.defaultThresholdDays,
                policy.dryRun,
                policy.lastModifiedBy,
                policy.lastModifiedAt};
    }
};

} // namespace lr::policy
