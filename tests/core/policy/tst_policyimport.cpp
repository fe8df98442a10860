// The policy file format: export writes it, import reads it. Malformed and hostile files
// each give every problem with its JSON path, and an import of one writes nothing to the org.
#include "core/common/translations.h"
#include "core/org/orgclient.h"
#include "core/policy/jsonsourcescan.h"
#include "core/policy/policyjson.h"
#include "core/policy/policyrepository.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::policy::Exemption;
using lr::policy::JsonSourceScan;
using lr::policy::Policy;
using lr::policy::PolicyJson;
using lr::policy::PolicyProblem;

namespace {

Policy fullPolicy()
{
    Policy policy;
    policy.name = u"Platform seats — Nordics, 120 days"_s;
    policy.active = false;
    policy.schedule = Policy::Schedule::Monthly;
    policy.executionPath = Policy::ExecutionPath::Both;
    policy.itsmConnection = u"ServiceNow production"_s;
    policy.defaultThresholdDays = 120;
    policy.thresholdByLicense = {{u"Salesforce Platform"_s, 180}, {u"Salesforce"_s, 60}};
    policy.includeLicenses = {u"Salesforce"_s, u"Salesforce Platform"_s};
    policy.excludeLicenses = {u"Chatter Free"_s};
    policy.userTypes = {u"Standard"_s, u"CsnOnly"_s};
    policy.gracePeriodDays = 30;
    policy.managerSlaDays = 10;
    policy.reminderDays = 5;
    policy.timeoutAction = Policy::TimeoutAction::AutoFreeze;
    policy.dryRun = false;
    policy.cooldownDays = 180;
    Exemption a;
    a.userId = u"005000000000001AAA"_s;
    a.username = u"ana@acme.com"_s;
    a.reason = u"Parental leave, back in \"Q3\""_s;
    a.expires = QDate(2026, 9, 30);
    Exemption b;
    b.userId = u"005000000000002AAA"_s;
    b.reason = u"Board member: 取締役"_s;
    policy.exemptions = {a, b};
    policy.notificationChannel = u"slack-sales-ops"_s;
    policy.downgradeTargets = {{u"Salesforce"_s, u"00e000000000001AAA"_s}};
    policy.transferOpenRecords = true;
    return policy;
}

QJsonObject validJson()
{
    return QJsonDocument::fromJson(PolicyJson::write(fullPolicy())).object();
}

QByteArray bytesOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

QByteArray with(const QString &member, const QJsonValue &value)
{
    QJsonObject object = validJson();
    object.insert(member, value);
    return bytesOf(object);
}

QByteArray without(const QString &member)
{
    QJsonObject object = validJson();
    object.remove(member);
    return bytesOf(object);
}

QByteArray withExemption(int index, const QString &member, const QJsonValue &value)
{
    QJsonObject object = validJson();
    QJsonArray exemptions = object.value(u"exemptions"_s).toArray();
    QJsonObject exemption = exemptions.at(index).toObject();
    if (value.isUndefined()) {
        exemption.remove(member);
    } else {
        exemption.insert(member, value);
    }
    exemptions.replace(index, exemption);
    object.insert(u"exemptions"_s, exemptions);
    return bytesOf(object);
}

QStringList paths(const QList<PolicyProblem> &problems)
{
    QStringList list;
    for (const PolicyProblem &problem : problems) {
        list.append(problem.path);
    }
    return list;
}

QString describe(const QList<PolicyProblem> &problems)
{
    QStringList lines;
    for (const PolicyProblem &problem : problems) {
        lines.append(problem.toString());
    }
    return lines.join(u'\n');
}

void comparePolicies(const Policy &actual, const Policy &expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.active, expected.active);
    QCOMPARE(actual.schedule, expected.schedule);
    QCOMPARE(actual.executionPath, expected.executionPath);
    QCOMPARE(actual.itsmConnection, expected.itsmConnection);
    QCOMPARE(actual.defaultThresholdDays, expected.defaultThresholdDays);
    QCOMPARE(actual.thresholdByLicense, expected.thresholdByLicense);
    QCOMPARE(actual.includeLicenses, expected.includeLicenses);
    QCOMPARE(actual.excludeLicenses, expected.excludeLicenses);
    QCOMPARE(actual.userTypes, expected.userTypes);
    QCOMPARE(actual.gracePeriodDays, expected.gracePeriodDays);
    QCOMPARE(actual.managerSlaDays, expected.managerSlaDays);
    QCOMPARE(actual.reminderDays, expected.reminderDays);
    QCOMPARE(actual.timeoutAction, expected.timeoutAction);
    QCOMPARE(actual.dryRun, expected.dryRun);
    QCOMPARE(actual.cooldownDays, expected.cooldownDays);
    QCOMPARE(actual.notificationChannel, expected.notificationChannel);
    QCOMPARE(actual.downgradeTargets, expected.downgradeTargets);
    QCOMPARE(actual.transferOpenRecords, expected.transferOpenRecords);
    QCOMPARE(actual.exemptions.size(), expected.exemptions.size());
    for (qsizetype i = 0; i < expected.exemptions.size(); ++i) {
        QCOMPARE(actual.exemptions.at(i).userId, expected.exemptions.at(i).userId);
        QCOMPARE(actual.exemptions.at(i).username, expected.exemptions.at(i).username);
        QCOMPARE(actual.exemptions.at(i).reason, expected.exemptions.at(i).reason);
        QCOMPARE(actual.exemptions.at(i).expires, expected.exemptions.at(i).expires);
    }
}

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

} // namespace

class TestPolicyImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportIsReadableAndOrdered();
    void exportImportRoundTrips();
    void defaultsFillLeftOutMembers();
    void byteOrderMarkIsAccepted();
    void malformedFiles_data();
    void malformedFiles();
    void everyProblemIsReported();
    void rulesApplyToWhatWasRead();
    void invalidUtf8IsFoundWhereQtWouldReplaceIt_data();
    void invalidUtf8IsFoundWhereQtWouldReplaceIt();
    void importOfAHostileFileWritesNothing_data();
    void importOfAHostileFileWritesNothing();

private:
    lr::test::DemoOrgFixture m_demo;
};

void TestPolicyImport::initTestCase()
{
    lr::Translations::install(*QCoreApplication::instance());
    QVERIFY(m_demo.start(60));
}

void TestPolicyImport::exportIsReadableAndOrdered()
{
    const QByteArray file = PolicyJson::write(fullPolicy());
    QVERIFY(file.startsWith("{\n  \"format\": \"license-reclaim-policy/1\",\n  \"name\": "));
    QVERIFY(file.endsWith("\n}\n"));
    QVERIFY(!file.startsWith("\xEF\xBB\xBF"));
    const QStringList order{u"\"format\""_s,
                            u"\"name\""_s,
                            u"\"active\""_s,
                            u"\"schedule\""_s,
                            u"\"executionPath\""_s,
                            u"\"itsmConnection\""_s,
                            u"\"defaultThresholdDays\""_s,
                            u"\"thresholdsByLicense\""_s,
                            u"\"includeLicenses\""_s,
                            u"\"excludeLicenses\""_s,
                            u"\"userTypes\""_s,
                            u"\"gracePeriodDays\""_s,
                            u"\"managerSlaDays\""_s,
                            u"\"reminderDays\""_s,
                            u"\"timeoutAction\""_s,
                            u"\"dryRun\""_s,
                            u"\"cooldownDays\""_s,
                            u"\"exemptions\""_s,
                            u"\"notificationChannel\""_s,
                            u"\"downgradeTargets\""_s,
                            u"\"transferOpenRecords\""_s};
    const QString text = QString::fromUtf8(file);
    qsizetype last = -1;
    for (const QString &key : order) {
        const qsizetype at = text.indexOf(u"\n  "_s + key + u':');
        QVERIFY2(at > last, qPrintable(key));
        last = at;
    }
    QVERIFY(text.contains(u"\"schedule\": \"monthly\""_s));
    QVERIFY(text.contains(u"\"executionPath\": \"both\""_s));
    QVERIFY(text.contains(u"\"timeoutAction\": \"auto-freeze\""_s));
    QVERIFY(text.contains(u"\n    {\"userId\": \"005000000000001AAA\", \"username\": "
                          u"\"ana@acme.com\", \"reason\": "_s));
    QVERIFY(text.contains(u"\"expires\": null}"_s));
    // The built-in default writes nulls for the text it does not have.
    const QString builtIn = QString::fromUtf8(PolicyJson::write(Policy::builtInDefault()));
    QVERIFY(builtIn.contains(u"\"itsmConnection\": null"_s));
    QVERIFY(builtIn.contains(u"\"exemptions\": []"_s));
}

