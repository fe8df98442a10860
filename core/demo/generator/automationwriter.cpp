#include "core/demo/generator/automationwriter.h"

#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/idsequence.h"
#include "core/demo/generator/localecatalog.h"
#include "core/demo/generator/orgchart.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"
#include "core/demo/generator/userdirectory.h"
#include "core/demo/store/salesforceid.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr qint64 kDay = TimestampText::kDay;
constexpr qint64 kHour = TimestampText::kHour;

int clampCount(qsizetype people, int per, int low, int high)
{
    return static_cast<int>(std::clamp<qsizetype>(people / per, low, high));
}

// "EMEA Tier 1 Support" -> "EMEA_Tier_1_Support"
QString developerName(const QString &label, QSet<QString> &taken)
{
    QString name;
    for (QChar c : label) {
        const bool keep =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (keep) {
            name += c;
        } else if (!name.isEmpty() && !name.endsWith(u'_')) {
            name += u'_';
        }
    }
    while (name.endsWith(u'_')) {
        name.chop(1);
    }
    QString unique = name;
    for (int n = 2; taken.contains(unique); ++n) {
        unique = name + u'_' + QString::number(n);
    }
    taken.insert(unique);
    return unique;
}

struct QueueKind
{
    QString label;
    QString object;
    QString department;
};

const QList<QueueKind> &queueKinds()
{
    static const QList<QueueKind> list = {
        {u"Tier 1 Support"_s, u"Case"_s, u"Support"_s},
        {u"Inbound Leads"_s, u"Lead"_s, u"Sales"_s},
        {u"Tier 2 Support"_s, u"Case"_s, u"Support"_s},
        {u"Web Leads"_s, u"Lead"_s, u"Marketing"_s},
        {u"Billing Cases"_s, u"Case"_s, u"Finance"_s},
        {u"Partner Leads"_s, u"Lead"_s, u"Sales"_s},
        {u"Escalations"_s, u"Case"_s, u"Support"_s},
        {u"Event Leads"_s, u"Lead"_s, u"Marketing"_s},
        {u"Onboarding"_s, u"Case"_s, u"Customer Success"_s},
        {u"Returns"_s, u"Case"_s, u"Operations"_s},
        {u"Enterprise Leads"_s, u"Lead"_s, u"Sales"_s},
        {u"Legal Review"_s, u"Case"_s, u"Legal"_s},
    };
    return list;
}

struct JobTemplate
{
    QString name;
    QString type; // CronJobDetail.JobType
    int hour;     // local hour of the run; -1 = every hour
    int weekday;  // 1 = Monday ... 7 = Sunday; 0 = every day
};

const QList<JobTemplate> &jobTemplates()
{
    static const QList<JobTemplate> list = {
        {u"Weekly Data Export"_s, u"1"_s, 2, 7},
        {u"Dashboard Refresh: Pipeline KPIs"_s, u"3"_s, 6, 0},
        {u"Reporting Snapshot: Open Pipeline"_s, u"4"_s, 23, 0},
        {u"Scheduled Flow: Renewal Reminders"_s, u"6"_s, 7, 0},
        {u"LeadScoringScheduler"_s, u"7"_s, -1, 0},
        {u"Weekly Forecast Report"_s, u"8"_s, 8, 1},
        {u"AccountDedupBatch"_s, u"9"_s, 1, 0},
        {u"Stale Case Notification"_s, u"A"_s, 9, 0},
        {u"OpportunityRollupScheduler"_s, u"7"_s, 3, 0},
        {u"Monthly Territory Report"_s, u"8"_s, 5, 1},
    };
    return list;
}

QString cronExpression(const JobTemplate &job)
{
    static const QStringList weekdays = {
        u"MON"_s, u"TUE"_s, u"WED"_s, u"THU"_s, u"FRI"_s, u"SAT"_s, u"SUN"_s};
    if (job.hour < 0) {
        return u"0 0 * * * ?"_s;
    }
    if (job.weekday == 0) {
        return u"0 0 %1 * * ?"_s.arg(job.hour);
    }
    return u"0 0 %1 ? * %2"_s.arg(job.hour).arg(weekdays.at(job.weekday - 1));
}

