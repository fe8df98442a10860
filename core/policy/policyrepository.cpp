#include "core/policy/policyrepository.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/org/recordid.h"
#include "core/org/soqlliteral.h"
#include "core/policy/exemptionsync.h"
#include "core/policy/policycases.h"
#include "core/policy/policyjson.h"
#include "core/policy/policyrecord.h"
#include "core/policy/policyvalidator.h"

#include <QHash>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace lr::policy {

using org::SoqlLiteral;

namespace {

const QString kSettingsType = u"LR_Settings__c"_s;
bool isRecordId(const QString &id)
{
    return org::RecordId::isOf(id, {});
}

Error badId(const QString &id)
{
    return Error::make(Error::Kind::Usage,
                       u"MALFORMED_ID"_s,
                       PolicyRepository::tr("'%1' is not a record id.").arg(id.left(40)));
}

Error gone()
{
    return Error::make(Error::Kind::Internal,
                       u"REPOSITORY_GONE"_s,
                       PolicyRepository::tr("The policy list was closed."));
}

Error notFound(const QString &what)
{
    return Error::make(Error::Kind::Remote,
                       u"NOT_FOUND"_s,
                       PolicyRepository::tr("There is no policy %1 in this org.").arg(what));
}

Error builtInRefusal()
{
    return Error::make(
        Error::Kind::Refused,
        u"BUILT_IN_POLICY"_s,
        PolicyRepository::tr("The built-in default policy is not stored in the org; save it as a "
                             "policy first to change it."));
}

bool isPermissionError(const Error &error)
{
    return error.code == u"INSUFFICIENT_ACCESS_OR_READONLY"
           || error.code == u"INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"
           || error.code == u"INSUFFICIENT_ACCESS";
}

bool isVersionConflict(const Error &error)
{
    return error.code == u"FIELD_CUSTOM_VALIDATION_EXCEPTION"
           && error.fields.contains(u"Version__c"_s);
}

bool isDeleted(const Error &error)
{
    return error.code == u"ENTITY_IS_DELETED" || error.code == u"NOT_FOUND";
}

QString policySelect(const QString &condition)
{
    return u"SELECT %1 FROM %2 WHERE %3"_s.arg(
        PolicyRecord::fieldNames().join(u", "_s), PolicyRecord::kType, condition);
}

// The summary of a record whose JSON fields cannot be read: enough to find and fix it.
PolicySummary rawSummary(const QJsonObject &record)
{
    Policy policy;
    policy.id = record.value(u"Id"_s).toString();
    policy.name = record.value(u"Name"_s).toString();
    policy.version = record.value(u"Version__c"_s).toInt(1);
    policy.active = record.value(u"Active__c"_s).toBool(true);
    policy.lastModifiedBy =
        record.value(u"LastModifiedBy"_s).toObject().value(u"Name"_s).toString();
    policy.lastModifiedAt =
        QDateTime::fromString(record.value(u"LastModifiedDate"_s).toString(), Qt::ISODateWithMs);
    return PolicySummary::of(policy);
}

} // namespace

