#pragma once

#include "core/common/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace lr::demo {

class SObjectType;

// Writes rows into one table with multi-row INSERT statements that are prepared once and
// re-bound for every batch, which is what makes a 100,000-user org quick to fill. Values
// are appended one by one; a row is complete after valuesPerRow() values. The caller owns
// the transaction. Errors are kept and reported by finish(), so the hot path stays free of
// checks.
class BatchInserter
{
public:
    // Every column must be a field of `type` (checked here; names are taken from the schema).
    [[nodiscard]] static Result<BatchInserter>
    create(const QSqlDatabase &db, const SObjectType &type, const QStringList &columns);
    // Rows computed by a SELECT over the bound values, so that low-cardinality columns can
    // come from lookup tables instead of being bound row by row: `select` holds %1 where the
    // VALUES list goes (a subquery whose columns SQLite names column1, column2, ...), and
    // each row binds `valuesPerRow` values.
    [[nodiscard]] static Result<BatchInserter> createSelect(const QSqlDatabase &db,
                                                            const SObjectType &type,
                                                            const QStringList &columns,
                                                            int valuesPerRow,
                                                            const QString &select);
    // For a helper table of the generator's own (no schema check).
    [[nodiscard]] static BatchInserter
    createRaw(const QSqlDatabase &db, const QString &table, const QStringList &columns);

    [[nodiscard]] int valuesPerRow() const { return m_valuesPerRow; }
    [[nodiscard]] qint64 rowCount() const { return m_rows; }

    void add(const QVariant &value)
    {
        m_values.append(value);
        if (m_values.size() == m_batchValues) {
            flush();
        }
    }
    // A SQL NULL.
    void addNull() { add(QVariant()); }
    // Text that may be empty; an empty string is stored as NULL, as Salesforce does.
    void addText(const QString &text) { add(text.isEmpty() ? QVariant() : QVariant(text)); }
    void addBool(bool value) { add(QVariant(value ? 1 : 0)); }

    // Writes the rows still buffered; returns the first error met on the way, if any.
    [[nodiscard]] Result<void> finish();

private:
    BatchInserter() = default;

    void flush();
    [[nodiscard]] QString insertSql(qsizetype rows) const;

    QSqlDatabase m_db;
    QString m_table;
    QStringList m_columns;
    QString m_select; // empty for plain VALUES rows
    int m_valuesPerRow = 0;
    qsizetype m_batchValues = 0;
    QList<QVariant> m_values;
    std::optional<QSqlQuery> m_fullBatch; // prepared on first use, reused for every full batch
    qint64 m_rows = 0;
    std::optional<Error> m_error;
};

} // namespace lr::demo
