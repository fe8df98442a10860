#include "core/demo/generator/orggenerator.h"

#include "core/demo/generator/idsequence.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"
#include "core/demo/schema/orgschema.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/orgdatabase.h"
#include "core/demo/store/salesforceid.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;
using namespace lr::demo;

namespace {

constexpr qint64 kDay = TimestampText::kDay;
constexpr int kUsers = 5000;

QDateTime anchorTime()
{
    return QDateTime(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc());
}

} // namespace

// Generates one 5,000-user org and checks its shape with SQL: every case the safety
// checks and the savings figures depend on must be present, consistent and deterministic.
class TestOrgGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void randomSourceMatchesReference();
    void timestampTextMatchesCodec();
    void idSequenceMatchesSalesforceId();

    void organizationIsPresent();
    void usersAreCompleteAndUnique();
    void inactivityBandsArePopulated_data();
    void inactivityBandsArePopulated();
    void neverLoggedInAndNewHiresExist();
    void serviceAccountNamingStyles_data();
    void serviceAccountNamingStyles();
    void apiOnlyThroughProfileAndPermissionSet();
    void adminsThroughProfileAndPermissionSet();
    void integrationUsersOnlyUseTheApi();
    void interactiveHistoryMatchesLastLoginDate();
    void apiUsersWithStaleInteractiveLogin();
    void loginHistoryVolumeAndFailures();
    void oauthTokensBelongToApiUsers();
    void queuesAndGroups();
    void scheduledJobOwners();
    void dashboardRunningUsers();
    void managersAndDelegates();
    void frozenAndLockedUsers();
    void openRecordsOwnedByStaleUsers_data();
    void openRecordsOwnedByStaleUsers();
    void noDuplicateGrantsOrMemberships();
    void pendingApprovals();
    void licenseSeatsMatchActiveUsers();
    void profilesOwnTheirPermissionSets();
    void objectPermissionsPerProfile();
    void principalsHaveTheirAccess();
    void textFitsTheSchema();
    void referencesResolve();
    void idsAreWellFormed();
    void indexesAreRestored();

    void sameSeedGivesIdenticalRows();
    void loadReturnsWhatGenerateDid();
    void refusesToGenerateTwice();
    void tinyAndSandboxOrgs();
    void largeOrgTiming();

private:
    [[nodiscard]] qint64 scalar(const QString &sql, const QVariantList &binds = {}) const;
    [[nodiscard]] QString ago(qint64 days) const
    {
        return TimestampText::dateTime(m_anchor - days * kDay);
    }
    [[nodiscard]] static QByteArray dump(const OrgDatabase &database, const QStringList &tables);
    [[nodiscard]] static std::optional<OrgDatabase> openMemory();

    OrgSchema m_schema = OrgSchema::standard();
    std::optional<OrgDatabase> m_database;
    GeneratedOrg m_org;
    qint64 m_anchor = 0;
};

std::optional<OrgDatabase> TestOrgGenerator::openMemory()
{
    auto database = OrgDatabase::open(QString(), OrgSchema::standard());
    if (!database) {
        qWarning() << database.error().toString() << database.error().detail;
        return std::nullopt;
    }
    return std::move(database).value();
}

void TestOrgGenerator::initTestCase()
{
    m_database = openMemory();
    QVERIFY(m_database);
    GeneratorOptions options;
    options.userCount = kUsers;
    options.seed = 42;
    options.now = anchorTime();
    m_anchor = options.now.toMSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    auto org = OrgGenerator::generate(*m_database, m_schema, options);
    QVERIFY2(org, org ? "" : qPrintable(org.error().toString() + u' ' + org.error().detail));
    qInfo("generated %d users, %lld logins in %lld ms (this build type)",
          kUsers,
          org->loginHistoryCount,
          timer.elapsed());
    m_org = org.value();
    for (const QString &table : m_schema.objectNames()) {
        qInfo("%-26s %8lld rows",
              qPrintable(table),
              scalar(u"SELECT COUNT(*) FROM %1"_s.arg(OrgDatabase::quote(table))));
    }
}

void TestOrgGenerator::cleanupTestCase()
{
    if (m_database) {
        m_database->releaseConnection();
    }
}

qint64 TestOrgGenerator::scalar(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery query(m_database->connection());
    if (!query.prepare(sql)) {
        qWarning() << "cannot prepare" << sql << query.lastError().text();
        return -1;
    }
    for (const QVariant &bind : binds) {
        query.addBindValue(bind);
    }
    if (!query.exec() || !query.next()) {
        qWarning() << "cannot run" << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

QByteArray TestOrgGenerator::dump(const OrgDatabase &database, const QStringList &tables)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &table : tables) {
        QSqlQuery query(database.connection());
        query.exec(u"SELECT * FROM %1 ORDER BY \"Id\""_s.arg(OrgDatabase::quote(table)));
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i) {
                hash.addData(query.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f"));
            }
            hash.addData(QByteArrayView("\x1e"));
        }
    }
    return hash.result().toHex();
}

void TestOrgGenerator::randomSourceMatchesReference()
{
    // Expected values from an independent implementation of splitmix64 + xoshiro256**.
    RandomSource random(1);
    QCOMPARE(random.next(), 0xf9d20113ec80c6d5ULL);
    QCOMPARE(random.next(), 0xd16e236e5cdc6563ULL);
    QCOMPARE(random.next(), 0x68a40f278366062aULL);
    RandomSource stream(42, RandomSource::Stream::Logins, 7);
    QCOMPARE(stream.next(), 0xc4a6ba0f8f3f3119ULL);
    QCOMPARE(stream.next(), 0xa5f2ffb987ad1d0fULL);
    RandomSource bounded(1);
    const QList<quint64> draws = {709, 251, 658, 652, 740};
    for (quint64 expected : draws) {
        QCOMPARE(bounded.below(1000), expected);
    }
    QList<int> items = {1, 2, 3, 4, 5, 6, 7, 8};
    RandomSource shuffler(3);
    shuffler.shuffle(items);
    QList<int> sorted = items;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, QList<int>({1, 2, 3, 4, 5, 6, 7, 8}));
}