void TestPolicyImport::exportImportRoundTrips()
{
    for (const Policy &policy : {fullPolicy(), Policy::builtInDefault()}) {
        const PolicyJson::Parsed parsed = PolicyJson::read(PolicyJson::write(policy));
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(describe(parsed.problems)));
        QVERIFY(parsed.readable);
        comparePolicies(parsed.policy, policy);
        QVERIFY2(PolicyJson::withRules(parsed).isEmpty(),
                 qPrintable(describe(PolicyJson::withRules(parsed))));
        // And again: the file is stable.
        QCOMPARE(PolicyJson::write(parsed.policy), PolicyJson::write(policy));
    }
}

void TestPolicyImport::defaultsFillLeftOutMembers()
{
    const PolicyJson::Parsed parsed =
        PolicyJson::read(R"({"format": "license-reclaim-policy/1", "name": "Minimal"})");
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(describe(parsed.problems)));
    Policy expected;
    expected.name = u"Minimal"_s;
    comparePolicies(parsed.policy, expected);
    QVERIFY(parsed.policy.dryRun); // safe by default
}

void TestPolicyImport::byteOrderMarkIsAccepted()
{
    const PolicyJson::Parsed parsed =
        PolicyJson::read("\xEF\xBB\xBF" + PolicyJson::write(fullPolicy()));
    QVERIFY2(parsed.problems.isEmpty(), qPrintable(describe(parsed.problems)));
    QCOMPARE(parsed.policy.name, fullPolicy().name);
}

