#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace lr {
struct Error;
}

namespace lr::policy {

// The fields of a policy, as a form shows them and as the JSON format names them
// (PolicyProblem::jsonKey).
enum class PolicyField {
    Document, // the file as a whole (size, encoding, syntax, not an object)
    Format,   // the file's "format" marker
    Unknown,  // a member the format does not have
    Name,
    Active,
    Owner,
    Schedule,
    ExecutionPath,
    ItsmConnection,
    DefaultThresholdDays,
    ThresholdsByLicense,
    IncludeLicenses,
    ExcludeLicenses,
    UserTypes,
    GracePeriodDays,
    ManagerSlaDays,
    ReminderDays,
    TimeoutAction,
    DryRun,
    CooldownDays,
    Exemptions,
    NotificationChannel,
    DowngradeTargets,
    TransferOpenRecords,
};

// One thing wrong with a policy or a policy file. A form shows `message` next to the input
// for `field` (and, for lists, the entry at `index` or the license `key`); an import prints
// `path`, the JSON path in the file: "$.defaultThresholdDays", "$.exemptions[2].expires",
// "$.thresholdsByLicense[\"Salesforce Platform\"]".
struct PolicyProblem
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyProblem)

public:
    PolicyField field = PolicyField::Document;
    int index = -1;  // the entry of a list field (exemptions, license lists), or -1
    QString key;     // the license of a per-license field, or empty
    QString path;    // the JSON path in the import format
    QString message; // names the field and what is allowed; ends with a full stop

    // "$.name: Name: …" — how lrctl and logs print a problem.
    [[nodiscard]] QString toString() const;

    // The member of the JSON format for a field ("defaultThresholdDays"); empty for
    // Document, Unknown and Owner (which the format leaves out: owners differ per org).
    [[nodiscard]] static QString jsonKey(PolicyField field);
    // The field's name as the console labels it ("Inactivity threshold").
    [[nodiscard]] static QString label(PolicyField field);

    // JSON paths: "$", "$.name", "$.exemptions[2]", "$.exemptions[2].reason",
    // "$.thresholdsByLicense.Salesforce", "$.thresholdsByLicense[\"Sales Cloud\"]".
    [[nodiscard]] static QString memberPath(const QString &parent, const QString &member);
    [[nodiscard]] static QString indexPath(const QString &parent, qsizetype index);
    [[nodiscard]] static QString fieldPath(PolicyField field);

    // One Usage error that lists every problem, one per line after `summary`; `fields`
    // carries the paths. An empty list gives no error (check isEmpty() first).
    [[nodiscard]] static Error toError(const QList<PolicyProblem> &problems,
                                       const QString &summary);
};

} // namespace lr::policy
