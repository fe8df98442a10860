#include "core/policy/exemptionsync.h"

#include "core/org/orgclient.h"
#include "core/policy/exemptionrecord.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

QString userKey(const QString &userId)
{
    return userId.left(15);
}

} // namespace

ExemptionSync::Plan ExemptionSync::plan(const QList<Exemption> &stored,
                                        const QList<Exemption> &wanted,
                                        const QString &policyId)
{
    Plan plan;
    QHash<QString, const Exemption *> storedByUser;
    for (const Exemption &row : stored) {
        if (storedByUser.contains(userKey(row.userId))) {
            plan.deletes.append(row.id); // a second row for the same user
        } else {
            storedByUser.insert(userKey(row.userId), &row);
        }
    }
    for (const Exemption &exemption : wanted) {
        const Exemption *row = storedByUser.take(userKey(exemption.userId));
        if (!row) {
            plan.creates.append(
                {ExemptionRecord::kType, {}, ExemptionRecord::toFields(exemption, policyId)});
        } else if (!ExemptionRecord::sameValues(*row, exemption)) {
            plan.updates.append(
                {ExemptionRecord::kType, row->id, ExemptionRecord::toFields(exemption, policyId)});
        }
    }
    for (const Exemption *row : std::as_const(storedByUser)) {
        plan.deletes.append(row->id);
    }
    plan.deletes.sort(); // the hash's order is random; keep requests reproducible
    return plan;
}

std::optional<Error> ExemptionSync::firstError(const QList<org::SaveResult> &results)
{
    std::optional<Error> rolledBack;
    for (const org::SaveResult &result : results) {
        for (const Error &error : result.errors) {
            if (error.code != u"ALL_OR_NONE_OPERATION_ROLLED_BACK") {
                return error;
            }
            rolledBack = error;
        }
        if (!result.success && result.errors.isEmpty()) {
            return Error::make(Error::Kind::Remote, u"UNKNOWN_ERROR"_s, result.id);
        }
    }
    return rolledBack;
}

QCoro::Task<Result<QList<Exemption>>> ExemptionSync::load(org::OrgClient *client, QString policyId)
{
    const QString soql = u"SELECT %1 FROM %2 WHERE Policy__c = '%3' ORDER BY CreatedDate, Id"_s.arg(
        ExemptionRecord::fieldNames().join(u", "_s), ExemptionRecord::kType, policyId);
    Result<org::QueryResult> rows = co_await client->query(soql);
    if (!rows) {
        co_return rows.error();
    }
    QList<Exemption> exemptions;
    for (const QJsonValue &record : std::as_const(rows->records)) {
        exemptions.append(ExemptionRecord::fromRecord(record.toObject()));
    }
    co_return exemptions;
}

QCoro::Task<Result<void>>
ExemptionSync::apply(org::OrgClient *client, QString policyId, QList<Exemption> wanted)
{
    Result<QList<Exemption>> stored = co_await load(client, policyId);
    if (!stored) {
        co_return stored.error();
    }
    const Plan steps = plan(stored.value(), wanted, policyId);
    constexpr qsizetype kChunk = org::OrgClient::kMaxCollectionRecords;
    for (qsizetype i = 0; i < steps.creates.size(); i += kChunk) {
        const QList<org::RecordWrite> chunk = steps.creates.mid(i, kChunk);
        Result<QList<org::SaveResult>> saved = co_await client->createRecords(chunk, true);
        if (!saved) {
            co_return saved.error();
        }
        if (const auto error = firstError(saved.value())) {
            co_return *error;
        }
    }
    for (qsizetype i = 0; i < steps.updates.size(); i += kChunk) {
        const QList<org::RecordWrite> chunk = steps.updates.mid(i, kChunk);
        Result<QList<org::SaveResult>> saved = co_await client->updateRecords(chunk, true);
        if (!saved) {
            co_return saved.error();
        }
        if (const auto error = firstError(saved.value())) {
            co_return *error;
        }
    }
    for (qsizetype i = 0; i < steps.deletes.size(); i += kChunk) {
        const QStringList chunk = steps.deletes.mid(i, kChunk);
        Result<QList<org::SaveResult>> deleted = co_await client->deleteRecords(chunk, true);
        if (!deleted) {
            co_return deleted.error();
        }
        if (const auto error = firstError(deleted.value())) {
            co_return *error;
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> ExemptionSync::removeAll(org::OrgClient *client, QString policyId)
{
    co_return co_await apply(client, policyId, QList<Exemption>());
}

} // namespace lr::policy
