#pragma once

#include "core/common/result.h"
#include "core/org/records.h"
#include "core/policy/policy.h"

#include <QCoroTask>
#include <QList>
#include <QStringList>

namespace lr::org {
class OrgClient;
}

namespace lr::policy {

// Keeps a policy's LR_Exemption__c rows in step with its exemption list. Rows are matched by
// user (a policy exempts a user once): a new user's row is created, a changed reason or
// expiry updated, a user no longer listed deleted — in sObject Collections of at most 200,
// all-or-none within each call. Creates go first and deletes last, so that a failure half
// way leaves users protected rather than exposed.
class ExemptionSync
{
public:
    struct Plan
    {
        QList<org::RecordWrite> creates;
        QList<org::RecordWrite> updates;
        QStringList deletes; // record ids
    };

    // What to write so that `stored` becomes `wanted` (pure).
    [[nodiscard]] static Plan
    plan(const QList<Exemption> &stored, const QList<Exemption> &wanted, const QString &policyId);

    // The policy's rows, oldest first. `client` must outlive the call.
    [[nodiscard]] static QCoro::Task<Result<QList<Exemption>>> load(org::OrgClient *client,
                                                                    QString policyId);
    // Reads the stored rows and writes the plan. `client` must outlive the call.
    [[nodiscard]] static QCoro::Task<Result<void>>
    apply(org::OrgClient *client, QString policyId, QList<Exemption> wanted);
    // Deletes every row of the policy.
    [[nodiscard]] static QCoro::Task<Result<void>> removeAll(org::OrgClient *client,
                                                             QString policyId);

    // The first real error of a collection answer (not ALL_OR_NONE_OPERATION_ROLLED_BACK),
    // or nothing when every record succeeded.
    [[nodiscard]] static std::optional<Error> firstError(const QList<org::SaveResult> &results);
};

} // namespace lr::policy
