#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

namespace lr::demo {

class OrgSchema;
class SObjectType;
struct SObjectField;

// What the signed-in user may read of one object, decided by the demo org per request.
struct ReadAccess
{
    bool readable = true;
    // An extra SQL condition on the object's rows, e.g. `%1."OwnerId" = ?` where %1 is
    // replaced by the table alias; empty for every row. Bound with `rowFilterParams`.
    QString rowFilter;
    QVariantList rowFilterParams;
};

// Everything a SOQL statement is compiled against.
struct SoqlContext
{
    const OrgSchema *schema = nullptr;
    QDateTime now; // the demo org's clock (UTC); TODAY and LAST_N_DAYS:n are relative to it
    // Decides what the caller may read of each object; unset means everything.
    std::function<ReadAccess(const SObjectType &)> access;
};

// How one result row turns into a JSON record: entries in SELECT order, each either a
// field value or a nested parent record (for relationship paths such as
// Profile.UserLicense.Name, which nest as "Profile": {"UserLicense": {"Name": ...}}).
struct RecordShape
{
    struct Entry
    {
        QString key;                         // JSON key: field name, alias, exprN or relationship
        int column = -1;                     // index in the SQL result row (value entries)
        const SObjectField *field = nullptr; // type of the value; null for COUNT/SUM/AVG
        std::shared_ptr<RecordShape> parent; // set for a nested parent record
    };

    QString typeName;  // "User", or "AggregateResult"
    int idColumn = -1; // SQL column holding this record's Id; a null Id writes JSON null
    QList<Entry> entries;
};

// A SOQL statement compiled to SQLite SQL over the demo org's tables.
struct CompiledSoql
{
    QString rootType; // the FROM object, canonical name
    QString sql;      // SELECT ... (no LIMIT/OFFSET: the caller pages)
    QVariantList params;
    QString countSql; // SELECT COUNT(*) over the same rows (before LIMIT/OFFSET)
    QVariantList countParams;
    bool isCountOnly = false; // SELECT COUNT() ...: totalSize only, no records
    bool isAggregate = false; // GROUP BY or aggregate functions: never paged
    std::optional<qint64> limit;
    std::optional<qint64> offset;
    std::shared_ptr<RecordShape> shape;
};

} // namespace lr::demo
