#include "core/demo/demoorg.h"

#include "core/common/logging.h"

#include <QElapsedTimer>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr int kOldestApiVersion = 31;
constexpr int kLatestApiVersion = 66;

QString usageKey(const QDateTime &now)
{
    return u"apiUsage."_s + now.date().toString(Qt::ISODate);
}

} // namespace

QStringList DemoOrg::apiVersions()
{
    QStringList versions;
    for (int v = kOldestApiVersion; v <= kLatestApiVersion; ++v) {
        versions.append(QString::number(v) + u".0"_s);
    }
    return versions;
}

QString DemoOrg::latestApiVersion()
{
    return QString::number(kLatestApiVersion) + u".0"_s;
}

Result<std::unique_ptr<DemoOrg>> DemoOrg::open(const DemoOrgOptions &options)
{
    std::unique_ptr<DemoOrg> org(new DemoOrg);
    org->m_options = options;
    org->m_oauth.setOptions(options.oauth);
    org->m_schema = OrgSchema::standard();
    Result<OrgDatabase> database = OrgDatabase::open(options.databasePath, org->m_schema);
    if (!database) {
        return database.error();
    }
    org->m_database = database.value();
    if (org->m_database.isGenerated()) {
        Result<GeneratedOrg> loaded = OrgGenerator::load(org->m_database);
        if (!loaded) {
            return loaded.error();
        }
        org->m_info = loaded.value();
    } else {
        GeneratorOptions generator;
        generator.userCount = options.userCount;
        generator.seed = options.seed;
        generator.now = options.anchor;
        QElapsedTimer timer;
        timer.start();
        Result<GeneratedOrg> generated =
            OrgGenerator::generate(org->m_database, org->m_schema, generator);
        if (!generated) {
            return generated.error();
        }
        org->m_info = generated.value();
        qCInfo(lcDemo) << "generated a demo org of" << org->m_info.userCount << "users in"
                       << timer.elapsed() << "ms";
    }
    if (auto deployed = LrObjectsDeployment::apply(
            org->m_schema, org->m_database, org->m_info, options.lrSchema);
        !deployed) {
        return deployed.error();
    }
    for (const DemoPrincipal &principal : std::as_const(org->m_info.principals)) {
        org->m_principalTokens.insert(principal.role,
                                      org->m_tokens.issue(org->m_info.organizationId,
                                                          principal.userId,
                                                          options.tokenLifetimeSeconds));
    }
    // Enterprise Edition's daily allocation: 100,000 plus 1,000 per Salesforce license.
    QSqlQuery licenses(org->m_database.connection());
    licenses.exec(u"SELECT COALESCE(SUM(\"TotalLicenses\"), 0) FROM \"UserLicense\" "
                  u"WHERE \"LicenseDefinitionKey\" = 'SFDC'"_s);
    const qint64 salesforceSeats = licenses.next() ? licenses.value(0).toLongLong() : 0;
    org->m_dailyApiLimit = 100000 + 1000 * salesforceSeats;
    return org;
}

QString DemoOrg::principalToken(const QString &role) const
{
    return m_principalTokens.value(role);
}

const DemoPrincipal *DemoOrg::principal(const QString &role) const
{
    for (const DemoPrincipal &p : m_info.principals) {
        if (p.role == role) {
            return &p;
        }
    }
    return nullptr;
}

qint64 DemoOrg::countApiCall()
{
    QMutexLocker lock(&m_usageMutex);
    const QString key = usageKey(m_clock.now());
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO lr_demo_meta (key, value) VALUES (?, '1') ON CONFLICT(key) "
                  u"DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value"_s);
    query.addBindValue(key);
    if (query.exec() && query.next()) {
        return query.value(0).toLongLong();
    }
    return apiCallsToday();
}

qint64 DemoOrg::apiCallsToday() const
{
    return m_database.meta(usageKey(m_clock.now()), u"0"_s).toLongLong();
}

} // namespace lr::demo
