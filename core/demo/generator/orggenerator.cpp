#include "core/demo/generator/orggenerator.h"

#include "core/common/logging.h"
#include "core/demo/generator/automationwriter.h"
#include "core/demo/generator/deferredindexes.h"
#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/licensecatalog.h"
#include "core/demo/generator/loginactivity.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"
#include "core/demo/generator/userdirectory.h"
#include "core/demo/generator/userpopulation.h"
#include "core/demo/generator/userwriter.h"
#include "core/demo/generator/workrecordwriter.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/orgdatabase.h"
#include "core/demo/store/salesforceid.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Guards against a typo turning into hours of generation.
constexpr int kMaxUsers = 2'000'000;
constexpr int kOrgAgeDays = 2400;
const QStringList kRoles = {u"admin"_s, u"analyst"_s, u"viewer"_s};

Error usageError(const QString &message)
{
    return Error::make(Error::Kind::Usage, u"DEMO_ORG_GENERATOR"_s, message);
}

// "Acme Corporation" -> "acme": the org's email domain and My Domain name.
QString slugOf(const QString &orgName)
{
    QString slug;
    for (QChar c : orgName.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
            slug += c;
        } else if (!slug.isEmpty()) {
            break;
        }
    }
    return slug.isEmpty() ? u"demo"_s : slug.left(30);
}

GenerationContext
makeContext(const OrgDatabase &database, const OrgSchema &schema, const GeneratorOptions &options)
{
    GenerationContext context;
    context.db = database.connection();
    context.schema = &schema;
    context.seed = options.seed;
    context.anchor = options.now.isValid() ? options.now.toMSecsSinceEpoch()
                                           : QDateTime::currentMSecsSinceEpoch();
    context.orgCreated = context.anchor - kOrgAgeDays * TimestampText::kDay;
    context.sandbox = options.sandbox;
    context.orgName = options.orgName.isEmpty() ? u"Acme Corporation"_s : options.orgName;
    const QString slug = slugOf(context.orgName);
    context.emailDomain = slug + u".example"_s;
    context.loginHost = options.sandbox ? slug + u"--uat.sandbox.my.salesforce.com"_s
                                        : slug + u".my.salesforce.com"_s;
    // 62^6 distinct org ids, so that orgs made from different seeds do not share one.
    context.organizationId =
        SalesforceId::make(u"00D", 1 + RandomSource::mix(options.seed) % 56800235584ULL);
    return context;
}

Result<void> writeOrganization(const GenerationContext &context)
{
    auto out = context.inserter(u"Organization"_s,
                                {u"Id"_s,
                                 u"Name"_s,
                                 u"IsSandbox"_s,
                                 u"FiscalYearStartMonth"_s,
                                 u"UsesStartDateAsFiscalYearName"_s,
                                 u"OrganizationType"_s,
                                 u"InstanceName"_s,
                                 u"TimeZoneSidKey"_s,
                                 u"LanguageLocaleKey"_s,
                                 u"DefaultLocaleSidKey"_s,
                                 u"Country"_s,
                                 u"CreatedDate"_s,
                                 u"CreatedById"_s,
                                 u"LastModifiedDate"_s,
                                 u"LastModifiedById"_s});
    if (!out) {
        return out.error();
    }
    const quint64 pod = RandomSource::mix(context.seed ^ 0x5eedULL);
    out->add(context.organizationId);
    out->add(context.orgName);
    out->addBool(context.sandbox);
    out->add(2); // the fiscal year starts in February
    out->addBool(false);
    out->add(u"Enterprise Edition"_s);
    out->add(context.sandbox ? u"CS%1"_s.arg(10 + pod % 190) : u"NA%1"_s.arg(100 + pod % 150));
    out->add(u"America/Los_Angeles"_s);
    out->add(u"en_US"_s);
    out->add(u"en_US"_s);
    out->add(u"United States"_s);
    out->add(TimestampText::dateTime(context.orgCreated));
    out->add(context.adminId);
    out->add(TimestampText::dateTime(context.anchor - 12 * TimestampText::kDay));
    out->add(context.adminId);
    return out->finish();
}

std::array<int, int(LicenseCatalog::License::Count)> activeSeats(const QList<GeneratedUser> &users)
{
    std::array<int, int(LicenseCatalog::License::Count)> seats = {};
    for (const GeneratedUser &user : users) {
        if (user.active) {
            ++seats[static_cast<size_t>(user.license())];
        }
    }
    return seats;
}

Result<void> writeMeta(const OrgDatabase &database,
                       const GenerationContext &context,
                       const GeneratedOrg &org,
                       const GeneratorOptions &options)
{
    QList<std::pair<QString, QString>> entries = {
        {u"organizationId"_s, org.organizationId},
        {u"orgName"_s, context.orgName},
        {u"emailDomain"_s, context.emailDomain},
        {u"loginHost"_s, context.loginHost},
        {u"sandbox"_s, context.sandbox ? u"true"_s : u"false"_s},
        {u"seed"_s, QString::number(options.seed)},
        {u"userCount"_s, QString::number(org.userCount)},
        {u"loginHistoryCount"_s, QString::number(org.loginHistoryCount)},
        {u"anchor"_s, TimestampText::dateTime(context.anchor)},
    };
    for (const DemoPrincipal &principal : org.principals) {
        entries.append({u"principal."_s + principal.role, principal.userId});
    }
    // Last, so that isGenerated() is true only for a complete org.
    entries.append(
        {u"generated"_s, FieldValueCodec::formatDateTime(QDateTime::currentDateTimeUtc())});
    for (const auto &[key, value] : std::as_const(entries)) {
        if (auto r = database.setMeta(key, value); !r) {
            return r;
        }
    }
    return {};
}

