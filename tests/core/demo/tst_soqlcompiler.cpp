#include "core/demo/schema/orgschema.h"
#include "core/demo/soql/soqlcompiler.h"
#include "core/demo/soql/soqlrecordwriter.h"
#include "core/demo/store/orgdatabase.h"
#include "core/demo/store/salesforceid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace lr::demo;

namespace {

// The demo clock for every test: 2026-03-15T12:00:00Z.
const QDateTime kNow(QDate(2026, 3, 15), QTime(12, 0), QTimeZone::utc());

const QString kLicenseSalesforce = SalesforceId::make(u"100", 1);
const QString kLicensePlatform = SalesforceId::make(u"100", 2);
const QString kProfileAdmin = SalesforceId::make(u"00e", 1);
const QString kProfileStandard = SalesforceId::make(u"00e", 2);
const QString kProfilePlatform = SalesforceId::make(u"00e", 3);
const QString kProfileMissing = SalesforceId::make(u"00e", 99);
const QString kAlice = SalesforceId::make(u"005", 1);
const QString kBob = SalesforceId::make(u"005", 2);
const QString kCarol = SalesforceId::make(u"005", 3);
const QString kDave = SalesforceId::make(u"005", 4);
const QString kPermissionSet = SalesforceId::make(u"0PS", 1);
const QString kProfilePermissionSet = SalesforceId::make(u"0PS", 2);
const QString kQueue = SalesforceId::make(u"00G", 1);
const QString kRegularGroup = SalesforceId::make(u"00G", 2);

// Carol's title exercises every kind of character the JSON writer must escape.
const QString kAwkwardTitle = u"Quote \"q\" back\\slash\nline\ttab \x01 caf\u00e9 \U0001F600"_s;

QString names(const QJsonArray &records, const QString &key)
{
    QStringList values;
    for (const QJsonValue &record : records) {
        values.append(record.toObject().value(key).toVariant().toString());
    }
    return values.join(u',');
}

} // namespace

class TestSoqlCompiler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void writesNestedParentsInSelectOrder();
    void writesMissingParentsAsNull();
    void writesCanonicalNames();
    void reusesOneJoinPerPathPrefix();
    void bindsEveryLiteral();
    void filters_data();
    void filters();
    void writesTypedValues();
    void escapesStrings();
    void groupsWithAliasedAggregate();
    void keysUnaliasedAggregatesInOrder();
    void keysGroupedPathsByFieldName();
    void sumsAndAveragesAsNumbers();
    void filtersGroupsWithHaving_data();
    void filtersGroupsWithHaving();
    void groupsTextCaseInsensitively();
    void countsWithCountAll();
    void aggregatesAnEmptySet();
    void ordersRows_data();
    void ordersRows();
    void pagesWithLimitAndOffset();
    void capsOffset();
    void appliesRowFilterToFromObject();
    void appliesRowFilterToSemiJoinObject();
    void rejectsUnreadableObjects_data();
    void rejectsUnreadableObjects();
    void rejectsInvalidStatements_data();
    void rejectsInvalidStatements();

private:
    void insert(const QString &table, const QVariantMap &values);
    [[nodiscard]] SoqlContext context() const;
    [[nodiscard]] lr::Result<CompiledSoql> compile(const QString &soql) const;
    // Runs a compiled statement as the REST server does (paging with LIMIT/OFFSET) and returns
    // the records the writer produced, parsed back; `raw` receives the JSON text.
    [[nodiscard]] QJsonArray run(const CompiledSoql &compiled, QByteArray *raw = nullptr) const;
    [[nodiscard]] QJsonArray query(const QString &soql, QByteArray *raw = nullptr) const;
    [[nodiscard]] qint64 count(const CompiledSoql &compiled) const;

    OrgSchema m_schema = OrgSchema::standard();
    OrgDatabase m_database;
};

void TestSoqlCompiler::insert(const QString &table, const QVariantMap &values)
{
    QStringList columns;
    QStringList placeholders;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        columns.append(OrgDatabase::quote(it.key()));
        placeholders.append(u"?"_s);
    }
    QSqlQuery query(m_database.connection());
    QVERIFY(query.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
        OrgDatabase::quote(table), columns.join(u", "_s), placeholders.join(u", "_s))));
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
}

