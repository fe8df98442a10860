#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace lr::policy {

// A save that compare-and-set refused: someone else saved the policy after it was loaded
// (Version__c moved on), or another policy already has the name. The console offers Reload
// (PolicyRepository::load) or, for ChangedSinceLoaded, Overwrite
// (PolicyRepository::overwrite).
struct PolicyConflict
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyConflict)

public:
    enum class Reason {
        ChangedSinceLoaded, // Version_Conflict on Version__c
        NameTaken,          // DUPLICATE_VALUE on Unique_Name__c
    };

    Reason reason = Reason::ChangedSinceLoaded;
    QString policyId;   // the stored record: this policy, or the one holding the name
    QString policyName; // its name as stored
    int storedVersion = 0;
    QString changedBy;   // LastModifiedBy.Name of the stored record
    QDateTime changedAt; // its LastModifiedDate (UTC)

    // "Ana Lopez saved this policy on 3 Mar 2026 at 14:02 UTC, after you opened it. Reload
    // it, or save again to overwrite." / "The name … is taken by another policy …".
    [[nodiscard]] QString message() const;
};

} // namespace lr::policy