void TestOrgGenerator::timestampTextMatchesCodec()
{
    const QList<qint64> instants = {0,
                                    -1,
                                    -kDay - 1,
                                    951782400123,  // 2000-02-29
                                    4107542399999, // 2100-02-28T23:59:59.999
                                    m_anchor,
                                    m_anchor - 400 * kDay + 12345};
    for (qint64 msecs : instants) {
        const QDateTime dateTime = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
        QCOMPARE(TimestampText::dateTime(msecs), FieldValueCodec::formatDateTime(dateTime));
        QCOMPARE(TimestampText::date(msecs), FieldValueCodec::formatDate(dateTime.date()));
        QCOMPARE(TimestampText::dayOfWeek(TimestampText::epochDay(msecs)),
                 dateTime.date().dayOfWeek());
    }
}

void TestOrgGenerator::idSequenceMatchesSalesforceId()
{
    // Across the carries of the base-62 serial.
    for (quint64 first : {1ULL, 55ULL, 3830ULL, 238320ULL}) {
        IdSequence ids(u"0Ya", first);
        for (quint64 serial = first; serial < first + 20; ++serial) {
            QCOMPARE(ids.next(), SalesforceId::make(u"0Ya", serial));
        }
    }
}

void TestOrgGenerator::organizationIsPresent()
{
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Organization\""_s), 1);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Organization\" WHERE \"Id\" = ? AND "
                    u"\"IsSandbox\" = 0 AND \"FiscalYearStartMonth\" = 2 AND "
                    u"\"OrganizationType\" = 'Enterprise Edition' AND "
                    u"\"TimeZoneSidKey\" = 'America/Los_Angeles' AND \"InstanceName\" <> ''"_s,
                    {m_org.organizationId}),
             1);
    QVERIFY(m_org.organizationId.startsWith(u"00D"_s));
}

void TestOrgGenerator::usersAreCompleteAndUnique()
{
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\""_s), kUsers);
    QCOMPARE(m_org.userCount, kUsers);
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT \"Username\") FROM \"User\""_s), kUsers);
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT \"CommunityNickname\") FROM \"User\""_s), kUsers);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"Email\" IS NULL OR \"Alias\" IS NULL "
                    u"OR length(\"Alias\") > 8 OR \"TimeZoneSidKey\" IS NULL OR "
                    u"\"LocaleSidKey\" IS NULL OR \"LanguageLocaleKey\" IS NULL OR "
                    u"\"EmailEncodingKey\" IS NULL OR \"ProfileId\" IS NULL"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"CreatedDate\" >= \"LastLoginDate\""_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"LastLoginDate\" > ? OR "
                    u"\"CreatedDate\" > ?"_s,
                    {ago(0), ago(0)}),
             0);
    // Varied names: non-Latin scripts, apostrophes and suffixes with commas.
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE unicode(\"LastName\") > 0x2000"_s) > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"LastName\" LIKE '%''%'"_s) > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"LastName\" LIKE '%,%'"_s) > 0);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"Department\") FROM \"User\""_s) >= 10);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"Division\") FROM \"User\""_s) >= 3);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"TimeZoneSidKey\") FROM \"User\""_s) >= 10);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"UserType\") FROM \"User\""_s) >= 4);
}

void TestOrgGenerator::inactivityBandsArePopulated_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    const QList<std::pair<int, int>> bands = {{0, 7},
                                              {8, 30},
                                              {31, 60},
                                              {61, 90},
                                              {91, 120},
                                              {121, 180},
                                              {181, 270},
                                              {271, 365},
                                              {366, 400}};
    for (const auto &[from, to] : bands) {
        QTest::addRow("%d-%d days", from, to) << from << to;
    }
}

void TestOrgGenerator::inactivityBandsArePopulated()
{
    QFETCH(int, from);
    QFETCH(int, to);
    const qint64 users = scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"LastLoginDate\" <= ? AND "
                                u"\"LastLoginDate\" > ?"_s,
                                {ago(from), ago(to + 1)});
    qInfo("band %d-%d days: %lld users", from, to, users);
    QVERIFY(users > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"LastLoginDate\" < ?"_s, {ago(402)}), 0);
}

void TestOrgGenerator::neverLoggedInAndNewHiresExist()
{
    const qint64 never = scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON "
                                u"p.\"Id\" = u.\"ProfileId\" WHERE u.\"LastLoginDate\" IS NULL AND "
                                u"p.\"PermissionsApiUserOnly\" = 0"_s);
    const qint64 newHires =
        scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"CreatedDate\" > ?"_s, {ago(30)});
    const qint64 newNever = scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"CreatedDate\" > ? AND "
                                   u"\"LastLoginDate\" IS NULL"_s,
                                   {ago(30)});
    qInfo("never logged in: %lld, new hires: %lld (%lld not yet logged in)",
          never,
          newHires,
          newNever);
    QVERIFY(never > 0);
    QVERIFY(newHires > newNever);
    QVERIFY(newNever > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"CreatedDate\" < ?"_s, {ago(1000)}) > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 0"_s) > 0);
}

void TestOrgGenerator::serviceAccountNamingStyles_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("integration@") << u"integration@%"_s;
    QTest::newRow("integration.system@") << u"integration.%@%"_s;
    QTest::newRow("api-") << u"api-%"_s;
    QTest::newRow("svc-") << u"svc-%"_s;
    QTest::newRow("system.integration@") << u"%.integration@%"_s;
}

void TestOrgGenerator::serviceAccountNamingStyles()
{
    QFETCH(QString, pattern);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"Username\" LIKE ?"_s, {pattern}) > 0);
}

