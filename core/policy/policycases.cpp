#include "core/policy/policycases.h"

#include "core/org/orgclient.h"
#include "core/policy/policyvalidator.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

// This build needs the schema that has LR_Case__c, so INVALID_TYPE means this user may not
// read it: Salesforce answers the same for an object that is absent and one that is hidden.
bool isUnreadable(const Error &error)
{
    return error.code == u"INVALID_TYPE";
}

} // namespace

QCoro::Task<Result<int>> PolicyCases::openCount(org::OrgClient *client, QString policyId)
{
    Result<org::QueryResult> count =
        co_await client->query(u"SELECT COUNT() FROM %1 WHERE Policy__c = '%2' AND State__c NOT IN "
                               u"('Deactivated', 'Reactivated', 'Kept', 'Downgraded')"_s.arg(
                                   QStringView(kType), policyId));
    if (!count) {
        co_return isUnreadable(count.error())
            ? unreadable(tr("Cannot tell whether the policy has open cases."))
            : count.error();
    }
    co_return static_cast<int>(count->totalSize);
}

QCoro::Task<Result<QList<RecentKeep>>> PolicyCases::recentKeeps(org::OrgClient *client,
                                                                QString policyId)
{
    Result<org::QueryResult> rows = co_await client->query(
        u"SELECT User__c, LastModifiedDate FROM %1 WHERE Policy__c = '%2' AND "
        u"State__c IN ('Kept', 'Reactivated') AND LastModifiedDate = LAST_N_DAYS:%3 "
        u"ORDER BY LastModifiedDate DESC"_s.arg(QStringView(kType), policyId)
            .arg(PolicyValidator::kMaxCooldownDays));
    if (!rows) {
        co_return isUnreadable(rows.error())
            ? unreadable(tr("Cannot see which users this policy kept inside its cooldown."))
            : rows.error();
    }
    QList<RecentKeep> keeps;
    for (const QJsonValue &value : std::as_const(rows->records)) {
        const QJsonObject record = value.toObject();
        const QDateTime at = QDateTime::fromString(record.value(u"LastModifiedDate"_s).toString(),
                                                   Qt::ISODateWithMs);
        if (at.isValid()) {
            keeps.append({record.value(u"User__c"_s).toString(), at.toUTC().date()});
        }
    }
    co_return keeps;
}

Error PolicyCases::unreadable(const QString &unknown)
{
    return Error::make(Error::Kind::Refused,
                       u"LR_CASES_UNREADABLE"_s,
                       unknown + u' '
                           + tr("Your user may not read Reclaim Cases (LR_Case__c): it needs "
                                "LR Operator, LR Viewer or LR Admin."));
}

} // namespace lr::policy