void TestPolicyImport::malformedFiles_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("problemPaths");
    QTest::addColumn<QString>("wording"); // part of the first message

    const QByteArray valid = bytesOf(validJson());
    auto row =
        [](const char *name, const QByteArray &file, QStringList expected, const QString &wording) {
            QTest::newRow(name) << file << expected << wording;
        };
    const QStringList document{u"$"_s};

    // The file as a whole
    row("empty", QByteArray(), document, u"empty"_s);
    row("only spaces", "  \n\t ", document, u"empty"_s);
    row("not JSON", "name = Salesforce", document, u"starts with 'name = Sales'"_s);
    row("a number", "42", document, u"one JSON object"_s);
    row("a list", "[]", document, u"got a list"_s);
    row("unclosed",
        "{\"format\": \"license-reclaim-policy/1\",\n \"name\": \"x\"",
        document,
        u"line 2"_s);
    row("trailing garbage", valid + "\n#!/bin/sh rm -rf /", document, u"more after"_s);
    row("two objects", valid + valid, document, u"more after"_s);
    row("invalid UTF-8",
        with(u"name"_s, u"x"_s).replace("\"x\"", "\"\xff\""),
        document,
        u"not valid UTF-8"_s);
    row("larger than 1 MiB",
        with(u"name"_s, QString(PolicyJson::kMaxFileSize, u'x')),
        document,
        u"larger than a policy file can be"_s);
    row("nested 9 deep",
        with(u"includeLicenses"_s, QJsonValue::Null)
            .replace("\"includeLicenses\": null",
                     QByteArray("\"includeLicenses\": ").append(nested(8))),
        {u"$.includeLicenses[0][0][0][0][0][0][0]"_s},
        u"nested too deeply"_s);
    row("nested 5000 deep",
        QByteArray("{\"name\": ").append(nested(5000)).append('}'),
        document,
        u"nested too deeply"_s);
    row("duplicate key",
        "{\"format\": \"license-reclaim-policy/1\", \"name\": \"a\", "
        "\"name\": \"b\"}",
        {u"$.name"_s},
        u"'name' appears more than once"_s);
    row("duplicate key escaped",
        "{\"format\": \"license-reclaim-policy/1\", \"name\": \"a\", "
        "\"n\\u0061me\": \"b\"}",
        {u"$.name"_s},
        u"more than once"_s);
    row("duplicate key in an exemption",
        "{\"format\": \"license-reclaim-policy/1\", \"name\": \"a\", \"exemptions\": "
        "[{\"userId\": \"005000000000001\", \"reason\": \"a\", \"reason\": \"b\"}]}",
        {u"$.exemptions[0].reason"_s},
        u"more than once"_s);

    // The format marker
    row("no format", without(u"format"_s), {u"$.format"_s}, u"Format: missing"_s);
    row("format of a newer version",
        with(u"format"_s, u"license-reclaim-policy/2"_s),
        {u"$.format"_s},
        u"newer License Reclaim"_s);
    row("format of something else",
        with(u"format"_s, u"kubernetes/v1"_s),
        {u"$.format"_s},
        u"not a policy file's format"_s);
    row("format a number", with(u"format"_s, 1), {u"$.format"_s}, u"expected text"_s);

    // Members
    row("unknown member",
        with(u"colour"_s, u"blue"_s),
        {u"$.colour"_s},
        u"'colour' is not a field"_s);
    row("unknown member with a strange name",
        with(u"a b\nc"_s, 1),
        {u"$[\"a b\\nc\"]"_s},
        u"is not a field"_s);
    row("no name", without(u"name"_s), {u"$.name"_s}, u"Name: missing"_s);
    row("name a number", with(u"name"_s, 5), {u"$.name"_s}, u"expected text, got a number"_s);
    row("name null", with(u"name"_s, QJsonValue::Null), {u"$.name"_s}, u"got null"_s);
    row("active a string",
        with(u"active"_s, u"yes"_s),
        {u"$.active"_s},
        u"expected true or false, got text"_s);
    row("dryRun a number", with(u"dryRun"_s, 0), {u"$.dryRun"_s}, u"true or false"_s);
    row("transferOpenRecords null",
        with(u"transferOpenRecords"_s, QJsonValue::Null),
        {u"$.transferOpenRecords"_s},
        u"true or false"_s);
    row("schedule unknown",
        with(u"schedule"_s, u"hourly"_s),
        {u"$.schedule"_s},
        u"'hourly' is not one of manual, daily, weekly, monthly"_s);
    row("schedule in capitals",
        with(u"schedule"_s, u"Weekly"_s),
        {u"$.schedule"_s},
        u"not one of"_s);
    row("executionPath a list",
        with(u"executionPath"_s, QJsonArray{u"email"_s}),
        {u"$.executionPath"_s},
        u"got a list"_s);
    row("timeoutAction unknown",
        with(u"timeoutAction"_s, u"delete"_s),
        {u"$.timeoutAction"_s},
        u"auto-freeze, hold-for-review"_s);
    row("itsmConnection a number",
        with(u"itsmConnection"_s, 3),
        {u"$.itsmConnection"_s},
        u"text or null"_s);
    row("threshold a string",
        with(u"defaultThresholdDays"_s, u"90"_s),
        {u"$.defaultThresholdDays"_s},
        u"whole number of days, got text"_s);
    row("threshold a fraction",
        with(u"defaultThresholdDays"_s, 90.5),
        {u"$.defaultThresholdDays"_s},
        u"got 90.5"_s);
    row("threshold 1e300",
        with(u"defaultThresholdDays"_s, 1e300),
        {u"$.defaultThresholdDays"_s},
        u"far outside"_s);
    row("threshold out of range",
        with(u"defaultThresholdDays"_s, 400),
        {u"$.defaultThresholdDays"_s},
        u"400 days is outside 30 to 365 days"_s);
    row("grace period negative",
        with(u"gracePeriodDays"_s, -1),
        {u"$.gracePeriodDays"_s},
        u"outside 0 to 90"_s);
    row("thresholds a list",
        with(u"thresholdsByLicense"_s, QJsonArray{90}),
        {u"$.thresholdsByLicense"_s},
        u"an object of license names and days"_s);
    row("threshold of a license a string",
        with(u"thresholdsByLicense"_s, QJsonObject{{u"Salesforce Platform"_s, u"90"_s}}),
        {u"$.thresholdsByLicense[\"Salesforce Platform\"]"_s},
        u"got text"_s);
    row("threshold of a license out of range",
        with(u"thresholdsByLicense"_s, QJsonObject{{u"Salesforce"_s, 10}}),
        {u"$.thresholdsByLicense.Salesforce"_s},
        u"outside 30 to 365"_s);
    row("includeLicenses a string",
        with(u"includeLicenses"_s, u"Salesforce"_s),
        {u"$.includeLicenses"_s},
        u"a list of names"_s);
    row("includeLicenses with a number",
        with(u"includeLicenses"_s, QJsonArray{u"Salesforce"_s, 7, u"Chatter"_s}),
        {u"$.includeLicenses[1]"_s},
        u"expected a name, got a number"_s);
    row("license both included and excluded",
        with(u"excludeLicenses"_s, QJsonArray{u"Salesforce"_s}),
        {u"$.excludeLicenses[0]"_s},
        u"either included or excluded"_s);
    row("userTypes unknown",
        with(u"userTypes"_s, QJsonArray{u"Guest"_s}),
        {u"$.userTypes[0]"_s},
        u"'Guest' is not one a policy can cover"_s);
    row("notificationChannel a URL",
        with(u"notificationChannel"_s, u"https://hooks.slack.com/services/X"_s),
        {u"$.notificationChannel"_s},
        u"not its address"_s);
    row("downgradeTargets to a number",
        with(u"downgradeTargets"_s, QJsonObject{{u"Salesforce"_s, 5}}),
        {u"$.downgradeTargets.Salesforce"_s},
        u"expected a profile id"_s);
    row("name of 100,000 characters",
        with(u"name"_s, QString(100000, u'x')),
        {u"$.name"_s},
        u"Name: at most 80 characters"_s);
    row("itsm without connection",
        with(u"itsmConnection"_s, QJsonValue::Null),
        {u"$.itsmConnection"_s},
        u"choose the ITSM connection"_s);

    // Exemptions
    row("exemptions an object",
        with(u"exemptions"_s, QJsonObject()),
        {u"$.exemptions"_s},
        u"a list of exemptions"_s);
    row("exemption a string",
        with(u"exemptions"_s, QJsonArray{u"ana@acme.com"_s}),
        {u"$.exemptions[0]"_s},
        u"an exemption object"_s);
    row("exemption without user",
        withExemption(1, u"userId"_s, QJsonValue::Undefined),
        {u"$.exemptions[1]"_s},
        u"Exemption 2: give the user's userId or username"_s);
    row("exemption with an unknown member",
        withExemption(0, u"note"_s, u"x"_s),
        {u"$.exemptions[0].note"_s},
        u"'note' is not a field of an exemption"_s);
    row("exemption reason a number",
        withExemption(1, u"reason"_s, 3),
        {u"$.exemptions[1].reason"_s},
        u"reason should be text, not a number"_s);
    row("exemption without reason",
        withExemption(1, u"reason"_s, QJsonValue::Undefined),
        {u"$.exemptions[1].reason"_s},
        u"give the reason"_s);
    row("exemption expires on 30 February",
        withExemption(0, u"expires"_s, u"2026-02-30"_s),
        {u"$.exemptions[0].expires"_s},
        u"'2026-02-30' is not a date"_s);
    row("exemption expires in another format",
        withExemption(0, u"expires"_s, u"30/09/2026"_s),
        {u"$.exemptions[0].expires"_s},
        u"not a date such as 2026-12-31"_s);
    row("exemption expires a number",
        withExemption(0, u"expires"_s, 20260930),
        {u"$.exemptions[0].expires"_s},
        u"text or null"_s);
    row("exemption with a malformed user id",
        withExemption(0, u"userId"_s, u"' OR 1=1"_s),
        {u"$.exemptions[0].userId"_s},
        u"is not a user id"_s);
}