void TestOrgGenerator::apiOnlyThroughProfileAndPermissionSet()
{
    const qint64 viaProfile =
        scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"PermissionSet\" ps ON ps.\"ProfileId\" = "
               u"u.\"ProfileId\" AND ps.\"IsOwnedByProfile\" = 1 WHERE "
               u"ps.\"PermissionsApiUserOnly\" = 1"_s);
    const qint64 viaSet =
        scalar(u"SELECT COUNT(DISTINCT u.\"Id\") FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = "
               u"u.\"ProfileId\" JOIN \"PermissionSetAssignment\" a ON a.\"AssigneeId\" = u.\"Id\" "
               u"JOIN \"PermissionSet\" ps ON ps.\"Id\" = a.\"PermissionSetId\" WHERE "
               u"ps.\"IsOwnedByProfile\" = 0 AND ps.\"PermissionsApiUserOnly\" = 1 AND "
               u"p.\"PermissionsApiUserOnly\" = 0"_s);
    const qint64 integrationLicense =
        scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" "
               u"JOIN \"UserLicense\" l ON l.\"Id\" = p.\"UserLicenseId\" WHERE "
               u"l.\"Name\" = 'Salesforce Integration' AND p.\"Name\" = "
               u"'Minimum Access - API Only Integrations'"_s);
    const qint64 legacyProfile = scalar(
        u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" "
        u"JOIN \"UserLicense\" l ON l.\"Id\" = p.\"UserLicenseId\" WHERE l.\"Name\" = 'Salesforce' "
        u"AND p.\"PermissionsApiUserOnly\" = 1"_s);
    qInfo("API-only: %lld via profile (%lld integration license, %lld legacy profile), %lld via "
          "permission set",
          viaProfile,
          integrationLicense,
          legacyProfile,
          viaSet);
    QVERIFY(viaProfile > 0);
    QVERIFY(viaSet > 0);
    QVERIFY(integrationLicense > 0);
    QVERIFY(legacyProfile > 0);
}

void TestOrgGenerator::adminsThroughProfileAndPermissionSet()
{
    const qint64 viaProfile = scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON "
                                     u"p.\"Id\" = u.\"ProfileId\" WHERE p.\"Name\" = "
                                     u"'System Administrator'"_s);
    const qint64 viaSet = scalar(
        u"SELECT COUNT(DISTINCT u.\"Id\") FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = "
        u"u.\"ProfileId\" JOIN \"PermissionSetAssignment\" a ON a.\"AssigneeId\" = u.\"Id\" "
        u"JOIN \"PermissionSet\" ps ON ps.\"Id\" = a.\"PermissionSetId\" WHERE "
        u"ps.\"IsOwnedByProfile\" = 0 AND (ps.\"PermissionsModifyAllData\" = 1 OR "
        u"ps.\"PermissionsCustomizeApplication\" = 1) AND p.\"PermissionsModifyAllData\" = 0"_s);
    qInfo("admins: %lld via profile, %lld via permission set", viaProfile, viaSet);
    QVERIFY(viaProfile > 1);
    QVERIFY(viaSet >= 2);
}

void TestOrgGenerator::integrationUsersOnlyUseTheApi()
{
    // On the integration license nobody can sign in to the UI.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" h JOIN \"User\" u ON u.\"Id\" = "
                    u"h.\"UserId\" JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" WHERE "
                    u"p.\"PermissionsApiUserOnly\" = 1 AND h.\"LoginType\" = 'Application'"_s),
             0);
    const qint64 busy =
        scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" "
               u"JOIN \"UserLicense\" l ON l.\"Id\" = p.\"UserLicenseId\" WHERE "
               u"l.\"Name\" = 'Salesforce Integration' AND (u.\"LastLoginDate\" IS NULL OR "
               u"u.\"LastLoginDate\" < ?) AND (SELECT COUNT(*) FROM \"LoginHistory\" h WHERE "
               u"h.\"UserId\" = u.\"Id\" AND h.\"LoginType\" = 'Remote Access 2.0' AND "
               u"h.\"Status\" = 'Success') > 100"_s,
               {ago(180)});
    qInfo("integration-license users with daily OAuth logins and no interactive login: %lld", busy);
    QVERIFY(busy > 0);
    QVERIFY(
        scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"LoginType\" = 'Other Apex API'"_s)
        > 0);
}

void TestOrgGenerator::interactiveHistoryMatchesLastLoginDate()
{
    const QString windowStart = ago(180);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" u LEFT JOIN (SELECT \"UserId\", "
                    u"MAX(\"LoginTime\") last FROM \"LoginHistory\" WHERE \"LoginType\" = "
                    u"'Application' AND \"Status\" = 'Success' GROUP BY \"UserId\") h ON "
                    u"h.\"UserId\" = u.\"Id\" WHERE (u.\"LastLoginDate\" >= ? AND (h.last IS NULL "
                    u"OR h.last <> u.\"LastLoginDate\")) OR ((u.\"LastLoginDate\" IS NULL OR "
                    u"u.\"LastLoginDate\" < ?) AND h.last IS NOT NULL)"_s,
                    {windowStart, windowStart}),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"LoginTime\" < ? OR "
                    u"\"LoginTime\" > ?"_s,
                    {windowStart, ago(0)}),
             0);
    // Nobody logs in before their account exists, nor after deactivation.
    QCOMPARE(
        scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" h JOIN \"User\" u ON u.\"Id\" = "
               u"h.\"UserId\" WHERE h.\"LoginTime\" < u.\"CreatedDate\" OR (u.\"IsActive\" = 0 "
               u"AND h.\"Status\" = 'Success' AND h.\"LoginTime\" > u.\"LastModifiedDate\")"_s),
        0);
}

void TestOrgGenerator::apiUsersWithStaleInteractiveLogin()
{
    const qint64 dataLoaders =
        scalar(u"SELECT COUNT(DISTINCT u.\"Id\") FROM \"User\" u JOIN \"LoginHistory\" h ON "
               u"h.\"UserId\" = u.\"Id\" WHERE u.\"LastLoginDate\" < ? AND h.\"LoginTime\" > ? AND "
               u"h.\"LoginType\" = 'Remote Access 2.0' AND h.\"Application\" = 'Data Loader'"_s,
               {ago(60), ago(30)});
    qInfo("Data Loader users with a stale interactive login and recent API use: %lld", dataLoaders);
    QVERIFY(dataLoaders > 0);
}