qint64 jobPeriod(const JobTemplate &job)
{
    return job.hour < 0 ? kHour : (job.weekday == 0 ? kDay : 7 * kDay);
}

// The first run after `anchor`, in the owner's time zone (`offset` from UTC).
qint64 nextFireTime(const JobTemplate &job, qint64 anchor, qint64 offset)
{
    if (job.hour < 0) {
        return (anchor / kHour + 1) * kHour;
    }
    qint64 next = TimestampText::epochDay(anchor + offset) * kDay + job.hour * kHour - offset;
    const auto weekdayOf = [offset](qint64 at) {
        return TimestampText::dayOfWeek(TimestampText::epochDay(at + offset));
    };
    while (next <= anchor || (job.weekday != 0 && weekdayOf(next) != job.weekday)) {
        next += kDay;
    }
    return next;
}

// Where groups, queues and their members go while they are written.
struct GroupOutput
{
    BatchInserter groups;
    BatchInserter members;
    BatchInserter queueObjects;
    IdSequence groupIds;
    IdSequence memberIds;
    IdSequence queueObjectIds;
    QSet<QString> developerNames;
};

class Writer
{
public:
    Writer(const GenerationContext &context, const UserDirectory &directory)
        : m_context(context)
        , m_directory(directory)
        , m_random(context.seed, RandomSource::Stream::Automation)
    { }

    Result<void> groups();
    Result<void> jobs();
    Result<void> dashboards();

private:
    QList<QString> regularGroups(GroupOutput &out);
    void queues(GroupOutput &out, const QList<QString> &regularIds);
    QString addGroup(GroupOutput &out,
                     const QString &label,
                     const QString &type,
                     const QString &email,
                     qint64 created);
    void addMember(GroupOutput &out, const QString &groupId, const QString &memberId, qint64 at);
    QList<int> queueMembers(int ordinal, const QList<int> &pool);
    // Up to `count` different members of `pool`.
    QList<int> sample(const QList<int> &pool, int count);
    void addJob(BatchInserter &details, BatchInserter &triggers, int ordinal, int owner);
    int jobOwner(int ordinal);
    int runningUser(int ordinal);
    [[nodiscard]] const QString &userId(int index) const { return m_directory.at(index).id; }
    [[nodiscard]] static QString stamp(qint64 msecs) { return TimestampText::dateTime(msecs); }
    [[nodiscard]] qint64 setupTime()
    {
        return m_random.between(m_context.orgCreated + 30 * kDay, m_context.anchor - 7 * kDay);
    }
    // Something a user set up while they could still sign in.
    [[nodiscard]] qint64 madeBy(const GeneratedUser &user)
    {
        return m_random.between(user.created + kHour,
                                std::max(user.created + kDay, user.lastSeen()));
    }

    const GenerationContext &m_context;
    const UserDirectory &m_directory;
    RandomSource m_random;
};

QList<int> Writer::sample(const QList<int> &pool, int count)
{
    // A partial Fisher-Yates over a copy: no one is picked twice.
    QList<int> members = pool;
    const qsizetype wanted = std::min<qsizetype>(count, members.size());
    for (qsizetype i = 0; i < wanted; ++i) {
        const auto j = i + static_cast<qsizetype>(m_random.below(quint64(members.size() - i)));
        std::swap(members[i], members[j]);
    }
    members.resize(wanted);
    return members;
}

QList<int> Writer::queueMembers(int ordinal, const QList<int> &pool)
{
    const UserDirectory &d = m_directory;
    // Every 8th queue has one active member; every 16th, from the 4th, one member idle for
    // over half a year; every 16th, from the 12th, only a deactivated member.
    if (ordinal % 8 == 0) {
        return {UserDirectory::pick(m_random, d.recent(), d.staff())};
    }
    if (ordinal % 16 == 4) {
        return {UserDirectory::pick(m_random, d.stale(), d.staff())};
    }
    if (ordinal % 16 == 12) {
        return {UserDirectory::pick(m_random, d.inactive(), d.staff())};
    }
    return sample(pool.isEmpty() ? d.staff() : pool, m_random.intBetween(2, 12));
}

