#pragma once

#include "core/org/orgoverview.h"
#include "core/scan/scanneduser.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace lr::scan {

// The data sources a scan reads, each of which the signed-in user may or may not be allowed
// to read in full.
enum class DataSource {
    Users,                 // User with profile and license: always readable
    PermissionAssignments, // PermissionSetAssignment of other users: View Setup and Configuration
    LoginHistory,          // other users' logins: Monitor Login History or Manage Users
    OauthTokens,           // other users' OAuth tokens: Manage Users
    Queues,                // GroupMember of queues
    ScheduledJobs,         // CronTrigger: View Setup and Configuration
    Dashboards,            // Dashboard running users
    Approvals,             // every pending ProcessInstanceWorkitem: View All Data
    OpenOpportunities,     // every owner's opportunities: View All Data or View All
    OpenCases,
    OpenLeads,
    UserLogins, // UserLogin.IsFrozen: Manage Users or Freeze Users
};

// Whether a source was read in full; when not, the permission that is missing.
struct SourceStatus
{
    bool complete = false;
    QString missingPermission; // e.g. "View Setup and Configuration"
    QString detail;            // the org's error, when the read failed
};

// One scan of an org: every active user inactive for 30 days or more, with what the safety
// checks need, and what the signed-in user could not see. Thresholds of 30 days and more
// can be explored on it without a new scan.
struct OrgSnapshot
{
    static constexpr int kMinimumInactiveDays = 30;
    static constexpr int kLoginHistoryDays = 180;

    org::OrgIdentity org;
    QString scannedById; // the signed-in user
    QString scannedByUsername;
    QDateTime takenAt;     // UTC
    qint64 totalUsers = 0; // every User record of the org
    qint64 activeUsers = 0;
    QList<ScannedUser> users; // active and inactive >= kMinimumInactiveDays
    QHash<DataSource, SourceStatus> sources;
    int apiCalls = 0;

    [[nodiscard]] SourceStatus source(DataSource which) const { return sources.value(which); }
    [[nodiscard]] bool isComplete(DataSource which) const { return sources.value(which).complete; }
};

} // namespace lr::scan