void TestSoqlCompiler::initTestCase()
{
    auto database = OrgDatabase::open(QString(), m_schema);
    QVERIFY2(database, qPrintable(database ? QString() : database.error().message));
    m_database = database.value();
    const QVariant null;

    insert(u"UserLicense"_s, {{u"Id"_s, kLicenseSalesforce}, {u"Name"_s, u"Salesforce"_s}});
    insert(u"UserLicense"_s, {{u"Id"_s, kLicensePlatform}, {u"Name"_s, u"Salesforce Platform"_s}});
    insert(u"Profile"_s,
           {{u"Id"_s, kProfileAdmin},
            {u"Name"_s, u"System Administrator"_s},
            {u"UserLicenseId"_s, kLicenseSalesforce}});
    insert(u"Profile"_s,
           {{u"Id"_s, kProfileStandard},
            {u"Name"_s, u"Standard User"_s},
            {u"UserLicenseId"_s, kLicenseSalesforce}});
    insert(u"Profile"_s,
           {{u"Id"_s, kProfilePlatform}, {u"Name"_s, u"Platform"_s}, {u"UserLicenseId"_s, null}});

    auto user = [&](const QString &id,
                    const QString &name,
                    const QString &username,
                    bool active,
                    const QVariant &department,
                    const QString &title,
                    const QVariant &lastLogin,
                    const QString &profile,
                    const QVariant &manager) {
        insert(u"User"_s,
               {{u"Id"_s, id},
                {u"Name"_s, name},
                {u"Username"_s, username},
                {u"IsActive"_s, active ? 1 : 0},
                {u"UserType"_s, u"Standard"_s},
                {u"Department"_s, department},
                {u"Title"_s, title},
                {u"LastLoginDate"_s, lastLogin},
                {u"CreatedDate"_s, u"2025-01-01T00:00:00.000+0000"_s},
                {u"ProfileId"_s, profile},
                {u"ManagerId"_s, manager}});
    };
    user(kAlice,
         u"Alice Admin"_s,
         u"alice@acme.test"_s,
         true,
         u"Sales"_s,
         u"Director"_s,
         u"2026-03-15T09:00:00.000+0000"_s,
         kProfileAdmin,
         null);
    user(kBob,
         u"Bob Builder"_s,
         u"Bob@acme.test"_s,
         true,
         u"sales"_s,
         u"100 percent"_s,
         u"2025-11-01T10:00:00.000+0000"_s,
         kProfileStandard,
         kAlice);
    user(kCarol,
         u"Carol Contractor"_s,
         u"carol@acme.test"_s,
         false,
         null,
         kAwkwardTitle,
         null,
         kProfilePlatform,
         kBob);
    user(kDave,
         u"Dave Dangling"_s,
         u"dave@acme.test"_s,
         true,
         u"Ops"_s,
         u"100% remote"_s,
         u"2026-03-14T23:30:00.000+0000"_s,
         kProfileMissing,
         null);

    insert(u"PermissionSet"_s,
           {{u"Id"_s, kPermissionSet}, {u"Name"_s, u"Admin_PS"_s}, {u"IsOwnedByProfile"_s, 0}});
    insert(u"PermissionSet"_s,
           {{u"Id"_s, kProfilePermissionSet},
            {u"Name"_s, u"X00e_Standard"_s},
            {u"IsOwnedByProfile"_s, 1}});
    int serial = 0;
    for (const auto &[assignee, set] : {std::pair{kAlice, kPermissionSet},
                                        std::pair{kBob, kProfilePermissionSet},
                                        std::pair{kCarol, kPermissionSet}}) {
        insert(u"PermissionSetAssignment"_s,
               {{u"Id"_s, SalesforceId::make(u"0Pa", ++serial)},
                {u"AssigneeId"_s, assignee},
                {u"PermissionSetId"_s, set}});
    }
    serial = 0;
    for (const auto &[userId, time, status] :
         {std::tuple{kAlice, u"2026-03-15T09:00:00.000+0000"_s, u"Success"_s},
          std::tuple{kAlice, u"2026-03-10T09:00:00.000+0000"_s, u"Success"_s},
          std::tuple{kAlice, u"2026-03-12T09:00:00.000+0000"_s, u"Failed"_s},
          std::tuple{kBob, u"2025-11-01T10:00:00.000+0000"_s, u"Success"_s}}) {
        insert(u"LoginHistory"_s,
               {{u"Id"_s, SalesforceId::make(u"0Ya", ++serial)},
                {u"UserId"_s, userId},
                {u"LoginTime"_s, time},
                {u"Status"_s, status},
                {u"LoginType"_s, u"Application"_s}});
    }
    insert(u"Group"_s,
           {{u"Id"_s, kQueue}, {u"Name"_s, u"Support Queue"_s}, {u"Type"_s, u"Queue"_s}});
    insert(u"Group"_s,
           {{u"Id"_s, kRegularGroup}, {u"Name"_s, u"All Sales"_s}, {u"Type"_s, u"Regular"_s}});
    insert(u"GroupMember"_s,
           {{u"Id"_s, SalesforceId::make(u"011", 1)},
            {u"GroupId"_s, kQueue},
            {u"UserOrGroupId"_s, kAlice}});
    insert(u"GroupMember"_s,
           {{u"Id"_s, SalesforceId::make(u"011", 2)},
            {u"GroupId"_s, kRegularGroup},
            {u"UserOrGroupId"_s, kBob}});
    insert(u"Opportunity"_s,
           {{u"Id"_s, SalesforceId::make(u"006", 1)},
            {u"Name"_s, u"Big Deal"_s},
            {u"Amount"_s, 1000.5},
            {u"CloseDate"_s, u"2026-03-31"_s},
            {u"OwnerId"_s, kAlice},
            {u"IsClosed"_s, 0}});
    insert(u"Opportunity"_s,
           {{u"Id"_s, SalesforceId::make(u"006", 2)},
            {u"Name"_s, u"Small Deal"_s},
            {u"Amount"_s, 200.0},
            {u"CloseDate"_s, u"2026-02-10"_s},
            {u"OwnerId"_s, kBob},
            {u"IsClosed"_s, 1}});
    insert(u"OauthToken"_s,
           {{u"Id"_s, SalesforceId::make(u"0CQ", 1)},
            {u"AppName"_s, u"Fivetran"_s},
            {u"UserId"_s, kAlice},
            {u"UseCount"_s, 42},
            {u"LastUsedDate"_s, null}});
}

SoqlContext TestSoqlCompiler::context() const
{
    SoqlContext context;
    context.schema = &m_schema;
    context.now = kNow;
    return context;
}

lr::Result<CompiledSoql> TestSoqlCompiler::compile(const QString &soql) const
{
    return SoqlCompiler::compile(soql, context());
}

QJsonArray TestSoqlCompiler::run(const CompiledSoql &compiled, QByteArray *raw) const
{
    QSqlQuery query(m_database.connection());
    QVariantList params = compiled.params;
    params << compiled.limit.value_or(-1) << compiled.offset.value_or(0);
    if (!query.prepare(compiled.sql + u" LIMIT ? OFFSET ?"_s)) {
        qWarning() << query.lastError().text() << compiled.sql;
        return {};
    }
    for (const QVariant &param : params) {
        query.addBindValue(param);
    }
    if (!query.exec()) {
        qWarning() << query.lastError().text() << compiled.sql;
        return {};
    }
    const SoqlRecordWriter writer(u"66.0"_s);
    QByteArray out = "[";
    while (query.next()) {
        if (out.size() > 1) {
            out += ',';
        }
        writer.writeRecord(query, *compiled.shape, out);
    }
    out += ']';
    if (raw) {
        *raw = out;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning() << "invalid JSON:" << error.errorString() << out;
    }
    return document.array();
}

QJsonArray TestSoqlCompiler::query(const QString &soql, QByteArray *raw) const
{
    const auto compiled = compile(soql);
    if (!compiled) {
        qWarning() << compiled.error().message;
        return {};
    }
    return run(compiled.value(), raw);
}

qint64 TestSoqlCompiler::count(const CompiledSoql &compiled) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(compiled.countSql);
    for (const QVariant &param : compiled.countParams) {
        query.addBindValue(param);
    }
    if (!query.exec() || !query.next()) {
        qWarning() << query.lastError().text() << compiled.countSql;
        return -1;
    }
    return query.value(0).toLongLong();
}