void TestOrgGenerator::loginHistoryVolumeAndFailures()
{
    const qint64 rows = scalar(u"SELECT COUNT(*) FROM \"LoginHistory\""_s);
    QCOMPARE(rows, m_org.loginHistoryCount);
    const double perUser = double(rows) / kUsers;
    qInfo("LoginHistory: %lld rows, %.1f per user", rows, perUser);
    QVERIFY(perUser >= 8.0 && perUser <= 15.0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"Status\" = 'Invalid Password'"_s)
            > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"Status\" = 'Password Lockout'"_s)
            > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"LoginType\" = 'Application' "
                    u"AND (\"LoginUrl\" IS NULL OR \"Browser\" IS NULL OR \"SourceIp\" IS NULL)"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"LoginType\" = "
                    u"'Remote Access 2.0' AND (\"Application\" IS NULL OR \"ApiType\" IS NULL OR "
                    u"\"ApiVersion\" IS NULL)"_s),
             0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"LoginHistory\" WHERE \"LoginSubType\" = "
                   u"'OAuth Refresh Token'"_s)
            > 0);
}

void TestOrgGenerator::oauthTokensBelongToApiUsers()
{
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"OauthToken\""_s) > 0);
    QCOMPARE(
        scalar(u"SELECT COUNT(*) FROM \"OauthToken\" t LEFT JOIN \"User\" u ON u.\"Id\" = "
               u"t.\"UserId\" WHERE u.\"Id\" IS NULL OR t.\"CreatedDate\" > t.\"LastUsedDate\""_s),
        0);
    // Recently used tokens and tokens nobody has used for months.
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"OauthToken\" WHERE \"LastUsedDate\" > ?"_s, {ago(7)})
            > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"OauthToken\" WHERE \"LastUsedDate\" < ?"_s, {ago(180)})
            > 0);
}

void TestOrgGenerator::queuesAndGroups()
{
    const qint64 queues = scalar(u"SELECT COUNT(*) FROM \"Group\" WHERE \"Type\" = 'Queue'"_s);
    QVERIFY(queues > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"Group\" WHERE \"Type\" = 'Regular'"_s) > 0);
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT \"QueueId\") FROM \"QueueSobject\""_s), queues);
    const QString singleMember =
        u"SELECT m.\"UserOrGroupId\" FROM \"GroupMember\" m JOIN \"Group\" g ON g.\"Id\" = "
        u"m.\"GroupId\" WHERE g.\"Type\" = 'Queue' GROUP BY m.\"GroupId\" HAVING COUNT(*) = 1"_s;
    const qint64 activeSingle = scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 1 AND "
                                       u"\"LastLoginDate\" > ? AND \"Id\" IN ("_s
                                           + singleMember + u')',
                                       {ago(30)});
    const qint64 staleSingle = scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"IsActive\" = 1 AND "
                                      u"(\"LastLoginDate\" IS NULL OR \"LastLoginDate\" < ?) AND "
                                      u"\"Id\" IN ("_s
                                          + singleMember + u')',
                                      {ago(180)});
    qInfo("%lld queues; single members: %lld active, %lld idle for over 180 days",
          queues,
          activeSingle,
          staleSingle);
    QVERIFY(activeSingle > 0);
    QVERIFY(staleSingle > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"GroupMember\" WHERE \"UserOrGroupId\" LIKE '00G%'"_s)
            > 0);
}

void TestOrgGenerator::scheduledJobOwners()
{
    const qint64 jobs = scalar(u"SELECT COUNT(*) FROM \"CronTrigger\""_s);
    QVERIFY(jobs > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"CronJobDetail\""_s), jobs);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"CronTrigger\" WHERE \"State\" <> 'WAITING' OR "
                    u"\"NextFireTime\" <= ? OR \"CronExpression\" IS NULL"_s,
                    {ago(0)}),
             0);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"OwnerId\") FROM \"CronTrigger\""_s) > 1);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"CronTrigger\" t JOIN \"User\" u ON u.\"Id\" = "
                   u"t.\"OwnerId\" WHERE u.\"IsActive\" = 1 AND (u.\"LastLoginDate\" IS NULL OR "
                   u"u.\"LastLoginDate\" < ?)"_s,
                   {ago(180)})
            > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"CronTrigger\" t JOIN \"User\" u ON u.\"Id\" = "
                   u"t.\"OwnerId\" WHERE u.\"IsActive\" = 0"_s)
            > 0);
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT \"JobType\") FROM \"CronJobDetail\""_s), 8);
}

void TestOrgGenerator::dashboardRunningUsers()
{
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"Dashboard\" WHERE \"Type\" = 'SpecifiedUser' AND "
                   u"\"RunningUserId\" IS NOT NULL"_s)
            > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"Dashboard\" d JOIN \"User\" u ON u.\"Id\" = "
                   u"d.\"RunningUserId\" WHERE u.\"LastLoginDate\" IS NULL OR "
                   u"u.\"LastLoginDate\" < ?"_s,
                   {ago(180)})
            > 0);
}

void TestOrgGenerator::managersAndDelegates()
{
    const qint64 inactiveManager = scalar(
        u"SELECT COUNT(*) FROM \"User\" u JOIN \"User\" m ON m.\"Id\" = u.\"ManagerId\" WHERE "
        u"m.\"IsActive\" = 0"_s);
    const qint64 noManager = scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"ManagerId\" IS NULL "
                                    u"AND \"UserType\" = 'Standard'"_s);
    qInfo("reports of inactive managers: %lld; internal users without manager: %lld",
          inactiveManager,
          noManager);
    QVERIFY(inactiveManager > 0);
    QVERIFY(noManager > 0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"DelegatedApproverId\" IS NOT NULL"_s)
            > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"ManagerId\" = \"Id\" OR "
                    u"\"DelegatedApproverId\" = \"Id\""_s),
             0);
    QVERIFY(scalar(u"SELECT COUNT(DISTINCT \"ManagerId\") FROM \"User\""_s) > 50);
}

