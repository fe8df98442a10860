#include "ui/preview/scansourcewarning.h"

#include <QStringList>

namespace lr::ui {

namespace {

constexpr scan::DataSource kSources[] = {
    scan::DataSource::Users,
    scan::DataSource::PermissionAssignments,
    scan::DataSource::LoginHistory,
    scan::DataSource::OauthTokens,
    scan::DataSource::Queues,
    scan::DataSource::ScheduledJobs,
    scan::DataSource::Dashboards,
    scan::DataSource::Approvals,
    scan::DataSource::OpenOpportunities,
    scan::DataSource::OpenCases,
    scan::DataSource::OpenLeads,
    scan::DataSource::UserLogins,
};

} // namespace

QString ScanSourceWarning::sourceName(scan::DataSource source)
{
    switch (source) {
    case scan::DataSource::Users:
        return tr("users");
    case scan::DataSource::PermissionAssignments:
        return tr("permission set assignments");
    case scan::DataSource::LoginHistory:
        return tr("login history");
    case scan::DataSource::OauthTokens:
        return tr("OAuth tokens");
    case scan::DataSource::Queues:
        return tr("queue members");
    case scan::DataSource::ScheduledJobs:
        return tr("scheduled jobs");
    case scan::DataSource::Dashboards:
        return tr("dashboards");
    case scan::DataSource::Approvals:
        return tr("pending approvals");
    case scan::DataSource::OpenOpportunities:
        return tr("open opportunities");
    case scan::DataSource::OpenCases:
        return tr("open cases");
    case scan::DataSource::OpenLeads:
        return tr("open leads");
    case scan::DataSource::UserLogins:
        return tr("frozen states");
    }
    return {};
}

QString ScanSourceWarning::text(const scan::OrgSnapshot &snapshot)
{
    QStringList parts;
    for (const scan::DataSource source : kSources) {
        // A source the scan did not report at all is not known to be complete either.
        const scan::SourceStatus status = snapshot.source(source);
        if (status.complete) {
            continue;
        }
        parts.append(status.missingPermission.isEmpty()
                         ? sourceName(source)
                         : tr("%1 (needs %2)").arg(sourceName(source), status.missingPermission));
    }
    if (parts.isEmpty()) {
        return {};
    }
    return tr("Not everything could be read with your permissions: %1. Users whose safety "
              "checks need that data are kept safe rather than guessed about.")
        .arg(parts.join(QStringLiteral(", ")));
}

} // namespace lr::ui
