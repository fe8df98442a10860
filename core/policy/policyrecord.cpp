#include "core/policy/policyrecord.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

QJsonValue textOrNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(trimmed);
}

QJsonValue jsonText(const QJsonArray &array)
{
    if (array.isEmpty()) {
        return QJsonValue::Null;
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonValue jsonText(const QJsonObject &object)
{
    if (object.isEmpty()) {
        return QJsonValue::Null;
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Reads one record; the first field it cannot read is the error.
class RecordReader
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyRecord)

public:
    explicit RecordReader(const QJsonObject &record)
        : m_record(record)
    { }

    [[nodiscard]] const std::optional<Error> &error() const { return m_error; }

    QString text(const QString &field) { return m_record.value(field).toString(); }
    bool flag(const QString &field, bool fallback)
    {
        const QJsonValue value = m_record.value(field);
        return value.isBool() ? value.toBool() : fallback;
    }
    int number(const QString &field, int fallback)
    {
        const QJsonValue value = m_record.value(field);
        if (value.isNull() || value.isUndefined()) {
            return fallback;
        }
        const double number = value.toDouble(std::nan(""));
        if (!std::isfinite(number) || std::abs(number) > 1e9) {
            fail(field, tr("not a number"));
            return fallback;
        }
        return static_cast<int>(std::lround(number));
    }
    template <typename Enum>
    Enum pick(const QString &field, const QList<QPair<QString, Enum>> &values, Enum fallback)
    {
        const QString value = text(field);
        if (value.isEmpty()) {
            return fallback;
        }
        for (const auto &[name, option] : values) {
            if (name == value) {
                return option;
            }
        }
        fail(field, tr("the value '%1' is unknown").arg(value.left(40)));
        return fallback;
    }
    QStringList stringList(const QString &field)
    {
        const QJsonValue json = parsed(field, false);
        QStringList list;
        for (const QJsonValue &value : json.toArray()) {
            if (!value.isString()) {
                fail(field, tr("a list entry is not text"));
                return {};
            }
            list.append(value.toString());
        }
        return list;
    }
    QMap<QString, int> dayMap(const QString &field)
    {
        const QJsonObject json = parsed(field, true).toObject();
        QMap<QString, int> map;
        for (auto it = json.begin(); it != json.end(); ++it) {
            const double days = it.value().toDouble(std::nan(""));
            if (!it.value().isDouble() || std::floor(days) != days || std::abs(days) > 1e9) {
                fail(field, tr("the days for '%1' are not a whole number").arg(it.key().left(40)));
                return {};
            }
            map.insert(it.key(), static_cast<int>(days));
        }
        return map;
    }
    QMap<QString, QString> textMap(const QString &field)
    {
        const QJsonObject json = parsed(field, true).toObject();
        QMap<QString, QString> map;
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (!it.value().isString()) {
                fail(field, tr("the value for '%1' is not text").arg(it.key().left(40)));
                return {};
            }
            map.insert(it.key(), it.value().toString());
        }
        return map;
    }

private:
    // A LongTextArea holding JSON: blank is empty, anything else must parse.
    QJsonValue parsed(const QString &field, bool object)
    {
        const QString text = m_record.value(field).toString();
        if (text.trimmed().isEmpty()) {
            return object ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray());
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || doc.isObject() != object
            || doc.isArray() == object) {
            fail(field,
                 object ? tr("it is not a JSON object of licenses")
                        : tr("it is not a JSON list of licenses"));
            return object ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray());
        }
        return object ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    }
    void fail(const QString &field, const QString &what)
    {
        if (m_error) {
            return;
        }
        m_error = Error::make(Error::Kind::Protocol,
                              u"INVALID_POLICY_RECORD"_s,
                              tr("The policy '%1' in the org has a %2 this version cannot read: "
                                 "%3.")
                                  .arg(m_record.value(u"Name"_s).toString().left(80), field, what));
        m_error->fields = QStringList{field};
    }

    const QJsonObject &m_record;
    std::optional<Error> m_error;
};

