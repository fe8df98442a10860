#include "core/scan/orgscanner.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/org/userpermissions.h"
#include "core/scan/aggregatereader.h"
#include "core/scan/scanqueries.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace lr::scan {

namespace {

QDateTime dateTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty()) {
        return {};
    }
    // Salesforce writes "+0000"; Qt's ISO parser wants "+00:00".
    QString iso = text;
    if (iso.size() > 5 && (iso.at(iso.size() - 5) == u'+' || iso.at(iso.size() - 5) == u'-')) {
        iso.insert(iso.size() - 2, u':');
    }
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

int number(const QJsonObject &row, const QString &key)
{
    return static_cast<int>(row.value(key).toDouble());
}

// Whether a failed read means "not allowed" (the source stays unknown) rather than a
// failure of the org or the network (the scan fails).
QString grantName(const QString &kind, const QString &name)
{
    return kind + u": "_s + name;
}

class Scan
{
public:
    Scan(org::OrgClient &client, OrgScanner *scanner)
        : m_client(client)
        , m_scanner(scanner)
    { }

    QCoro::Task<Result<OrgSnapshot>> run();

private:
    void progress(double fraction, const QString &stage)
    {
        if (m_scanner) {
            Q_EMIT m_scanner->progressChanged(fraction, stage);
        }
    }
    QCoro::Task<Result<void>> readIdentity();
    QCoro::Task<Result<void>> readOwnAccess();
    QCoro::Task<Result<void>> readUsers();
    QCoro::Task<Result<void>> readGrants();
    QCoro::Task<Result<void>> readApiUse();
    QCoro::Task<Result<void>> readQueues();
    QCoro::Task<Result<void>> readAutomation();
    QCoro::Task<Result<void>> readManagement();
    QCoro::Task<Result<void>> readOpenRecords();
    QCoro::Task<Result<void>> readFrozen();

    // Runs a plain query for one source; an access error marks the source incomplete.
    QCoro::Task<Result<QJsonArray>> readSource(DataSource source, QString soql, QString permission);
    QCoro::Task<Result<QJsonArray>> readAggregate(DataSource source,
                                                  QString selectFrom,
                                                  QString where,
                                                  QStringList groupBy,
                                                  QString permission);
    void markIncomplete(DataSource source, const QString &permission, const QString &detail = {});
    void markComplete(DataSource source);
    ScannedUser *user(const QString &id)
    {
        const auto it = m_index.constFind(id);
        return it == m_index.cend() ? nullptr : &m_snapshot.users[*it];
    }

    org::OrgClient &m_client;
    QPointer<OrgScanner> m_scanner; // may go away while a request is in flight
    OrgSnapshot m_snapshot;
    org::UserPermissions m_access; // the signed-in user's own
    QHash<QString, qsizetype> m_index;
};

void Scan::markIncomplete(DataSource source, const QString &permission, const QString &detail)
{
    m_snapshot.sources.insert(source, SourceStatus{false, permission, detail});
}

void Scan::markComplete(DataSource source)
{
    if (!m_snapshot.sources.contains(source)) {
        m_snapshot.sources.insert(source, SourceStatus{true, {}, {}});
    }
}

QCoro::Task<Result<QJsonArray>>
Scan::readSource(DataSource source, QString soql, QString permission)
{
    Result<org::QueryResult> rows = co_await m_client.query(soql);
    if (!rows) {
        if (rows.error().isAccessRefusal()) {
            markIncomplete(source, permission, rows.error().message);
            co_return QJsonArray();
        }
        co_return rows.error();
    }
    markComplete(source);
    co_return rows->records;
}

QCoro::Task<Result<QJsonArray>> Scan::readAggregate(
    DataSource source, QString selectFrom, QString where, QStringList groupBy, QString permission)
{
    Result<QJsonArray> rows = co_await AggregateReader::read(m_client, selectFrom, where, groupBy);
    if (!rows) {
        if (rows.error().isAccessRefusal()) {
            markIncomplete(source, permission, rows.error().message);
            co_return QJsonArray();
        }
        co_return rows.error();
    }
    markComplete(source);
    co_return rows.value();
}

