#include "core/demo/server/querycursors.h"

#include "core/common/logging.h"
#include "core/demo/server/callerpermissions.h"
#include "core/demo/server/democlock.h"
#include "core/demo/soql/soqlcompiler.h"
#include "core/demo/soql/soqlrecordwriter.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr int kMaxAggregateRows = 2000;
constexpr qint64 kCursorIdleSeconds = 15 * 60;
constexpr qsizetype kMaxCursors = 10000;

Error storageError(const QSqlQuery &query)
{
    return Error::make(Error::Kind::Storage,
                       u"UNKNOWN_EXCEPTION"_s,
                       u"The demo org could not run the query."_s,
                       query.lastError().text());
}

Error invalidLocator()
{
    return Error::make(Error::Kind::Remote, u"INVALID_QUERY_LOCATOR"_s, u"invalid query locator"_s);
}

bool bindAndExec(QSqlQuery &query, const QString &sql, const QVariantList &params)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        return false;
    }
    for (const QVariant &param : params) {
        query.addBindValue(param);
    }
    return query.exec();
}

void appendHeader(QByteArray &out, qint64 totalSize, bool done, const QString &nextRecordsUrl)
{
    out += "{\"totalSize\":" + QByteArray::number(totalSize)
           + ",\"done\":" + (done ? "true" : "false");
    if (!done) {
        out += ",\"nextRecordsUrl\":";
        SoqlRecordWriter::writeString(nextRecordsUrl, out);
    }
    out += ",\"records\":[";
}

} // namespace

QueryCursors::QueryCursors(OrgDatabase database, const OrgSchema &schema, const DemoClock &clock)
    : m_database(std::move(database))
    , m_schema(schema)
    , m_clock(clock)
{ }

int QueryCursors::clampBatchSize(int requested)
{
    return requested <= 0 ? 2000 : std::clamp(requested, 200, 2000);
}

Result<CompiledSoql> QueryCursors::compile(QStringView soql, const CallerPermissions &caller) const
{
    SoqlContext context;
    context.schema = &m_schema;
    context.now = m_clock.now();
    context.access = [&caller](const SObjectType &type) { return caller.readAccess(type); };
    return SoqlCompiler::compile(soql, context);
}

Result<QByteArray> QueryCursors::run(QStringView soql,
                                     const CallerPermissions &caller,
                                     int batchSize,
                                     const QString &apiVersion)
{
    Result<CompiledSoql> compiled = compile(soql, caller);
    if (!compiled) {
        return compiled.error();
    }
    CompiledSoql &query = compiled.value();
    if (query.isAggregate && !query.isCountOnly) {
        return aggregate(query, apiVersion);
    }
    QSqlQuery count(m_database.connection());
    if (!bindAndExec(count, query.countSql, query.countParams) || !count.next()) {
        return storageError(count);
    }
    const qint64 matching = count.value(0).toLongLong();
    const qint64 start = query.offset.value_or(0);
    qint64 total = std::max<qint64>(0, matching - start);
    if (query.limit) {
        total = std::min(total, *query.limit);
    }
    if (query.isCountOnly) {
        QByteArray out;
        appendHeader(out, total, true, {});
        out += "]}";
        return out;
    }
    Cursor cursor;
    cursor.userId = caller.userId();
    cursor.windowStart = start;
    cursor.total = total;
    cursor.batchSize = clampBatchSize(batchSize);
    cursor.query = std::move(query);
    cursor.lastUsed = m_clock.now();

    QMutexLocker lock(&m_mutex);
    expireCursors();
    // Salesforce's query locators start with the QueryLocator key prefix 01g.
    const QString locatorId =
        u"01g"_s
        + QString::number(QRandomGenerator::global()->generate64() % 1000000000000ULL, 36)
              .rightJustified(8, u'0')
        + QString::number(m_nextCursor++, 36).rightJustified(4, u'0');
    Result<QByteArray> first = page(locatorId, cursor, 0, apiVersion);
    if (first && cursor.total > cursor.batchSize) {
        m_cursors.insert(locatorId, std::move(cursor));
    }
    return first;
}

