#include "core/policy/policyjson.h"

#include "core/policy/jsonsourcescan.h"
#include "core/policy/policyvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

template <typename Enum>
struct Names
{
    QList<QPair<QString, Enum>> values;

    [[nodiscard]] QString name(Enum value) const
    {
        for (const auto &[text, option] : values) {
            if (option == value) {
                return text;
            }
        }
        return {};
    }
    [[nodiscard]] std::optional<Enum> value(const QString &name) const
    {
        for (const auto &[text, option] : values) {
            if (text == name) {
                return option;
            }
        }
        return std::nullopt;
    }
    [[nodiscard]] QString list() const
    {
        QStringList names;
        for (const auto &pair : values) {
            names.append(pair.first);
        }
        return names.join(u", "_s);
    }
};

const Names<Policy::Schedule> kSchedules{{{u"manual"_s, Policy::Schedule::Manual},
                                          {u"daily"_s, Policy::Schedule::Daily},
                                          {u"weekly"_s, Policy::Schedule::Weekly},
                                          {u"monthly"_s, Policy::Schedule::Monthly}}};
const Names<Policy::ExecutionPath> kPaths{{{u"email"_s, Policy::ExecutionPath::Email},
                                           {u"itsm"_s, Policy::ExecutionPath::Itsm},
                                           {u"both"_s, Policy::ExecutionPath::Both}}};
const Names<Policy::TimeoutAction> kTimeouts{
    {{u"auto-freeze"_s, Policy::TimeoutAction::AutoFreeze},
     {u"hold-for-review"_s, Policy::TimeoutAction::HoldForReview}}};

// The members in file order.
const QList<PolicyField> &fileFields()
{
    static const QList<PolicyField> fields{PolicyField::Format,
                                           PolicyField::Name,
                                           PolicyField::Active,
                                           PolicyField::Schedule,
                                           PolicyField::ExecutionPath,
                                           PolicyField::ItsmConnection,
                                           PolicyField::DefaultThresholdDays,
                                           PolicyField::ThresholdsByLicense,
                                           PolicyField::IncludeLicenses,
                                           PolicyField::ExcludeLicenses,
                                           PolicyField::UserTypes,
                                           PolicyField::GracePeriodDays,
                                           PolicyField::ManagerSlaDays,
                                           PolicyField::ReminderDays,
                                           PolicyField::TimeoutAction,
                                           PolicyField::DryRun,
                                           PolicyField::CooldownDays,
                                           PolicyField::Exemptions,
                                           PolicyField::NotificationChannel,
                                           PolicyField::DowngradeTargets,
                                           PolicyField::TransferOpenRecords};
    return fields;
}

const QStringList &exemptionMembers()
{
    static const QStringList members{u"userId"_s, u"username"_s, u"reason"_s, u"expires"_s};
    return members;
}