void TestOrgGenerator::frozenAndLockedUsers()
{
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT \"UserId\") FROM \"UserLogin\""_s), kUsers);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"UserLogin\""_s), kUsers);
    const qint64 frozen = scalar(u"SELECT COUNT(*) FROM \"UserLogin\" WHERE \"IsFrozen\" = 1"_s);
    const qint64 frozenStale = scalar(
        u"SELECT COUNT(*) FROM \"UserLogin\" l JOIN \"User\" u ON u.\"Id\" = l.\"UserId\" WHERE "
        u"l.\"IsFrozen\" = 1 AND (u.\"LastLoginDate\" IS NULL OR u.\"LastLoginDate\" < ?)"_s,
        {ago(90)});
    qInfo("frozen: %lld (%lld idle for over 90 days)", frozen, frozenStale);
    QVERIFY(frozen > 0);
    QVERIFY(frozenStale * 2 > frozen);
    QVERIFY(frozen < kUsers / 10);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"UserLogin\" WHERE \"IsPasswordLocked\" = 1"_s) > 0);
}

void TestOrgGenerator::openRecordsOwnedByStaleUsers_data()
{
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("openCondition");
    QTest::newRow("Opportunity") << u"Opportunity"_s << u"r.\"IsClosed\" = 0"_s;
    QTest::newRow("Case") << u"Case"_s << u"r.\"IsClosed\" = 0"_s;
    QTest::newRow("Lead") << u"Lead"_s << u"r.\"IsConverted\" = 0"_s;
}

void TestOrgGenerator::openRecordsOwnedByStaleUsers()
{
    QFETCH(QString, object);
    QFETCH(QString, openCondition);
    const QString table = OrgDatabase::quote(object);
    const qint64 open = scalar(u"SELECT COUNT(*) FROM %1 r WHERE %2"_s.arg(table, openCondition));
    const qint64 staleOwned = scalar(
        u"SELECT COUNT(*) FROM %1 r JOIN \"User\" u ON u.\"Id\" = r.\"OwnerId\" WHERE %2 AND "
        u"(u.\"LastLoginDate\" IS NULL OR u.\"LastLoginDate\" < ?)"_s.arg(table, openCondition),
        {ago(90)});
    const qint64 all = scalar(u"SELECT COUNT(*) FROM %1"_s.arg(table));
    qInfo("%s: %lld rows, %lld open, %lld open with an owner idle for over 90 days",
          qPrintable(object),
          all,
          open,
          staleOwned);
    QVERIFY(staleOwned > 0);
    QVERIFY(open < all);
}

void TestOrgGenerator::noDuplicateGrantsOrMemberships()
{
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM (SELECT 1 FROM \"GroupMember\" GROUP BY \"GroupId\", "
                    u"\"UserOrGroupId\" HAVING COUNT(*) > 1)"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM (SELECT 1 FROM \"PermissionSetAssignment\" GROUP BY "
                    u"\"AssigneeId\", \"PermissionSetId\" HAVING COUNT(*) > 1)"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) - COUNT(DISTINCT \"DeveloperName\") FROM \"Group\""_s), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Group\" WHERE \"DeveloperName\" LIKE '%\\_2' "
                    u"ESCAPE '\\'"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) - COUNT(DISTINCT \"DeveloperName\") FROM \"Dashboard\""_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) - COUNT(DISTINCT \"Name\") FROM \"CronJobDetail\""_s), 0);
    // Deals of people who work in the org every day are not left months overdue.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Opportunity\" o JOIN \"User\" u ON u.\"Id\" = "
                    u"o.\"OwnerId\" WHERE o.\"IsClosed\" = 0 AND u.\"LastLoginDate\" > ? AND "
                    u"o.\"CloseDate\" < ?"_s,
                    {ago(7), TimestampText::date(m_anchor - 7 * kDay)}),
             0);
}

void TestOrgGenerator::pendingApprovals()
{
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"ProcessInstanceWorkitem\""_s) > 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"ProcessInstanceWorkitem\" w LEFT JOIN \"User\" u ON "
                    u"u.\"Id\" = w.\"ActorId\" WHERE u.\"Id\" IS NULL"_s),
             0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"ProcessInstanceWorkitem\" WHERE \"ActorId\" <> "
                   u"\"OriginalActorId\""_s)
            > 0);
}

void TestOrgGenerator::licenseSeatsMatchActiveUsers()
{
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"UserLicense\""_s), 8);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"UserLicense\" l WHERE l.\"UsedLicenses\" <> (SELECT "
                    u"COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" "
                    u"WHERE p.\"UserLicenseId\" = l.\"Id\" AND u.\"IsActive\" = 1)"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"UserLicense\" WHERE \"TotalLicenses\" < "
                    u"\"UsedLicenses\" OR \"Status\" <> 'Active'"_s),
             0);
    QVERIFY(scalar(u"SELECT COUNT(*) FROM \"UserLicense\" WHERE \"TotalLicenses\" - "
                   u"\"UsedLicenses\" >= \"UsedLicenses\" / 5 AND \"UsedLicenses\" > 0"_s)
            >= 2);
    const QStringList keys = {u"SFDC"_s,
                              u"AUL"_s,
                              u"PID_Chatter"_s,
                              u"PID_Customer_Community_Login"_s,
                              u"PID_Partner_Community"_s,
                              u"PID_IDENTITY"_s};
    for (const QString &key : keys) {
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"UserLicense\" WHERE \"LicenseDefinitionKey\" = ? "
                        u"AND \"UsedLicenses\" > 0"_s,
                        {key}),
                 1);
    }
}

