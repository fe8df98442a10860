#include "core/policy/policyvalidator.h"

#include "core/org/recordid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

// A value quoted in a message, shortened so that a hostile 1 MB string cannot flood it.
QString shown(const QString &value)
{
    constexpr qsizetype kShown = 40;
    QString text = value.size() > kShown ? value.left(kShown) + u'…' : value;
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control) {
            c = u'·';
        }
    }
    return u'\'' + text + u'\'';
}

// "1 day", "400 days"; tr()'s %n leaves negative numbers out, so they are spelled here.
QString dayCount(int days)
{
    return days >= 0 ? PolicyValidator::tr("%n day(s)", nullptr, days)
                     : PolicyValidator::tr("%1 days").arg(days);
}

bool hasControlCharacters(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

qsizetype encodedLength(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact)).size();
}

// Collects the problems of one policy; one method per field.
class Checker
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyValidator)

public:
    explicit Checker(const Policy &policy)
        : m_policy(policy)
    { }

    QList<PolicyProblem> run()
    {
        name();
        owner();
        itsmConnection();
        days(PolicyField::DefaultThresholdDays,
             m_policy.defaultThresholdDays,
             PolicyValidator::kMinThresholdDays,
             PolicyValidator::kMaxThresholdDays);
        thresholdsByLicense();
        licenseList(PolicyField::IncludeLicenses, m_policy.includeLicenses, nullptr);
        licenseList(
            PolicyField::ExcludeLicenses, m_policy.excludeLicenses, &m_policy.includeLicenses);
        userTypes();
        days(PolicyField::GracePeriodDays,
             m_policy.gracePeriodDays,
             0,
             PolicyValidator::kMaxGracePeriodDays);
        days(PolicyField::ManagerSlaDays,
             m_policy.managerSlaDays,
             PolicyValidator::kMinManagerSlaDays,
             PolicyValidator::kMaxManagerSlaDays);
        reminder();
        days(
            PolicyField::CooldownDays, m_policy.cooldownDays, 0, PolicyValidator::kMaxCooldownDays);
        exemptions();
        notificationChannel();
        downgradeTargets();
        return m_problems;
    }

