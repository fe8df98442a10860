#include "core/demo/generator/deferredindexes.h"

#include "core/demo/store/orgdatabase.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error indexError(const QString &what, const QSqlQuery &query)
{
    return Error::make(Error::Kind::Storage,
                       u"DEMO_ORG_STORAGE"_s,
                       u"The demo org generator cannot %1"_s.arg(what),
                       query.lastError().text());
}

} // namespace

Result<DeferredIndexes> DeferredIndexes::drop(const QSqlDatabase &db)
{
    DeferredIndexes deferred;
    deferred.m_db = db;
    QSqlQuery query(db);
    // Indexes SQLite makes itself (PRIMARY KEY, UNIQUE) have no SQL and stay.
    if (!query.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                    u"sql IS NOT NULL ORDER BY name"_s)) {
        return indexError(u"list the indexes"_s, query);
    }
    QStringList names;
    while (query.next()) {
        names.append(query.value(0).toString());
        deferred.m_definitions.append(query.value(1).toString());
    }
    query.finish();
    for (const QString &name : std::as_const(names)) {
        if (!query.exec(u"DROP INDEX "_s + OrgDatabase::quote(name))) {
            return indexError(u"drop index %1"_s.arg(name), query);
        }
    }
    return deferred;
}

Result<void> DeferredIndexes::restore() const
{
    QSqlQuery query(m_db);
    for (const QString &definition : m_definitions) {
        if (!query.exec(definition)) {
            return indexError(u"recreate an index"_s, query);
        }
    }
    return {};
}

} // namespace lr::demo
