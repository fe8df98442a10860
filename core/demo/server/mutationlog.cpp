#include "core/demo/server/mutationlog.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::demo {

void MutationLog::append(Entry entry)
{
    QMutexLocker lock(&m_mutex);
    entry.sequence = m_nextSequence++;
    m_entries.append(std::move(entry));
}

void MutationLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

QList<MutationLog::Entry> MutationLog::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

QJsonArray MutationLog::toJson() const
{
    QJsonArray array;
    for (const Entry &entry : entries()) {
        QJsonObject json{{u"sequence"_s, entry.sequence},
                         {u"time"_s, entry.time.toString(Qt::ISODateWithMs)},
                         {u"method"_s, entry.method},
                         {u"path"_s, entry.path},
                         {u"userId"_s, entry.userId},
                         {u"status"_s, entry.status}};
        const QJsonDocument body = QJsonDocument::fromJson(entry.body);
        if (body.isObject()) {
            json.insert(u"body"_s, body.object());
        } else if (body.isArray()) {
            json.insert(u"body"_s, body.array());
        } else {
            json.insert(u"body"_s, QString::fromUtf8(entry.body));
        }
        array.append(json);
    }
    return array;
}

} // namespace lr::demo
