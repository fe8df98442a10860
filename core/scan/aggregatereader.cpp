#include "core/scan/aggregatereader.h"

#include "core/org/orgclient.h"

#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lr::scan {

namespace {

QString groupKey(const QJsonObject &row, const QStringList &groupBy)
{
    QStringList parts;
    for (const QString &field : groupBy) {
        parts.append(row.value(field).toVariant().toString());
    }
    return parts.join(QChar(0x1f));
}

QString quoted(QString text)
{
    text.replace(u"\\"_s, u"\\\\"_s);
    text.replace(u"'"_s, u"\\'"_s);
    return u'\'' + text + u'\'';
}

} // namespace

QCoro::Task<Result<QJsonArray>> AggregateReader::read(org::OrgClient &client,
                                                      QString selectFrom,
                                                      QString where,
                                                      QStringList groupBy)
{
    const QString key = groupBy.first();
    const QString fields = groupBy.join(u", "_s);
    QJsonArray rows;
    QSet<QString> seen;
    QString after;
    while (true) {
        QString filter = where;
        if (!after.isEmpty()) {
            // With one key, continue strictly after it; with several, the last key's groups
            // may continue on the next page, so repeat it and skip what was already seen.
            filter +=
                u" AND %1 %2 %3"_s.arg(key, groupBy.size() == 1 ? u">"_s : u">="_s, quoted(after));
        }
        Result<org::QueryResult> page = co_await client.query(
            u"%1 WHERE %2 GROUP BY %3 ORDER BY %3 LIMIT %4"_s.arg(selectFrom, filter, fields)
                .arg(kMaxGroups));
        if (!page) {
            co_return page.error();
        }
        int added = 0;
        for (const QJsonValue &value : std::as_const(page->records)) {
            const QJsonObject row = value.toObject();
            if (groupBy.size() > 1) {
                const QString id = groupKey(row, groupBy);
                if (seen.contains(id)) {
                    continue;
                }
                seen.insert(id);
            }
            rows.append(row);
            ++added;
        }
        if (page->records.size() < kMaxGroups) {
            co_return rows;
        }
        const QString last = page->records.last().toObject().value(key).toVariant().toString();
        if (added == 0 || last.isEmpty()) {
            co_return Error::make(Error::Kind::Protocol,
                                  u"AGGREGATE_NOT_PAGEABLE"_s,
                                  org::OrgClient::tr("More than %1 groups share the key %2 = %3.")
                                      .arg(kMaxGroups)
                                      .arg(key, last));
        }
        after = last;
    }
}

} // namespace lr::scan