QString Writer::addGroup(GroupOutput &out,
                         const QString &label,
                         const QString &type,
                         const QString &email,
                         qint64 created)
{
    const QString id = out.groupIds.next();
    const bool queue = type == u"Queue"_s;
    out.groups.add(id);
    out.groups.add(label);
    out.groups.add(developerName(label, out.developerNames));
    out.groups.add(type);
    out.groups.addText(email);
    out.groups.add(m_context.adminId);
    out.groups.addBool(!queue && m_random.chance(0.3));
    out.groups.addBool(queue && m_random.chance(0.6));
    out.groups.add(stamp(created));
    out.groups.add(m_context.adminId);
    out.groups.add(stamp(created + m_random.between(0, (m_context.anchor - created) / 2)));
    out.groups.add(m_context.adminId);
    return id;
}

void Writer::addMember(GroupOutput &out, const QString &groupId, const QString &memberId, qint64 at)
{
    out.members.add(out.memberIds.next());
    out.members.add(groupId);
    out.members.add(memberId);
    out.members.add(stamp(at));
}

QList<QString> Writer::regularGroups(GroupOutput &out)
{
    const int departments = OrgChart::departmentCount() - 1; // all but Executive
    const int count = clampCount(m_directory.users().size(), 400, 3, 100);
    QList<QString> ids;
    for (int i = 0; i < count; ++i) {
        const int department = 1 + i % departments;
        const QString &departmentName = OrgChart::department(department).name;
        const QString label = i < departments
                                  ? u"All "_s + departmentName
                                  : u"%1 Team %2"_s.arg(departmentName).arg(i / departments + 1);
        const qint64 created = setupTime();
        const QString id = addGroup(out, label.left(40), u"Regular"_s, QString(), created);
        for (int member : sample(m_directory.department(department), 25)) {
            addMember(out, id, userId(member), created);
        }
        ids.append(id);
    }
    return ids;
}

void Writer::queues(GroupOutput &out, const QList<QString> &regularIds)
{
    static const QStringList regions = {u"NA"_s, u"EMEA"_s, u"APAC"_s, u"LATAM"_s};
    const int kinds = static_cast<int>(queueKinds().size());
    const int count = clampCount(m_directory.users().size(), 150, 6, 400);
    for (int q = 0; q < count; ++q) {
        const QueueKind &kind = queueKinds().at(q % kinds);
        const int round = q / (kinds * static_cast<int>(regions.size()));
        QString name = regions.at((q / kinds) % regions.size()) + u' ' + kind.label;
        if (round > 0) {
            name += u' ' + QString::number(round + 1);
        }
        const qint64 created = setupTime();
        // The queue's email follows its name: "EMEA Tier 1 Support" -> emea-tier-1-support@.
        QSet<QString> scratch;
        const QString email = developerName(name, scratch).toLower().replace(u'_', u'-') + u'@'
                              + m_context.emailDomain;
        const QString id = addGroup(out, name, u"Queue"_s, email, created);
        out.queueObjects.add(out.queueObjectIds.next());
        out.queueObjects.add(id);
        out.queueObjects.add(kind.object);
        out.queueObjects.add(m_context.adminId);
        out.queueObjects.add(stamp(created));
        for (int member : queueMembers(q, m_directory.department(kind.department))) {
            if (member >= 0) {
                addMember(out, id, userId(member), created);
            }
        }
        if (q % 10 == 2 && !regularIds.isEmpty()) {
            addMember(out, id, m_random.pick(regularIds), created); // a public group as member
        }
    }
}

