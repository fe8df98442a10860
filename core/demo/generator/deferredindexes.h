#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lr::demo {

// Drops the database's explicit indexes for a bulk load and recreates them afterwards from
// their own stored SQL: building an index once from sorted data is far faster than keeping
// it up to date through a million inserts in random key order. Use inside the transaction
// of the load, so that a rollback brings the indexes back as well.
class DeferredIndexes
{
public:
    [[nodiscard]] static Result<DeferredIndexes> drop(const QSqlDatabase &db);

    // Recreates every index drop() removed.
    [[nodiscard]] Result<void> restore() const;

private:
    DeferredIndexes() = default;

    QSqlDatabase m_db;
    QStringList m_definitions; // CREATE INDEX statements, as sqlite_master stored them
};

} // namespace lr::demo
