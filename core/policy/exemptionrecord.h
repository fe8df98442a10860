#pragma once

#include "core/common/result.h"
#include "core/policy/policy.h"

#include <QJsonObject>
#include <QStringList>

namespace lr::policy {

// An Exemption as an LR_Exemption__c row of one policy (Policy__c set). Rows with a blank
// Policy__c exempt a user from every policy; they belong to no single policy and are not
// read or written here.
class ExemptionRecord
{
public:
    static inline const QString kType = QStringLiteral("LR_Exemption__c");

    // User__c, Reason__c, Expires__c (null when it never expires) and Policy__c.
    [[nodiscard]] static QJsonObject toFields(const Exemption &exemption, const QString &policyId);
    [[nodiscard]] static Exemption fromRecord(const QJsonObject &record);
    // The SELECT list that fromRecord() reads (with User__r.Username for people).
    [[nodiscard]] static QStringList fieldNames();
    // Whether two exemptions store the same row values (user, reason, expiry).
    [[nodiscard]] static bool sameValues(const Exemption &a, const Exemption &b);
};

} // namespace lr::policy
