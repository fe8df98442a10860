#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QString>

namespace lr::demo {

class OrgSchema;

// The SQLite database that holds one demo org: a table per sObject type (named after the
// object, one column per field, quoted), and a key/value table `lr_demo_meta`.
//
// A file path gives a persistent org in WAL mode that several processes may open at once
// (a console and lrctl, for instance); an empty path gives a private in-memory org shared
// by the threads of this process. QSqlDatabase connections are per thread, so every thread
// asks for its own with connection().
class OrgDatabase
{
public:
    // Opens (and creates when needed) the database and its tables for `schema`.
    [[nodiscard]] static Result<OrgDatabase> open(const QString &path, const OrgSchema &schema);
    // Creates the tables (and the columns of existing tables) that `schema` has and the
    // database lacks; what exists is kept.
    [[nodiscard]] Result<void> createTables(const OrgSchema &schema) const;

    OrgDatabase() = default;

    // This thread's connection to the database, opened on first use.
    [[nodiscard]] QSqlDatabase connection() const;
    // Closes this thread's connection; call it before a worker thread that used the
    // database ends. (An in-memory org lives as long as one connection to it is open.)
    void releaseConnection() const;
    [[nodiscard]] bool isPersistent() const { return !m_path.isEmpty(); }
    [[nodiscard]] const QString &path() const { return m_path; }

    [[nodiscard]] QString meta(const QString &key, const QString &fallback = {}) const;
    [[nodiscard]] Result<void> setMeta(const QString &key, const QString &value) const;
    // True once a generator has filled the org (the meta key "generated" is set).
    [[nodiscard]] bool isGenerated() const;
    // A new record id for `keyPrefix`. Records made after generation take serials far above
    // the generator's, persisted (meta "serial.<prefix>") so that every process sharing the
    // org hands out distinct ids. Call it inside the write transaction.
    [[nodiscard]] QString nextId(const QString &keyPrefix) const;

    // Quotes an identifier for SQL ("Group", "Case" and "User" are reserved words).
    [[nodiscard]] static QString quote(const QString &identifier);

private:
    QString m_path;         // empty for in-memory
    QString m_databaseName; // what QSQLITE opens: the path, or a shared-cache memory URI
    QString m_connectionPrefix;
};

} // namespace lr::demo