QByteArray encoded(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject exemptionJson(const Exemption &exemption)
{
    QJsonObject json{{u"userId"_s, exemption.userId}, {u"reason"_s, exemption.reason}};
    if (!exemption.username.isEmpty()) {
        json.insert(u"username"_s, exemption.username);
    }
    json.insert(u"expires"_s,
                exemption.expires.isValid() ? QJsonValue(exemption.expires.toString(Qt::ISODate))
                                            : QJsonValue(QJsonValue::Null));
    return json;
}

// One exemption on one line, members in a fixed order.
QByteArray exemptionLine(const Exemption &exemption)
{
    const QJsonObject json = exemptionJson(exemption);
    QByteArrayList members;
    for (const QString &member : exemptionMembers()) {
        if (json.contains(member)) {
            members.append(encoded(member) + ": " + encoded(json.value(member)));
        }
    }
    return '{' + members.join(", ") + '}';
}

QJsonValue memberValue(const Policy &policy, PolicyField field)
{
    switch (field) {
    case PolicyField::Format:
        return PolicyJson::kFormat;
    case PolicyField::Name:
        return policy.name;
    case PolicyField::Active:
        return policy.active;
    case PolicyField::Schedule:
        return kSchedules.name(policy.schedule);
    case PolicyField::ExecutionPath:
        return kPaths.name(policy.executionPath);
    case PolicyField::ItsmConnection:
        return textOrNull(policy.itsmConnection);
    case PolicyField::DefaultThresholdDays:
        return policy.defaultThresholdDays;
    case PolicyField::ThresholdsByLicense: {
        QJsonObject map;
        for (auto it = policy.thresholdByLicense.cbegin(); it != policy.thresholdByLicense.cend();
             ++it) {
            map.insert(it.key(), it.value());
        }
        return map;
    }
    case PolicyField::IncludeLicenses:
        return QJsonArray::fromStringList(policy.includeLicenses);
    case PolicyField::ExcludeLicenses:
        return QJsonArray::fromStringList(policy.excludeLicenses);
    case PolicyField::UserTypes:
        return QJsonArray::fromStringList(policy.userTypes);
    case PolicyField::GracePeriodDays:
        return policy.gracePeriodDays;
    case PolicyField::ManagerSlaDays:
        return policy.managerSlaDays;
    case PolicyField::ReminderDays:
        return policy.reminderDays;
    case PolicyField::TimeoutAction:
        return kTimeouts.name(policy.timeoutAction);
    case PolicyField::DryRun:
        return policy.dryRun;
    case PolicyField::CooldownDays:
        return policy.cooldownDays;
    case PolicyField::NotificationChannel:
        return textOrNull(policy.notificationChannel);
    case PolicyField::DowngradeTargets: {
        QJsonObject map;
        for (auto it = policy.downgradeTargets.cbegin(); it != policy.downgradeTargets.cend();
             ++it) {
            map.insert(it.key(), it.value());
        }
        return map;
    }
    case PolicyField::TransferOpenRecords:
        return policy.transferOpenRecords;
    case PolicyField::Exemptions:
    case PolicyField::Document:
    case PolicyField::Unknown:
    case PolicyField::Owner:
        break;
    }
    return {};
}

// Reads the members of one policy object into a Policy, collecting every problem.
class Reader
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyJson)

public:
    Reader(Policy &policy, QList<PolicyProblem> &problems)
        : m_policy(policy)
        , m_problems(problems)
    { }

    void read(const QJsonObject &json)
    {
        for (auto it = json.begin(); it != json.end(); ++it) {
            const auto field = fieldOf(it.key());
            if (!field) {
                problem(PolicyField::Unknown,
                        PolicyProblem::memberPath(u"$"_s, it.key()),
                        tr("%1 is not a field of a policy file (check its spelling).")
                            .arg(quoted(it.key())));
            }
        }
        format(json.value(u"format"_s));
        for (PolicyField field : fileFields()) {
            if (field == PolicyField::Format) {
                continue;
            }
            const QJsonValue value = json.value(PolicyProblem::jsonKey(field));
            if (value.isUndefined()) {
                if (field == PolicyField::Name) {
                    problem(field, tr("Name: missing; a policy file names its policy."));
                }
                continue;
            }
            member(field, value);
        }
    }

