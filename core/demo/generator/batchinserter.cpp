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
    return createSelect(db, type, columns, static_cast<int>(columns.size()), QString());
}

Result<BatchInserter> BatchInserter::createSelect(const QSqlDatabase &db,
                                                  const SObjectType &type,
                                                  const QStringList &columns,
                                                  int valuesPerRow,
                                                  const QString &select)
{
    QStringList names;
    for (const QString &column : columns) {
        const SObjectField *field = type.field(column);
        if (field == nullptr) {
            return Error::make(
                Error::Kind::Internal,
                u"DEMO_ORG_GENERATOR"_s,
                u"The demo org generator wrote an unknown field %1.%2"_s.arg(type.name(), column));
        }
        names.append(field->name);
    }
    BatchInserter inserter = createRaw(db, type.tableName(), names);
    inserter.m_select = select;
    inserter.m_valuesPerRow = valuesPerRow;
    inserter.m_batchValues = kRowsPerStatement * valuesPerRow;
    inserter.m_values.reserve(inserter.m_batchValues);
    return inserter;
}

BatchInserter
BatchInserter::createRaw(const QSqlDatabase &db, const QString &table, const QStringList &columns)
{
    BatchInserter inserter;
    inserter.m_db = db;
    inserter.m_table = table;
    inserter.m_columns = columns;
    inserter.m_valuesPerRow = static_cast<int>(columns.size());
    inserter.m_batchValues = kRowsPerStatement * inserter.m_valuesPerRow;
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
    for (int i = 0; i < m_valuesPerRow; ++i) {
        tuple += i == 0 ? u"?"_s : u",?"_s;
    }
    tuple += u')';
    QString values = u"VALUES "_s;
    values.reserve(values.size() + rows * (tuple.size() + 1));
    for (qsizetype r = 0; r < rows; ++r) {
        if (r > 0) {
            values += u',';
        }
        values += tuple;
    }
    const QString head =
        u"INSERT INTO %1 (%2) "_s.arg(OrgDatabase::quote(m_table), quoted.join(u','));
    return m_select.isEmpty() ? head + values : head + m_select.arg(u'(' + values + u')');
}

void BatchInserter::flush()
{
    const qsizetype rows = m_values.size() / m_valuesPerRow;
    if (rows == 0 || m_error) {
        m_values.clear();
        return;
    }
    const bool full = m_values.size() == m_batchValues;
    std::optional<QSqlQuery> tail;
    QSqlQuery *query = nullptr;
    bool prepared = true;
    if (full) {
        if (!m_fullBatch) {
            m_fullBatch.emplace(m_db);
            prepared = m_fullBatch->prepare(insertSql(rows));
        }
        query = &*m_fullBatch;
    } else {
        tail.emplace(m_db);
        prepared = tail->prepare(insertSql(rows));
        query = &*tail;
    }
    if (prepared) {
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            query->bindValue(static_cast<int>(i), m_values.at(i));
        }
    }
    if (!prepared || !query->exec()) {
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
        if (m_values.size() % m_valuesPerRow != 0 && !m_error) {
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
