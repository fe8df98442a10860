#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyproblem.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace lr::policy {

// The rules of every policy field (design §5, installer/lr-objects-contract.md), checked the
// same way by the console's form, the import and the repository before any save. Each
// problem names the field and what is allowed: "Inactivity threshold: 400 days is outside
// 30 to 365 days."
class PolicyValidator
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyValidator)

public:
    // Every problem, in field order; empty when the policy may be saved and run.
    [[nodiscard]] static QList<PolicyProblem> validate(const Policy &policy);

    // The limits, as the LR_Policy__c fields and validation rules have them.
    static constexpr int kMaxNameLength = 80;    // Name, Unique_Name__c
    static constexpr int kMaxTextLength = 80;    // ITSM_Connection__c, Notification_Channel__c
    static constexpr int kMaxLicenseLength = 80; // a license name inside the JSON fields
    static constexpr int kMaxReasonLength = 255; // LR_Exemption__c.Reason__c
    static constexpr int kMaxLongText = 32768;   // a LongTextArea field, JSON-encoded
    static constexpr int kMaxExemptions = 2000;  // rows kept with one policy
    static constexpr int kMinThresholdDays = 30; // the scan reads users idle 30 days or more
    static constexpr int kMaxThresholdDays = 365;
    static constexpr int kMaxGracePeriodDays = 90;
    static constexpr int kMinManagerSlaDays = 1;
    static constexpr int kMaxManagerSlaDays = 30;
    static constexpr int kMaxReminderDays = 29; // and less than the manager SLA; 0: none
    static constexpr int kMaxCooldownDays = 365;

    // The Salesforce user types a policy may cover (User.UserType), as User_Types__c has them.
    [[nodiscard]] static const QStringList &userTypes();
};

} // namespace lr::policy
