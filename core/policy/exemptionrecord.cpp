#include "core/policy/exemptionrecord.h"

using namespace Qt::StringLiterals;

namespace lr::policy {

QJsonObject ExemptionRecord::toFields(const Exemption &exemption, const QString &policyId)
{
    return {{u"User__c"_s, exemption.userId},
            {u"Reason__c"_s, exemption.reason.trimmed()},
            {u"Expires__c"_s,
             exemption.expires.isValid() ? QJsonValue(exemption.expires.toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null)},
            {u"Policy__c"_s, policyId}};
}

Exemption ExemptionRecord::fromRecord(const QJsonObject &record)
{
    Exemption exemption;
    exemption.id = record.value(u"Id"_s).toString();
    exemption.userId = record.value(u"User__c"_s).toString();
    exemption.reason = record.value(u"Reason__c"_s).toString();
    exemption.expires = QDate::fromString(record.value(u"Expires__c"_s).toString(), Qt::ISODate);
    exemption.username = record.value(u"User__r"_s).toObject().value(u"Username"_s).toString();
    return exemption;
}

QStringList ExemptionRecord::fieldNames()
{
    return {u"Id"_s,
            u"User__c"_s,
            u"User__r.Username"_s,
            u"Reason__c"_s,
            u"Expires__c"_s,
            u"Policy__c"_s};
}

bool ExemptionRecord::sameValues(const Exemption &a, const Exemption &b)
{
    return a.userId.left(15) == b.userId.left(15) && a.reason.trimmed() == b.reason.trimmed()
           && a.expires == b.expires;
}

} // namespace lr::policy