void TestOrgGenerator::profilesOwnTheirPermissionSets()
{
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Profile\" p WHERE (SELECT COUNT(*) FROM "
                    u"\"PermissionSet\" ps WHERE ps.\"ProfileId\" = p.\"Id\" AND "
                    u"ps.\"IsOwnedByProfile\" = 1) <> 1"_s),
             0);
    // Every user holds exactly one assignment of their profile's own permission set.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" u WHERE (SELECT COUNT(*) FROM "
                    u"\"PermissionSetAssignment\" a JOIN \"PermissionSet\" ps ON ps.\"Id\" = "
                    u"a.\"PermissionSetId\" WHERE a.\"AssigneeId\" = u.\"Id\" AND "
                    u"ps.\"IsOwnedByProfile\" = 1 AND ps.\"ProfileId\" = u.\"ProfileId\") <> 1"_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"PermissionSetAssignment\" a JOIN \"PermissionSet\" ps "
                    u"ON ps.\"Id\" = a.\"PermissionSetId\" JOIN \"User\" u ON u.\"Id\" = "
                    u"a.\"AssigneeId\" WHERE ps.\"IsOwnedByProfile\" = 1 AND ps.\"ProfileId\" <> "
                    u"u.\"ProfileId\""_s),
             0);
    // Profile and its permission set carry the same flags.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Profile\" p JOIN \"PermissionSet\" ps ON "
                    u"ps.\"ProfileId\" = p.\"Id\" WHERE p.\"PermissionsApiEnabled\" <> "
                    u"ps.\"PermissionsApiEnabled\" OR p.\"PermissionsModifyAllData\" <> "
                    u"ps.\"PermissionsModifyAllData\" OR p.\"PermissionsApiUserOnly\" <> "
                    u"ps.\"PermissionsApiUserOnly\" OR p.\"PermissionsViewSetup\" <> "
                    u"ps.\"PermissionsViewSetup\""_s),
             0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"Profile\" WHERE \"Name\" = 'System Administrator' AND "
                    u"\"PermissionsApiEnabled\" = 1 AND \"PermissionsModifyAllData\" = 1 AND "
                    u"\"PermissionsViewAllData\" = 1 AND \"PermissionsCustomizeApplication\" = 1 "
                    u"AND \"PermissionsViewSetup\" = 1 AND \"PermissionsManageUsers\" = 1 AND "
                    u"\"PermissionsFreezeUsers\" = 1 AND \"PermissionsMonitorLoginHistory\" = 1"_s),
             1);
    const QList<std::pair<QString, QString>> userTypes = {
        {u"Chatter Free User"_s, u"CsnOnly"_s},
        {u"Partner Community User"_s, u"PowerPartner"_s},
        {u"Customer Community Login User"_s, u"CspLitePortal"_s},
        {u"Minimum Access - API Only Integrations"_s, u"Standard"_s},
        {u"Identity User"_s, u"Standard"_s},
    };
    for (const auto &[profile, userType] : userTypes) {
        QCOMPARE(
            scalar(u"SELECT COUNT(*) FROM \"Profile\" WHERE \"Name\" = ? AND \"UserType\" = ?"_s,
                   {profile, userType}),
            1);
    }
}

void TestOrgGenerator::objectPermissionsPerProfile()
{
    const auto access = [this](const QString &profile, const QString &condition) {
        return scalar(
            u"SELECT COUNT(*) FROM \"ObjectPermissions\" o JOIN \"PermissionSet\" ps ON "
            u"ps.\"Id\" = o.\"ParentId\" JOIN \"Profile\" p ON p.\"Id\" = ps.\"ProfileId\" "
            u"WHERE p.\"Name\" = ? AND o.\"SobjectType\" IN ('Opportunity', 'Case', "
            u"'Lead') AND "_s
                + condition,
            {profile});
    };
    QCOMPARE(access(u"System Administrator"_s, u"o.\"PermissionsModifyAllRecords\" = 1"_s), 3);
    QCOMPARE(access(u"Standard User"_s,
                    u"o.\"PermissionsRead\" = 1 AND o.\"PermissionsCreate\" = 1 AND "
                    u"o.\"PermissionsEdit\" = 1 AND o.\"PermissionsDelete\" = 1 AND "
                    u"o.\"PermissionsViewAllRecords\" = 0"_s),
             3);
    QCOMPARE(access(u"Read Only"_s,
                    u"o.\"PermissionsRead\" = 1 AND o.\"PermissionsCreate\" = 0 AND "
                    u"o.\"PermissionsEdit\" = 0 AND o.\"PermissionsViewAllRecords\" = 0"_s),
             3);
    QCOMPARE(access(u"Chatter Free User"_s, u"1 = 1"_s), 0);
    QCOMPARE(access(u"Identity User"_s, u"1 = 1"_s), 0);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"ObjectPermissions\" o JOIN \"PermissionSet\" ps ON "
                    u"ps.\"Id\" = o.\"ParentId\" WHERE ps.\"Label\" = 'Sales Operations' AND "
                    u"o.\"PermissionsViewAllRecords\" = 1"_s),
             3);
}