private:
    static std::optional<PolicyField> fieldOf(const QString &key)
    {
        for (PolicyField field : fileFields()) {
            if (PolicyProblem::jsonKey(field) == key) {
                return field;
            }
        }
        return std::nullopt;
    }

    static QString quoted(const QString &text)
    {
        constexpr qsizetype kShown = 40;
        QString shown = text.size() > kShown ? text.left(kShown) + u'…' : text;
        for (QChar &c : shown) {
            if (c.category() == QChar::Other_Control) {
                c = u'·';
            }
        }
        return u'\'' + shown + u'\'';
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Bool:
            return tr("true or false");
        case QJsonValue::Double:
            return tr("a number");
        case QJsonValue::String:
            return tr("text");
        case QJsonValue::Array:
            return tr("a list");
        case QJsonValue::Object:
            return tr("an object");
        case QJsonValue::Undefined:
            break;
        }
        return tr("nothing");
    }

    void problem(PolicyField field, const QString &path, const QString &message, int index = -1)
    {
        PolicyProblem p;
        p.field = field;
        p.path = path;
        p.message = message;
        p.index = index;
        m_problems.append(p);
    }
    void problem(PolicyField field, const QString &message)
    {
        problem(field, PolicyProblem::fieldPath(field), message);
    }
    void wrongType(PolicyField field,
                   const QString &path,
                   const QString &expected,
                   const QJsonValue &got,
                   int index = -1)
    {
        problem(field,
                path,
                tr("%1: expected %2, got %3.")
                    .arg(PolicyProblem::label(field), expected, typeName(got)),
                index);
    }

    void format(const QJsonValue &value)
    {
        const PolicyField field = PolicyField::Format;
        if (value.isUndefined()) {
            problem(field,
                    tr("Format: missing; a policy file starts with \"format\": \"%1\".")
                        .arg(PolicyJson::kFormat));
            return;
        }
        if (!value.isString()) {
            wrongType(field, PolicyProblem::fieldPath(field), tr("text"), value);
            return;
        }
        const QString format = value.toString();
        if (format == PolicyJson::kFormat) {
            return;
        }
        static const QRegularExpression versioned(u"^license-reclaim-policy/(\\d{1,6})$"_s);
        const QRegularExpressionMatch match = versioned.match(format);
        if (match.hasMatch() && match.captured(1).toInt() > 1) {
            problem(field,
                    tr("Format: this file is version %1, from a newer License Reclaim; this "
                       "version reads %2.")
                        .arg(match.captured(1), PolicyJson::kFormat));
        } else {
            problem(field,
                    tr("Format: %1 is not a policy file's format (expected %2).")
                        .arg(quoted(format), PolicyJson::kFormat));
        }
    }

    std::optional<QString> text(PolicyField field, const QJsonValue &value, bool nullable)
    {
        if (value.isString()) {
            return value.toString();
        }
        if (nullable && value.isNull()) {
            return QString();
        }
        wrongType(field,
                  PolicyProblem::fieldPath(field),
                  nullable ? tr("text or null") : tr("text"),
                  value);
        return std::nullopt;
    }

    void flag(PolicyField field, const QJsonValue &value, bool *target)
    {
        if (value.isBool()) {
            *target = value.toBool();
        } else {
            wrongType(field, PolicyProblem::fieldPath(field), tr("true or false"), value);
        }
    }

    std::optional<int> wholeNumber(PolicyField field, const QString &path, const QJsonValue &value)
    {
        if (!value.isDouble()) {
            wrongType(field, path, tr("a whole number of days"), value);
            return std::nullopt;
        }
        const double number = value.toDouble();
        if (std::floor(number) != number) {
            problem(field,
                    path,
                    tr("%1: expected a whole number of days, got %2.")
                        .arg(PolicyProblem::label(field), QString::number(number)));
            return std::nullopt;
        }
        if (std::abs(number) > 1e9) {
            problem(field,
                    path,
                    tr("%1: %2 is far outside the days allowed.")
                        .arg(PolicyProblem::label(field), QString::number(number)));
            return std::nullopt;
        }
        return static_cast<int>(number);
    }

    void days(PolicyField field, const QJsonValue &value, int *target)
    {
        if (const auto number = wholeNumber(field, PolicyProblem::fieldPath(field), value)) {
            *target = *number;
        }
    }

    template <typename Enum>
    void choice(PolicyField field, const QJsonValue &value, const Names<Enum> &names, Enum *target)
    {
        const auto name = text(field, value, false);
        if (!name) {
            return;
        }
        if (const auto option = names.value(*name)) {
            *target = *option;
            return;
        }
        problem(field,
                tr("%1: %2 is not one of %3.")
                    .arg(PolicyProblem::label(field), quoted(*name), names.list()));
    }

    void stringList(PolicyField field, const QJsonValue &value, QStringList *target)
    {
        const QString path = PolicyProblem::fieldPath(field);
        if (!value.isArray()) {
            wrongType(field, path, tr("a list of names"), value);
            return;
        }
        QStringList list;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (array.at(i).isString()) {
                list.append(array.at(i).toString());
            } else {
                wrongType(field,
                          PolicyProblem::indexPath(path, i),
                          tr("a name"),
                          array.at(i),
                          static_cast<int>(i));
            }
        }
        *target = list;
    }

    void thresholds(const QJsonValue &value)
    {
        const PolicyField field = PolicyField::ThresholdsByLicense;
        const QString path = PolicyProblem::fieldPath(field);
        if (!value.isObject()) {
            wrongType(field, path, tr("an object of license names and days"), value);
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const auto number =
                    wholeNumber(field, PolicyProblem::memberPath(path, it.key()), it.value())) {
                m_policy.thresholdByLicense.insert(it.key(), *number);
            }
        }
    }

    void downgradeTargets(const QJsonValue &value)
    {
        const PolicyField field = PolicyField::DowngradeTargets;
        const QString path = PolicyProblem::fieldPath(field);
        if (!value.isObject()) {
            wrongType(field, path, tr("an object of license names and profile ids"), value);
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.value().isString()) {
                m_policy.downgradeTargets.insert(it.key(), it.value().toString());
            } else {
                wrongType(field,
                          PolicyProblem::memberPath(path, it.key()),
                          tr("a profile id"),
                          it.value());
            }
        }
    }

    void exemptions(const QJsonValue &value)
    {
        const PolicyField field = PolicyField::Exemptions;
        const QString path = PolicyProblem::fieldPath(field);
        if (!value.isArray()) {
            wrongType(field, path, tr("a list of exemptions"), value);
            return;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString entryPath = PolicyProblem::indexPath(path, i);
            if (!array.at(i).isObject()) {
                wrongType(field, entryPath, tr("an exemption object"), array.at(i), int(i));
                continue;
            }
            m_policy.exemptions.append(exemption(array.at(i).toObject(), entryPath, int(i)));
        }
    }

    Exemption exemption(const QJsonObject &json, const QString &path, int index)
    {
        const QString number = QString::number(index + 1);
        Exemption exemption;
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (!exemptionMembers().contains(it.key())) {
                problem(PolicyField::Exemptions,
                        PolicyProblem::memberPath(path, it.key()),
                        tr("Exemption %1: %2 is not a field of an exemption (it has userId, "
                           "username, reason and expires).")
                            .arg(number, quoted(it.key())),
                        index);
            }
        }
        auto member = [&](const QString &name, bool nullable) -> std::optional<QString> {
            const QJsonValue value = json.value(name);
            if (value.isUndefined() || (nullable && value.isNull())) {
                return QString();
            }
            if (value.isString()) {
                return value.toString();
            }
            problem(
                PolicyField::Exemptions,
                PolicyProblem::memberPath(path, name),
                tr("Exemption %1: %2 should be %3, not %4.")
                    .arg(number, name, nullable ? tr("text or null") : tr("text"), typeName(value)),
                index);
            return std::nullopt;
        };
        const auto userId = member(u"userId"_s, true);
        const auto username = member(u"username"_s, true);
        const auto reason = member(u"reason"_s, false);
        const auto expires = member(u"expires"_s, true);
        exemption.userId = userId.value_or(QString());
        exemption.username = username.value_or(QString());
        exemption.reason = reason.value_or(QString());
        if (userId && username && userId->isEmpty() && username->isEmpty()) {
            problem(PolicyField::Exemptions,
                    path,
                    tr("Exemption %1: give the user's userId or username.").arg(number),
                    index);
        }
        if (expires && !expires->isEmpty()) {
            static const QRegularExpression isoDate(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
            exemption.expires = QDate::fromString(*expires, u"yyyy-MM-dd"_s);
            if (!isoDate.match(*expires).hasMatch() || !exemption.expires.isValid()) {
                problem(PolicyField::Exemptions,
                        PolicyProblem::memberPath(path, u"expires"_s),
                        tr("Exemption %1: expires: %2 is not a date such as 2026-12-31 (or null "
                           "for no expiry).")
                            .arg(number, quoted(*expires)),
                        index);
                exemption.expires = QDate();
            }
        }
        return exemption;
    }

    void member(PolicyField field, const QJsonValue &value)
    {
        switch (field) {
        case PolicyField::Name:
            if (const auto name = text(field, value, false)) {
                m_policy.name = *name;
            }
            break;
        case PolicyField::Active:
            flag(field, value, &m_policy.active);
            break;
        case PolicyField::Schedule:
            choice(field, value, kSchedules, &m_policy.schedule);
            break;
        case PolicyField::ExecutionPath:
            choice(field, value, kPaths, &m_policy.executionPath);
            break;
        case PolicyField::ItsmConnection:
            if (const auto connection = text(field, value, true)) {
                m_policy.itsmConnection = *connection;
            }
            break;
        case PolicyField::DefaultThresholdDays:
            days(field, value, &m_policy.defaultThresholdDays);
            break;
        case PolicyField::ThresholdsByLicense:
            thresholds(value);
            break;
        case PolicyField::IncludeLicenses:
            stringList(field, value, &m_policy.includeLicenses);
            break;
        case PolicyField::ExcludeLicenses:
            stringList(field, value, &m_policy.excludeLicenses);
            break;
        case PolicyField::UserTypes:
            stringList(field, value, &m_policy.userTypes);
            break;
        case PolicyField::GracePeriodDays:
            days(field, value, &m_policy.gracePeriodDays);
            break;
        case PolicyField::ManagerSlaDays:
            days(field, value, &m_policy.managerSlaDays);
            break;
        case PolicyField::ReminderDays:
            days(field, value, &m_policy.reminderDays);
            break;
        case PolicyField::TimeoutAction:
            choice(field, value, kTimeouts, &m_policy.timeoutAction);
            break;
        case PolicyField::DryRun:
            flag(field, value, &m_policy.dryRun);
            break;
        case PolicyField::CooldownDays:
            days(field, value, &m_policy.cooldownDays);
            break;
        case PolicyField::Exemptions:
            exemptions(value);
            break;
        case PolicyField::NotificationChannel:
            if (const auto channel = text(field, value, true)) {
                m_policy.notificationChannel = *channel;
            }
            break;
        case PolicyField::DowngradeTargets:
            downgradeTargets(value);
            break;
        case PolicyField::TransferOpenRecords:
            flag(field, value, &m_policy.transferOpenRecords);
            break;
        case PolicyField::Format:
        case PolicyField::Document:
        case PolicyField::Unknown:
        case PolicyField::Owner:
            break;
        }
    }

    Policy &m_policy;
    QList<PolicyProblem> &m_problems;
};

