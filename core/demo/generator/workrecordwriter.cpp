#include "core/demo/generator/workrecordwriter.h"

#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/namepool.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"
#include "core/demo/generator/userdirectory.h"
#include "core/demo/store/salesforceid.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr qint64 kDay = TimestampText::kDay;
constexpr qint64 kHour = TimestampText::kHour;

const QStringList kAuditColumns = {
    u"CreatedDate"_s, u"CreatedById"_s, u"LastModifiedDate"_s, u"LastModifiedById"_s};

class Writer
{
public:
    Writer(const GenerationContext &context, const UserDirectory &directory)
        : m_context(context)
        , m_directory(directory)
        , m_random(context.seed, RandomSource::Stream::Records)
    { }

    Result<void> records();
    Result<void> approvals();

private:
    void opportunities(BatchInserter &out, int owner, int count, bool open);
    void cases(BatchInserter &out, int owner, int count);
    void leads(BatchInserter &out, int owner, int count);
    QString company();
    // When the record was created: while its owner was still around.
    qint64 createdFor(const GeneratedUser &owner);
    void audit(BatchInserter &out, const GeneratedUser &owner, qint64 created);

    const GenerationContext &m_context;
    const UserDirectory &m_directory;
    RandomSource m_random;
    quint64 m_opportunities = 0;
    quint64 m_cases = 0;
    quint64 m_leads = 0;
};

QString Writer::company()
{
    static const QStringList first = {
        u"Apex"_s,       u"Blue Ridge"_s, u"Cascade"_s,   u"Crescent"_s, u"Evergreen"_s,
        u"Granite"_s,    u"Harbor"_s,     u"Ironwood"_s,  u"Juniper"_s,  u"Lakeside"_s,
        u"Meridian"_s,   u"Northgate"_s,  u"Oakridge"_s,  u"Pinnacle"_s, u"Riverbend"_s,
        u"Silverline"_s, u"Summit"_s,     u"Trailhead"_s, u"Vista"_s,    u"Westfield"_s};
    static const QStringList second = {u"Logistics"_s,
                                       u"Health"_s,
                                       u"Bank"_s,
                                       u"Foods"_s,
                                       u"Energy"_s,
                                       u"Labs"_s,
                                       u"Retail"_s,
                                       u"Insurance"_s,
                                       u"Media"_s,
                                       u"Systems"_s,
                                       u"Manufacturing"_s};
    static const QStringList special = {u"Müller Logistik GmbH"_s,
                                        u"株式会社さくら商事"_s,
                                        u"Société Lumière SA"_s,
                                        u"O'Reilly & Sons"_s,
                                        u"Smith, Barnes & Co."_s,
                                        u"北京星辰科技有限公司"_s};
    if (m_random.chance(0.04)) {
        return m_random.pick(special);
    }
    return m_random.pick(first) + u' ' + m_random.pick(second);
}

qint64 Writer::createdFor(const GeneratedUser &owner)
{
    qint64 end = std::max(owner.lastSeen(), owner.created + kDay);
    end = std::min(end, m_context.anchor - kHour);
    const qint64 begin = std::max(owner.created, end - 400 * kDay);
    return m_random.between(std::min(begin, end), end);
}

void Writer::audit(BatchInserter &out, const GeneratedUser &owner, qint64 created)
{
    const qint64 until = std::max(created, std::min(m_context.anchor, owner.lastSeen() + 2 * kDay));
    out.add(TimestampText::dateTime(created));
    out.add(owner.id);
    out.add(TimestampText::dateTime(m_random.between(created, until)));
    out.add(owner.id);
}