void TestSoqlCompiler::writesNestedParentsInSelectOrder()
{
    QByteArray raw;
    const QJsonArray records = query(
        u"SELECT Id, Name, Profile.Name, Profile.UserLicense.Name FROM User WHERE Id = '%1'"_s.arg(
            kAlice),
        &raw);
    QCOMPARE(records.size(), 1);
    const QString url = u"/services/data/v66.0/sobjects/"_s;
    const QString expected =
        u"[{\"attributes\":{\"type\":\"User\",\"url\":\"%1User/%2\"},\"Id\":\"%2\","
        u"\"Name\":\"Alice Admin\",\"Profile\":{\"attributes\":{\"type\":\"Profile\","
        u"\"url\":\"%1Profile/%3\"},\"Name\":\"System Administrator\",\"UserLicense\":"
        u"{\"attributes\":{\"type\":\"UserLicense\",\"url\":\"%1UserLicense/%4\"},"
        u"\"Name\":\"Salesforce\"}}}]"_s.arg(url, kAlice, kProfileAdmin, kLicenseSalesforce);
    QCOMPARE(QString::fromUtf8(raw), expected);
}

void TestSoqlCompiler::writesMissingParentsAsNull()
{
    QByteArray raw;
    const QJsonArray records = query(
        u"SELECT Name, Profile.Name, Profile.UserLicense.Name FROM User ORDER BY Name"_s, &raw);
    QCOMPARE(names(records, u"Name"_s),
             u"Alice Admin,Bob Builder,Carol Contractor,Dave Dangling"_s);
    const QJsonObject carolProfile = records.at(2).toObject().value(u"Profile"_s).toObject();
    QCOMPARE(carolProfile.value(u"Name"_s).toString(), u"Platform"_s);
    QVERIFY(carolProfile.value(u"UserLicense"_s).isNull());
    QVERIFY(records.at(3).toObject().value(u"Profile"_s).isNull());
    QVERIFY(raw.contains("\"Name\":\"Dave Dangling\",\"Profile\":null}"));
}

void TestSoqlCompiler::writesCanonicalNames()
{
    QByteArray raw;
    const QJsonArray records =
        query(u"select name, PROFILE.userlicense.NAME from USER where id = '%1'"_s.arg(kBob), &raw);
    QCOMPARE(records.size(), 1);
    QVERIFY(raw.startsWith("[{\"attributes\":{\"type\":\"User\",\"url\":"));
    QVERIFY(raw.contains("\"Name\":\"Bob Builder\",\"Profile\":{\"attributes\":{\"type\":"
                         "\"Profile\","));
    QVERIFY(raw.contains("\"UserLicense\":{\"attributes\":{\"type\":\"UserLicense\","));
    QVERIFY(raw.endsWith("\"Name\":\"Salesforce\"}}}]"));
}