Result<QByteArray> QueryCursors::more(const QString &locator,
                                      const CallerPermissions &caller,
                                      const QString &apiVersion)
{
    const qsizetype dash = locator.lastIndexOf(u'-');
    bool ok = false;
    const qint64 position = dash > 0 ? locator.mid(dash + 1).toLongLong(&ok) : -1;
    if (!ok || position < 0) {
        return invalidLocator();
    }
    const QString locatorId = locator.left(dash);
    QMutexLocker lock(&m_mutex);
    expireCursors();
    auto it = m_cursors.find(locatorId);
    if (it == m_cursors.end() || it->userId != caller.userId() || position >= it->total) {
        return invalidLocator();
    }
    it->lastUsed = m_clock.now();
    Result<QByteArray> result = page(locatorId, *it, position, apiVersion);
    if (result && position + it->batchSize >= it->total) {
        m_cursors.erase(it); // the last page closes the cursor
    }
    return result;
}

Result<QByteArray> QueryCursors::page(const QString &locatorId,
                                      Cursor &cursor,
                                      qint64 position,
                                      const QString &apiVersion)
{
    const qint64 rows = std::min<qint64>(cursor.batchSize, cursor.total - position);
    QVariantList params = cursor.query.params;
    params << rows << cursor.windowStart + position;
    QSqlQuery query(m_database.connection());
    if (!bindAndExec(query, cursor.query.sql + u" LIMIT ? OFFSET ?"_s, params)) {
        return storageError(query);
    }
    const qint64 next = position + rows;
    const bool done = next >= cursor.total;
    QByteArray out;
    out.reserve(static_cast<qsizetype>(rows) * 400 + 256);
    appendHeader(out,
                 cursor.total,
                 done,
                 u"/services/data/v%1/query/%2-%3"_s.arg(apiVersion, locatorId).arg(next));
    const SoqlRecordWriter writer(apiVersion);
    bool first = true;
    while (query.next()) {
        if (!first) {
            out += ',';
        }
        first = false;
        writer.writeRecord(query, *cursor.query.shape, out);
    }
    out += "]}";
    return out;
}

Result<QByteArray> QueryCursors::aggregate(const CompiledSoql &compiled, const QString &apiVersion)
{
    // Aggregate results come in one batch: Salesforce refuses more than 2,000 rows rather
    // than paging them. (The wording is Salesforce's SOAP/Apex message, recalled rather than
    // documented for REST.)
    const qint64 start = compiled.offset.value_or(0);
    const qint64 cap = compiled.limit ? std::min<qint64>(*compiled.limit, kMaxAggregateRows + 1)
                                      : kMaxAggregateRows + 1;
    QVariantList params = compiled.params;
    params << cap << start;
    QSqlQuery query(m_database.connection());
    if (!bindAndExec(query, compiled.sql + u" LIMIT ? OFFSET ?"_s, params)) {
        return storageError(query);
    }
    QByteArray records;
    const SoqlRecordWriter writer(apiVersion);
    qint64 count = 0;
    while (query.next()) {
        if (++count > kMaxAggregateRows) {
            return Error::make(Error::Kind::Remote,
                               u"MALFORMED_QUERY"_s,
                               u"Aggregate query does not support queryMore(), use LIMIT to "
                               u"restrict the results to a single batch"_s);
        }
        if (count > 1) {
            records += ',';
        }
        writer.writeRecord(query, *compiled.shape, records);
    }
    QByteArray out;
    appendHeader(out, count, true, {});
    out += records;
    out += "]}";
    return out;
}

Result<QByteArray> QueryCursors::records(QStringView soql,
                                         const CallerPermissions &caller,
                                         const QString &apiVersion,
                                         qint64 *count)
{
    Result<CompiledSoql> compiled = compile(soql, caller);
    if (!compiled) {
        return compiled.error();
    }
    QSqlQuery query(m_database.connection());
    if (!bindAndExec(query, compiled.value().sql, compiled.value().params)) {
        return storageError(query);
    }
    const SoqlRecordWriter writer(apiVersion);
    QByteArray out = "[";
    *count = 0;
    while (query.next()) {
        if ((*count)++ > 0) {
            out += ',';
        }
        writer.writeRecord(query, *compiled.value().shape, out);
    }
    out += ']';
    return out;
}

void QueryCursors::expireCursors()
{
    const QDateTime now = m_clock.now();
    for (auto it = m_cursors.begin(); it != m_cursors.end();) {
        if (it->lastUsed.secsTo(now) > kCursorIdleSeconds) {
            it = m_cursors.erase(it);
        } else {
            ++it;
        }
    }
    if (m_cursors.size() > kMaxCursors) {
        qCWarning(lcDemo) << "dropping all" << m_cursors.size() << "open query cursors";
        m_cursors.clear();
    }
}

} // namespace lr::demo
