#pragma once

#include <QString>

namespace lr::scan {

// The SOQL of a scan, in one place so that what the scan reads can be reviewed at a glance.
class ScanQueries
{
public:
    // Active users inactive for 30 days or more (never logged in: created 30 days ago or
    // more). Used as the WHERE of the user query and inside semi-joins.
    [[nodiscard]] static QString staleUserFilter(const QString &prefix = {});
    [[nodiscard]] static QString staleUsers();
    [[nodiscard]] static QString staleUserIds();
    [[nodiscard]] static QString userCounts();
    [[nodiscard]] static QString permissionSetGrants();
    [[nodiscard]] static QString frozenUsers();
    [[nodiscard]] static QString queueMemberships();
    [[nodiscard]] static QString activeQueueMembers();
    [[nodiscard]] static QString scheduledJobs();
    [[nodiscard]] static QString dashboards();
    [[nodiscard]] static QString delegatedApprovers();
};

} // namespace lr::scan