PolicyProblem documentProblem(const QString &message, const QString &path = u"$"_s)
{
    PolicyProblem problem;
    problem.field = PolicyField::Document;
    problem.path = path;
    problem.message = message;
    return problem;
}

QString syntaxMessage(const QJsonParseError &error, QByteArrayView text)
{
    const auto [line, column] = JsonSourceScan::lineAndColumn(text, error.offset);
    switch (error.error) {
    case QJsonParseError::GarbageAtEnd:
        return PolicyJson::tr("File: there is more after the policy's closing brace (line %1, "
                              "column %2); a policy file holds one JSON object.")
            .arg(line)
            .arg(column);
    case QJsonParseError::DeepNesting:
        return PolicyJson::tr("File: nested too deeply; a policy file nests at most %1 levels.")
            .arg(PolicyJson::kMaxDepth);
    default:
        return PolicyJson::tr("File: not valid JSON at line %1, column %2: %3.")
            .arg(line)
            .arg(column)
            .arg(error.errorString());
    }
}

// Whether `path` is `parent` or inside it: $.exemptions[2].reason is inside $.exemptions[2].
bool isUnder(QString path, QString parent)
{
    // An exemption names its user by userId or by username: a problem with one stands for
    // both.
    for (QString *p : {&path, &parent}) {
        if (p->endsWith(u".username"_s)) {
            p->replace(p->size() - 8, 8, u"userId"_s);
        }
    }
    return path == parent
           || (path.startsWith(parent)
               && (path.at(parent.size()) == u'.' || path.at(parent.size()) == u'['));
}

} // namespace