void TestOrgGenerator::principalsHaveTheirAccess()
{
    QCOMPARE(m_org.principals.size(), 3);
    const QStringList roles = {u"admin"_s, u"analyst"_s, u"viewer"_s};
    const QStringList profiles = {u"System Administrator"_s, u"Standard User"_s, u"Read Only"_s};
    for (int i = 0; i < 3; ++i) {
        const DemoPrincipal &principal = m_org.principals.at(i);
        QCOMPARE(principal.role, roles.at(i));
        QCOMPARE(principal.username, roles.at(i) + u"@acme.example"_s);
        QCOMPARE(m_database->meta(u"principal."_s + principal.role), principal.userId);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p ON p.\"Id\" = "
                        u"u.\"ProfileId\" WHERE u.\"Id\" = ? AND u.\"Username\" = ? AND "
                        u"p.\"Name\" = ? AND u.\"IsActive\" = 1 AND u.\"LastLoginDate\" > ?"_s,
                        {principal.userId, principal.username, profiles.at(i), ago(2)}),
                 1);
        QCOMPARE(scalar(u"SELECT \"IsFrozen\" FROM \"UserLogin\" WHERE \"UserId\" = ?"_s,
                        {principal.userId}),
                 0);
    }
    // Any grant (profile or permission set) of a system permission, for one user.
    const auto granted = [this](const QString &userId, const QString &permission) {
        return scalar(u"SELECT COUNT(*) FROM \"PermissionSetAssignment\" a JOIN \"PermissionSet\" "
                      u"ps ON ps.\"Id\" = a.\"PermissionSetId\" WHERE a.\"AssigneeId\" = ? AND "
                      u"ps.\"%1\" = 1"_s.arg(permission),
                      {userId});
    };
    const QString analyst = m_org.principals.at(1).userId;
    const QString viewer = m_org.principals.at(2).userId;
    QVERIFY(granted(analyst, u"PermissionsApiEnabled"_s) > 0);
    for (const QString &missing : {u"PermissionsViewSetup"_s,
                                   u"PermissionsManageUsers"_s,
                                   u"PermissionsMonitorLoginHistory"_s,
                                   u"PermissionsModifyAllData"_s,
                                   u"PermissionsViewAllData"_s,
                                   u"PermissionsApiUserOnly"_s}) {
        QCOMPARE(granted(analyst, missing), 0);
        QCOMPARE(granted(viewer, missing), 0);
    }
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT o.\"SobjectType\") FROM \"PermissionSetAssignment\" a "
                    u"JOIN \"ObjectPermissions\" o ON o.\"ParentId\" = a.\"PermissionSetId\" WHERE "
                    u"a.\"AssigneeId\" = ? AND o.\"PermissionsViewAllRecords\" = 1"_s,
                    {analyst}),
             3);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"PermissionSetAssignment\" WHERE \"AssigneeId\" = ?"_s,
                    {viewer}),
             1);
    QCOMPARE(granted(viewer, u"PermissionsApiEnabled"_s), 1);
    QCOMPARE(
        scalar(u"SELECT COUNT(*) FROM \"PermissionSetAssignment\" a JOIN \"ObjectPermissions\" "
               u"o ON o.\"ParentId\" = a.\"PermissionSetId\" WHERE a.\"AssigneeId\" = ? AND "
               u"(o.\"PermissionsViewAllRecords\" = 1 OR o.\"PermissionsEdit\" = 1)"_s,
               {viewer}),
        0);
    // None of them looks like a service account.
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\" WHERE \"Id\" IN (?, ?, ?) AND (\"Username\" "
                    u"LIKE '%integration%' OR \"Username\" LIKE 'api-%' OR \"Username\" LIKE "
                    u"'svc-%')"_s,
                    {m_org.principals.at(0).userId, analyst, viewer}),
             0);
    for (const QString &key :
         {u"organizationId"_s, u"seed"_s, u"userCount"_s, u"anchor"_s, u"generated"_s}) {
        QVERIFY2(!m_database->meta(key).isEmpty(), qPrintable(key));
    }
    QCOMPARE(m_database->meta(u"anchor"_s), FieldValueCodec::formatDateTime(anchorTime()));
}

void TestOrgGenerator::textFitsTheSchema()
{
    for (const SObjectType &type : m_schema.objects()) {
        for (const SObjectField &field : type.fields()) {
            if (!isTextType(field.type) || field.length <= 0) {
                continue;
            }
            const qint64 longest = scalar(u"SELECT COALESCE(MAX(length(%1)), 0) FROM %2"_s.arg(
                OrgDatabase::quote(field.name), OrgDatabase::quote(type.tableName())));
            QVERIFY2(longest <= field.length,
                     qPrintable(u"%1.%2: %3 > %4"_s.arg(type.name(), field.name)
                                    .arg(longest)
                                    .arg(field.length)));
            if (!field.picklistValues.isEmpty()) {
                QSqlQuery query(m_database->connection());
                QVERIFY(query.exec(u"SELECT DISTINCT %1 FROM %2 WHERE %1 IS NOT NULL"_s.arg(
                    OrgDatabase::quote(field.name), OrgDatabase::quote(type.tableName()))));
                while (query.next()) {
                    QVERIFY2(field.picklistValues.contains(query.value(0).toString()),
                             qPrintable(type.name() + u'.' + field.name + u": "_s
                                        + query.value(0).toString()));
                }
            }
        }
    }
}

void TestOrgGenerator::referencesResolve()
{
    for (const SObjectType &type : m_schema.objects()) {
        for (const SObjectField &field : type.fields()) {
            if (!field.isReference() || field.referenceTo.isEmpty()) {
                continue;
            }
            const SObjectType *target = m_schema.object(field.referenceTo);
            QVERIFY(target);
            // GroupMember.UserOrGroupId may also name a group.
            const qint64 dangling = scalar(
                u"SELECT COUNT(*) FROM %1 r WHERE r.%2 IS NOT NULL AND r.%2 NOT LIKE '00G%' AND "
                u"NOT EXISTS (SELECT 1 FROM %3 t WHERE t.\"Id\" = r.%2)"_s.arg(
                    OrgDatabase::quote(type.tableName()),
                    OrgDatabase::quote(field.name),
                    OrgDatabase::quote(target->tableName())));
            QVERIFY2(dangling == 0, qPrintable(type.name() + u'.' + field.name));
        }
    }
}

void TestOrgGenerator::idsAreWellFormed()
{
    for (const SObjectType &type : m_schema.objects()) {
        QSqlQuery query(m_database->connection());
        QVERIFY(query.exec(u"SELECT \"Id\" FROM %1"_s.arg(OrgDatabase::quote(type.tableName()))));
        while (query.next()) {
            const QString id = query.value(0).toString();
            QVERIFY2(id.size() == 18 && SalesforceId::isValid(id)
                         && id.startsWith(type.keyPrefix()),
                     qPrintable(type.name() + u": "_s + id));
        }
    }
}