void TestPolicyImport::malformedFiles()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, problemPaths);
    QFETCH(QString, wording);
    const PolicyJson::Parsed parsed = PolicyJson::read(file);
    const QList<PolicyProblem> problems = PolicyJson::withRules(parsed);
    QCOMPARE(paths(problems), problemPaths);
    QVERIFY2(problems.first().message.contains(wording), qPrintable(describe(problems)));
    for (const PolicyProblem &problem : problems) {
        QVERIFY2(problem.message.size() < 400, qPrintable(problem.message.left(400)));
    }
}

void TestPolicyImport::everyProblemIsReported()
{
    QJsonObject object = validJson();
    object.insert(u"colour"_s, u"blue"_s);
    object.insert(u"defaultThresholdDays"_s, 10);
    object.insert(u"cooldownDays"_s, u"long"_s);
    object.insert(u"schedule"_s, u"hourly"_s);
    QJsonArray exemptions = object.value(u"exemptions"_s).toArray();
    QJsonObject third{{u"username"_s, u"bo@acme.com"_s}, {u"expires"_s, u"tomorrow"_s}};
    exemptions.append(third);
    object.insert(u"exemptions"_s, exemptions);
    const PolicyJson::Parsed parsed = PolicyJson::read(bytesOf(object));
    QVERIFY(parsed.readable);
    QStringList found = paths(PolicyJson::withRules(parsed));
    found.sort();
    // The third exemption has no user id until an import looks its username up in the org.
    QStringList expected{u"$.colour"_s,
                         u"$.cooldownDays"_s,
                         u"$.defaultThresholdDays"_s,
                         u"$.exemptions[2].expires"_s,
                         u"$.exemptions[2].reason"_s,
                         u"$.exemptions[2].userId"_s,
                         u"$.schedule"_s};
    expected.sort();
    QCOMPARE(found, expected);
}