Result<void> Writer::groups()
{
    auto groupsOut = m_context.inserter(u"Group"_s,
                                        {u"Id"_s,
                                         u"Name"_s,
                                         u"DeveloperName"_s,
                                         u"Type"_s,
                                         u"Email"_s,
                                         u"OwnerId"_s,
                                         u"DoesIncludeBosses"_s,
                                         u"DoesSendEmailToMembers"_s,
                                         u"CreatedDate"_s,
                                         u"CreatedById"_s,
                                         u"LastModifiedDate"_s,
                                         u"LastModifiedById"_s});
    auto membersOut = m_context.inserter(
        u"GroupMember"_s, {u"Id"_s, u"GroupId"_s, u"UserOrGroupId"_s, u"SystemModstamp"_s});
    auto queueObjectsOut = m_context.inserter(
        u"QueueSobject"_s,
        {u"Id"_s, u"QueueId"_s, u"SobjectType"_s, u"CreatedById"_s, u"SystemModstamp"_s});
    if (!groupsOut || !membersOut || !queueObjectsOut) {
        return !groupsOut ? groupsOut.error()
                          : (!membersOut ? membersOut.error() : queueObjectsOut.error());
    }
    GroupOutput out{std::move(groupsOut).value(),
                    std::move(membersOut).value(),
                    std::move(queueObjectsOut).value(),
                    IdSequence(u"00G"),
                    IdSequence(u"011"),
                    IdSequence(u"03g"),
                    {}};
    queues(out, regularGroups(out));
    if (auto r = out.groups.finish(); !r) {
        return r;
    }
    if (auto r = out.queueObjects.finish(); !r) {
        return r;
    }
    return out.members.finish();
}

int Writer::jobOwner(int ordinal)
{
    const UserDirectory &d = m_directory;
    switch (ordinal % 10) {
    case 4:
    case 5:
        return UserDirectory::pick(m_random, d.stale(), d.staff());
    case 6:
        return UserDirectory::pick(m_random, d.inactive(), d.staff());
    case 7:
        return UserDirectory::pick(m_random, d.services(), d.admins());
    case 8:
    case 9:
        return UserDirectory::pick(m_random, d.recent(), d.staff());
    default:
        return UserDirectory::pick(m_random, d.admins(), d.staff());
    }
}

void Writer::addJob(BatchInserter &details, BatchInserter &triggers, int ordinal, int owner)
{
    const JobTemplate &job = jobTemplates().at(ordinal % jobTemplates().size());
    const GeneratedUser &user = m_directory.at(owner);
    const LocaleCatalog::Locale &locale = LocaleCatalog::at(user.locale);
    const qint64 offset = locale.utcOffsetMinutes * TimestampText::kMinute;
    const QString detailId = SalesforceId::make(u"08a", static_cast<quint64>(ordinal) + 1);
    details.add(detailId);
    details.add(u"%1 (%2)"_s.arg(job.name).arg(ordinal + 1));
    details.add(job.type);

    const qint64 start = madeBy(user);
    const qint64 period = jobPeriod(job);
    const qint64 next = nextFireTime(job, m_context.anchor, offset);
    triggers.add(SalesforceId::make(u"08e", static_cast<quint64>(ordinal) + 1));
    triggers.add(detailId);
    triggers.add(user.id);
    triggers.add(cronExpression(job));
    triggers.add(u"WAITING"_s);
    triggers.add(locale.timeZone);
    triggers.add(stamp(start));
    triggers.add(stamp(next));
    triggers.add(stamp(next - period));
    triggers.add(std::max<qint64>(0, (next - period - start) / period));
    triggers.add(stamp(start));
    triggers.add(user.id);
    triggers.add(stamp(start));
    triggers.add(user.id);
}

Result<void> Writer::jobs()
{
    auto details = m_context.inserter(u"CronJobDetail"_s, {u"Id"_s, u"Name"_s, u"JobType"_s});
    auto triggers = m_context.inserter(u"CronTrigger"_s,
                                       {u"Id"_s,
                                        u"CronJobDetailId"_s,
                                        u"OwnerId"_s,
                                        u"CronExpression"_s,
                                        u"State"_s,
                                        u"TimeZoneSidKey"_s,
                                        u"StartTime"_s,
                                        u"NextFireTime"_s,
                                        u"PreviousFireTime"_s,
                                        u"TimesTriggered"_s,
                                        u"CreatedDate"_s,
                                        u"CreatedById"_s,
                                        u"LastModifiedDate"_s,
                                        u"LastModifiedById"_s});
    if (!details || !triggers) {
        return !details ? details.error() : triggers.error();
    }
    const int count = clampCount(m_directory.users().size(), 100, 8, 1000);
    for (int j = 0; j < count; ++j) {
        if (const int owner = jobOwner(j); owner >= 0) {
            addJob(*details, *triggers, j, owner);
        }
    }
    if (auto r = details->finish(); !r) {
        return r;
    }
    return triggers->finish();
}

