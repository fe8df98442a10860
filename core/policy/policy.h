#pragma once

#include "core/policy/policyproblem.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace lr::policy {

// A user a policy never touches, with the reason and until when (an LR_Exemption__c row).
struct Exemption
{
    QString userId;
    QString reason;
    QDate expires;    // invalid: no expiry
    QString username; // for people and the JSON format; an import may give it instead of userId
    QString id;       // the LR_Exemption__c record's id; empty until saved
};

// A user kept (or reactivated) recently: not proposed again until the cooldown ends.
struct RecentKeep
{
    QString userId;
    QDate keptOn;
};

// A reclaim policy as Sales Ops configure it (design §5), stored as an LR_Policy__c record
// (PolicyRecord) with its LR_Exemption__c rows; PolicyRepository reads and writes it. Where
// the LR objects are not deployed, builtInDefault() is the only policy.
//
// validate() lists every problem; an invalid policy is never saved (the repository refuses
// it) and never run (callers of ReclaimPreview check it first).
struct Policy
{
    enum class Schedule {
        Manual,
        Daily,
        Weekly,
        Monthly,
    };
    enum class ExecutionPath {
        Email,
        Itsm,
        Both,
    };
    enum class TimeoutAction {
        AutoFreeze,
        HoldForReview,
    };

    QString id; // the org record's id; empty for the built-in default and a new policy
    QString name;
    int version = 1; // Version__c as loaded: a save writes version + 1 (compare-and-set)
    bool active = true;
    QString ownerId; // the fallback approver
    Schedule schedule = Schedule::Weekly;
    ExecutionPath executionPath = ExecutionPath::Email;
    QString itsmConnection;

    int defaultThresholdDays = 90;
    QMap<QString, int> thresholdByLicense; // license name -> days
    QStringList includeLicenses;           // license names; empty = every license
    QStringList excludeLicenses;
    QStringList userTypes{QStringLiteral("Standard")};

    int gracePeriodDays = 14;
    int managerSlaDays = 7;
    int reminderDays = 2;
    TimeoutAction timeoutAction = TimeoutAction::HoldForReview;
    bool dryRun = true;
    int cooldownDays = 90;
    QList<Exemption> exemptions;
    QList<RecentKeep> recentKeeps; // from the policy's cases (PolicyCases), not stored with it
    // Why recentKeeps could not be read (empty when they were): the exempt check then blocks
    // everyone, since unknown is unsafe.
    QString recentKeepsUnknown;
    QString notificationChannel;             // a secrets-store reference, never the webhook URL
    QMap<QString, QString> downgradeTargets; // license name -> profile id
    bool transferOpenRecords = false;

    // Who saved the stored record last, and when (UTC); empty for a policy not loaded.
    QString lastModifiedBy;
    QDateTime lastModifiedAt;

    // Every problem with the policy's fields (PolicyValidator); empty when it may be saved
    // and run.
    [[nodiscard]] QList<PolicyProblem> validate() const;
    [[nodiscard]] bool isValid() const { return validate().isEmpty(); }
    // The built-in default and new policies have no record yet.
    [[nodiscard]] bool isStored() const { return !id.isEmpty(); }

    // The inactivity threshold for users of `licenseName`.
    [[nodiscard]] int thresholdFor(const QString &licenseName) const
    {
        return thresholdByLicense.value(licenseName, defaultThresholdDays);
    }
    // Whether users of this license and user type are in the policy's scope.
    [[nodiscard]] bool covers(const QString &licenseName, const QString &userType) const
    {
        if (!userTypes.isEmpty() && !userTypes.contains(userType)) {
            return false;
        }
        if (excludeLicenses.contains(licenseName)) {
            return false;
        }
        return includeLicenses.isEmpty() || includeLicenses.contains(licenseName);
    }

    // "Salesforce licenses, 90 days": full Salesforce seats of standard users inactive for
    // 90 days, in dry run.
    [[nodiscard]] static Policy builtInDefault()
    {
        Policy policy;
        policy.name = QStringLiteral("Salesforce licenses, 90 days");
        policy.includeLicenses = {QStringLiteral("Salesforce")};
        return policy;
    }
};

} // namespace lr::policy