PolicyRepository::PolicyRepository(org::OrgClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

PolicyRepository::~PolicyRepository() = default;

Error PolicyRepository::writeError(const Error &error) const
{
    if (isPermissionError(error)) {
        Error refused = Error::make(Error::Kind::Refused,
                                    error.code,
                                    tr("Your user may not edit policies: it needs the LR "
                                       "Operator or LR Admin permission set."),
                                    error.message);
        return refused;
    }
    if (error.code == u"INVALID_TYPE") {
        return DeploymentStatus{}.refusal(m_alias);
    }
    return error;
}

QCoro::Task<Result<DeploymentStatus>> PolicyRepository::deploymentStatus(bool refresh)
{
    if (m_status && !refresh) {
        co_return *m_status;
    }
    QPointer<PolicyRepository> self(this);
    Result<DeploymentStatus> status = co_await probeDeployment();
    if (!self) {
        co_return gone();
    }
    if (status) {
        m_status = status.value();
        if (!m_status->isDeployed()) {
            qCInfo(lcOrg) << "LR objects not usable:" << m_status->message(m_alias);
        }
    }
    co_return status;
}

QCoro::Task<Result<DeploymentStatus>> PolicyRepository::probeDeployment()
{
    DeploymentStatus status;
    // Every field this build reads: INVALID_TYPE means no objects (or no access to them),
    // INVALID_FIELD an older schema without some field.
    Result<org::QueryResult> policies =
        co_await m_client->query(policySelect(u"Id != null LIMIT 1"_s));
    if (!policies) {
        if (policies.error().code == u"INVALID_TYPE") {
            status.state = DeploymentStatus::State::NotDeployed;
            co_return status;
        }
        if (policies.error().code != u"INVALID_FIELD") {
            co_return policies.error();
        }
        status.state = DeploymentStatus::State::OutdatedSchema;
        co_return status;
    }
    Result<org::QueryResult> settings = co_await m_client->query(
        u"SELECT Schema_Version__c FROM %1 WHERE Name = 'Default' LIMIT 1"_s.arg(kSettingsType));
    if (!settings) {
        const QString code = settings.error().code;
        if (code != u"INVALID_TYPE" && code != u"INVALID_FIELD") {
            co_return settings.error();
        }
        status.state = DeploymentStatus::State::OutdatedSchema;
        co_return status;
    }
    if (!settings->records.isEmpty()) {
        status.schemaVersion =
            qRound(settings->records.first().toObject().value(u"Schema_Version__c"_s).toDouble());
    }
    if (status.schemaVersion < DeploymentStatus::kCurrentSchemaVersion) {
        status.state = DeploymentStatus::State::OutdatedSchema;
        co_return status;
    }
    Result<org::QueryResult> exemptions = co_await m_client->query(
        u"SELECT Id, User__c, Reason__c, Expires__c, Policy__c FROM LR_Exemption__c LIMIT 1"_s);
    if (!exemptions) {
        const QString code = exemptions.error().code;
        if (code != u"INVALID_TYPE" && code != u"INVALID_FIELD") {
            co_return exemptions.error();
        }
        status.state = DeploymentStatus::State::OutdatedSchema;
        co_return status;
    }
    status.state = DeploymentStatus::State::Deployed;
    co_return status;
}

QCoro::Task<Result<void>> PolicyRepository::ensureWritable()
{
    QPointer<PolicyRepository> self(this);
    Result<DeploymentStatus> status = co_await deploymentStatus();
    if (!self) {
        co_return gone();
    }
    if (!status) {
        co_return status.error();
    }
    if (!status->isDeployed()) {
        co_return status->refusal(m_alias);
    }
    co_return Result<void>();
}

QCoro::Task<Result<QList<PolicySummary>>> PolicyRepository::list()
{
    QPointer<PolicyRepository> self(this);
    Result<DeploymentStatus> status = co_await deploymentStatus();
    if (!self) {
        co_return gone();
    }
    if (!status) {
        co_return status.error();
    }
    QList<PolicySummary> summaries;
    if (status->isDeployed()) {
        Result<org::QueryResult> records = co_await m_client->query(policySelect(u"Id != null"_s));
        if (!self) {
            co_return gone();
        }
        if (!records) {
            co_return records.error();
        }
        for (const QJsonValue &value : std::as_const(records->records)) {
            const Result<Policy> policy = PolicyRecord::fromRecord(value.toObject());
            summaries.append(policy ? PolicySummary::of(policy.value())
                                    : rawSummary(value.toObject()));
        }
        std::sort(summaries.begin(), summaries.end(), [](const auto &a, const auto &b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
    }
    if (summaries.isEmpty()) {
        summaries.append(PolicySummary::of(Policy::builtInDefault()));
    }
    co_return summaries;
}

QCoro::Task<Result<Policy>> PolicyRepository::loadWhere(QString condition, QString what)
{
    QPointer<PolicyRepository> self(this);
    Result<org::QueryResult> records = co_await m_client->query(policySelect(condition));
    if (!self) {
        co_return gone();
    }
    if (!records) {
        co_return records.error();
    }
    if (records->records.isEmpty()) {
        co_return notFound(what);
    }
    Result<Policy> policy = PolicyRecord::fromRecord(records->records.first().toObject());
    if (!policy) {
        co_return policy.error();
    }
    Result<QList<Exemption>> exemptions = co_await ExemptionSync::load(m_client, policy->id);
    if (!self) {
        co_return gone();
    }
    if (!exemptions) {
        co_return exemptions.error();
    }
    policy->exemptions = exemptions.value();
    Result<QList<RecentKeep>> keeps = co_await PolicyCases::recentKeeps(m_client, policy->id);
    if (!self) {
        co_return gone();
    }
    if (keeps) {
        policy->recentKeeps = keeps.value();
    } else if (keeps.error().kind == Error::Kind::Refused) {
        policy->recentKeepsUnknown = keeps.error().message; // editable; blocks every user
    } else {
        co_return keeps.error();
    }
    co_return policy;
}

QCoro::Task<Result<Policy>> PolicyRepository::load(QString id)
{
    if (!isRecordId(id)) {
        co_return badId(id);
    }
    QPointer<PolicyRepository> self(this);
    Result<DeploymentStatus> status = co_await deploymentStatus();
    if (!self) {
        co_return gone();
    }
    if (!status) {
        co_return status.error();
    }
    if (!status->isDeployed()) {
        co_return notFound(tr("with the id %1").arg(id));
    }
    co_return co_await loadWhere(u"Id = '%1'"_s.arg(id), tr("with the id %1").arg(id));
}

QCoro::Task<Result<Policy>> PolicyRepository::loadByName(QString name)
{
    QPointer<PolicyRepository> self(this);
    Result<DeploymentStatus> status = co_await deploymentStatus();
    if (!self) {
        co_return gone();
    }
    if (!status) {
        co_return status.error();
    }
    const QString what = tr("named '%1'").arg(name.trimmed().left(80));
    const Policy builtIn = Policy::builtInDefault();
    const bool isBuiltInName =
        PolicyRecord::uniqueName(name) == PolicyRecord::uniqueName(builtIn.name);
    if (!status->isDeployed()) {
        co_return isBuiltInName ? Result<Policy>(builtIn) : Result<Policy>(notFound(what));
    }
    Result<Policy> policy = co_await loadWhere(
        u"Unique_Name__c = %1"_s.arg(SoqlLiteral::text(PolicyRecord::uniqueName(name))), what);
    if (!self) {
        co_return gone();
    }
    if (!policy && policy.error().code == u"NOT_FOUND" && isBuiltInName) {
        // The built-in default stands until a policy of that name is stored.
        co_return builtIn;
    }
    co_return policy;
}

QCoro::Task<Result<std::optional<Policy>>> PolicyRepository::findByName(QString name)
{
    QPointer<PolicyRepository> self(this);
    Result<org::QueryResult> records = co_await m_client->query(policySelect(
        u"Unique_Name__c = %1"_s.arg(SoqlLiteral::text(PolicyRecord::uniqueName(name)))));
    if (!self) {
        co_return gone();
    }
    if (!records) {
        co_return records.error();
    }
    if (records->records.isEmpty()) {
        co_return std::optional<Policy>();
    }
    Result<Policy> policy = PolicyRecord::fromRecord(records->records.first().toObject());
    if (!policy) {
        co_return policy.error();
    }
    co_return std::optional<Policy>(policy.value());
}

QCoro::Task<Result<int>> PolicyRepository::storedVersion(QString id)
{
    QPointer<PolicyRepository> self(this);
    Result<org::QueryResult> records = co_await m_client->query(
        u"SELECT Version__c FROM %1 WHERE Id = '%2'"_s.arg(PolicyRecord::kType, id));
    if (!self) {
        co_return gone();
    }
    if (!records) {
        co_return records.error();
    }
    if (records->records.isEmpty()) {
        co_return notFound(tr("with the id %1").arg(id));
    }
    co_return qRound(records->records.first().toObject().value(u"Version__c"_s).toDouble());
}

QCoro::Task<Result<PolicyConflict>>
PolicyRepository::describeConflict(PolicyConflict::Reason reason, QString policyId, QString name)
{
    PolicyConflict conflict;
    conflict.reason = reason;
    conflict.policyId = policyId;
    conflict.policyName = name.trimmed();
    const QString condition =
        reason == PolicyConflict::Reason::NameTaken
            ? u"Unique_Name__c = %1"_s.arg(SoqlLiteral::text(PolicyRecord::uniqueName(name)))
            : u"Id = '%1'"_s.arg(policyId);
    QPointer<PolicyRepository> self(this);
    Result<org::QueryResult> records = co_await m_client->query(
        u"SELECT Id, Name, Version__c, LastModifiedDate, LastModifiedBy.Name FROM %1 WHERE %2"_s
            .arg(PolicyRecord::kType, condition));
    if (!self) {
        co_return gone();
    }
    // Who and when are a courtesy: the conflict stands even when they cannot be read.
    if (records && !records->records.isEmpty()) {
        const QJsonObject stored = records->records.first().toObject();
        conflict.policyId = stored.value(u"Id"_s).toString();
        conflict.policyName = stored.value(u"Name"_s).toString();
        conflict.storedVersion = qRound(stored.value(u"Version__c"_s).toDouble());
        conflict.changedBy =
            stored.value(u"LastModifiedBy"_s).toObject().value(u"Name"_s).toString();
        conflict.changedAt =
            QDateTime::fromString(stored.value(u"LastModifiedDate"_s).toString(), Qt::ISODateWithMs)
                .toUTC();
    }
    co_return conflict;
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::create(Policy policy)
{
    QPointer<PolicyRepository> self(this);
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    if (const QList<PolicyProblem> problems = policy.validate(); !problems.isEmpty()) {
        co_return PolicyProblem::toError(
            problems, tr("The policy '%1' cannot be saved:").arg(policy.name.trimmed().left(80)));
    }
    const QList<org::RecordWrite> records{
        {PolicyRecord::kType, {}, PolicyRecord::toFields(policy, 1)}};
    Result<QList<org::SaveResult>> created = co_await m_client->createRecords(records, true);
    if (!self) {
        co_return gone();
    }
    if (!created) {
        co_return writeError(created.error());
    }
    if (const auto error = ExemptionSync::firstError(created.value())) {
        if (error->code == u"DUPLICATE_VALUE") {
            Result<PolicyConflict> conflict =
                co_await describeConflict(PolicyConflict::Reason::NameTaken, {}, policy.name);
            if (!conflict) {
                co_return conflict.error();
            }
            PolicyWriteOutcome outcome;
            outcome.conflict = conflict.value();
            co_return outcome;
        }
        co_return writeError(*error);
    }
    const QString id = created->first().id;
    Result<void> exemptions = co_await ExemptionSync::apply(m_client, id, policy.exemptions);
    if (!self) {
        co_return gone();
    }
    if (!exemptions) {
        // A policy without the exemptions it was given would reclaim users it must not
        // touch: take it back out.
        const QStringList ids{id};
        Result<QList<org::SaveResult>> undone = co_await m_client->deleteRecords(ids, true);
        if (!undone || ExemptionSync::firstError(undone.value())) {
            qCWarning(lcOrg) << "could not delete the policy" << id
                             << "after its exemptions failed";
        }
        co_return writeError(exemptions.error());
    }
    qCInfo(lcOrg) << "created policy" << id;
    Result<Policy> stored = co_await load(id);
    if (!self) {
        co_return gone();
    }
    if (!stored) {
        co_return stored.error();
    }
    Q_EMIT policiesChanged();
    PolicyWriteOutcome outcome;
    outcome.policy = stored.value();
    co_return outcome;
}

QCoro::Task<Result<PolicyWriteOutcome>>
PolicyRepository::writeFields(Policy policy, QJsonObject fields, bool withExemptions)
{
    QPointer<PolicyRepository> self(this);
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    if (!isRecordId(policy.id)) {
        co_return badId(policy.id);
    }
    Result<void> updated = co_await m_client->updateRecord(PolicyRecord::kType, policy.id, fields);
    if (!self) {
        co_return gone();
    }
    if (!updated) {
        const Error &error = updated.error();
        if (isVersionConflict(error) || error.code == u"DUPLICATE_VALUE") {
            const auto reason = error.code == u"DUPLICATE_VALUE"
                                    ? PolicyConflict::Reason::NameTaken
                                    : PolicyConflict::Reason::ChangedSinceLoaded;
            Result<PolicyConflict> conflict = co_await describeConflict(
                reason, policy.id, fields.value(u"Name"_s).toString(policy.name));
            if (!conflict) {
                co_return conflict.error();
            }
            PolicyWriteOutcome outcome;
            outcome.conflict = conflict.value();
            co_return outcome;
        }
        if (isDeleted(error)) {
            co_return Error::make(Error::Kind::Remote,
                                  u"NOT_FOUND"_s,
                                  tr("The policy '%1' no longer exists: another user deleted it "
                                     "after you opened it.")
                                      .arg(policy.name.left(80)));
        }
        co_return writeError(error);
    }
    if (withExemptions) {
        Result<void> exemptions =
            co_await ExemptionSync::apply(m_client, policy.id, policy.exemptions);
        if (!self) {
            co_return gone();
        }
        if (!exemptions) {
            Error error = writeError(exemptions.error());
            error.message =
                tr("The policy was saved, but not all of its exemptions: %1").arg(error.message);
            co_return error;
        }
    }
    Result<Policy> stored = co_await load(policy.id);
    if (!self) {
        co_return gone();
    }
    if (!stored) {
        co_return stored.error();
    }
    Q_EMIT policiesChanged();
    PolicyWriteOutcome outcome;
    outcome.policy = stored.value();
    co_return outcome;
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::save(Policy policy)
{
    if (!policy.isStored()) {
        co_return co_await create(std::move(policy));
    }
    if (const QList<PolicyProblem> problems = policy.validate(); !problems.isEmpty()) {
        co_return PolicyProblem::toError(
            problems, tr("The policy '%1' cannot be saved:").arg(policy.name.trimmed().left(80)));
    }
    const QJsonObject fields = PolicyRecord::toFields(policy, policy.version + 1);
    co_return co_await writeFields(std::move(policy), fields, true);
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::overwrite(Policy policy)
{
    if (!policy.isStored()) {
        co_return co_await create(std::move(policy));
    }
    if (!isRecordId(policy.id)) {
        co_return badId(policy.id);
    }
    QPointer<PolicyRepository> self(this);
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    Result<int> version = co_await storedVersion(policy.id);
    if (!self) {
        co_return gone();
    }
    if (!version) {
        co_return version.error();
    }
    policy.version = version.value();
    co_return co_await save(std::move(policy));
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::rename(Policy policy, QString newName)
{
    if (!policy.isStored()) {
        co_return builtInRefusal();
    }
    Policy renamed = policy;
    renamed.name = newName;
    QList<PolicyProblem> problems = renamed.validate();
    problems.removeIf([](const PolicyProblem &p) { return p.field != PolicyField::Name; });
    if (!problems.isEmpty()) {
        co_return PolicyProblem::toError(problems, tr("The policy cannot be renamed:"));
    }
    const QJsonObject fields{{u"Name"_s, newName.trimmed()},
                             {u"Unique_Name__c"_s, PolicyRecord::uniqueName(newName)},
                             {u"Version__c"_s, policy.version + 1}};
    co_return co_await writeFields(std::move(policy), fields, false);
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::setActive(Policy policy, bool active)
{
    if (!policy.isStored()) {
        co_return builtInRefusal();
    }
    const QJsonObject fields{{u"Active__c"_s, active}, {u"Version__c"_s, policy.version + 1}};
    co_return co_await writeFields(std::move(policy), fields, false);
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::duplicate(Policy policy)
{
    QPointer<PolicyRepository> self(this);
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    Result<org::QueryResult> names = co_await m_client->query(
        u"SELECT Unique_Name__c FROM %1 WHERE Id != null"_s.arg(PolicyRecord::kType));
    if (!self) {
        co_return gone();
    }
    if (!names) {
        co_return names.error();
    }
    QSet<QString> taken;
    for (const QJsonValue &record : std::as_const(names->records)) {
        taken.insert(record.toObject().value(u"Unique_Name__c"_s).toString());
    }
    Policy copy = policy;
    copy.id.clear();
    copy.version = 1;
    copy.active = false;
    for (Exemption &exemption : copy.exemptions) {
        exemption.id.clear();
    }
    // Someone may take a free name in between: then the next one.
    for (int attempt = 1, number = 1; attempt <= 3; ++attempt) {
        do {
            const QString suffix = number == 1 ? QString() : u" (%1)"_s.arg(number);
            const QString prefix = tr("Copy of %1").arg(QString());
            const qsizetype room = PolicyValidator::kMaxNameLength - prefix.size() - suffix.size();
            copy.name = tr("Copy of %1").arg(policy.name.trimmed().left(room).trimmed()) + suffix;
            ++number;
        } while (taken.contains(PolicyRecord::uniqueName(copy.name)));
        Result<PolicyWriteOutcome> created = co_await create(copy);
        if (!self) {
            co_return gone();
        }
        if (!created || !created->hasConflict()
            || created->conflict->reason != PolicyConflict::Reason::NameTaken) {
            co_return created;
        }
        taken.insert(PolicyRecord::uniqueName(copy.name));
    }
    co_return Error::make(
        Error::Kind::Remote,
        u"DUPLICATE_VALUE"_s,
        tr("No free name for a copy of '%1' was found; try again.").arg(policy.name.left(80)));
}

QCoro::Task<Result<int>> PolicyRepository::openCaseCount(QString policyId)
{
    if (!isRecordId(policyId)) {
        co_return badId(policyId);
    }
    co_return co_await PolicyCases::openCount(m_client, policyId);
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::remove(Policy policy)
{
    if (!policy.isStored()) {
        co_return builtInRefusal();
    }
    if (!isRecordId(policy.id)) {
        co_return badId(policy.id);
    }
    QPointer<PolicyRepository> self(this);
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    Result<int> open = co_await openCaseCount(policy.id);
    if (!self) {
        co_return gone();
    }
    if (!open) {
        co_return open.error();
    }
    if (open.value() > 0) {
        co_return Error::make(Error::Kind::Refused,
                              u"POLICY_HAS_OPEN_CASES"_s,
                              tr("The policy '%1' has %n open case(s): pause it instead. It can "
                                 "be deleted once its cases are closed.",
                                 nullptr,
                                 open.value())
                                  .arg(policy.name.left(80)));
    }
    Result<int> version = co_await storedVersion(policy.id);
    if (!self) {
        co_return gone();
    }
    if (!version) {
        co_return version.error();
    }
    if (version.value() != policy.version) {
        Result<PolicyConflict> conflict = co_await describeConflict(
            PolicyConflict::Reason::ChangedSinceLoaded, policy.id, policy.name);
        if (!conflict) {
            co_return conflict.error();
        }
        PolicyWriteOutcome outcome;
        outcome.conflict = conflict.value();
        co_return outcome;
    }
    // The exemption rows first: deleting the policy would blank their lookup, and an
    // exemption without a policy exempts its user from every policy.
    Result<void> exemptions = co_await ExemptionSync::removeAll(m_client, policy.id);
    if (!self) {
        co_return gone();
    }
    if (!exemptions) {
        co_return writeError(exemptions.error());
    }
    const QStringList ids{policy.id};
    Result<QList<org::SaveResult>> deleted = co_await m_client->deleteRecords(ids, true);
    if (!self) {
        co_return gone();
    }
    if (!deleted) {
        co_return writeError(deleted.error());
    }
    if (const auto error = ExemptionSync::firstError(deleted.value())) {
        co_return writeError(*error);
    }
    qCInfo(lcOrg) << "deleted policy" << policy.id;
    Q_EMIT policiesChanged();
    co_return PolicyWriteOutcome{};
}

QCoro::Task<Result<QList<PolicyProblem>>> PolicyRepository::resolveExemptionUsers(Policy *policy)
{
    QStringList ids;
    QStringList usernames;
    for (const Exemption &exemption : std::as_const(policy->exemptions)) {
        if (isRecordId(exemption.userId)) {
            ids.append(u"'%1'"_s.arg(exemption.userId));
        }
        if (!exemption.username.isEmpty()) {
            usernames.append(SoqlLiteral::text(exemption.username.toLower()));
        }
    }
    QHash<QString, QString> usernameById; // 15-character id -> username
    QHash<QString, QString> idByUsername; // lower-case username -> id
    QPointer<PolicyRepository> self(this);
    constexpr qsizetype kChunk = 100;
    for (int pass = 0; pass < 2; ++pass) {
        const QStringList &values = pass == 0 ? ids : usernames;
        for (qsizetype i = 0; i < values.size(); i += kChunk) {
            const QString soql = u"SELECT Id, Username FROM User WHERE %1 IN (%2)"_s.arg(
                pass == 0 ? u"Id"_s : u"Username"_s, values.mid(i, kChunk).join(u", "_s));
            Result<org::QueryResult> users = co_await m_client->query(soql);
            if (!self) {
                co_return gone();
            }
            if (!users) {
                co_return users.error();
            }
            for (const QJsonValue &value : std::as_const(users->records)) {
                const QJsonObject user = value.toObject();
                const QString id = user.value(u"Id"_s).toString();
                const QString username = user.value(u"Username"_s).toString();
                usernameById.insert(id.left(15), username);
                idByUsername.insert(username.toLower(), id);
            }
        }
    }
    QList<PolicyProblem> problems;
    auto problem = [&problems](int index, const QString &member, const QString &message) {
        PolicyProblem p;
        p.field = PolicyField::Exemptions;
        p.index = index;
        p.path = PolicyProblem::memberPath(
            PolicyProblem::indexPath(PolicyProblem::fieldPath(PolicyField::Exemptions), index),
            member);
        p.message = message;
        problems.append(p);
    };
    for (int i = 0; i < policy->exemptions.size(); ++i) {
        Exemption &exemption = policy->exemptions[i];
        const QString number = QString::number(i + 1);
        const QString username = exemption.username.toLower();
        if (isRecordId(exemption.userId)) {
            if (!usernameById.contains(exemption.userId.left(15))) {
                problem(i,
                        u"userId"_s,
                        tr("Exemption %1: there is no user with the id %2 in this org.")
                            .arg(number, exemption.userId));
            } else if (!username.isEmpty()
                       && usernameById.value(exemption.userId.left(15)).toLower() != username) {
                problem(i,
                        u"username"_s,
                        tr("Exemption %1: the user %2 is %3, not %4.")
                            .arg(number,
                                 exemption.userId,
                                 usernameById.value(exemption.userId.left(15)),
                                 exemption.username.left(80)));
            }
        } else if (exemption.userId.isEmpty() && !username.isEmpty()) {
            if (idByUsername.contains(username)) {
                exemption.userId = idByUsername.value(username);
            } else {
                problem(i,
                        u"username"_s,
                        tr("Exemption %1: there is no user %2 in this org.")
                            .arg(number, exemption.username.left(80)));
            }
        }
    }
    co_return problems;
}

QCoro::Task<Result<PolicyWriteOutcome>> PolicyRepository::importJson(QByteArray file)
{
    PolicyJson::Parsed parsed = PolicyJson::read(file);
    QList<PolicyProblem> problems;
    QPointer<PolicyRepository> self(this);
    if (parsed.readable) {
        Result<QList<PolicyProblem>> users = co_await resolveExemptionUsers(&parsed.policy);
        if (!self) {
            co_return gone();
        }
        if (!users) {
            co_return users.error();
        }
        parsed.problems += users.value();
    }
    problems = PolicyJson::withRules(parsed);
    if (!problems.isEmpty()) {
        co_return PolicyProblem::toError(problems,
                                         tr("The policy file has %n problem(s); nothing was saved:",
                                            nullptr,
                                            static_cast<int>(problems.size())));
    }
    if (Result<void> writable = co_await ensureWritable(); !writable) {
        co_return writable.error();
    }
    if (!self) {
        co_return gone();
    }
    Result<std::optional<Policy>> existing = co_await findByName(parsed.policy.name);
    if (!self) {
        co_return gone();
    }
    if (!existing) {
        co_return existing.error();
    }
    Policy policy = parsed.policy;
    if (!existing->has_value()) {
        co_return co_await create(std::move(policy));
    }
    // The file replaces the stored policy of that name, whatever its version; it keeps the
    // stored owner, which the file does not carry.
    policy.id = existing->value().id;
    policy.version = existing->value().version;
    policy.ownerId = existing->value().ownerId;
    co_return co_await save(std::move(policy));
}

} // namespace lr::policy