void TestSoqlCompiler::reusesOneJoinPerPathPrefix()
{
    const auto compiled =
        compile(u"SELECT Profile.Name, Manager.Name, Profile.UserLicense.Name, Profile.Id, "
                u"Manager.Manager.Name FROM User WHERE Profile.UserLicense.Name != null"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QCOMPARE(compiled->sql.count(u" LEFT JOIN "_s), 4);
    // Only the joins the WHERE clause needs are in the count.
    QCOMPARE(compiled->countSql.count(u" LEFT JOIN "_s), 2);
    QCOMPARE(count(compiled.value()), 2);
    const RecordShape &shape = *compiled->shape;
    QCOMPARE(shape.entries.size(), 2);
    QCOMPARE(shape.entries.at(0).key, u"Profile"_s);
    QCOMPARE(shape.entries.at(1).key, u"Manager"_s);
    const RecordShape &profile = *shape.entries.at(0).parent;
    QCOMPARE(profile.entries.size(), 3);
    QCOMPARE(profile.entries.at(0).key, u"Name"_s);
    QCOMPARE(profile.entries.at(1).key, u"UserLicense"_s);
    QCOMPARE(profile.entries.at(2).key, u"Id"_s);
}

void TestSoqlCompiler::bindsEveryLiteral()
{
    const auto compiled = compile(u"SELECT Id FROM User WHERE Name = 'x\\' OR 1=1 --' AND "
                                  u"Department IN ('Ops') AND IsActive = true"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QVERIFY(!compiled->sql.contains(u"1=1"_s));
    QVERIFY(!compiled->sql.contains(u"Ops"_s));
    QCOMPARE(compiled->params, (QVariantList{u"x' OR 1=1 --"_s, u"Ops"_s, 1}));
    QCOMPARE(compiled->countParams, compiled->params);
    QCOMPARE(run(compiled.value()).size(), 0);
}

void TestSoqlCompiler::filters_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("expected");

    const QString users = u"SELECT Name FROM User WHERE %1 ORDER BY Name"_s;
    auto row = [&](const char *name, const QString &where, const QString &expected) {
        QTest::newRow(name) << users.arg(where) << expected;
    };
    row("equals ignores case", u"Department = 'SALES'"_s, u"Alice Admin,Bob Builder"_s);
    row("not equals matches null", u"Department != 'Sales'"_s, u"Carol Contractor,Dave Dangling"_s);
    row("equals null", u"Department = null"_s, u"Carol Contractor"_s);
    row("not equals null", u"Department <> null"_s, u"Alice Admin,Bob Builder,Dave Dangling"_s);
    row("LIKE ignores case", u"Name LIKE 'b%'"_s, u"Bob Builder"_s);
    row("LIKE wildcards", u"Title LIKE '100%'"_s, u"Bob Builder,Dave Dangling"_s);
    row("LIKE escaped percent", u"Title LIKE '100\\%%'"_s, u"Dave Dangling"_s);
    row("LIKE underscore", u"Name LIKE '_ob%'"_s, u"Bob Builder"_s);
    row("IN ignores case",
        u"Department IN ('sales', 'OPS')"_s,
        u"Alice Admin,Bob Builder,Dave Dangling"_s);
    row("NOT IN matches null",
        u"Department NOT IN ('Sales')"_s,
        u"Carol Contractor,Dave Dangling"_s);
    row("NOT IN with null in the list", u"Department NOT IN ('Sales', null)"_s, u"Dave Dangling"_s);
    row("IN with null in the list",
        u"Department IN ('Ops', null)"_s,
        u"Carol Contractor,Dave Dangling"_s);
    row("boolean", u"IsActive = false"_s, u"Carol Contractor"_s);
    row("text less-than ignores case", u"Name < 'c'"_s, u"Alice Admin,Bob Builder"_s);
    row("AND with nested OR",
        u"IsActive = true AND (Department = 'Ops' OR Manager.Name = 'alice admin')"_s,
        u"Bob Builder,Dave Dangling"_s);
    row("NOT of a null comparison is true",
        u"NOT Department = 'Sales'"_s,
        u"Carol Contractor,Dave Dangling"_s);
    row("missing parent compares as null",
        u"Profile.Name != 'Standard User'"_s,
        u"Alice Admin,Carol Contractor,Dave Dangling"_s);
    row("grandparent field",
        u"Profile.UserLicense.Name = 'Salesforce'"_s,
        u"Alice Admin,Bob Builder"_s);
    row("15-character id", u"Id = '%1'"_s.arg(kAlice.left(15)), u"Alice Admin"_s);
    row("18-character id in any case", u"Id = '%1'"_s.arg(kAlice.toLower()), u"Alice Admin"_s);
    row("18-character id with an upper-case body",
        u"Id = '%1'"_s.arg(kBob.toUpper()),
        u"Bob Builder"_s);
    row("reference IN ids",
        u"ManagerId IN ('%1', '%2')"_s.arg(kAlice, kCarol.left(15)),
        u"Bob Builder"_s);
    row("semi-join",
        u"Id IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE "
        u"PermissionSet.IsOwnedByProfile = false)"_s,
        u"Alice Admin,Carol Contractor"_s);
    row("anti-join",
        u"Id NOT IN (SELECT AssigneeId FROM PermissionSetAssignment WHERE "
        u"PermissionSet.IsOwnedByProfile = false)"_s,
        u"Bob Builder,Dave Dangling"_s);
    row("anti-join keeps null references",
        u"ManagerId NOT IN (SELECT AssigneeId FROM PermissionSetAssignment)"_s,
        u"Alice Admin,Dave Dangling"_s);
    row("two semi-joins",
        u"Id IN (SELECT AssigneeId FROM PermissionSetAssignment) AND "
        u"Id IN (SELECT UserOrGroupId FROM GroupMember WHERE Group.Type = 'Queue')"_s,
        u"Alice Admin"_s);
    row("datetime = TODAY", u"LastLoginDate = TODAY"_s, u"Alice Admin"_s);
    row("datetime = YESTERDAY", u"LastLoginDate = YESTERDAY"_s, u"Dave Dangling"_s);
    row("datetime > YESTERDAY is after its end", u"LastLoginDate > YESTERDAY"_s, u"Alice Admin"_s);
    row("datetime >= YESTERDAY", u"LastLoginDate >= YESTERDAY"_s, u"Alice Admin,Dave Dangling"_s);
    row("datetime <= YESTERDAY", u"LastLoginDate <= YESTERDAY"_s, u"Bob Builder,Dave Dangling"_s);
    row("datetime != TODAY matches null",
        u"LastLoginDate != TODAY"_s,
        u"Bob Builder,Carol Contractor,Dave Dangling"_s);
    row("datetime < LAST_N_DAYS:90", u"LastLoginDate < LAST_N_DAYS:90"_s, u"Bob Builder"_s);
    row("LAST_N_DAYS:1 includes today",
        u"LastLoginDate = LAST_N_DAYS:1"_s,
        u"Alice Admin,Dave Dangling"_s);
    row("N_DAYS_AGO", u"LastLoginDate = N_DAYS_AGO:1"_s, u"Dave Dangling"_s);
    row("THIS_MONTH", u"LastLoginDate = THIS_MONTH"_s, u"Alice Admin,Dave Dangling"_s);
    row("LAST_MONTH", u"LastLoginDate = LAST_MONTH"_s, QString());
    row("THIS_YEAR", u"LastLoginDate = THIS_YEAR"_s, u"Alice Admin,Dave Dangling"_s);
    row("date literals in a list",
        u"LastLoginDate IN (TODAY, YESTERDAY)"_s,
        u"Alice Admin,Dave Dangling"_s);
    row("datetime literal with offset",
        u"LastLoginDate > 2026-03-15T10:00:00+02:00"_s,
        u"Alice Admin"_s);
    row("never logged in and created long ago",
        u"(LastLoginDate < LAST_N_DAYS:90) OR (LastLoginDate = null AND "
        u"CreatedDate < LAST_N_DAYS:90)"_s,
        u"Bob Builder,Carol Contractor"_s);
    QTest::newRow("object alias") << u"SELECT Name FROM User u WHERE u.Department = 'Ops'"_s
                                  << u"Dave Dangling"_s;
    QTest::newRow("alias in SELECT")
        << u"SELECT u.Name FROM User u WHERE u.IsActive = false"_s << u"Carol Contractor"_s;
    QTest::newRow("date field = NEXT_N_DAYS")
        << u"SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:30"_s << u"Big Deal"_s;
    QTest::newRow("date field < TODAY")
        << u"SELECT Name FROM Opportunity WHERE CloseDate < TODAY"_s << u"Small Deal"_s;
    QTest::newRow("date literal") << u"SELECT Name FROM Opportunity WHERE CloseDate = 2026-02-10"_s
                                  << u"Small Deal"_s;
    QTest::newRow("currency compared with a decimal")
        << u"SELECT Name FROM Opportunity WHERE Amount >= 200.0 ORDER BY Name"_s
        << u"Big Deal,Small Deal"_s;
    QTest::newRow("currency compared with an integer")
        << u"SELECT Name FROM Opportunity WHERE Amount > 500"_s << u"Big Deal"_s;
    QTest::newRow("reserved word path")
        << u"SELECT Name FROM Group WHERE Id IN (SELECT GroupId FROM GroupMember WHERE "
           u"Group.Type = 'Queue')"_s
        << u"Support Queue"_s;
}

void TestSoqlCompiler::filters()
{
    QFETCH(QString, soql);
    QFETCH(QString, expected);
    const auto compiled = compile(soql);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    const QJsonArray records = run(compiled.value());
    QCOMPARE(names(records, u"Name"_s), expected);
    QCOMPARE(count(compiled.value()), records.size());
}

void TestSoqlCompiler::writesTypedValues()
{
    QByteArray raw;
    QJsonArray records =
        query(u"SELECT AppName, UseCount, User.IsActive, LastUsedDate FROM OauthToken"_s, &raw);
    QCOMPARE(records.size(), 1);
    QJsonObject token = records.first().toObject();
    QCOMPARE(token.value(u"UseCount"_s), QJsonValue(42));
    QVERIFY(token.value(u"LastUsedDate"_s).isNull());
    QCOMPARE(token.value(u"User"_s).toObject().value(u"IsActive"_s), QJsonValue(true));
    QVERIFY(raw.contains("\"AppName\":\"Fivetran\",\"UseCount\":42,\"User\":{"));
    QVERIFY(raw.contains("\"IsActive\":true},\"LastUsedDate\":null}"));

    records = query(
        u"SELECT Name, Amount, IsClosed, CloseDate FROM Opportunity ORDER BY Amount DESC"_s, &raw);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).toObject().value(u"Amount"_s), QJsonValue(1000.5));
    QCOMPARE(records.at(1).toObject().value(u"Amount"_s), QJsonValue(200.0));
    QCOMPARE(records.at(0).toObject().value(u"IsClosed"_s), QJsonValue(false));
    QCOMPARE(records.at(1).toObject().value(u"IsClosed"_s), QJsonValue(true));
    QCOMPARE(records.at(0).toObject().value(u"CloseDate"_s), QJsonValue(u"2026-03-31"_s));
}