private:
    void add(PolicyField field, const QString &message, int index = -1, const QString &key = {})
    {
        PolicyProblem problem;
        problem.field = field;
        problem.index = index;
        problem.key = key;
        problem.message = message;
        problem.path = PolicyProblem::fieldPath(field);
        if (!key.isEmpty()) {
            problem.path = PolicyProblem::memberPath(problem.path, key);
        } else if (index >= 0) {
            problem.path = PolicyProblem::indexPath(problem.path, index);
        }
        m_problems.append(problem);
    }
    // A problem of one member of an exemption: $.exemptions[2].reason.
    void addExemption(int index, const QString &member, const QString &message)
    {
        add(PolicyField::Exemptions, message, index);
        if (!member.isEmpty()) {
            m_problems.last().path = PolicyProblem::memberPath(m_problems.last().path, member);
        }
    }

    bool tooLong(PolicyField field, const QString &text, int max, const QString &label)
    {
        if (text.size() <= max) {
            return false;
        }
        add(field,
            tr("%1: at most %2 characters; this has %n.", nullptr, static_cast<int>(text.size()))
                .arg(label)
                .arg(max));
        return true;
    }

    void days(PolicyField field, int value, int min, int max, const QString &key = {})
    {
        if (value >= min && value <= max) {
            return;
        }
        const QString label = key.isEmpty() ? PolicyProblem::label(field)
                                            : tr("Inactivity threshold for %1").arg(shown(key));
        add(field,
            tr("%1: %2 is outside %3 to %4 days.").arg(label, dayCount(value)).arg(min).arg(max),
            -1,
            key);
    }

    void name()
    {
        const QString name = m_policy.name.trimmed();
        const QString label = PolicyProblem::label(PolicyField::Name);
        if (name.isEmpty()) {
            add(PolicyField::Name, tr("Name: give the policy a name."));
        } else if (!tooLong(PolicyField::Name, name, PolicyValidator::kMaxNameLength, label)
                   && hasControlCharacters(name)) {
            add(PolicyField::Name,
                tr("Name: must be one line of text, without tabs or control characters."));
        }
    }

    void owner()
    {
        if (!m_policy.ownerId.isEmpty()
            && !org::RecordId::isOf(m_policy.ownerId, org::RecordId::kUserPrefix)) {
            add(PolicyField::Owner,
                tr("Owner: %1 is not a user id (15 or 18 letters and digits starting 005).")
                    .arg(shown(m_policy.ownerId)));
        }
    }

    void itsmConnection()
    {
        const QString connection = m_policy.itsmConnection.trimmed();
        const QString label = PolicyProblem::label(PolicyField::ItsmConnection);
        const bool needed = m_policy.executionPath != Policy::ExecutionPath::Email;
        if (needed && connection.isEmpty()) {
            add(PolicyField::ItsmConnection,
                tr("ITSM connection: the execution path %1 opens tickets, so choose the ITSM "
                   "connection that opens them.")
                    .arg(m_policy.executionPath == Policy::ExecutionPath::Itsm ? tr("ITSM")
                                                                               : tr("Both")));
            return;
        }
        if (!tooLong(
                PolicyField::ItsmConnection, connection, PolicyValidator::kMaxTextLength, label)
            && hasControlCharacters(connection)) {
            add(PolicyField::ItsmConnection,
                tr("ITSM connection: must be one line of text, without control characters."));
        }
    }

    bool licenseName(PolicyField field, const QString &license, int index, const QString &key)
    {
        const QString label = PolicyProblem::label(field);
        if (license.trimmed().isEmpty()) {
            add(field,
                tr("%1: a license name is empty; give one such as Salesforce.").arg(label),
                index,
                key);
            return false;
        }
        if (license.size() > PolicyValidator::kMaxLicenseLength) {
            add(field,
                tr("%1: a license name has at most %2 characters; %3 has %n.",
                   nullptr,
                   static_cast<int>(license.size()))
                    .arg(label)
                    .arg(PolicyValidator::kMaxLicenseLength)
                    .arg(shown(license)),
                index,
                key);
            return false;
        }
        if (hasControlCharacters(license)) {
            add(field,
                tr("%1: the license name %2 has control characters.").arg(label, shown(license)),
                index,
                key);
            return false;
        }
        return true;
    }

    void storable(PolicyField field, const QJsonValue &encoded)
    {
        const qsizetype length = encodedLength(encoded);
        if (length > PolicyValidator::kMaxLongText) {
            add(field,
                tr("%1: too much to store (%2 characters as JSON; at most %3).")
                    .arg(PolicyProblem::label(field))
                    .arg(length)
                    .arg(PolicyValidator::kMaxLongText));
        }
    }

    void thresholdsByLicense()
    {
        QJsonObject encoded;
        for (auto it = m_policy.thresholdByLicense.cbegin();
             it != m_policy.thresholdByLicense.cend();
             ++it) {
            if (licenseName(PolicyField::ThresholdsByLicense, it.key(), -1, it.key())) {
                days(PolicyField::ThresholdsByLicense,
                     it.value(),
                     PolicyValidator::kMinThresholdDays,
                     PolicyValidator::kMaxThresholdDays,
                     it.key());
            }
            encoded.insert(it.key(), it.value());
        }
        storable(PolicyField::ThresholdsByLicense, encoded);
    }

    void licenseList(PolicyField field, const QStringList &licenses, const QStringList *included)
    {
        const QString label = PolicyProblem::label(field);
        QHash<QString, int> seen;
        for (int i = 0; i < licenses.size(); ++i) {
            const QString &license = licenses.at(i);
            if (!licenseName(field, license, i, {})) {
                continue;
            }
            if (seen.contains(license)) {
                add(field, tr("%1: %2 is listed twice.").arg(label, shown(license)), i);
            } else if (included && included->contains(license)) {
                add(field,
                    tr("%1: %2 is also a license to include; a license is either included or "
                       "excluded.")
                        .arg(label, shown(license)),
                    i);
            }
            seen.insert(license, i);
        }
        storable(field, QJsonArray::fromStringList(licenses));
    }

    void userTypes()
    {
        const QString label = PolicyProblem::label(PolicyField::UserTypes);
        if (m_policy.userTypes.isEmpty()) {
            add(PolicyField::UserTypes,
                tr("User types: choose at least one (Standard for employees)."));
            return;
        }
        QSet<QString> seen;
        for (int i = 0; i < m_policy.userTypes.size(); ++i) {
            const QString &type = m_policy.userTypes.at(i);
            if (!PolicyValidator::userTypes().contains(type)) {
                add(PolicyField::UserTypes,
                    tr("User types: %1 is not one a policy can cover; choose from %2.")
                        .arg(shown(type), PolicyValidator::userTypes().join(u", "_s)),
                    i);
            } else if (seen.contains(type)) {
                add(PolicyField::UserTypes,
                    tr("%1: %2 is listed twice.").arg(label, shown(type)),
                    i);
            }
            seen.insert(type);
        }
    }

    void reminder()
    {
        const int reminder = m_policy.reminderDays;
        const int sla = m_policy.managerSlaDays;
        if (reminder < 0 || reminder > PolicyValidator::kMaxReminderDays) {
            days(PolicyField::ReminderDays, reminder, 0, PolicyValidator::kMaxReminderDays);
            return;
        }
        const bool slaValid = sla >= PolicyValidator::kMinManagerSlaDays
                              && sla <= PolicyValidator::kMaxManagerSlaDays;
        if (slaValid && reminder >= sla) {
            add(PolicyField::ReminderDays,
                tr("Reminder: must come before the manager's answer is due (0 to %1 days, 0 "
                   "for no reminder); %n day(s) is not before the %2-day deadline.",
                   nullptr,
                   reminder)
                    .arg(sla - 1)
                    .arg(sla));
        }
    }

    void exemptions()
    {
        const QList<Exemption> &list = m_policy.exemptions;
        if (list.size() > PolicyValidator::kMaxExemptions) {
            add(PolicyField::Exemptions,
                tr("Exemptions: at most %1 per policy; this has %n.",
                   nullptr,
                   static_cast<int>(list.size()))
                    .arg(PolicyValidator::kMaxExemptions));
        }
        QHash<QString, int> users; // the first 15 characters: the case-sensitive id
        for (int i = 0; i < list.size(); ++i) {
            const Exemption &exemption = list.at(i);
            const QString number = QString::number(i + 1);
            if (exemption.userId.isEmpty()) {
                addExemption(i, u"userId"_s, tr("Exemption %1: choose the user.").arg(number));
            } else if (!org::RecordId::isOf(exemption.userId, org::RecordId::kUserPrefix)) {
                addExemption(i,
                             u"userId"_s,
                             tr("Exemption %1: %2 is not a user id (15 or 18 letters and digits "
                                "starting 005).")
                                 .arg(number, shown(exemption.userId)));
            } else if (const QString key = exemption.userId.left(15); users.contains(key)) {
                addExemption(i,
                             u"userId"_s,
                             tr("Exemption %1: the user already has exemption %2.")
                                 .arg(number)
                                 .arg(users.value(key) + 1));
            } else {
                users.insert(key, i);
            }
            const QString reason = exemption.reason.trimmed();
            if (reason.isEmpty()) {
                addExemption(i, u"reason"_s, tr("Exemption %1: give the reason.").arg(number));
            } else if (reason.size() > PolicyValidator::kMaxReasonLength) {
                addExemption(i,
                             u"reason"_s,
                             tr("Exemption %1: the reason has at most %2 characters; this has %n.",
                                nullptr,
                                static_cast<int>(reason.size()))
                                 .arg(number)
                                 .arg(PolicyValidator::kMaxReasonLength));
            }
        }
    }

    void notificationChannel()
    {
        const QString channel = m_policy.notificationChannel.trimmed();
        const QString label = PolicyProblem::label(PolicyField::NotificationChannel);
        // A webhook address in any spelling (https://…, hooks.slack.com/services/…,
        // outlook.office.com/webhook/…) has a ':' or a '/'; a secret's name has neither.
        if (channel.contains(u':') || channel.contains(u'/') || channel.contains(u'\\')) {
            add(PolicyField::NotificationChannel,
                tr("Notification channel: give the name of the webhook's secret in the secrets "
                   "store, not its address: the address is itself a secret and never goes into "
                   "the org."));
        } else if (!tooLong(PolicyField::NotificationChannel,
                            channel,
                            PolicyValidator::kMaxTextLength,
                            label)
                   && !isSecretName(channel)) {
            add(PolicyField::NotificationChannel,
                tr("Notification channel: use letters, digits, spaces, '.', '-' and '_' only, "
                   "as in the name of the webhook's secret (for example slack-sales-ops)."));
        }
    }

    static bool isSecretName(const QString &name)
    {
        return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
            return c.isLetterOrNumber() || c == u' ' || c == u'.' || c == u'-' || c == u'_';
        });
    }

    void downgradeTargets()
    {
        QJsonObject encoded;
        for (auto it = m_policy.downgradeTargets.cbegin(); it != m_policy.downgradeTargets.cend();
             ++it) {
            if (licenseName(PolicyField::DowngradeTargets, it.key(), -1, it.key())
                && !org::RecordId::isOf(it.value(), org::RecordId::kProfilePrefix)) {
                add(PolicyField::DowngradeTargets,
                    tr("Downgrade target for %1: %2 is not a profile id (15 or 18 letters and "
                       "digits starting 00e).")
                        .arg(shown(it.key()), shown(it.value())),
                    -1,
                    it.key());
            }
            encoded.insert(it.key(), it.value());
        }
        storable(PolicyField::DowngradeTargets, encoded);
    }

    const Policy &m_policy;
    QList<PolicyProblem> m_problems;
};

} // namespace

QList<PolicyProblem> PolicyValidator::validate(const Policy &policy)
{
    return Checker(policy).run();
}

const QStringList &PolicyValidator::userTypes()
{
    static const QStringList types{u"Standard"_s,
                                   u"PowerPartner"_s,
                                   u"PowerCustomerSuccess"_s,
                                   u"CustomerSuccess"_s,
                                   u"CspLitePortal"_s,
                                   u"CsnOnly"_s};
    return types;
}

} // namespace lr::policy