Result<GeneratedOrg>
fill(const OrgDatabase &database, GenerationContext &context, const GeneratorOptions &options)
{
    QElapsedTimer phase;
    phase.start();
    const auto lap = [&phase](const char *what) {
        qCDebug(lcDemo) << what << "took" << phase.restart() << "ms";
    };
    const QList<GeneratedUser> users = UserPopulation::build(context, options.userCount);
    lap("planning users");
    context.adminId = users.at(0).id;
    GeneratedOrg org;
    org.organizationId = context.organizationId;
    org.userCount = users.size();
    for (int role = 0; role < UserPopulation::kPrincipalCount; ++role) {
        org.principals.append({kRoles.at(role), users.at(role).id, users.at(role).username});
    }
    auto indexes = DeferredIndexes::drop(context.db);
    if (!indexes) {
        return indexes.error();
    }
    if (auto r = writeOrganization(context); !r) {
        return r.error();
    }
    if (auto r = LicenseCatalog::write(context, activeSeats(users)); !r) {
        return r.error();
    }
    if (auto r = UserWriter::write(context, users); !r) {
        return r.error();
    }
    lap("writing users and setup");
    auto logins = LoginActivity::write(context, users);
    if (!logins) {
        return logins.error();
    }
    org.loginHistoryCount = logins.value();
    lap("writing login history");
    const UserDirectory directory(users, context.anchor);
    if (auto r = AutomationWriter::write(context, directory); !r) {
        return r.error();
    }
    if (auto r = WorkRecordWriter::write(context, directory); !r) {
        return r.error();
    }
    lap("writing automation and records");
    if (auto r = indexes->restore(); !r) {
        return r.error();
    }
    lap("indexing");
    if (auto r = writeMeta(database, context, org, options); !r) {
        return r.error();
    }
    return org;
}

} // namespace

Result<GeneratedOrg> OrgGenerator::generate(const OrgDatabase &database,
                                            const OrgSchema &schema,
                                            const GeneratorOptions &options)
{
    if (options.userCount < UserPopulation::kPrincipalCount || options.userCount > kMaxUsers) {
        return usageError(u"A demo org needs between %1 and %2 users, not %3"_s.arg(
            QString::number(UserPopulation::kPrincipalCount),
            QString::number(kMaxUsers),
            QString::number(options.userCount)));
    }
    if (database.isGenerated()) {
        return usageError(u"The demo org database already holds a generated org"_s);
    }
    QElapsedTimer timer;
    timer.start();
    GenerationContext context = makeContext(database, schema, options);
    if (!context.db.transaction()) {
        return Error::make(Error::Kind::Storage,
                           u"DEMO_ORG_STORAGE"_s,
                           u"The demo org database cannot start a transaction"_s,
                           context.db.lastError().text());
    }
    auto org = fill(database, context, options);
    if (!org) {
        context.db.rollback();
        qCWarning(lcDemo) << "demo org generation failed:" << org.error().toString()
                          << org.error().detail;
        return org;
    }
    if (!context.db.commit()) {
        const QString detail = context.db.lastError().text();
        context.db.rollback();
        return Error::make(Error::Kind::Storage,
                           u"DEMO_ORG_STORAGE"_s,
                           u"The demo org database cannot commit the generated org"_s,
                           detail);
    }
    qCInfo(lcDemo).nospace() << "generated demo org " << org->organizationId << ": "
                             << org->userCount << " users, " << org->loginHistoryCount
                             << " logins in " << timer.elapsed() << " ms";
    return org;
}

Result<GeneratedOrg> OrgGenerator::load(const OrgDatabase &database)
{
    if (!database.isGenerated()) {
        return Error::make(Error::Kind::Usage,
                           u"DEMO_ORG_NOT_GENERATED"_s,
                           u"The demo org database holds no generated org"_s);
    }
    GeneratedOrg org;
    org.organizationId = database.meta(u"organizationId"_s);
    org.userCount = database.meta(u"userCount"_s).toLongLong();
    org.loginHistoryCount = database.meta(u"loginHistoryCount"_s).toLongLong();
    QSqlQuery query(database.connection());
    query.prepare(u"SELECT \"Username\" FROM \"User\" WHERE \"Id\" = ?"_s);
    for (const QString &role : kRoles) {
        DemoPrincipal principal;
        principal.role = role;
        principal.userId = database.meta(u"principal."_s + role);
        query.addBindValue(principal.userId);
        if (!query.exec() || !query.next()) {
            return Error::make(Error::Kind::Storage,
                               u"DEMO_ORG_STORAGE"_s,
                               u"The demo org has no %1 principal"_s.arg(role),
                               query.lastError().text());
        }
        principal.username = query.value(0).toString();
        org.principals.append(principal);
    }
    return org;
}

} // namespace lr::demo
