#include "core/demo/generator/batchinserter.h"

#include "core/demo/schema/sobjecttype.h"
#include "core/demo/store/orgdatabase.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Rows per statement: large enough to amortise the statement, small enough for SQLite's
// bound-variable limit on every supported build (32,766 since SQLite 3.32).
constexpr qsizetype kRowsPerStatement = 200;

} // namespace

Result<BatchInserter>
BatchInserter::create(const QSqlDatabase &db, const SObjectType &type, const QStringList &columns)
{
    BatchInserter inserter;
    inserter.m_db = db;
    inserter.m_table = type.tableName();
    for (const QString &column : columns) {
        const SObjectField *field = type.field(column);
        if (field == nullptr) {
            return Error::make(
                Error::Kind::Internal,
                u"DEMO_ORG_GENERATOR"_s,
                u"The demo org generator wrote an unknown field %1.%2"_s.arg(type.name(), column));
        }
        inserter.m_columns.append(field->name);
    }
    inserter.m_batchValues = kRowsPerStatement * inserter.m_columns.size();
    inserter.m_values.reserve(inserter.m_batchValues);
    return inserter;
}

QString BatchInserter::insertSql(qsizetype rows) const
{
    QStringList quoted;
    quoted.reserve(m_columns.size());
    for (const QString &column : m_columns) {
        quoted.append(OrgDatabase::quote(column));
    }
    QString tuple = u"("_s;
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        tuple += i == 0 ? u"?"_s : u",?"_s;
    }
    tuple += u')';
    QString sql =
        u"INSERT INTO %1 (%2) VALUES "_s.arg(OrgDatabase::quote(m_table), quoted.join(u','));
    sql.reserve(sql.size() + rows * (tuple.size() + 1));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r > 0) {
            sql += u',';
        }
        sql += tuple;
    }
    return sql;
}

void BatchInserter::flush()
{
    const qsizetype rows = m_values.size() / m_columns.size();
    if (rows == 0 || m_error) {
        m_values.clear();
        return;
    }
    const bool full = m_values.size() == m_batchValues;
    std::optional<QSqlQuery> tail;
    QSqlQuery *query = nullptr;
    if (full) {
        if (!m_fullBatch) {
            m_fullBatch.emplace(m_db);
            if (!m_fullBatch->prepare(insertSql(rows))) {
                m_error = Error::make(Error::Kind::Storage,
                                      u"DEMO_ORG_STORAGE"_s,
                                      u"The demo org generator cannot prepare %1"_s.arg(m_table),
                                      m_fullBatch->lastError().text());
                m_values.clear();
                return;
            }
        }
        query = &*m_fullBatch;
    } else {
        tail.emplace(m_db);
        tail->prepare(insertSql(rows));
        query = &*tail;
    }
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        query->bindValue(static_cast<int>(i), m_values.at(i));
    }
    if (!query->exec()) {
        m_error = Error::make(Error::Kind::Storage,
                              u"DEMO_ORG_STORAGE"_s,
                              u"The demo org generator cannot write %1"_s.arg(m_table),
                              query->lastError().text());
    } else {
        m_rows += rows;
    }
    m_values.clear();
}

Result<void> BatchInserter::finish()
{
    if (!m_values.isEmpty()) {
        if (m_values.size() % m_columns.size() != 0 && !m_error) {
            m_error = Error::make(Error::Kind::Internal,
                                  u"DEMO_ORG_GENERATOR"_s,
                                  u"The demo org generator left a partial %1 row"_s.arg(m_table));
        }
        flush();
    }
    m_fullBatch.reset();
    if (m_error) {
        return *m_error;
    }
    return {};
}

} // namespace lr::demo
