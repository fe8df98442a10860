#pragma once

#include "core/common/result.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace lr::org {
class OrgClient;
}

namespace lr::scan {

// Runs a GROUP BY query of any number of groups although Salesforce refuses aggregate
// results past 2,000 rows and never pages them: it orders the groups by their keys, asks
// for 2,000 at a time, and continues after the last key it received (keyset paging over
// the groups). A query with fewer groups costs one call; more groups cost one call per
// 2,000.
class AggregateReader
{
public:
    static constexpr int kMaxGroups = 2000;

    // `selectFrom` is e.g. "SELECT OwnerId, COUNT(Id) n FROM Opportunity", `where` its
    // filter, `groupBy` the grouped fields in order; the first one is the paging key, and
    // it must be a field of the object (not a path), as every group row names it.
    [[nodiscard]] static QCoro::Task<Result<QJsonArray>>
    read(org::OrgClient &client, QString selectFrom, QString where, QStringList groupBy);
};

} // namespace lr::scan
