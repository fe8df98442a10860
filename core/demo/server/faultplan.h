#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>
#include <optional>

namespace lr::demo {

// A fault the demo org injects into the next matching requests, as real orgs and networks
// produce them: an HTTP status with Salesforce's error body, a delay, a dropped
// connection, or a per-record error inside an sObject collection request.
struct Fault
{
    enum class Kind {
        Status,
        Delay,
        Drop,
        RecordError,
    };

    Kind kind = Kind::Status;
    QString method;       // GET, PATCH …; empty matches any
    QString pathContains; // substring of the request path; empty matches any
    int remaining = 1;    // how many matching requests it applies to
    int status = 500;     // Status
    QString errorCode;    // Status: the body's errorCode; RecordError: the statusCode
    QString message;
    int delayMs = 0;     // Delay
    int recordIndex = 0; // RecordError: index of the record in the request
    int id = 0;

    [[nodiscard]] QJsonObject toJson() const;
    // Reads the control API's JSON form; returns nothing and sets `error` when invalid.
    [[nodiscard]] static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
};

// The faults waiting to fire. Thread-safe; each take() consumes one use of one fault.
class FaultPlan
{
public:
    int add(Fault fault);
    void clear();
    [[nodiscard]] QList<Fault> pending() const;
    // The first fault (of the given kinds) matching the request, with one use consumed.
    [[nodiscard]] std::optional<Fault>
    take(const QString &method, const QString &path, std::initializer_list<Fault::Kind> kinds);
    // The first per-record error meant for the record at `index` of a collection request.
    [[nodiscard]] std::optional<Fault>
    takeRecordError(const QString &method, const QString &path, int index);

private:
    [[nodiscard]] std::optional<Fault> takeFirst(const std::function<bool(const Fault &)> &matches);

    mutable QMutex m_mutex;
    QList<Fault> m_faults;
    int m_nextId = 1;
};

} // namespace lr::demo