void TestOrgGenerator::indexesAreRestored()
{
    const auto indexes = [](const OrgDatabase &database) {
        QSqlQuery query(database.connection());
        query.exec(u"SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"_s);
        QStringList list;
        while (query.next()) {
            list.append(query.value(0).toString() + u' ' + query.value(1).toString());
        }
        return list;
    };
    auto fresh = openMemory();
    QVERIFY(fresh);
    const QStringList expected = indexes(*fresh);
    fresh->releaseConnection();
    QVERIFY(expected.size() > 10);
    QCOMPARE(indexes(*m_database), expected);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM sqlite_temp_master"_s), 0);
}

void TestOrgGenerator::sameSeedGivesIdenticalRows()
{
    const QStringList tables = {u"User"_s,
                                u"LoginHistory"_s,
                                u"PermissionSetAssignment"_s,
                                u"GroupMember"_s,
                                u"CronTrigger"_s,
                                u"Opportunity"_s,
                                u"UserLicense"_s};
    QList<QByteArray> digests;
    for (quint64 seed : {7ULL, 7ULL, 8ULL}) {
        auto database = openMemory();
        QVERIFY(database);
        GeneratorOptions options;
        options.userCount = 1200;
        options.seed = seed;
        options.now = anchorTime();
        QElapsedTimer timer;
        timer.start();
        auto org = OrgGenerator::generate(*database, m_schema, options);
        QVERIFY(org);
        qInfo("1,200 users in %lld ms", timer.elapsed());
        digests.append(dump(*database, tables));
        database->releaseConnection();
    }
    QCOMPARE(digests.at(0), digests.at(1));
    QVERIFY(digests.at(0) != digests.at(2));
}

void TestOrgGenerator::loadReturnsWhatGenerateDid()
{
    auto loaded = OrgGenerator::load(*m_database);
    QVERIFY(loaded);
    QCOMPARE(loaded->organizationId, m_org.organizationId);
    QCOMPARE(loaded->userCount, m_org.userCount);
    QCOMPARE(loaded->loginHistoryCount, m_org.loginHistoryCount);
    QCOMPARE(loaded->principals.size(), m_org.principals.size());
    for (qsizetype i = 0; i < m_org.principals.size(); ++i) {
        QCOMPARE(loaded->principals.at(i).role, m_org.principals.at(i).role);
        QCOMPARE(loaded->principals.at(i).userId, m_org.principals.at(i).userId);
        QCOMPARE(loaded->principals.at(i).username, m_org.principals.at(i).username);
    }
    auto empty = openMemory();
    QVERIFY(empty);
    auto none = OrgGenerator::load(*empty);
    QVERIFY(!none);
    QCOMPARE(none.error().code, u"DEMO_ORG_NOT_GENERATED"_s);
    empty->releaseConnection();
}

void TestOrgGenerator::refusesToGenerateTwice()
{
    GeneratorOptions options;
    options.userCount = 10;
    options.now = anchorTime();
    auto again = OrgGenerator::generate(*m_database, m_schema, options);
    QVERIFY(!again);
    QCOMPARE(again.error().kind, lr::Error::Kind::Usage);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM \"User\""_s), kUsers);
}

void TestOrgGenerator::tinyAndSandboxOrgs()
{
    for (int count : {2, 3, 40}) {
        auto database = openMemory();
        QVERIFY(database);
        GeneratorOptions options;
        options.userCount = count;
        options.now = anchorTime();
        options.sandbox = count == 40;
        options.orgName = u"Globex"_s;
        auto org = OrgGenerator::generate(*database, m_schema, options);
        if (count < 3) {
            QVERIFY(!org);
            QCOMPARE(org.error().kind, lr::Error::Kind::Usage);
        } else {
            QVERIFY2(org, org ? "" : qPrintable(org.error().toString()));
            QCOMPARE(org->userCount, count);
            QCOMPARE(org->principals.at(0).username,
                     options.sandbox ? u"admin@globex.example.uat"_s : u"admin@globex.example"_s);
            QSqlQuery query(database->connection());
            QVERIFY(query.exec(u"SELECT COUNT(*), SUM(\"Email\" LIKE '%.invalid'), "
                               u"(SELECT \"IsSandbox\" FROM \"Organization\") FROM \"User\""_s));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), count);
            QCOMPARE(query.value(1).toInt(), options.sandbox ? count : 0);
            QCOMPARE(query.value(2).toInt(), options.sandbox ? 1 : 0);
        }
        database->releaseConnection();
    }
}

// Not a unit test: set LR_GENERATOR_TIMING_USERS (e.g. 100000) to time a large org, best in
// a RelWithDebInfo build.
void TestOrgGenerator::largeOrgTiming()
{
    const int users = qEnvironmentVariableIntValue("LR_GENERATOR_TIMING_USERS");
    if (users <= 0) {
        QSKIP("set LR_GENERATOR_TIMING_USERS to time a large org");
    }
    // LR_GENERATOR_OUTPUT names a new database file to keep the org for inspection.
    const QString path = qEnvironmentVariable("LR_GENERATOR_OUTPUT");
    std::optional<OrgDatabase> database;
    if (path.isEmpty()) {
        database = openMemory();
    } else if (auto opened = OrgDatabase::open(path, m_schema)) {
        database = std::move(opened).value();
    }
    QVERIFY(database);
    GeneratorOptions options;
    options.userCount = users;
    options.now = anchorTime();
    QElapsedTimer timer;
    timer.start();
    auto org = OrgGenerator::generate(*database, m_schema, options);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(org);
    qInfo("%d users: %lld ms", users, elapsed);
    QSqlQuery query(database->connection());
    for (const QString &table : m_schema.objectNames()) {
        query.exec(u"SELECT COUNT(*) FROM %1"_s.arg(OrgDatabase::quote(table)));
        query.next();
        qInfo("%-26s %9lld rows", qPrintable(table), query.value(0).toLongLong());
    }
    database->releaseConnection();
}

QTEST_GUILESS_MAIN(TestOrgGenerator)
#include "tst_orggenerator.moc"