QByteArray PolicyJson::write(const Policy &policy)
{
    QByteArray out = "{\n";
    const QList<PolicyField> &fields = fileFields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const PolicyField field = fields.at(i);
        out += "  " + encoded(PolicyProblem::jsonKey(field)) + ": ";
        if (field == PolicyField::Exemptions) {
            if (policy.exemptions.isEmpty()) {
                out += "[]";
            } else {
                out += "[\n";
                for (qsizetype k = 0; k < policy.exemptions.size(); ++k) {
                    out += "    " + exemptionLine(policy.exemptions.at(k))
                           + (k + 1 < policy.exemptions.size() ? ",\n" : "\n");
                }
                out += "  ]";
            }
        } else {
            out += encoded(memberValue(policy, field));
        }
        out += i + 1 < fields.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

PolicyJson::Parsed PolicyJson::read(const QByteArray &bytes)
{
    Parsed parsed;
    if (bytes.size() > kMaxFileSize) {
        parsed.problems.append(
            documentProblem(tr("File: %1 is larger than a policy file can be (at most %2).")
                                .arg(QLocale().formattedDataSize(bytes.size()),
                                     QLocale().formattedDataSize(kMaxFileSize))));
        return parsed;
    }
    QByteArrayView text = bytes;
    if (text.startsWith("\xEF\xBB\xBF")) {
        text = text.sliced(3); // a byte order mark, as Windows editors write
    }
    if (text.trimmed().isEmpty()) {
        parsed.problems.append(documentProblem(tr("File: the file is empty.")));
        return parsed;
    }
    if (const qsizetype bad = JsonSourceScan::invalidUtf8At(text); bad >= 0) {
        const auto [line, column] = JsonSourceScan::lineAndColumn(text.first(bad), bad);
        parsed.problems.append(documentProblem(
            tr("File: not valid UTF-8 at byte %1 (line %2, column %3); save the file as "
               "UTF-8.")
                .arg(bad + (text.data() - bytes.data()))
                .arg(line)
                .arg(column)));
        return parsed;
    }
    const QByteArrayView start = text.trimmed();
    if (!start.startsWith('{') && !start.startsWith('[')) {
        parsed.problems.append(documentProblem(
            tr("File: a policy file is one JSON object, { … }; this one starts with %1.")
                .arg(u'\'' + QString::fromUtf8(start.first(std::min<qsizetype>(start.size(), 12)))
                     + u'\'')));
        return parsed;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        parsed.problems.append(documentProblem(syntaxMessage(error, text)));
        return parsed;
    }
    for (const JsonSourceScan::Issue &issue : JsonSourceScan::scan(text, kMaxDepth)) {
        parsed.problems.append(documentProblem(
            issue.kind == JsonSourceScan::Issue::Kind::TooDeep
                ? tr("File: nested too deeply here; a policy file nests at most %1 levels.")
                      .arg(kMaxDepth)
                : tr("File: the key %1 appears more than once in the same object; which one "
                     "counts would be a guess.")
                      .arg(u'\'' + issue.key.left(40) + u'\''),
            issue.path));
    }
    if (!parsed.problems.isEmpty()) {
        return parsed;
    }
    if (!doc.isObject()) {
        parsed.problems.append(
            documentProblem(tr("File: expected a JSON object (one policy), got a list.")));
        return parsed;
    }
    parsed.readable = true;
    Reader(parsed.policy, parsed.problems).read(doc.object());
    return parsed;
}

QList<PolicyProblem> PolicyJson::withRules(const Parsed &parsed)
{
    QList<PolicyProblem> problems = parsed.problems;
    if (!parsed.readable) {
        return problems;
    }
    for (const PolicyProblem &rule : PolicyValidator::validate(parsed.policy)) {
        const bool repeated =
            std::any_of(parsed.problems.cbegin(), parsed.problems.cend(), [&](const auto &p) {
                return isUnder(rule.path, p.path);
            });
        if (!repeated) {
            problems.append(rule);
        }
    }
    return problems;
}

} // namespace lr::policy
