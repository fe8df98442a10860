#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QString>

namespace lr::demo {

// Every mutating request (POST, PATCH, PUT, DELETE) the demo org received, in order, so
// tests can prove what was — and what was not — written. Thread-safe.
class MutationLog
{
public:
    struct Entry
    {
        qint64 sequence = 0;
        QDateTime time;
        QString method;
        QString path;
        QString userId;
        int status = 0;
        QByteArray body;
    };

    void append(Entry entry);
    void clear();
    [[nodiscard]] QList<Entry> entries() const;
    [[nodiscard]] QJsonArray toJson() const;

private:
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    qint64 m_nextSequence = 1;
};

} // namespace lr::demo