void TestSoqlCompiler::escapesStrings()
{
    QByteArray raw;
    const QJsonArray records = query(u"SELECT Title FROM User WHERE Id = '%1'"_s.arg(kCarol), &raw);
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().toObject().value(u"Title"_s).toString(), kAwkwardTitle);
    QVERIFY(raw.contains(R"(Quote \"q\" back\\slash\nline\ttab \u0001 caf)"));
    QVERIFY(raw.contains("caf\xc3\xa9 \xf0\x9f\x98\x80\""));
}

void TestSoqlCompiler::groupsWithAliasedAggregate()
{
    QByteArray raw;
    const auto compiled = compile(u"SELECT UserId, MAX(LoginTime) lastAny FROM LoginHistory WHERE "
                                  u"Status = 'Success' GROUP BY UserId ORDER BY UserId"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QVERIFY(compiled->isAggregate);
    QVERIFY(!compiled->isCountOnly);
    QCOMPARE(compiled->shape->typeName, u"AggregateResult"_s);
    const QJsonArray records = run(compiled.value(), &raw);
    QCOMPARE(records.size(), 2);
    QCOMPARE(count(compiled.value()), 2);
    const QString expected =
        u"[{\"attributes\":{\"type\":\"AggregateResult\"},\"UserId\":\"%1\","
        u"\"lastAny\":\"2026-03-15T09:00:00.000+0000\"},{\"attributes\":{\"type\":"
        u"\"AggregateResult\"},\"UserId\":\"%2\",\"lastAny\":\"2025-11-01T10:00:00.000+0000\"}]"_s
            .arg(kAlice, kBob);
    QCOMPARE(QString::fromUtf8(raw), expected);
}

void TestSoqlCompiler::keysUnaliasedAggregatesInOrder()
{
    QByteArray raw;
    const QJsonArray records = query(u"SELECT COUNT(Id), MIN(LoginTime), COUNT_DISTINCT(UserId) "
                                     u"users, MAX(LoginTime) FROM LoginHistory"_s,
                                     &raw);
    QCOMPARE(records.size(), 1);
    QCOMPARE(QString::fromUtf8(raw),
             u"[{\"attributes\":{\"type\":\"AggregateResult\"},\"expr0\":4,"
             u"\"expr1\":\"2025-11-01T10:00:00.000+0000\",\"users\":2,"
             u"\"expr2\":\"2026-03-15T09:00:00.000+0000\"}]"_s);
}

void TestSoqlCompiler::keysGroupedPathsByFieldName()
{
    const QJsonArray records = query(u"SELECT Group.Type, COUNT(Id) FROM GroupMember "
                                     u"GROUP BY Group.Type ORDER BY Group.Type"_s);
    QCOMPARE(names(records, u"Type"_s), u"Queue,Regular"_s);
    QCOMPARE(names(records, u"expr0"_s), u"1,1"_s);
}

void TestSoqlCompiler::sumsAndAveragesAsNumbers()
{
    const QJsonArray records =
        query(u"SELECT SUM(Amount) total, AVG(Amount) average, MAX(Amount) top, "
              u"MIN(CloseDate) earliest FROM Opportunity"_s);
    QCOMPARE(records.size(), 1);
    const QJsonObject result = records.first().toObject();
    QCOMPARE(result.value(u"total"_s), QJsonValue(1200.5));
    QCOMPARE(result.value(u"average"_s), QJsonValue(600.25));
    QCOMPARE(result.value(u"top"_s), QJsonValue(1000.5));
    QCOMPARE(result.value(u"earliest"_s), QJsonValue(u"2026-02-10"_s));
}

void TestSoqlCompiler::filtersGroupsWithHaving_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("expected");

    const QString grouped = u"SELECT UserId, COUNT(Id) n FROM LoginHistory GROUP BY UserId %1"_s;
    QTest::newRow("count above one") << grouped.arg(u"HAVING COUNT(Id) > 1"_s) << kAlice;
    QTest::newRow("latest login before a date literal")
        << grouped.arg(u"HAVING MAX(LoginTime) < LAST_N_DAYS:90"_s) << kBob;
    QTest::newRow("grouped field in HAVING")
        << grouped.arg(u"HAVING UserId = '%1'"_s.arg(kBob)) << kBob;
    QTest::newRow("ordered by the aggregate")
        << grouped.arg(u"ORDER BY COUNT(Id) ASC"_s) << kBob + u',' + kAlice;
    QTest::newRow("ordered by the aggregate, descending")
        << grouped.arg(u"ORDER BY COUNT(Id) DESC"_s) << kAlice + u',' + kBob;
}