const QList<QPair<QString, Policy::Schedule>> &schedules()
{
    static const QList<QPair<QString, Policy::Schedule>> values{
        {u"Manual"_s, Policy::Schedule::Manual},
        {u"Daily"_s, Policy::Schedule::Daily},
        {u"Weekly"_s, Policy::Schedule::Weekly},
        {u"Monthly"_s, Policy::Schedule::Monthly}};
    return values;
}

const QList<QPair<QString, Policy::ExecutionPath>> &executionPaths()
{
    static const QList<QPair<QString, Policy::ExecutionPath>> values{
        {u"Email"_s, Policy::ExecutionPath::Email},
        {u"ITSM"_s, Policy::ExecutionPath::Itsm},
        {u"Both"_s, Policy::ExecutionPath::Both}};
    return values;
}

const QList<QPair<QString, Policy::TimeoutAction>> &timeoutActions()
{
    static const QList<QPair<QString, Policy::TimeoutAction>> values{
        {u"Auto_Freeze"_s, Policy::TimeoutAction::AutoFreeze},
        {u"Hold_For_Review"_s, Policy::TimeoutAction::HoldForReview}};
    return values;
}

template <typename Enum>
QString valueOf(const QList<QPair<QString, Enum>> &values, Enum option)
{
    for (const auto &[name, value] : values) {
        if (value == option) {
            return name;
        }
    }
    return {};
}

} // namespace

QString PolicyRecord::scheduleValue(Policy::Schedule schedule)
{
    return valueOf(schedules(), schedule);
}

QString PolicyRecord::executionPathValue(Policy::ExecutionPath path)
{
    return valueOf(executionPaths(), path);
}

QString PolicyRecord::timeoutActionValue(Policy::TimeoutAction action)
{
    return valueOf(timeoutActions(), action);
}

QString PolicyRecord::uniqueName(const QString &name)
{
    return name.trimmed().toLower();
}

QStringList PolicyRecord::fieldNames()
{
    return {u"Id"_s,
            u"Name"_s,
            u"Unique_Name__c"_s,
            u"Version__c"_s,
            u"Active__c"_s,
            u"OwnerId"_s,
            u"Schedule__c"_s,
            u"Execution_Path__c"_s,
            u"ITSM_Connection__c"_s,
            u"Default_Threshold_Days__c"_s,
            u"Thresholds_By_License__c"_s,
            u"Include_Licenses__c"_s,
            u"Exclude_Licenses__c"_s,
            u"User_Types__c"_s,
            u"Grace_Period_Days__c"_s,
            u"Manager_SLA_Days__c"_s,
            u"Reminder_Days__c"_s,
            u"Timeout_Action__c"_s,
            u"Dry_Run__c"_s,
            u"Cooldown_Days__c"_s,
            u"Notification_Channel__c"_s,
            u"Downgrade_Targets__c"_s,
            u"Transfer_Open_Records__c"_s,
            u"LastModifiedDate"_s,
            u"LastModifiedBy.Name"_s};
}

