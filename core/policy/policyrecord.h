#pragma once

#include "core/common/result.h"
#include "core/policy/policy.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace lr::policy {

// A Policy as an LR_Policy__c record (installer/lr-objects-contract.md): the license maps
// and lists as JSON in LongTextArea fields, user types as a ';'-separated multi-select
// picklist, Unique_Name__c as the trimmed, lower-cased name. fromRecord(toFields(p)) gives p
// back (id, version and the LastModified fields come from the org).
class PolicyRecord
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyRecord)

public:
    static inline const QString kType = QStringLiteral("LR_Policy__c");

    // The fields to write, with Version__c = `version` (a create writes 1, a save the
    // loaded version + 1). Leaves out Id; OwnerId only when the policy has an owner.
    [[nodiscard]] static QJsonObject toFields(const Policy &policy, int version);
    // A policy from a record that selected fieldNames(); a stored value this build cannot
    // read (a malformed JSON field, an unknown picklist value) is an error naming the field.
    [[nodiscard]] static Result<Policy> fromRecord(const QJsonObject &record);

    // The SELECT list that fromRecord() reads.
    [[nodiscard]] static QStringList fieldNames();
    // Unique_Name__c: what makes two names the same policy.
    [[nodiscard]] static QString uniqueName(const QString &name);

    // The picklist values (API names) of the enums.
    [[nodiscard]] static QString scheduleValue(Policy::Schedule schedule);
    [[nodiscard]] static QString executionPathValue(Policy::ExecutionPath path);
    [[nodiscard]] static QString timeoutActionValue(Policy::TimeoutAction action);
};

} // namespace lr::policy