void TestSoqlCompiler::filtersGroupsWithHaving()
{
    QFETCH(QString, soql);
    QFETCH(QString, expected);
    QCOMPARE(names(query(soql), u"UserId"_s), expected);
}

void TestSoqlCompiler::groupsTextCaseInsensitively()
{
    const QJsonArray records =
        query(u"SELECT Department, COUNT(Id) FROM User GROUP BY Department ORDER BY Department"_s);
    QCOMPARE(records.size(), 3);
    QVERIFY(records.at(0).toObject().value(u"Department"_s).isNull());
    QCOMPARE(records.at(1).toObject().value(u"Department"_s).toString(), u"Ops"_s);
    QCOMPARE(records.at(2).toObject().value(u"Department"_s).toString().toLower(), u"sales"_s);
    QCOMPARE(names(records, u"expr0"_s), u"1,1,2"_s);
}

void TestSoqlCompiler::countsWithCountAll()
{
    auto compiled = compile(u"SELECT COUNT() FROM User WHERE IsActive = true"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QVERIFY(compiled->isCountOnly);
    QVERIFY(!compiled->isAggregate);
    QCOMPARE(count(compiled.value()), 3);

    compiled = compile(u"SELECT COUNT() FROM LoginHistory GROUP BY UserId"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QVERIFY(compiled->isCountOnly);
    QVERIFY(compiled->isAggregate);
    QCOMPARE(count(compiled.value()), 2);
}

void TestSoqlCompiler::aggregatesAnEmptySet()
{
    QByteArray raw;
    const QJsonArray records =
        query(u"SELECT COUNT(Id), MAX(Name) FROM User WHERE Name = 'nobody'"_s, &raw);
    QCOMPARE(QString::fromUtf8(raw),
             u"[{\"attributes\":{\"type\":\"AggregateResult\"},\"expr0\":0,\"expr1\":null}]"_s);
}

void TestSoqlCompiler::ordersRows_data()
{
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nulls first by default") << u"Department, Name"_s << u"Carol,Dave,Alice,Bob"_s;
    QTest::newRow("nulls first by default when descending")
        << u"Department DESC, Name"_s << u"Carol,Alice,Bob,Dave"_s;
    QTest::newRow("nulls last") << u"Department NULLS LAST, Name"_s << u"Dave,Alice,Bob,Carol"_s;
    QTest::newRow("text ignores case") << u"Username"_s << u"Alice,Bob,Carol,Dave"_s;
    QTest::newRow("text ignores case, descending")
        << u"Username DESC"_s << u"Dave,Carol,Bob,Alice"_s;
    QTest::newRow("parent field with a missing parent")
        << u"Profile.Name, Name"_s << u"Dave,Carol,Bob,Alice"_s;
    QTest::newRow("datetime descending, nulls last")
        << u"LastLoginDate DESC NULLS LAST"_s << u"Alice,Dave,Bob,Carol"_s;
}

void TestSoqlCompiler::ordersRows()
{
    QFETCH(QString, order);
    QFETCH(QString, expected);
    const QJsonArray records = query(u"SELECT Name FROM User ORDER BY "_s + order);
    QStringList firstNames;
    for (const QJsonValue &record : records) {
        firstNames.append(record.toObject().value(u"Name"_s).toString().section(u' ', 0, 0));
    }
    QCOMPARE(firstNames.join(u','), expected);
}

void TestSoqlCompiler::pagesWithLimitAndOffset()
{
    const auto compiled = compile(u"SELECT Name FROM User ORDER BY Name LIMIT 2 OFFSET 1"_s);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QCOMPARE(compiled->limit, std::optional<qint64>(2));
    QCOMPARE(compiled->offset, std::optional<qint64>(1));
    QVERIFY(!compiled->sql.contains(u"LIMIT"_s));
    QCOMPARE(names(run(compiled.value()), u"Name"_s), u"Bob Builder,Carol Contractor"_s);
    QCOMPARE(count(compiled.value()), 4); // before LIMIT and OFFSET
}

void TestSoqlCompiler::capsOffset()
{
    QVERIFY(compile(u"SELECT Id FROM User OFFSET 2000"_s));
    const auto compiled = compile(u"SELECT Id FROM User OFFSET 2001"_s);
    QVERIFY(!compiled);
    QCOMPARE(compiled.error().code, u"NUMBER_OUTSIDE_VALID_RANGE"_s);
    QCOMPARE(compiled.error().message, u"Maximum SOQL offset allowed for apiName User is 2000"_s);
}

void TestSoqlCompiler::appliesRowFilterToFromObject()
{
    SoqlContext restricted = context();
    restricted.access = [](const SObjectType &type) {
        ReadAccess access;
        if (type.name() == u"User") {
            access.rowFilter = u"%1.\"Department\" = ?"_s;
            access.rowFilterParams = {u"Ops"_s};
        }
        return access;
    };
    const auto compiled =
        SoqlCompiler::compile(u"SELECT Name FROM User WHERE IsActive = true"_s, restricted);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QCOMPARE(compiled->params, (QVariantList{u"Ops"_s, 1}));
    QCOMPARE(names(run(compiled.value()), u"Name"_s), u"Dave Dangling"_s);
    QCOMPARE(count(compiled.value()), 1);
}

void TestSoqlCompiler::appliesRowFilterToSemiJoinObject()
{
    SoqlContext restricted = context();
    restricted.access = [](const SObjectType &type) {
        ReadAccess access;
        if (type.name() == u"PermissionSetAssignment") {
            access.rowFilter = u"%1.\"AssigneeId\" = ?"_s;
            access.rowFilterParams = {kAlice};
        }
        return access;
    };
    const auto compiled = SoqlCompiler::compile(
        u"SELECT Name FROM User WHERE Id IN (SELECT AssigneeId FROM PermissionSetAssignment "
        u"WHERE PermissionSet.IsOwnedByProfile = false) AND IsActive = true"_s,
        restricted);
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QCOMPARE(compiled->params, (QVariantList{kAlice, 0, 1}));
    QCOMPARE(names(run(compiled.value()), u"Name"_s), u"Alice Admin"_s);
}

void TestSoqlCompiler::rejectsUnreadableObjects_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("object");

    QTest::newRow("FROM object") << u"SELECT Id FROM LoginHistory"_s << u"LoginHistory"_s;
    QTest::newRow("semi-join object")
        << u"SELECT Id FROM User WHERE Id IN (SELECT UserId FROM LoginHistory)"_s
        << u"LoginHistory"_s;
    QTest::newRow("unknown object") << u"SELECT Id FROM Contact"_s << u"Contact"_s;
}

void TestSoqlCompiler::rejectsUnreadableObjects()
{
    QFETCH(QString, soql);
    QFETCH(QString, object);
    SoqlContext restricted = context();
    restricted.access = [](const SObjectType &type) {
        ReadAccess access;
        access.readable = type.name() != u"LoginHistory";
        return access;
    };
    const auto compiled = SoqlCompiler::compile(soql, restricted);
    QVERIFY(!compiled);
    QCOMPARE(compiled.error().code, u"INVALID_TYPE"_s);
    const QStringList lines = compiled.error().message.split(u'\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(3), u"ERROR at Row:1:Column:%1"_s.arg(soql.lastIndexOf(object) + 1));
    QCOMPARE(lines.at(4),
             u"sObject type '%1' is not supported. If you are attempting to use a custom object, "
             u"be sure to append the '__c' after the entity name. Please reference your WSDL or "
             u"the describe call for the appropriate names."_s.arg(object));
}

void TestSoqlCompiler::rejectsInvalidStatements_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("marker"); // the text the error points at
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("field");

    const QString noColumn = u"No such column '%1' on entity '%2'. If you are attempting to use "
                             u"a custom field, be sure to append the '__c' after the custom field "
                             u"name. Please reference your WSDL or the describe call for the "
                             u"appropriate names."_s;
    const QString badType = u"value of filter criterion for field '%1' must be of type %2 and "
                            u"should %3be enclosed in quotes"_s;
    const QString topLevel = u"Semi join sub-selects are only allowed at the top level WHERE "
                             u"expressions and not in nested WHERE expressions."_s;
    const QString semiJoin = u"SELECT AssigneeId FROM PermissionSetAssignment"_s;

    QTest::newRow("unknown field") << u"SELECT Id, Foo FROM User"_s << u"INVALID_FIELD"_s
                                   << u"Foo"_s << noColumn.arg(u"Foo"_s, u"User"_s) << u"Foo"_s;
    QTest::newRow("unknown parent field")
        << u"SELECT Profile.Foo FROM User"_s << u"INVALID_FIELD"_s << u"Profile.Foo"_s
        << noColumn.arg(u"Foo"_s, u"Profile"_s) << u"Foo"_s;
    QTest::newRow("unknown relationship")
        << u"SELECT Id FROM User WHERE Foo.Name = 'x'"_s << u"INVALID_FIELD"_s << u"Foo"_s
        << u"Didn't understand relationship 'Foo' in field path. If you are attempting to use a "
           u"custom relationship, be sure to append the '__r' after the custom relationship name. "
           u"Please reference your WSDL or the describe call for the appropriate names."_s
        << u"Foo"_s;
    QTest::newRow("reference without a relationship name")
        << u"SELECT User.Name FROM LoginHistory"_s << u"INVALID_FIELD"_s << u"User.Name"_s
        << u"Didn't understand relationship 'User' in field path. If you are attempting to use a "
           u"custom relationship, be sure to append the '__r' after the custom relationship name. "
           u"Please reference your WSDL or the describe call for the appropriate names."_s
        << u"User"_s;
    QTest::newRow("relationship name alone")
        << u"SELECT Profile FROM User"_s << u"INVALID_FIELD"_s << u"Profile"_s
        << noColumn.arg(u"Profile"_s, u"User"_s) << u"Profile"_s;
    QTest::newRow("quoted boolean")
        << u"SELECT Id FROM User WHERE IsActive = 'true'"_s << u"INVALID_FIELD"_s << u"IsActive"_s
        << badType.arg(u"IsActive"_s, u"boolean"_s, u"not "_s) << u"IsActive"_s;
    QTest::newRow("number for text")
        << u"SELECT Id FROM User WHERE Name = 5"_s << u"INVALID_FIELD"_s << u"Name ="_s
        << badType.arg(u"Name"_s, u"string"_s, QString()) << u"Name"_s;
    QTest::newRow("date for a datetime")
        << u"SELECT Id FROM User WHERE CreatedDate > 2026-01-01"_s << u"INVALID_FIELD"_s
        << u"CreatedDate"_s << badType.arg(u"CreatedDate"_s, u"dateTime"_s, u"not "_s)
        << u"CreatedDate"_s;
    QTest::newRow("datetime for a date")
        << u"SELECT Id FROM Opportunity WHERE CloseDate = 2026-01-01T00:00:00Z"_s
        << u"INVALID_FIELD"_s << u"CloseDate"_s << badType.arg(u"CloseDate"_s, u"date"_s, u"not "_s)
        << u"CloseDate"_s;
    QTest::newRow("quoted number")
        << u"SELECT Id FROM Opportunity WHERE Amount > '5'"_s << u"INVALID_FIELD"_s << u"Amount"_s
        << badType.arg(u"Amount"_s, u"double"_s, u"not "_s) << u"Amount"_s;
    QTest::newRow("date literal for text")
        << u"SELECT Id FROM User WHERE Name = TODAY"_s << u"INVALID_FIELD"_s << u"Name ="_s
        << badType.arg(u"Name"_s, u"string"_s, QString()) << u"Name"_s;
    QTest::newRow("LIKE with a number")
        << u"SELECT Id FROM User WHERE Name LIKE 5"_s << u"INVALID_FIELD"_s << u"Name LIKE"_s
        << badType.arg(u"Name"_s, u"string"_s, QString()) << u"Name"_s;
    QTest::newRow("malformed id") << u"SELECT Id FROM User WHERE Id = 'abc'"_s
                                  << u"INVALID_QUERY_FILTER_OPERATOR"_s << u"'abc'"_s
                                  << u"invalid ID field: abc"_s << u"Id"_s;
    QTest::newRow("LIKE on a boolean")
        << u"SELECT Id FROM User WHERE IsActive LIKE 'x'"_s << u"INVALID_QUERY_FILTER_OPERATOR"_s
        << u"IsActive"_s << u"invalid operator on boolean field"_s << u"IsActive"_s;
    QTest::newRow("ungrouped field")
        << u"SELECT Name, COUNT(Id) FROM User GROUP BY Department"_s << u"MALFORMED_QUERY"_s
        << u"Name"_s << u"Field must be grouped or aggregated: Name"_s << u"Name"_s;
    QTest::newRow("field beside an aggregate without GROUP BY")
        << u"SELECT Name, MAX(LastLoginDate) FROM User"_s << u"MALFORMED_QUERY"_s << u"Name"_s
        << u"Field must be grouped or aggregated: Name"_s << u"Name"_s;
    QTest::newRow("ungrouped field in HAVING")
        << u"SELECT Department, COUNT(Id) FROM User GROUP BY Department HAVING Name = 'x'"_s
        << u"MALFORMED_QUERY"_s << u"Name ="_s << u"Field must be grouped or aggregated: Name"_s
        << u"Name"_s;
    QTest::newRow("ungrouped field in ORDER BY")
        << u"SELECT Department, COUNT(Id) FROM User GROUP BY Department ORDER BY Name"_s
        << u"MALFORMED_QUERY"_s << u"Name"_s
        << u"Ordered field must be grouped or aggregated: Name"_s << u"Name"_s;
    QTest::newRow("HAVING makes the statement an aggregate")
        << u"SELECT Name FROM User HAVING COUNT(Id) > 1"_s << u"MALFORMED_QUERY"_s << u"Name"_s
        << u"Field must be grouped or aggregated: Name"_s << u"Name"_s;
    QTest::newRow("SUM of text") << u"SELECT SUM(Name) FROM User"_s << u"MALFORMED_QUERY"_s
                                 << u"SUM"_s
                                 << u"field Name does not support aggregate operator SUM"_s
                                 << u"Name"_s;
    QTest::newRow("semi-join under OR")
        << u"SELECT Id FROM User WHERE Name = 'x' OR Id IN (%1)"_s.arg(semiJoin)
        << u"MALFORMED_QUERY"_s << semiJoin << topLevel << QString();
    QTest::newRow("semi-join under NOT")
        << u"SELECT Id FROM User WHERE NOT Id IN (%1)"_s.arg(semiJoin) << u"MALFORMED_QUERY"_s
        << semiJoin << topLevel << QString();
    QTest::newRow("three semi-joins")
        << u"SELECT Id FROM User WHERE Id IN (%1) AND Id IN (%1) AND ManagerId IN (%1 )"_s.arg(
               semiJoin)
        << u"MALFORMED_QUERY"_s << semiJoin + u" )"_s
        << u"Maximum of 2 semi join sub-selects are allowed"_s << QString();
    QTest::newRow("nested semi-join")
        << u"SELECT Id FROM User WHERE Id IN (SELECT AssigneeId FROM PermissionSetAssignment "
           u"WHERE AssigneeId IN (SELECT Id FROM User))"_s
        << u"MALFORMED_QUERY"_s << u"SELECT Id FROM User)"_s
        << u"Nesting of semi join sub-selects is not supported"_s << QString();
    QTest::newRow("self semi-join")
        << u"SELECT Id FROM User WHERE ManagerId IN (SELECT Id FROM User WHERE IsActive = false)"_s
        << u"MALFORMED_QUERY"_s << u"User WHERE IsActive"_s
        << u"The inner and outer selects should not be on the same object type"_s << QString();
    QTest::newRow("subquery selecting text")
        << u"SELECT Id FROM User WHERE Id IN (SELECT Name FROM Group)"_s << u"MALFORMED_QUERY"_s
        << u"Name FROM"_s
        << u"A semi join or anti-join subquery must select an Id or reference field of Group, "
           u"not Name"_s
        << u"Name"_s;
    QTest::newRow("subquery through a relationship")
        << u"SELECT Id FROM User WHERE Id IN (SELECT Assignee.Id FROM PermissionSetAssignment)"_s
        << u"MALFORMED_QUERY"_s << u"Assignee.Id"_s
        << u"A semi join or anti-join subquery must select an Id or reference field of "
           u"PermissionSetAssignment, not Assignee.Id"_s
        << u"Assignee.Id"_s;
    QTest::newRow("semi-join on a text field")
        << u"SELECT Id FROM User WHERE Name IN (%1)"_s.arg(semiJoin) << u"MALFORMED_QUERY"_s
        << u"Name IN"_s
        << u"Semi join and anti-join filters need an Id or reference field on the left: Name"_s
        << u"Name"_s;
    QTest::newRow("duplicate field")
        << u"SELECT Id, Name, id FROM User"_s << u"MALFORMED_QUERY"_s << u"id FROM"_s
        << u"duplicate field selected: id"_s << u"id"_s;
    QTest::newRow("duplicate alias")
        << u"SELECT MAX(Name) n, MIN(Name) n FROM User"_s << u"MALFORMED_QUERY"_s << u"MIN"_s
        << u"duplicate alias: n"_s << QString();
    QTest::newRow("six relationship levels")
        << u"SELECT Manager.Manager.Manager.Manager.Manager.Manager.Name FROM User"_s
        << u"MALFORMED_QUERY"_s << u"Manager"_s
        << u"The relationship path 'Manager.Manager.Manager.Manager.Manager.Manager.Name' has "
           u"more than 5 levels of parent relationships."_s
        << u"Manager.Manager.Manager.Manager.Manager.Manager.Name"_s;
}

void TestSoqlCompiler::rejectsInvalidStatements()
{
    QFETCH(QString, soql);
    QFETCH(QString, code);
    QFETCH(QString, marker);
    QFETCH(QString, sentence);
    QFETCH(QString, field);
    const auto compiled = compile(soql);
    QVERIFY2(!compiled, qPrintable(soql));
    const lr::Error &error = compiled.error();
    QCOMPARE(error.code, code);
    QCOMPARE(error.kind, lr::Error::Kind::Remote);
    const QStringList lines = error.message.split(u'\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(1), soql);
    QCOMPARE(lines.at(3), u"ERROR at Row:1:Column:%1"_s.arg(soql.indexOf(marker) + 1));
    QCOMPARE(lines.at(4), sentence);
    QCOMPARE(error.fields, field.isEmpty() ? QStringList() : QStringList{field});
}

QTEST_GUILESS_MAIN(TestSoqlCompiler)
#include "tst_soqlcompiler.moc"