QJsonObject PolicyRecord::toFields(const Policy &policy, int version)
{
    QJsonObject thresholds;
    for (auto it = policy.thresholdByLicense.cbegin(); it != policy.thresholdByLicense.cend();
         ++it) {
        thresholds.insert(it.key(), it.value());
    }
    QJsonObject targets;
    for (auto it = policy.downgradeTargets.cbegin(); it != policy.downgradeTargets.cend(); ++it) {
        targets.insert(it.key(), it.value());
    }
    QJsonObject fields{
        {u"Name"_s, policy.name.trimmed()},
        {u"Unique_Name__c"_s, uniqueName(policy.name)},
        {u"Version__c"_s, version},
        {u"Active__c"_s, policy.active},
        {u"Schedule__c"_s, scheduleValue(policy.schedule)},
        {u"Execution_Path__c"_s, executionPathValue(policy.executionPath)},
        {u"ITSM_Connection__c"_s, textOrNull(policy.itsmConnection)},
        {u"Default_Threshold_Days__c"_s, policy.defaultThresholdDays},
        {u"Thresholds_By_License__c"_s, jsonText(thresholds)},
        {u"Include_Licenses__c"_s, jsonText(QJsonArray::fromStringList(policy.includeLicenses))},
        {u"Exclude_Licenses__c"_s, jsonText(QJsonArray::fromStringList(policy.excludeLicenses))},
        {u"User_Types__c"_s, textOrNull(policy.userTypes.join(u';'))},
        {u"Grace_Period_Days__c"_s, policy.gracePeriodDays},
        {u"Manager_SLA_Days__c"_s, policy.managerSlaDays},
        {u"Reminder_Days__c"_s, policy.reminderDays},
        {u"Timeout_Action__c"_s, timeoutActionValue(policy.timeoutAction)},
        {u"Dry_Run__c"_s, policy.dryRun},
        {u"Cooldown_Days__c"_s, policy.cooldownDays},
        {u"Notification_Channel__c"_s, textOrNull(policy.notificationChannel)},
        {u"Downgrade_Targets__c"_s, jsonText(targets)},
        {u"Transfer_Open_Records__c"_s, policy.transferOpenRecords},
    };
    if (!policy.ownerId.isEmpty()) {
        fields.insert(u"OwnerId"_s, policy.ownerId);
    }
    return fields;
}

Result<Policy> PolicyRecord::fromRecord(const QJsonObject &record)
{
    RecordReader read(record);
    Policy policy;
    policy.id = read.text(u"Id"_s);
    policy.name = read.text(u"Name"_s);
    policy.version = read.number(u"Version__c"_s, 1);
    policy.active = read.flag(u"Active__c"_s, true);
    policy.ownerId = read.text(u"OwnerId"_s);
    policy.schedule = read.pick(u"Schedule__c"_s, schedules(), Policy::Schedule::Weekly);
    policy.executionPath =
        read.pick(u"Execution_Path__c"_s, executionPaths(), Policy::ExecutionPath::Email);
    policy.itsmConnection = read.text(u"ITSM_Connection__c"_s);
    policy.defaultThresholdDays = read.number(u"Default_Threshold_Days__c"_s, 90);
    policy.thresholdByLicense = read.dayMap(u"Thresholds_By_License__c"_s);
    policy.includeLicenses = read.stringList(u"Include_Licenses__c"_s);
    policy.excludeLicenses = read.stringList(u"Exclude_Licenses__c"_s);
    const QString userTypes = read.text(u"User_Types__c"_s);
    policy.userTypes = userTypes.isEmpty() ? QStringList() : userTypes.split(u';');
    policy.gracePeriodDays = read.number(u"Grace_Period_Days__c"_s, 14);
    policy.managerSlaDays = read.number(u"Manager_SLA_Days__c"_s, 7);
    policy.reminderDays = read.number(u"Reminder_Days__c"_s, 2);
    policy.timeoutAction =
        read.pick(u"Timeout_Action__c"_s, timeoutActions(), Policy::TimeoutAction::HoldForReview);
    policy.dryRun = read.flag(u"Dry_Run__c"_s, true);
    policy.cooldownDays = read.number(u"Cooldown_Days__c"_s, 90);
    policy.notificationChannel = read.text(u"Notification_Channel__c"_s);
    policy.downgradeTargets = read.textMap(u"Downgrade_Targets__c"_s);
    policy.transferOpenRecords = read.flag(u"Transfer_Open_Records__c"_s, false);
    policy.lastModifiedAt =
        QDateTime::fromString(read.text(u"LastModifiedDate"_s), Qt::ISODateWithMs).toUTC();
    policy.lastModifiedBy =
        record.value(u"LastModifiedBy"_s).toObject().value(u"Name"_s).toString();
    if (read.error()) {
        return *read.error();
    }
    return policy;
}

} // namespace lr::policy
