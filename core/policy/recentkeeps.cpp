#include "core/policy/recentkeeps.h"

#include "core/org/orgclient.h"
#include "core/policy/policyvalidator.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::policy {

QCoro::Task<Result<QList<RecentKeep>>> RecentKeeps::load(org::OrgClient *client, QString policyId)
{
    QList<RecentKeep> keeps;
    const QString soql =
        u"SELECT User__c, LastModifiedDate FROM LR_Case__c WHERE Policy__c = '%1' AND "
        u"State__c IN ('Kept', 'Reactivated') AND LastModifiedDate = LAST_N_DAYS:%2 "
        u"ORDER BY LastModifiedDate DESC"_s.arg(policyId)
            .arg(PolicyValidator::kMaxCooldownDays);
    Result<org::QueryResult> rows = co_await client->query(soql);
    if (!rows) {
        // The schema this build needs has LR_Case__c, so INVALID_TYPE means it is unreadable.
        co_return rows.error().code == u"INVALID_TYPE" ? unreadable() : rows.error();
    }
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

Error RecentKeeps::unreadable()
{
    return Error::make(
        Error::Kind::Refused,
        u"LR_CASES_UNREADABLE"_s,
        QCoreApplication::translate("lr::policy::RecentKeeps",
                                    "Cannot see which users this policy kept inside its "
                                    "cooldown: your user may not read Reclaim Cases "
                                    "(LR_Case__c). It needs LR Operator, LR Viewer or LR Admin."));
}

} // namespace lr::policy
