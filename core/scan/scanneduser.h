#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace lr::scan {

// A queue the user belongs to, and how many of its members are active users.
struct QueueMembership
{
    QString queueId;
    QString queueName;
    int activeMembers = 0; // the user included when active
};

// Everything the safety checks need to know about one active user who has not logged in for
// 30 days or more: read from the User record and from the aggregates around it. Counts the
// signed-in user could not read stay 0; OrgSnapshot::sources says which ones are unknown.
struct ScannedUser
{
    // User
    QString id;
    QString username;
    QString name;
    QString email;
    QString alias;
    QString title;
    QString department;
    QString userType;    // Standard, PowerPartner, CsnOnly …
    QDateTime lastLogin; // invalid: never logged in
    QDateTime created;
    QString managerId;
    QString managerName;
    bool managerActive = false; // false too when there is no manager
    QString delegatedApproverId;

    // Profile and license
    QString profileId;
    QString profileName;
    QString licenseName; // Profile.UserLicense.Name
    QString licenseKey;  // Profile.UserLicense.LicenseDefinitionKey

    // System permissions and where they come from: "Profile: System Administrator" or
    // "Permission set: Modify All Data (break glass)".
    QStringList apiOnlyGrants;
    QStringList modifyAllDataGrants;
    QStringList customizeApplicationGrants;

    // Non-interactive use inside the login-history window (successful logins other than
    // LoginType 'Application', and OAuth token use).
    QDateTime lastApiLogin;
    int apiLogins = 0;
    QStringList apiApplications;
    QDateTime lastOauthUse;
    QStringList oauthApps;

    QList<QueueMembership> queues;
    QStringList scheduledJobs; // CronJobDetail names of jobs the user owns
    QStringList dashboards;    // titles of dashboards that run as the user

    int activeDirectReports = 0;
    int delegatingUsers = 0;  // active users whose delegated approver this user is
    int pendingApprovals = 0; // ProcessInstanceWorkitem rows with this user as actor

    int openOpportunities = 0;
    int openCases = 0;
    int openLeads = 0;

    bool frozen = false;

    // Days since the last login (or, for a user who never logged in, since creation).
    [[nodiscard]] int daysInactive(const QDateTime &now) const
    {
        const QDateTime since = lastLogin.isValid() ? lastLogin : created;
        return since.isValid() ? static_cast<int>(since.secsTo(now) / 86400) : 0;
    }
    [[nodiscard]] int openRecords() const { return openOpportunities + openCases + openLeads; }
};

} // namespace lr::scan
