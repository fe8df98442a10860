#pragma once

#include "core/common/result.h"
#include "core/policy/deploymentstatus.h"
#include "core/policy/policy.h"
#include "core/policy/policysummary.h"
#include "core/policy/policywriteoutcome.h"

#include <QByteArray>
#include <QCoroTask>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <optional>

namespace lr::org {
class OrgClient;
}

namespace lr::policy {

// The org's policies: LR_Policy__c records with their LR_Exemption__c rows, read and
// written through one OrgClient (which must outlive the repository).
//
// Writes are compare-and-set: a save carries Version__c = the loaded version + 1, and the
// org's Version_Conflict rule refuses it when someone saved in between. That refusal (or
// DUPLICATE_VALUE on the unique name) comes back as PolicyWriteOutcome::conflict, naming
// who saved last and when; nothing else is written then. The console offers Reload (load)
// or Overwrite (overwrite).
//
// Errors (Result):
//   Usage    the policy is invalid: the message lists every problem, `fields` their paths;
//            nothing was sent. Also an import file with any problem.
//   Refused  the LR objects are not deployed or too old (DeploymentStatus::refusal(), with
//            the deploy command); the user may not edit policies (INSUFFICIENT_ACCESS…:
//            "needs the LR Operator or LR Admin permission set"); a delete of a policy
//            with open cases; a write to the built-in default.
//   other    the org's own errors (Remote, Network, Timeout …), as OrgClient gives them;
//            NOT_FOUND when no policy has that id or name.
//
// Until the objects are known to be deployed every call first checks deploymentStatus()
// (two queries, then cached). Without them list() holds only the built-in default and
// loadByName() finds only it.
class PolicyRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyRepository)

public:
    explicit PolicyRepository(org::OrgClient *client, QObject *parent = nullptr);
    ~PolicyRepository() override;

    // The org's alias, for the deploy command in messages; "<alias>" when not set.
    void setOrgAlias(const QString &alias) { m_alias = alias; }
    [[nodiscard]] const QString &orgAlias() const { return m_alias; }

    // Whether the LR objects are deployed in the current schema version. Cached after the
    // first answer; `refresh` asks the org again (after a deploy).
    [[nodiscard]] QCoro::Task<Result<DeploymentStatus>> deploymentStatus(bool refresh = false);

    // Every stored policy by name (case-insensitive); only the built-in default when the
    // objects are not deployed.
    [[nodiscard]] QCoro::Task<Result<QList<PolicySummary>>> list();
    // One policy with its exemptions, by record id.
    [[nodiscard]] QCoro::Task<Result<Policy>> load(QString id);
    // By name, compared as Unique_Name__c does (trimmed, case-insensitive).
    [[nodiscard]] QCoro::Task<Result<Policy>> loadByName(QString name);

    // Stores a new policy (Version__c = 1) and its exemptions; a NameTaken conflict when the
    // name is in use. If the exemptions cannot be written the new record is deleted again.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> create(Policy policy);
    // Saves every field and the exemption list (rows created, updated and deleted to match,
    // 200 a call) over the stored record, compare-and-set on policy.version.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> save(Policy policy);
    // Saves over whatever is stored now: reads the stored version and saves on top of it.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> overwrite(Policy policy);
    // Only the name (compare-and-set); the rest of `policy` is not written.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> rename(Policy policy, QString newName);
    // A new policy with the same fields and exemptions, named "Copy of <name>" (then
    // "Copy of <name> (2)" … until the name is free), paused.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> duplicate(Policy policy);
    // Pause (false) or resume (true): Active__c only, compare-and-set.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> setActive(Policy policy, bool active);
    // Deletes the policy and its exemption rows, after checking that its version is still
    // the stored one (a conflict otherwise) and that it has no open case (Refused: "pause
    // it instead").
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> remove(Policy policy);
    // Cases of the policy that are not closed (PolicyCases::openCount: a user who may not
    // read them gets a Refused error, never 0).
    [[nodiscard]] QCoro::Task<Result<int>> openCaseCount(QString policyId);

    // Reads a policy file (PolicyJson), resolves exemptions given by username to user ids,
    // applies every rule, then creates the policy or, when one has its name, overwrites it.
    // A file with any problem is a Usage error listing each with its JSON path, and
    // nothing is written.
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>> importJson(QByteArray file);

Q_SIGNALS:
    // After any successful write, so lists can refresh.
    void policiesChanged();

private:
    [[nodiscard]] QCoro::Task<Result<DeploymentStatus>> probeDeployment();
    [[nodiscard]] QCoro::Task<Result<void>> ensureWritable();
    [[nodiscard]] QCoro::Task<Result<PolicyWriteOutcome>>
    writeFields(Policy policy, QJsonObject fields, bool withExemptions);
    [[nodiscard]] QCoro::Task<Result<PolicyConflict>>
    describeConflict(PolicyConflict::Reason reason, QString policyId, QString name);
    [[nodiscard]] QCoro::Task<Result<Policy>> loadWhere(QString condition, QString what);
    [[nodiscard]] QCoro::Task<Result<std::optional<Policy>>> findByName(QString name);
    [[nodiscard]] QCoro::Task<Result<int>> storedVersion(QString id);
    [[nodiscard]] QCoro::Task<Result<QList<PolicyProblem>>> resolveExemptionUsers(Policy *policy);
    [[nodiscard]] Error writeError(const Error &error) const;

    org::OrgClient *m_client;
    QString m_alias;
    std::optional<DeploymentStatus> m_status;
};

} // namespace lr::policy