int Writer::runningUser(int ordinal)
{
    const UserDirectory &d = m_directory;
    switch (ordinal % 10) {
    case 0:
    case 1:
        return UserDirectory::pick(m_random, d.stale(), d.staff());
    case 2:
        return UserDirectory::pick(m_random, d.inactive(), d.staff());
    case 3:
        return UserDirectory::pick(m_random, d.admins(), d.staff());
    default:
        return UserDirectory::pick(m_random, d.leaders(), d.staff());
    }
}

Result<void> Writer::dashboards()
{
    // Subjects, each with the folder it lives in.
    static const QList<std::pair<QString, QString>> subjects = {
        {u"Pipeline Overview"_s, u"Sales Dashboards"_s},
        {u"Support Backlog"_s, u"Service Dashboards"_s},
        {u"Marketing Funnel"_s, u"Marketing Dashboards"_s},
        {u"Renewals Forecast"_s, u"Sales Dashboards"_s},
        {u"Win/Loss Analysis"_s, u"Sales Dashboards"_s},
        {u"Executive Summary"_s, u"Company Dashboards"_s},
        {u"Case SLA Tracker"_s, u"Service Dashboards"_s},
        {u"Lead Conversion"_s, u"Marketing Dashboards"_s},
    };
    static const QStringList regions = {u"Global"_s, u"NA"_s, u"EMEA"_s, u"APAC"_s};
    auto out = m_context.inserter(u"Dashboard"_s,
                                  {u"Id"_s,
                                   u"Title"_s,
                                   u"DeveloperName"_s,
                                   u"Description"_s,
                                   u"FolderName"_s,
                                   u"OwnerId"_s,
                                   u"RunningUserId"_s,
                                   u"Type"_s,
                                   u"CreatedDate"_s,
                                   u"CreatedById"_s,
                                   u"LastModifiedDate"_s,
                                   u"LastModifiedById"_s});
    if (!out) {
        return out.error();
    }
    QSet<QString> developerNames;
    const int perRound = static_cast<int>(subjects.size() * regions.size());
    const int count = clampCount(m_directory.users().size(), 80, 5, 1500);
    for (int i = 0; i < count; ++i) {
        const auto &[subject, folder] = subjects.at(i % subjects.size());
        QString title = regions.at((i / subjects.size()) % regions.size()) + u' ' + subject;
        if (i >= perRound) {
            title += u' ' + QString::number(i / perRound + 1);
        }
        // Half run as one specified user (often a person long gone); the rest show each
        // viewer's own data.
        const int kind = i % 20;
        const int runner = kind < 10 ? runningUser(i) : -1;
        const int owner =
            runner >= 0 && m_random.chance(0.6)
                ? runner
                : UserDirectory::pick(m_random, m_directory.admins(), m_directory.staff());
        if (owner < 0) {
            continue;
        }
        const GeneratedUser &ownerUser = m_directory.at(owner);
        const qint64 created = madeBy(ownerUser);
        out->add(SalesforceId::make(u"01Z", static_cast<quint64>(i) + 1));
        out->add(title.left(80));
        out->add(developerName(title, developerNames));
        out->add(u"%1 for %2"_s.arg(subject, m_context.orgName));
        out->add(folder);
        out->add(ownerUser.id);
        out->add(runner < 0 ? QVariant() : QVariant(userId(runner)));
        out->add(kind < 10 ? u"SpecifiedUser"_s
                           : (kind < 17 ? u"LoggedInUser"_s : u"MyTeamUser"_s));
        out->add(stamp(created));
        out->add(ownerUser.id);
        out->add(stamp(created + m_random.between(0, (m_context.anchor - created) / 3)));
        out->add(ownerUser.id);
    }
    return out->finish();
}

} // namespace

Result<void> AutomationWriter::write(const GenerationContext &context,
                                     const UserDirectory &directory)
{
    Writer writer(context, directory);
    if (auto r = writer.groups(); !r) {
        return r;
    }
    if (auto r = writer.jobs(); !r) {
        return r;
    }
    return writer.dashboards();
}

} // namespace lr::demo
