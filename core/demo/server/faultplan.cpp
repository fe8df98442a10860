#include "core/demo/server/faultplan.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

QJsonObject Fault::toJson() const
{
    QJsonObject json{
        {u"id"_s, id}, {u"method"_s, method}, {u"path"_s, pathContains}, {u"times"_s, remaining}};
    switch (kind) {
    case Kind::Status:
        json.insert(u"status"_s, status);
        json.insert(u"errorCode"_s, errorCode);
        json.insert(u"message"_s, message);
        break;
    case Kind::Delay:
        json.insert(u"delayMs"_s, delayMs);
        break;
    case Kind::Drop:
        json.insert(u"drop"_s, true);
        break;
    case Kind::RecordError:
        json.insert(u"recordError"_s,
                    QJsonObject{{u"index"_s, recordIndex},
                                {u"statusCode"_s, errorCode},
                                {u"message"_s, message}});
        break;
    }
    return json;
}

std::optional<Fault> Fault::fromJson(const QJsonObject &json, QString *error)
{
    Fault fault;
    fault.method = json.value(u"method"_s).toString().toUpper();
    fault.pathContains = json.value(u"path"_s).toString();
    fault.remaining = json.value(u"times"_s).toInt(1);
    if (fault.remaining < 1) {
        *error = u"'times' must be at least 1"_s;
        return std::nullopt;
    }
    if (json.contains(u"status"_s)) {
        fault.kind = Kind::Status;
        fault.status = json.value(u"status"_s).toInt();
        if (fault.status < 400 || fault.status > 599) {
            *error = u"'status' must be an HTTP error status between 400 and 599"_s;
            return std::nullopt;
        }
        fault.errorCode = json.value(u"errorCode"_s).toString(u"UNKNOWN_EXCEPTION"_s);
        fault.message = json.value(u"message"_s).toString(u"Injected fault"_s);
    } else if (json.contains(u"delayMs"_s)) {
        fault.kind = Kind::Delay;
        fault.delayMs = json.value(u"delayMs"_s).toInt(-1);
        if (fault.delayMs < 0 || fault.delayMs > 600000) {
            *error = u"'delayMs' must be between 0 and 600000"_s;
            return std::nullopt;
        }
    } else if (json.value(u"drop"_s).toBool()) {
        fault.kind = Kind::Drop;
    } else if (json.value(u"recordError"_s).isObject()) {
        const QJsonObject record = json.value(u"recordError"_s).toObject();
        fault.kind = Kind::RecordError;
        fault.recordIndex = record.value(u"index"_s).toInt(-1);
        fault.errorCode = record.value(u"statusCode"_s).toString(u"UNABLE_TO_LOCK_ROW"_s);
        fault.message = record.value(u"message"_s)
                            .toString(u"unable to obtain exclusive access to this record"_s);
        if (fault.recordIndex < 0 || fault.recordIndex >= 200) {
            *error = u"'recordError.index' must be between 0 and 199"_s;
            return std::nullopt;
        }
    } else {
        *error = u"a fault needs one of 'status', 'delayMs', 'drop' or 'recordError'"_s;
        return std::nullopt;
    }
    return fault;
}

int FaultPlan::add(Fault fault)
{
    QMutexLocker lock(&m_mutex);
    fault.id = m_nextId++;
    m_faults.append(fault);
    return fault.id;
}

void FaultPlan::clear()
{
    QMutexLocker lock(&m_mutex);
    m_faults.clear();
}

QList<Fault> FaultPlan::pending() const
{
    QMutexLocker lock(&m_mutex);
    return m_faults;
}

std::optional<Fault> FaultPlan::take(const QString &method,
                                     const QString &path,
                                     std::initializer_list<Fault::Kind> kinds)
{
    return takeFirst([&](const Fault &fault) {
        return std::find(kinds.begin(), kinds.end(), fault.kind) != kinds.end()
               && (fault.method.isEmpty() || fault.method == method)
               && (fault.pathContains.isEmpty() || path.contains(fault.pathContains));
    });
}

std::optional<Fault>
FaultPlan::takeRecordError(const QString &method, const QString &path, int index)
{
    return takeFirst([&](const Fault &fault) {
        return fault.kind == Fault::Kind::RecordError && fault.recordIndex == index
               && (fault.method.isEmpty() || fault.method == method)
               && (fault.pathContains.isEmpty() || path.contains(fault.pathContains));
    });
}

std::optional<Fault> FaultPlan::takeFirst(const std::function<bool(const Fault &)> &matches)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault &fault = m_faults[i];
        if (!matches(fault)) {
            continue;
        }
        Fault fired = fault;
        if (--fault.remaining <= 0) {
            m_faults.removeAt(i);
        }
        return fired;
    }
    return std::nullopt;
}

} // namespace lr::demo