void TestPolicyImport::rulesApplyToWhatWasRead()
{
    // A type problem is reported once, not again as a broken rule of the default it kept.
    const PolicyJson::Parsed parsed = PolicyJson::read(with(u"managerSlaDays"_s, u"a week"_s));
    QCOMPARE(paths(PolicyJson::withRules(parsed)), QStringList{u"$.managerSlaDays"_s});
}

void TestPolicyImport::invalidUtf8IsFoundWhereQtWouldReplaceIt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("valid") << QByteArray("Ana Lopez, Ангелина, 取締役, 🙂")
                           << qsizetype(-1);
    QTest::newRow("lone continuation") << QByteArray("ab\x80") << qsizetype(2);
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf") << qsizetype(1);
    QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << qsizetype(0);
    QTest::newRow("surrogate") << QByteArray("xy\xed\xa0\x80") << qsizetype(2);
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << qsizetype(0);
    QTest::newRow("truncated") << QByteArray("abc\xe2\x82") << qsizetype(3);
    QTest::newRow("0xff") << QByteArray("\xff") << qsizetype(0);
}

void TestPolicyImport::invalidUtf8IsFoundWhereQtWouldReplaceIt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, offset);
    QCOMPARE(JsonSourceScan::invalidUtf8At(bytes), offset);
    if (offset >= 0) {
        const QByteArray file =
            "{\"format\": \"license-reclaim-policy/1\", \"name\": \"" + bytes + "\"}";
        const PolicyJson::Parsed parsed = PolicyJson::read(file);
        QVERIFY(!parsed.readable);
        QCOMPARE(paths(parsed.problems), QStringList{u"$"_s});
        QVERIFY(parsed.problems.first().message.contains(u"UTF-8"_s));
    }
}

void TestPolicyImport::importOfAHostileFileWritesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("named");
    QTest::newRow("garbage") << QByteArray("\x00\x01garbage", 9) << QStringList{u"$"_s};
    QTest::newRow("unknown member and bad number")
        << with(u"colour"_s, u"x"_s).replace("\"cooldownDays\": 180", "\"cooldownDays\": 1e9")
        << QStringList{u"$.colour"_s, u"$.cooldownDays"_s};
    QTest::newRow("unknown user") << withExemption(0, u"userId"_s, u"005000000000999AAA"_s)
                                  << QStringList{u"$.exemptions[0].userId"_s};
    QTest::newRow("unknown username")
        << withExemption(1, u"username"_s, u"nobody@nowhere.invalid"_s)
               .replace("\"userId\": \"005000000000002AAA\",", "")
        << QStringList{u"$.exemptions[1].username"_s};
}

void TestPolicyImport::importOfAHostileFileWritesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, named);
    m_demo.clearMutations();
    lr::org::OrgSession session;
    session.instanceUrl = m_demo.instanceUrl();
    session.accessToken = m_demo.token(u"analyst"_s);
    lr::org::OrgClient client(&m_demo.network(), session);
    QVERIFY(QCoro::waitFor(client.negotiateVersion()));
    lr::policy::PolicyRepository repository(&client);
    const auto imported = QCoro::waitFor(repository.importJson(file));
    QVERIFY(!imported);
    QCOMPARE(imported.error().kind, lr::Error::Kind::Usage);
    for (const QString &path : named) {
        QVERIFY2(imported.error().fields.contains(path), qPrintable(imported.error().message));
        QVERIFY2(imported.error().message.contains(path + u": "_s),
                 qPrintable(imported.error().message));
    }
    QVERIFY(imported.error().message.contains(u"nothing was saved"_s));
    QCOMPARE(m_demo.mutations(), QJsonArray()); // no POST, PATCH or DELETE reached the org
}

QTEST_GUILESS_MAIN(TestPolicyImport)
#include "tst_policyimport.moc"