void Writer::opportunities(BatchInserter &out, int ownerIndex, int count, bool forceOpen)
{
    static const QStringList products = {u"New Business"_s,
                                         u"Enterprise Renewal"_s,
                                         u"Platform Expansion"_s,
                                         u"Add-on Seats"_s,
                                         u"Professional Services"_s,
                                         u"Multi-year Renewal"_s};
    static const QStringList openStages = {
        u"Prospecting"_s, u"Qualification"_s, u"Proposal/Price Quote"_s, u"Negotiation/Review"_s};
    const GeneratedUser &owner = m_directory.at(ownerIndex);
    for (int i = 0; i < count; ++i) {
        const bool closed = !forceOpen && m_random.chance(0.4);
        const bool won = closed && m_random.chance(0.55);
        qint64 created = 0;
        qint64 close = 0;
        if (closed) {
            created = createdFor(owner);
            close = std::min(created + m_random.between(20, 160) * kDay, m_context.anchor);
        } else {
            // An open deal was last worked on while its owner was around: an active rep's
            // deals close in the coming months, an idle owner's were left behind, overdue.
            const qint64 seen = std::max(owner.created + kHour, owner.lastSeen());
            created = m_random.between(std::max(owner.created, seen - 150 * kDay), seen);
            close = seen + m_random.between(5, 120) * kDay;
        }
        out.add(SalesforceId::make(u"006", ++m_opportunities));
        out.add(QString(company() + u" - "_s + m_random.pick(products)));
        out.add(owner.id);
        out.add(closed ? (won ? u"Closed Won"_s : u"Closed Lost"_s) : m_random.pick(openStages));
        out.add(m_random.between(10, 1000) * 500);
        out.add(TimestampText::date(close));
        out.addBool(closed);
        out.addBool(won);
        audit(out, owner, created);
    }
}

void Writer::cases(BatchInserter &out, int ownerIndex, int count)
{
    static const QStringList subjects = {u"Cannot log in to the portal"_s,
                                         u"Invoice discrepancy"_s,
                                         u"Integration sync failing"_s,
                                         u"Feature request: bulk export"_s,
                                         u"Data import error"_s,
                                         u"Shipment delayed"_s,
                                         u"Contract renewal question"_s,
                                         u"API limit exceeded"_s,
                                         u"Report shows wrong totals"_s,
                                         u"Unable to update billing address"_s};
    static const QStringList openStatus = {u"New"_s, u"Working"_s, u"Escalated"_s};
    static const QStringList priorities = {u"High"_s, u"Medium"_s, u"Low"_s};
    const GeneratedUser &owner = m_directory.at(ownerIndex);
    for (int i = 0; i < count; ++i) {
        const qint64 created = createdFor(owner);
        const bool closed = m_random.chance(0.45);
        ++m_cases;
        out.add(SalesforceId::make(u"500", m_cases));
        out.add(u"%1"_s.arg(1000 + m_cases, 8, 10, QLatin1Char('0')));
        out.add(m_random.pick(subjects));
        out.add(closed ? u"Closed"_s : openStatus.at(m_random.weighted({5, 4, 1})));
        out.add(priorities.at(m_random.weighted({2, 5, 3})));
        out.add(owner.id);
        out.addBool(closed);
        audit(out, owner, created);
    }
}

void Writer::leads(BatchInserter &out, int ownerIndex, int count)
{
    const GeneratedUser &owner = m_directory.at(ownerIndex);
    for (int i = 0; i < count; ++i) {
        const qint64 created = createdFor(owner);
        const PersonName person = NamePool::person(m_random, NamePool::latinCulture(m_random));
        const int state = m_random.weighted({35, 30, 15, 20});
        static const QStringList statuses = {u"Open - Not Contacted"_s,
                                             u"Working - Contacted"_s,
                                             u"Closed - Converted"_s,
                                             u"Closed - Not Converted"_s};
        out.add(SalesforceId::make(u"00Q", ++m_leads));
        out.add(person.first);
        out.add(person.last);
        out.add(person.fullName());
        out.add(company());
        out.add(statuses.at(state));
        out.add(owner.id);
        out.addBool(state == 2);
        audit(out, owner, created);
    }
}

