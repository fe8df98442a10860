#pragma once

#include "core/common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace lr::demo {

class OrgDatabase;
class OrgSchema;

struct GeneratorOptions
{
    int userCount = 2000; // User records in all, the demo principals included
    quint64 seed = 1;
    QDateTime now; // the anchor every date is relative to (UTC); invalid = current time
    QString orgName = QStringLiteral("Acme Corporation");
    bool sandbox = false;
};

// A demo user the product signs in as; each has its own access token.
struct DemoPrincipal
{
    QString role; // "admin", "analyst" or "viewer"
    QString userId;
    QString username;
};

struct GeneratedOrg
{
    QString organizationId;
    QList<DemoPrincipal> principals; // admin, analyst, viewer, in that order
    qint64 userCount = 0;
    qint64 loginHistoryCount = 0;
};

// Fills an empty demo org database with a realistic, deterministic org: the same user
// count, seed and anchor give the same records on every platform.
class OrgGenerator
{
public:
    [[nodiscard]] static Result<GeneratedOrg>
    generate(const OrgDatabase &database, const OrgSchema &schema, const GeneratorOptions &options);

    // What an earlier generate() recorded in the database's meta table.
    [[nodiscard]] static Result<GeneratedOrg> load(const OrgDatabase &database);
};

} // namespace lr::demo
