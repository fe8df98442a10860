#include "core/policy/policyproblem.h"

#include "core/common/error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lr::policy {

QString PolicyProblem::toString() const
{
    return path.isEmpty() ? message : path + u": "_s + message;
}

QString PolicyProblem::jsonKey(PolicyField field)
{
    switch (field) {
    case PolicyField::Document:
    case PolicyField::Unknown:
    case PolicyField::Owner:
        return {};
    case PolicyField::Format:
        return u"format"_s;
    case PolicyField::Name:
        return u"name"_s;
    case PolicyField::Active:
        return u"active"_s;
    case PolicyField::Schedule:
        return u"schedule"_s;
    case PolicyField::ExecutionPath:
        return u"executionPath"_s;
    case PolicyField::ItsmConnection:
        return u"itsmConnection"_s;
    case PolicyField::DefaultThresholdDays:
        return u"defaultThresholdDays"_s;
    case PolicyField::ThresholdsByLicense:
        return u"thresholdsByLicense"_s;
    case PolicyField::IncludeLicenses:
        return u"includeLicenses"_s;
    case PolicyField::ExcludeLicenses:
        return u"excludeLicenses"_s;
    case PolicyField::UserTypes:
        return u"userTypes"_s;
    case PolicyField::GracePeriodDays:
        return u"gracePeriodDays"_s;
    case PolicyField::ManagerSlaDays:
        return u"managerSlaDays"_s;
    case PolicyField::ReminderDays:
        return u"reminderDays"_s;
    case PolicyField::TimeoutAction:
        return u"timeoutAction"_s;
    case PolicyField::DryRun:
        return u"dryRun"_s;
    case PolicyField::CooldownDays:
        return u"cooldownDays"_s;
    case PolicyField::Exemptions:
        return u"exemptions"_s;
    case PolicyField::NotificationChannel:
        return u"notificationChannel"_s;
    case PolicyField::DowngradeTargets:
        return u"downgradeTargets"_s;
    case PolicyField::TransferOpenRecords:
        return u"transferOpenRecords"_s;
    }
    return {};
}

QString PolicyProblem::label(PolicyField field)
{
    switch (field) {
    case PolicyField::Document:
        return tr("File");
    case PolicyField::Format:
        return tr("Format");
    case PolicyField::Unknown:
        return tr("Unknown field");
    case PolicyField::Name:
        return tr("Name");
    case PolicyField::Active:
        return tr("Active");
    case PolicyField::Owner:
        return tr("Owner");
    case PolicyField::Schedule:
        return tr("Schedule");
    case PolicyField::ExecutionPath:
        return tr("Execution path");
    case PolicyField::ItsmConnection:
        return tr("ITSM connection");
    case PolicyField::DefaultThresholdDays:
        return tr("Inactivity threshold");
    case PolicyField::ThresholdsByLicense:
        return tr("Inactivity threshold per license");
    case PolicyField::IncludeLicenses:
        return tr("Licenses to include");
    case PolicyField::ExcludeLicenses:
        return tr("Licenses to exclude");
    case PolicyField::UserTypes:
        return tr("User types");
    case PolicyField::GracePeriodDays:
        return tr("Grace period");
    case PolicyField::ManagerSlaDays:
        return tr("Manager's answer due");
    case PolicyField::ReminderDays:
        return tr("Reminder");
    case PolicyField::TimeoutAction:
        return tr("On timeout");
    case PolicyField::DryRun:
        return tr("Dry run");
    case PolicyField::CooldownDays:
        return tr("Cooldown after keep");
    case PolicyField::Exemptions:
        return tr("Exemptions");
    case PolicyField::NotificationChannel:
        return tr("Notification channel");
    case PolicyField::DowngradeTargets:
        return tr("Downgrade target");
    case PolicyField::TransferOpenRecords:
        return tr("Transfer open records");
    }
    return {};
}

QString PolicyProblem::memberPath(const QString &parent, const QString &member)
{
    static const QRegularExpression identifier(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (identifier.match(member).hasMatch()) {
        return parent + u'.' + member;
    }
    // ["Sales Cloud"]: the member as a JSON string, so any text stays unambiguous.
    const QByteArray quoted = QJsonDocument(QJsonArray{member}).toJson(QJsonDocument::Compact);
    return parent + QString::fromUtf8(quoted);
}

QString PolicyProblem::indexPath(const QString &parent, qsizetype index)
{
    return parent + u'[' + QString::number(index) + u']';
}

QString PolicyProblem::fieldPath(PolicyField field)
{
    const QString key = jsonKey(field);
    return key.isEmpty() ? u"$"_s : memberPath(u"$"_s, key);
}

Error PolicyProblem::toError(const QList<PolicyProblem> &problems, const QString &summary)
{
    QStringList lines{summary};
    QStringList paths;
    for (const PolicyProblem &problem : problems) {
        lines.append(problem.toString());
        paths.append(problem.path);
    }
    Error error = Error::make(Error::Kind::Usage, u"INVALID_POLICY"_s, lines.join(u'\n'));
    error.fields = paths;
    return error;
}

} // namespace lr::policy