Result<void> Writer::records()
{
    auto opps = m_context.inserter(u"Opportunity"_s,
                                   QStringList{u"Id"_s,
                                               u"Name"_s,
                                               u"OwnerId"_s,
                                               u"StageName"_s,
                                               u"Amount"_s,
                                               u"CloseDate"_s,
                                               u"IsClosed"_s,
                                               u"IsWon"_s}
                                       + kAuditColumns);
    auto caseOut = m_context.inserter(u"Case"_s,
                                      QStringList{u"Id"_s,
                                                  u"CaseNumber"_s,
                                                  u"Subject"_s,
                                                  u"Status"_s,
                                                  u"Priority"_s,
                                                  u"OwnerId"_s,
                                                  u"IsClosed"_s}
                                          + kAuditColumns);
    auto leadOut = m_context.inserter(u"Lead"_s,
                                      QStringList{u"Id"_s,
                                                  u"FirstName"_s,
                                                  u"LastName"_s,
                                                  u"Name"_s,
                                                  u"Company"_s,
                                                  u"Status"_s,
                                                  u"OwnerId"_s,
                                                  u"IsConverted"_s}
                                          + kAuditColumns);
    if (!opps || !caseOut || !leadOut) {
        return !opps ? opps.error() : (!caseOut ? caseOut.error() : leadOut.error());
    }
    const UserDirectory &d = m_directory;
    for (int owner : d.department(u"Sales"_s) + d.department(u"Customer Success"_s)) {
        opportunities(*opps, owner, m_random.intBetween(0, 4), false);
    }
    for (int owner : d.partners()) {
        opportunities(*opps, owner, m_random.intBetween(0, 2), false);
    }
    // Whatever their department, some long-idle people still hold open deals.
    for (qsizetype i = 0; i < std::min<qsizetype>(5, d.stale().size()); ++i) {
        opportunities(*opps, d.stale().at(i), m_random.intBetween(1, 3), true);
    }
    for (int owner : d.department(u"Support"_s)) {
        cases(*caseOut, owner, m_random.intBetween(0, 4));
    }
    for (int owner : d.department(u"Sales"_s) + d.department(u"Marketing"_s)) {
        leads(*leadOut, owner, m_random.intBetween(0, 3));
    }
    if (auto r = opps->finish(); !r) {
        return r;
    }
    if (auto r = caseOut->finish(); !r) {
        return r;
    }
    return leadOut->finish();
}

Result<void> Writer::approvals()
{
    auto out = m_context.inserter(
        u"ProcessInstanceWorkitem"_s,
        {u"Id"_s, u"ActorId"_s, u"OriginalActorId"_s, u"CreatedDate"_s, u"CreatedById"_s});
    if (!out) {
        return out.error();
    }
    const QList<GeneratedUser> &users = m_directory.users();
    QList<QList<int>> reports(users.size());
    for (int i = 0; i < users.size(); ++i) {
        if (users.at(i).manager >= 0) {
            reports[users.at(i).manager].append(i);
        }
    }
    quint64 serial = 0;
    for (int i = 0; i < users.size(); ++i) {
        const GeneratedUser &manager = users.at(i);
        if (manager.level < 1 || reports.at(i).isEmpty() || !m_random.chance(0.15)) {
            continue;
        }
        const int pending = m_random.intBetween(1, 3);
        for (int p = 0; p < pending; ++p) {
            const GeneratedUser &submitter = users.at(m_random.pick(reports.at(i)));
            const bool delegated = manager.delegatedApprover >= 0 && m_random.chance(0.4);
            const qint64 earliest = std::max(submitter.created, m_context.anchor - 60 * kDay);
            out->add(SalesforceId::make(u"04i", ++serial));
            out->add(delegated ? users.at(manager.delegatedApprover).id : manager.id);
            out->add(manager.id);
            out->add(TimestampText::dateTime(m_random.between(
                std::min(earliest, m_context.anchor - kHour), m_context.anchor - kHour)));
            out->add(submitter.id);
        }
    }
    return out->finish();
}

} // namespace

Result<void> WorkRecordWriter::write(const GenerationContext &context,
                                     const UserDirectory &directory)
{
    Writer writer(context, directory);
    if (auto r = writer.records(); !r) {
        return r;
    }
    return writer.approvals();
}

} // namespace lr::demo
