#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace lr::policy {

// A user a policy never touches, with the reason and until when.
struct Exemption
{
    QString userId;
    QString reason;
    QDate expires; // invalid: no expiry
};

// A user kept (or reactivated) recently: not proposed again until the cooldown ends.
struct RecentKeep
{
    QString userId;
    QDate keptOn;
};

// A reclaim policy as Sales Ops configure it (design §5). Until policies are stored in the
// org, the console and lrctl use builtInDefault().
struct Policy
{
    enum class ExecutionPath {
        Email,
        Itsm,
        Both,
    };
    enum class TimeoutAction {
        AutoFreeze,
        HoldForReview,
    };

    QString id; // the org record's id; empty for the built-in default
    QString name;
    int version = 1;
    bool active = true;
    QString ownerId; // the fallback approver
    QString schedule = QStringLiteral("weekly");
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
    QList<RecentKeep> recentKeeps;
    QString notificationChannel;             // a secrets-store reference, never the webhook URL
    QMap<QString, QString> downgradeTargets; // license name -> profile id
    bool transferOpenRecords = false;

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