QCoro::Task<Result<void>> Scan::readIdentity()
{
    progress(0.02, OrgScanner::tr("Reading who is signed in…"));
    Result<QJsonObject> me = co_await m_client.userInfo();
    if (!me) {
        co_return me.error();
    }
    m_snapshot.scannedById = me->value(u"user_id"_s).toString();
    m_snapshot.scannedByUsername = me->value(u"preferred_username"_s).toString();
    Result<org::OrgIdentity> org = co_await org::OrgOverview::loadIdentity(m_client);
    if (!org) {
        co_return org.error();
    }
    m_snapshot.org = org.value();
    Result<org::QueryResult> counts = co_await m_client.query(ScanQueries::userCounts());
    if (!counts) {
        co_return counts.error();
    }
    for (const QJsonValue &value : std::as_const(counts->records)) {
        const QJsonObject row = value.toObject();
        m_snapshot.totalUsers += number(row, u"n"_s);
        if (row.value(u"IsActive"_s).toBool()) {
            m_snapshot.activeUsers = number(row, u"n"_s);
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readOwnAccess()
{
    progress(0.05, OrgScanner::tr("Checking what you may read…"));
    Result<org::UserPermissions> access =
        co_await org::UserPermissions::read(m_client, m_snapshot.scannedById);
    if (!access) {
        co_return access.error();
    }
    m_access = std::move(access).value();
    // Sources that return only the signed-in user's own rows without these permissions: the
    // rows come back, so only the permissions tell that the answer is partial.
    if (!m_access.viewSetup) {
        markIncomplete(DataSource::PermissionAssignments,
                       OrgScanner::tr("View Setup and Configuration"));
        markIncomplete(DataSource::ScheduledJobs, OrgScanner::tr("View Setup and Configuration"));
    }
    if (!m_access.monitorLoginHistory && !m_access.manageUsers) {
        markIncomplete(DataSource::LoginHistory, OrgScanner::tr("Monitor Login History"));
    }
    if (!m_access.manageUsers) {
        markIncomplete(DataSource::OauthTokens, OrgScanner::tr("Manage Users"));
    }
    if (!m_access.manageUsers && !m_access.freezeUsers) {
        markIncomplete(DataSource::UserLogins, OrgScanner::tr("Manage Users or Freeze Users"));
    }
    if (!m_access.viewAllData) {
        markIncomplete(DataSource::Approvals, OrgScanner::tr("View All Data"));
        const QList<QPair<QString, DataSource>> records{
            {u"Opportunity"_s, DataSource::OpenOpportunities},
            {u"Case"_s, DataSource::OpenCases},
            {u"Lead"_s, DataSource::OpenLeads}};
        for (const auto &[object, source] : records) {
            if (!m_access.viewAllObjects.contains(object)) {
                markIncomplete(source,
                               OrgScanner::tr("View All Data (or View All on %1)").arg(object));
            }
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readUsers()
{
    progress(0.08, OrgScanner::tr("Reading inactive users…"));
    Result<qint64> total = co_await m_client.queryEach(
        ScanQueries::staleUsers(), {}, [this](const QJsonArray &records, qint64 totalSize) {
            for (const QJsonValue &value : records) {
                const QJsonObject row = value.toObject();
                const QJsonObject profile = row.value(u"Profile"_s).toObject();
                const QJsonObject license = profile.value(u"UserLicense"_s).toObject();
                ScannedUser u;
                u.id = row.value(u"Id"_s).toString();
                u.username = row.value(u"Username"_s).toString();
                u.name = row.value(u"Name"_s).toString();
                u.email = row.value(u"Email"_s).toString();
                u.alias = row.value(u"Alias"_s).toString();
                u.title = row.value(u"Title"_s).toString();
                u.department = row.value(u"Department"_s).toString();
                u.userType = row.value(u"UserType"_s).toString();
                u.lastLogin = dateTime(row.value(u"LastLoginDate"_s));
                u.created = dateTime(row.value(u"CreatedDate"_s));
                u.managerId = row.value(u"ManagerId"_s).toString();
                u.managerActive = row.value(u"Manager"_s).toObject().value(u"IsActive"_s).toBool();
                u.managerName = row.value(u"Manager"_s).toObject().value(u"Name"_s).toString();
                u.delegatedApproverId = row.value(u"DelegatedApproverId"_s).toString();
                u.profileId = row.value(u"ProfileId"_s).toString();
                u.profileName = profile.value(u"Name"_s).toString();
                u.licenseName = license.value(u"Name"_s).toString();
                u.licenseKey = license.value(u"LicenseDefinitionKey"_s).toString();
                const QString fromProfile = grantName(OrgScanner::tr("Profile"), u.profileName);
                if (profile.value(u"PermissionsApiUserOnly"_s).toBool()) {
                    u.apiOnlyGrants.append(fromProfile);
                }
                if (profile.value(u"PermissionsModifyAllData"_s).toBool()) {
                    u.modifyAllDataGrants.append(fromProfile);
                }
                if (profile.value(u"PermissionsCustomizeApplication"_s).toBool()) {
                    u.customizeApplicationGrants.append(fromProfile);
                }
                m_index.insert(u.id, m_snapshot.users.size());
                m_snapshot.users.append(std::move(u));
            }
            if (totalSize > 0) {
                progress(0.08 + 0.5 * double(m_snapshot.users.size()) / double(totalSize),
                         OrgScanner::tr("Reading inactive users… %1 of %2")
                             .arg(m_snapshot.users.size())
                             .arg(totalSize));
            }
        });
    if (!total) {
        co_return total.error();
    }
    markComplete(DataSource::Users);
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readGrants()
{
    progress(0.6, OrgScanner::tr("Reading permission sets…"));
    Result<QJsonArray> rows = co_await readSource(DataSource::PermissionAssignments,
                                                  ScanQueries::permissionSetGrants(),
                                                  OrgScanner::tr("View Setup and Configuration"));
    if (!rows) {
        co_return rows.error();
    }
    for (const QJsonValue &value : rows.value()) {
        const QJsonObject row = value.toObject();
        ScannedUser *u = user(row.value(u"AssigneeId"_s).toString());
        if (!u) {
            continue;
        }
        const QJsonObject set = row.value(u"PermissionSet"_s).toObject();
        const QString grant =
            grantName(OrgScanner::tr("Permission set"), set.value(u"Label"_s).toString());
        if (set.value(u"PermissionsApiUserOnly"_s).toBool()) {
            u->apiOnlyGrants.append(grant);
        }
        if (set.value(u"PermissionsModifyAllData"_s).toBool()) {
            u->modifyAllDataGrants.append(grant);
        }
        if (set.value(u"PermissionsCustomizeApplication"_s).toBool()) {
            u->customizeApplicationGrants.append(grant);
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readApiUse()
{
    progress(0.66, OrgScanner::tr("Reading API and OAuth use…"));
    const QString window = QString::number(OrgSnapshot::kLoginHistoryDays);
    const QStringList byUserAndApplication{u"UserId"_s, u"Application"_s};
    Result<QJsonArray> logins = co_await readAggregate(
        DataSource::LoginHistory,
        u"SELECT UserId, Application, MAX(LoginTime) lastLogin, COUNT(Id) n FROM LoginHistory"_s,
        u"Status = 'Success' AND LoginType != 'Application' AND LoginTime = LAST_N_DAYS:%1 "
        u"AND UserId IN (%2)"_s.arg(window, ScanQueries::staleUserIds()),
        byUserAndApplication,
        OrgScanner::tr("Monitor Login History"));
    if (!logins) {
        co_return logins.error();
    }
    for (const QJsonValue &value : logins.value()) {
        const QJsonObject row = value.toObject();
        ScannedUser *u = user(row.value(u"UserId"_s).toString());
        if (!u) {
            continue;
        }
        const QDateTime last = dateTime(row.value(u"lastLogin"_s));
        u->lastApiLogin =
            std::max(u->lastApiLogin, last, [](const QDateTime &a, const QDateTime &b) {
                return !a.isValid() || (b.isValid() && a < b);
            });
        u->apiLogins += number(row, u"n"_s);
        const QString application = row.value(u"Application"_s).toString();
        if (!application.isEmpty() && !u->apiApplications.contains(application)) {
            u->apiApplications.append(application);
        }
    }
    const QStringList byUserAndApp{u"UserId"_s, u"AppName"_s};
    Result<QJsonArray> tokens = co_await readAggregate(
        DataSource::OauthTokens,
        u"SELECT UserId, AppName, MAX(LastUsedDate) lastUsed FROM OauthToken"_s,
        u"LastUsedDate != null AND UserId IN (%1)"_s.arg(ScanQueries::staleUserIds()),
        byUserAndApp,
        OrgScanner::tr("Manage Users"));
    if (!tokens) {
        co_return tokens.error();
    }
    for (const QJsonValue &value : tokens.value()) {
        const QJsonObject row = value.toObject();
        ScannedUser *u = user(row.value(u"UserId"_s).toString());
        if (!u) {
            continue;
        }
        const QDateTime used = dateTime(row.value(u"lastUsed"_s));
        if (used.isValid() && (!u->lastOauthUse.isValid() || used > u->lastOauthUse)) {
            u->lastOauthUse = used;
        }
        const QString app = row.value(u"AppName"_s).toString();
        if (!app.isEmpty() && !u->oauthApps.contains(app)) {
            u->oauthApps.append(app);
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readQueues()
{
    progress(0.72, OrgScanner::tr("Reading queues…"));
    Result<QJsonArray> counts =
        co_await readSource(DataSource::Queues, ScanQueries::activeQueueMembers(), {});
    if (!counts) {
        co_return counts.error();
    }
    QHash<QString, int> activeMembers;
    for (const QJsonValue &value : counts.value()) {
        activeMembers.insert(value.toObject().value(u"GroupId"_s).toString(),
                             number(value.toObject(), u"n"_s));
    }
    Result<QJsonArray> memberships =
        co_await readSource(DataSource::Queues, ScanQueries::queueMemberships(), {});
    if (!memberships) {
        co_return memberships.error();
    }
    for (const QJsonValue &value : memberships.value()) {
        const QJsonObject row = value.toObject();
        if (ScannedUser *u = user(row.value(u"UserOrGroupId"_s).toString())) {
            const QString queue = row.value(u"GroupId"_s).toString();
            u->queues.append({queue,
                              row.value(u"Group"_s).toObject().value(u"Name"_s).toString(),
                              activeMembers.value(queue)});
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readAutomation()
{
    progress(0.76, OrgScanner::tr("Reading scheduled jobs and dashboards…"));
    if (m_access.viewSetup) {
        Result<QJsonArray> jobs =
            co_await readSource(DataSource::ScheduledJobs,
                                ScanQueries::scheduledJobs(),
                                OrgScanner::tr("View Setup and Configuration"));
        if (!jobs) {
            co_return jobs.error();
        }
        for (const QJsonValue &value : jobs.value()) {
            const QJsonObject row = value.toObject();
            if (ScannedUser *u = user(row.value(u"OwnerId"_s).toString())) {
                u->scheduledJobs.append(
                    row.value(u"CronJobDetail"_s).toObject().value(u"Name"_s).toString());
            }
        }
    }
    Result<QJsonArray> dashboards =
        co_await readSource(DataSource::Dashboards, ScanQueries::dashboards(), {});
    if (!dashboards) {
        co_return dashboards.error();
    }
    for (const QJsonValue &value : dashboards.value()) {
        const QJsonObject row = value.toObject();
        if (ScannedUser *u = user(row.value(u"RunningUserId"_s).toString())) {
            u->dashboards.append(row.value(u"Title"_s).toString());
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readManagement()
{
    progress(0.8, OrgScanner::tr("Reading managers and approvals…"));
    // A self semi-join (User IN (SELECT … FROM User)) is not allowed, so the manager's own
    // fields filter the reports instead.
    const QStringList byManager{u"ManagerId"_s};
    Result<QJsonArray> reports = co_await readAggregate(
        DataSource::Users,
        u"SELECT ManagerId, COUNT(Id) n FROM User"_s,
        u"IsActive = true AND "_s + ScanQueries::staleUserFilter(u"Manager."_s),
        byManager,
        {});
    if (!reports) {
        co_return reports.error();
    }
    for (const QJsonValue &value : reports.value()) {
        if (ScannedUser *u = user(value.toObject().value(u"ManagerId"_s).toString())) {
            u->activeDirectReports = number(value.toObject(), u"n"_s);
        }
    }
    const QStringList byDelegate{u"DelegatedApproverId"_s};
    Result<QJsonArray> delegates =
        co_await readAggregate(DataSource::Users,
                               u"SELECT DelegatedApproverId, COUNT(Id) n FROM User"_s,
                               u"IsActive = true AND DelegatedApproverId != null"_s,
                               byDelegate,
                               {});
    if (!delegates) {
        co_return delegates.error();
    }
    for (const QJsonValue &value : delegates.value()) {
        if (ScannedUser *u = user(value.toObject().value(u"DelegatedApproverId"_s).toString())) {
            u->delegatingUsers = number(value.toObject(), u"n"_s);
        }
    }
    if (m_access.viewAllData) {
        const QStringList byActor{u"ActorId"_s};
        Result<QJsonArray> approvals =
            co_await readAggregate(DataSource::Approvals,
                                   u"SELECT ActorId, COUNT(Id) n FROM ProcessInstanceWorkitem"_s,
                                   u"ActorId IN (%1)"_s.arg(ScanQueries::staleUserIds()),
                                   byActor,
                                   OrgScanner::tr("View All Data"));
        if (!approvals) {
            co_return approvals.error();
        }
        for (const QJsonValue &value : approvals.value()) {
            if (ScannedUser *u = user(value.toObject().value(u"ActorId"_s).toString())) {
                u->pendingApprovals = number(value.toObject(), u"n"_s);
            }
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readOpenRecords()
{
    struct Kind
    {
        QString object;
        QString open;
        DataSource source;
        int ScannedUser::*count;
    };
    const QList<Kind> kinds{
        {u"Opportunity"_s,
         u"IsClosed = false"_s,
         DataSource::OpenOpportunities,
         &ScannedUser::openOpportunities},
        {u"Case"_s, u"IsClosed = false"_s, DataSource::OpenCases, &ScannedUser::openCases},
        {u"Lead"_s, u"IsConverted = false"_s, DataSource::OpenLeads, &ScannedUser::openLeads}};
    double fraction = 0.84;
    for (const Kind &kind : kinds) {
        progress(fraction, OrgScanner::tr("Reading open %1 records…").arg(kind.object));
        fraction += 0.04;
        const QStringList byOwner{u"OwnerId"_s};
        Result<QJsonArray> rows = co_await readAggregate(
            kind.source,
            u"SELECT OwnerId, COUNT(Id) n FROM %1"_s.arg(kind.object),
            u"%1 AND OwnerId IN (%2)"_s.arg(kind.open, ScanQueries::staleUserIds()),
            byOwner,
            OrgScanner::tr("View All Data (or View All on %1)").arg(kind.object));
        if (!rows) {
            co_return rows.error();
        }
        for (const QJsonValue &value : rows.value()) {
            if (ScannedUser *u = user(value.toObject().value(u"OwnerId"_s).toString())) {
                u->*kind.count = number(value.toObject(), u"n"_s);
            }
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<void>> Scan::readFrozen()
{
    progress(0.96, OrgScanner::tr("Reading frozen users…"));
    if (!m_access.manageUsers && !m_access.freezeUsers) {
        co_return Result<void>();
    }
    Result<QJsonArray> rows = co_await readSource(DataSource::UserLogins,
                                                  ScanQueries::frozenUsers(),
                                                  OrgScanner::tr("Manage Users or Freeze Users"));
    if (!rows) {
        co_return rows.error();
    }
    for (const QJsonValue &value : rows.value()) {
        if (ScannedUser *u = user(value.toObject().value(u"UserId"_s).toString())) {
            u->frozen = true;
        }
    }
    co_return Result<void>();
}

QCoro::Task<Result<OrgSnapshot>> Scan::run()
{
    QElapsedTimer timer;
    timer.start();
    const int callsBefore = m_client.callCount();
    m_snapshot.takenAt = QDateTime::currentDateTimeUtc();
    using Step = QCoro::Task<Result<void>> (Scan::*)();
    for (Step step : {&Scan::readIdentity,
                      &Scan::readOwnAccess,
                      &Scan::readUsers,
                      &Scan::readGrants,
                      &Scan::readApiUse,
                      &Scan::readQueues,
                      &Scan::readAutomation,
                      &Scan::readManagement,
                      &Scan::readOpenRecords,
                      &Scan::readFrozen}) {
        Result<void> done = co_await (this->*step)();
        if (!done) {
            co_return done.error();
        }
    }
    m_snapshot.apiCalls = m_client.callCount() - callsBefore;
    progress(1.0, OrgScanner::tr("Scan complete"));
    qCInfo(lcScan) << "scanned" << m_snapshot.totalUsers << "users," << m_snapshot.users.size()
                   << "inactive for 30 days or more, in" << m_snapshot.apiCalls << "API calls and"
                   << timer.elapsed() << "ms";
    co_return std::move(m_snapshot);
}

} // namespace

OrgScanner::OrgScanner(org::OrgClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

QCoro::Task<Result<OrgSnapshot>> OrgScanner::scan()
{
    QPointer<OrgScanner> self(this);
    auto scan = std::make_unique<Scan>(*m_client, this);
    Result<OrgSnapshot> snapshot = co_await scan->run();
    if (!self) {
        co_return Error::make(
            Error::Kind::Internal, u"SCAN_CANCELLED"_s, tr("The scan was cancelled."));
    }
    co_return snapshot;
}

} // namespace lr::scan
