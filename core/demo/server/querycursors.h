#pragma once

#include "core/common/result.h"
#include "core/demo/soql/soqlquery.h"
#include "core/demo/store/orgdatabase.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>

namespace lr::demo {

class CallerPermissions;
class DemoClock;
class OrgSchema;

// Runs SOQL queries for the REST API and keeps the server-side cursors behind
// nextRecordsUrl. Pages hold batchSize records (200 to 2,000; Salesforce's default 2,000);
// aggregate queries are never paged and fail past 2,000 rows, as on Salesforce. A cursor
// belongs to the user who opened it and expires after 15 minutes unused.
class QueryCursors
{
public:
    QueryCursors(OrgDatabase database, const OrgSchema &schema, const DemoClock &clock);

    // The first page of `soql` as the REST API's JSON body.
    [[nodiscard]] Result<QByteArray> run(QStringView soql,
                                         const CallerPermissions &caller,
                                         int batchSize,
                                         const QString &apiVersion);
    // The page a nextRecordsUrl locator ("01g…-2000") points at.
    [[nodiscard]] Result<QByteArray>
    more(const QString &locator, const CallerPermissions &caller, const QString &apiVersion);

    // Reads records of one object through the same machinery (sObject GET, collections GET).
    [[nodiscard]] Result<QByteArray> records(QStringView soql,
                                             const CallerPermissions &caller,
                                             const QString &apiVersion,
                                             qint64 *count);

    [[nodiscard]] static int clampBatchSize(int requested);

private:
    struct Cursor
    {
        QString userId;
        CompiledSoql query;
        qint64 windowStart = 0; // OFFSET of the SOQL
        qint64 total = 0;       // rows in the window
        int batchSize = 2000;
        QDateTime lastUsed;
    };

    [[nodiscard]] Result<QByteArray>
    page(const QString &locatorId, Cursor &cursor, qint64 position, const QString &apiVersion);
    [[nodiscard]] Result<QByteArray> aggregate(const CompiledSoql &query,
                                               const QString &apiVersion);
    [[nodiscard]] Result<CompiledSoql> compile(QStringView soql,
                                               const CallerPermissions &caller) const;
    void expireCursors();

    OrgDatabase m_database;
    const OrgSchema &m_schema;
    const DemoClock &m_clock;
    QMutex m_mutex;
    QHash<QString, Cursor> m_cursors;
    quint64 m_nextCursor = 1;
};

} // namespace lr::demo
