#include "core/safety/unknownsource.h"

using namespace Qt::StringLiterals;

namespace lr::safety {

using scan::DataSource;

QString UnknownSource::missingPermission(const scan::OrgSnapshot &snapshot, DataSource source)
{
    const QString reported = snapshot.source(source).missingPermission.trimmed();
    return reported.isEmpty() ? defaultPermission(source) : reported;
}

// Salesforce's own names for the permissions, which admins search for in Setup; they are
// not translated, as Setup shows them in the org's language anyway.
QString UnknownSource::defaultPermission(DataSource source)
{
    switch (source) {
    case DataSource::Users:
        return u"API Enabled"_s;
    case DataSource::PermissionAssignments:
    case DataSource::Queues:
    case DataSource::ScheduledJobs:
        return u"View Setup and Configuration"_s;
    case DataSource::LoginHistory:
        return u"Monitor Login History or Manage Users"_s;
    case DataSource::OauthTokens:
        return u"Manage Users"_s;
    case DataSource::Dashboards:
    case DataSource::Approvals:
    case DataSource::OpenOpportunities:
    case DataSource::OpenCases:
    case DataSource::OpenLeads:
        return u"View All Data"_s;
    case DataSource::UserLogins:
        return u"Manage Users or Freeze Users"_s;
    }
    return u"View All Data"_s;
}

QString UnknownSource::message(DataSource source, const QString &permission)
{
    switch (source) {
    case DataSource::Users:
        return tr("Cannot read the users themselves: needs %1.").arg(permission);
    case DataSource::PermissionAssignments:
        return tr("Cannot see other users' permission set assignments, so API Only and admin "
                  "rights granted through them are unknown: needs %1.")
            .arg(permission);
    case DataSource::LoginHistory:
        return tr("Cannot see other users' API and OAuth logins in the login history: needs %1.")
            .arg(permission);
    case DataSource::OauthTokens:
        return tr("Cannot see other users' OAuth token use: needs %1.").arg(permission);
    case DataSource::Queues:
        return tr("Cannot see queue memberships, so this may be the last active member of a "
                  "queue: needs %1.")
            .arg(permission);
    case DataSource::ScheduledJobs:
        return tr("Cannot see who owns scheduled jobs: needs %1.").arg(permission);
    case DataSource::Dashboards:
        return tr("Cannot see which dashboards run as which user: needs %1.").arg(permission);
    case DataSource::Approvals:
        return tr("Cannot see pending approvals: needs %1.").arg(permission);
    case DataSource::OpenOpportunities:
        return tr("Cannot see every owner's open opportunities: needs %1.").arg(permission);
    case DataSource::OpenCases:
        return tr("Cannot see every owner's open cases: needs %1.").arg(permission);
    case DataSource::OpenLeads:
        return tr("Cannot see every owner's open leads: needs %1.").arg(permission);
    case DataSource::UserLogins:
        return tr("Cannot see which users are frozen: needs %1.").arg(permission);
    }
    return tr("Cannot read a source the safety checks need: needs %1.").arg(permission);
}

} // namespace lr::safety
