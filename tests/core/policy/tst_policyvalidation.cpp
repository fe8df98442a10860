// The rules of every policy field: each limit, one below and one above, the cross-field
// rules and the name rules, with messages that name the field and what is allowed.
#include "core/common/error.h"
#include "core/common/translations.h"
#include "core/policy/policy.h"
#include "core/policy/policyvalidator.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using lr::policy::Exemption;
using lr::policy::Policy;
using lr::policy::PolicyField;
using lr::policy::PolicyProblem;
using lr::policy::PolicyValidator;

namespace {

using Change = std::function<void(Policy &)>;

QString userId(int n)
{
    return u"005000000%1AAA"_s.arg(n, 6, 10, QChar(u'0'));
}

Exemption exemption(int n, const QString &reason = u"On leave"_s)
{
    Exemption e;
    e.userId = userId(n);
    e.reason = reason;
    return e;
}

// A valid policy that uses every field, so that a change makes exactly its own problems.
Policy fullPolicy()
{
    Policy policy = Policy::builtInDefault();
    policy.executionPath = Policy::ExecutionPath::Both;
    policy.itsmConnection = u"ServiceNow production"_s;
    policy.thresholdByLicense = {{u"Salesforce Platform"_s, 120}};
    policy.includeLicenses = {u"Salesforce"_s, u"Salesforce Platform"_s};
    policy.excludeLicenses = {u"Chatter Free"_s};
    policy.userTypes = {u"Standard"_s, u"PowerPartner"_s};
    policy.exemptions = {exemption(1), exemption(2), exemption(3)};
    policy.notificationChannel = u"slack-sales-ops"_s;
    policy.downgradeTargets = {{u"Salesforce"_s, u"00e000000000001AAA"_s}};
    return policy;
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

} // namespace

Q_DECLARE_METATYPE(Change)

class TestPolicyValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtInDefaultAndFullPolicyAreValid();
    void numberBounds_data();
    void numberBounds();
    void rules_data();
    void rules();
    void messagesNameTheFieldAndRange();
    void everyProblemIsListed();
    void problemsBecomeOneUsageError();
    void pathsQuoteLicenseNames();
};

void TestPolicyValidation::initTestCase()
{
    // The English plural forms: "1 day", "400 days".
    lr::Translations::install(*QCoreApplication::instance());
}

void TestPolicyValidation::builtInDefaultAndFullPolicyAreValid()
{
    QVERIFY2(Policy::builtInDefault().isValid(),
             qPrintable(describe(Policy::builtInDefault().validate())));
    QVERIFY2(fullPolicy().isValid(), qPrintable(describe(fullPolicy().validate())));
}

void TestPolicyValidation::numberBounds_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("valid");
    struct Bounds
    {
        const char *member;
        int min;
        int max;
    };
    const Bounds bounds[] = {
        {"defaultThresholdDays", 30, 365},
        {"thresholdsByLicense", 30, 365},
        {"gracePeriodDays", 0, 90},
        {"managerSlaDays", 1, 30},
        {"reminderDays", 0, 29},
        {"cooldownDays", 0, 365},
    };
    for (const Bounds &b : bounds) {
        const QString member = QString::fromLatin1(b.member);
        const QList<QPair<int, bool>> values{{b.min - 1, false},
                                             {b.min, true},
                                             {b.min + 1, true},
                                             {b.max - 1, true},
                                             {b.max, true},
                                             {b.max + 1, false}};
        for (const auto &[value, valid] : values) {
            QTest::addRow("%s %d", b.member, value) << member << value << valid;
        }
    }
    QTest::newRow("defaultThresholdDays huge") << u"defaultThresholdDays"_s << 2000000000 << false;
    QTest::newRow("cooldownDays very negative") << u"cooldownDays"_s << -2000000000 << false;
}

void TestPolicyValidation::numberBounds()
{
    QFETCH(QString, member);
    QFETCH(int, value);
    QFETCH(bool, valid);
    Policy policy = fullPolicy();
    QString path = u"$."_s + member;
    if (member == u"defaultThresholdDays") {
        policy.defaultThresholdDays = value;
    } else if (member == u"thresholdsByLicense") {
        policy.thresholdByLicense[u"Salesforce Platform"_s] = value;
        path += u"[\"Salesforce Platform\"]"_s;
    } else if (member == u"gracePeriodDays") {
        policy.gracePeriodDays = value;
    } else if (member == u"managerSlaDays") {
        policy.managerSlaDays = value;
        policy.reminderDays = 0; // the reminder's own rule is tested below
    } else if (member == u"reminderDays") {
        policy.managerSlaDays = 30; // the widest deadline, so only the range decides
        policy.reminderDays = value;
    } else if (member == u"cooldownDays") {
        policy.cooldownDays = value;
    }
    const QList<PolicyProblem> problems = policy.validate();
    if (valid) {
        QVERIFY2(problems.isEmpty(), qPrintable(describe(problems)));
        return;
    }
    // reminderDays 30 breaks both its range and the deadline rule: one problem is enough.
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, path);
    QVERIFY2(problems.first().message.contains(QString::number(value)),
             qPrintable(problems.first().message));
}

void TestPolicyValidation::rules_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QStringList>("problemPaths"); // empty: valid

    auto row = [](const char *name, Change change, QStringList expected) {
        QTest::newRow(name) << change << expected;
    };
    const QStringList none;

    // Name
    row(
        "name 80 characters", [](Policy &p) { p.name = QString(80, u'n'); }, none);
    row("name 81 characters", [](Policy &p) { p.name = QString(81, u'n'); }, {u"$.name"_s});
    row(
        "name 80 characters between spaces",
        [](Policy &p) { p.name = u"  "_s + QString(80, u'n') + u"  "_s; },
        none);
    row("name empty", [](Policy &p) { p.name.clear(); }, {u"$.name"_s});
    row("name blank", [](Policy &p) { p.name = u" \t "_s; }, {u"$.name"_s});
    row("name with a line break", [](Policy &p) { p.name = u"a\nb"_s; }, {u"$.name"_s});
    row(
        "name non-Latin", [](Policy &p) { p.name = u"Лицензии Salesforce, 90 дней"_s; }, none);
    row("name 1 MB", [](Policy &p) { p.name = QString(1 << 20, u'x'); }, {u"$.name"_s});

    // Owner (not in the file format: its path is the document's)
    row(
        "owner a user id", [](Policy &p) { p.ownerId = userId(9); }, none);
    row("owner a profile id", [](Policy &p) { p.ownerId = u"00e000000000001AAA"_s; }, {u"$"_s});

    // Execution path and ITSM connection
    row(
        "email without connection",
        [](Policy &p) {
            p.executionPath = Policy::ExecutionPath::Email;
            p.itsmConnection.clear();
        },
        none);
    row("itsm without connection",
        [](Policy &p) {
            p.executionPath = Policy::ExecutionPath::Itsm;
            p.itsmConnection = u"  "_s;
        },
        {u"$.itsmConnection"_s});
    row("both without connection",
        [](Policy &p) { p.itsmConnection.clear(); },
        {u"$.itsmConnection"_s});
    row(
        "itsm with connection",
        [](Policy &p) { p.executionPath = Policy::ExecutionPath::Itsm; },
        none);
    row(
        "connection 80 characters", [](Policy &p) { p.itsmConnection = QString(80, u'c'); }, none);
    row("connection 81 characters",
        [](Policy &p) { p.itsmConnection = QString(81, u'c'); },
        {u"$.itsmConnection"_s});

    // Reminder before the manager's deadline
    row(
        "reminder one day before the deadline",
        [](Policy &p) {
            p.managerSlaDays = 7;
            p.reminderDays = 6;
        },
        none);
    row("reminder on the deadline",
        [](Policy &p) {
            p.managerSlaDays = 7;
            p.reminderDays = 7;
        },
        {u"$.reminderDays"_s});
    row("reminder after the deadline",
        [](Policy &p) {
            p.managerSlaDays = 7;
            p.reminderDays = 8;
        },
        {u"$.reminderDays"_s});
    row(
        "no reminder with a one-day deadline",
        [](Policy &p) {
            p.managerSlaDays = 1;
            p.reminderDays = 0;
        },
        none);
    row("reminder with an invalid deadline: only the deadline is wrong",
        [](Policy &p) {
            p.managerSlaDays = 0;
            p.reminderDays = 2;
        },
        {u"$.managerSlaDays"_s});

    // License lists
    row(
        "every license",
        [](Policy &p) {
            p.includeLicenses.clear();
            p.excludeLicenses.clear();
        },
        none);
    row("include an empty name",
        [](Policy &p) { p.includeLicenses.append(u" "_s); },
        {u"$.includeLicenses[2]"_s});
    row("include twice",
        [](Policy &p) { p.includeLicenses.append(u"Salesforce"_s); },
        {u"$.includeLicenses[2]"_s});
    row("included and excluded",
        [](Policy &p) { p.excludeLicenses.append(u"Salesforce"_s); },
        {u"$.excludeLicenses[1]"_s});
    row(
        "license name 80 characters",
        [](Policy &p) { p.excludeLicenses = {QString(80, u'l')}; },
        none);
    row("license name 81 characters",
        [](Policy &p) { p.excludeLicenses = {QString(81, u'l')}; },
        {u"$.excludeLicenses[0]"_s});
    row("license list too long to store",
        [](Policy &p) {
            p.excludeLicenses.clear();
            for (int i = 0; i < 500; ++i) {
                p.excludeLicenses.append(u"License %1 "_s.arg(i) + QString(60, u'x'));
            }
        },
        {u"$.excludeLicenses"_s});
    row("threshold for an empty license name",
        [](Policy &p) { p.thresholdByLicense.insert(QString(), 90); },
        {u"$.thresholdsByLicense"_s});

    // User types
    row(
        "every user type", [](Policy &p) { p.userTypes = PolicyValidator::userTypes(); }, none);
    row("no user type", [](Policy &p) { p.userTypes.clear(); }, {u"$.userTypes"_s});
    row("unknown user type",
        [](Policy &p) { p.userTypes.append(u"Guest"_s); },
        {u"$.userTypes[2]"_s});
    row("user type twice",
        [](Policy &p) { p.userTypes.append(u"Standard"_s); },
        {u"$.userTypes[2]"_s});

    // Exemptions
    row("exemption without user",
        [](Policy &p) { p.exemptions[1].userId.clear(); },
        {u"$.exemptions[1].userId"_s});
    row("exemption with a profile id",
        [](Policy &p) { p.exemptions[1].userId = u"00e000000000001AAA"_s; },
        {u"$.exemptions[1].userId"_s});
    row(
        "exemption with a 15-character id",
        [](Policy &p) { p.exemptions[1].userId = u"005000000000777"_s; },
        none);
    row("exemption with a 16-character id",
        [](Policy &p) { p.exemptions[1].userId = u"005000000000777A"_s; },
        {u"$.exemptions[1].userId"_s});
    row("same user twice, 15 and 18 characters",
        [](Policy &p) { p.exemptions[2].userId = userId(1).left(15); },
        {u"$.exemptions[2].userId"_s});
    row("exemption without reason",
        [](Policy &p) { p.exemptions[0].reason = u"  "_s; },
        {u"$.exemptions[0].reason"_s});
    row(
        "reason 255 characters",
        [](Policy &p) { p.exemptions[0].reason = QString(255, u'r'); },
        none);
    row("reason 256 characters",
        [](Policy &p) { p.exemptions[0].reason = QString(256, u'r'); },
        {u"$.exemptions[0].reason"_s});
    row(
        "expired exemption is kept",
        [](Policy &p) { p.exemptions[0].expires = QDate(2001, 1, 1); },
        none);
    row(
        "2000 exemptions",
        [](Policy &p) {
            p.exemptions.clear();
            for (int i = 0; i < PolicyValidator::kMaxExemptions; ++i) {
                p.exemptions.append(exemption(i));
            }
        },
        none);
    row("2001 exemptions",
        [](Policy &p) {
            p.exemptions.clear();
            for (int i = 0; i <= PolicyValidator::kMaxExemptions; ++i) {
                p.exemptions.append(exemption(i));
            }
        },
        {u"$.exemptions"_s});

    // Notification channel
    row(
        "channel a secret's name", [](Policy &p) { p.notificationChannel = u"teams-it"_s; }, none);
    row("channel a webhook URL",
        [](Policy &p) { p.notificationChannel = u"https://hooks.slack.com/services/T0/B0/x"_s; },
        {u"$.notificationChannel"_s});
    row("channel an upper-case URL",
        [](Policy &p) { p.notificationChannel = u"HTTP://example.com"_s; },
        {u"$.notificationChannel"_s});
    row("channel a URL without a scheme",
        [](Policy &p) { p.notificationChannel = u"hooks.slack.com/services/T0/B0/x"_s; },
        {u"$.notificationChannel"_s});
    row("channel a Teams webhook host and path",
        [](Policy &p) { p.notificationChannel = u"outlook.office.com\\webhook"_s; },
        {u"$.notificationChannel"_s});
    row("channel with a newline",
        [](Policy &p) { p.notificationChannel = u"slack\nops"_s; },
        {u"$.notificationChannel"_s});
    row("channel with a query character",
        [](Policy &p) { p.notificationChannel = u"slack?token=x"_s; },
        {u"$.notificationChannel"_s});
    row(
        "channel with spaces, dots and underscores",
        [](Policy &p) { p.notificationChannel = u"Sales Ops.alerts_2"_s; },
        none);
    row("channel 81 characters",
        [](Policy &p) { p.notificationChannel = QString(81, u'c'); },
        {u"$.notificationChannel"_s});
    row(
        "no channel", [](Policy &p) { p.notificationChannel.clear(); }, none);

    // Downgrade targets
    row("downgrade to a user id",
        [](Policy &p) { p.downgradeTargets[u"Salesforce"_s] = userId(1); },
        {u"$.downgradeTargets.Salesforce"_s});
    row(
        "downgrade to a 15-character profile id",
        [](Policy &p) { p.downgradeTargets[u"Salesforce"_s] = u"00e000000000001"_s; },
        none);
    row("downgrade with symbols in the id",
        [](Policy &p) { p.downgradeTargets[u"Salesforce"_s] = u"00e00000000000'"_s; },
        {u"$.downgradeTargets.Salesforce"_s});
}

void TestPolicyValidation::rules()
{
    QFETCH(Change, change);
    QFETCH(QStringList, problemPaths);
    Policy policy = fullPolicy();
    change(policy);
    const QList<PolicyProblem> problems = policy.validate();
    QCOMPARE(paths(problems), problemPaths);
    for (const PolicyProblem &problem : problems) {
        QVERIFY(problem.message.endsWith(u'.'));
        QVERIFY2(problem.message.size() < 400, qPrintable(problem.message.left(400)));
    }
}

void TestPolicyValidation::messagesNameTheFieldAndRange()
{
    Policy policy = fullPolicy();
    policy.defaultThresholdDays = 400;
    QCOMPARE(policy.validate().first().message,
             u"Inactivity threshold: 400 days is outside 30 to 365 days."_s);
    QCOMPARE(policy.validate().first().field, PolicyField::DefaultThresholdDays);

    policy = fullPolicy();
    policy.gracePeriodDays = 91;
    QCOMPARE(policy.validate().first().message,
             u"Grace period: 91 days is outside 0 to 90 days."_s);

    policy = fullPolicy();
    policy.thresholdByLicense[u"Salesforce Platform"_s] = 1;
    QCOMPARE(policy.validate().first().message,
             u"Inactivity threshold for 'Salesforce Platform': 1 day is outside 30 to 365 days."_s);
    QCOMPARE(policy.validate().first().key, u"Salesforce Platform"_s);

    policy = fullPolicy();
    policy.reminderDays = 7;
    const QString reminder = policy.validate().first().message;
    QVERIFY2(reminder.startsWith(u"Reminder: must come before the manager's answer is due (0 to "
                                 u"6 days"_s),
             qPrintable(reminder));

    policy = fullPolicy();
    policy.exemptions[2].reason.clear();
    QCOMPARE(policy.validate().first().message, u"Exemption 3: give the reason."_s);
    QCOMPARE(policy.validate().first().index, 2);

    policy = fullPolicy();
    policy.name = QString(1 << 20, u'x');
    const QString name = policy.validate().first().message;
    QVERIFY2(name.startsWith(u"Name: at most 80 characters"_s), qPrintable(name.left(200)));
    QVERIFY(name.size() < 100); // the value itself is not repeated
}

void TestPolicyValidation::everyProblemIsListed()
{
    Policy policy = fullPolicy();
    policy.name.clear();
    policy.defaultThresholdDays = 10;
    policy.gracePeriodDays = -1;
    policy.managerSlaDays = 31;
    policy.cooldownDays = 1000;
    policy.userTypes.clear();
    policy.exemptions[0].reason.clear();
    policy.exemptions[2].userId = u"nobody"_s;
    policy.notificationChannel = u"https://hooks.slack.com/x"_s;
    policy.itsmConnection.clear();
    QCOMPARE(paths(policy.validate()),
             QStringList({u"$.name"_s,
                          u"$.itsmConnection"_s,
                          u"$.defaultThresholdDays"_s,
                          u"$.userTypes"_s,
                          u"$.gracePeriodDays"_s,
                          u"$.managerSlaDays"_s,
                          u"$.cooldownDays"_s,
                          u"$.exemptions[0].reason"_s,
                          u"$.exemptions[2].userId"_s,
                          u"$.notificationChannel"_s}));
    QVERIFY(!policy.isValid());
}

void TestPolicyValidation::problemsBecomeOneUsageError()
{
    Policy policy = fullPolicy();
    policy.defaultThresholdDays = 400;
    policy.cooldownDays = -3;
    const lr::Error error = PolicyProblem::toError(policy.validate(), u"Cannot save:"_s);
    QCOMPARE(error.kind, lr::Error::Kind::Usage);
    QCOMPARE(error.fields, QStringList({u"$.defaultThresholdDays"_s, u"$.cooldownDays"_s}));
    QCOMPARE(error.message.split(u'\n').size(), 3);
    QVERIFY(error.message.contains(u"$.cooldownDays: Cooldown after keep: -3 days"_s));
}

void TestPolicyValidation::pathsQuoteLicenseNames()
{
    QCOMPARE(PolicyProblem::memberPath(u"$.thresholdsByLicense"_s, u"Salesforce"_s),
             u"$.thresholdsByLicense.Salesforce"_s);
    QCOMPARE(PolicyProblem::memberPath(u"$.x"_s, u"Sales \"Cloud\""_s),
             u"$.x[\"Sales \\\"Cloud\\\"\"]"_s);
    QCOMPARE(PolicyProblem::indexPath(u"$.exemptions"_s, 12), u"$.exemptions[12]"_s);
    QCOMPARE(PolicyProblem::fieldPath(PolicyField::ReminderDays), u"$.reminderDays"_s);
    QCOMPARE(PolicyProblem::fieldPath(PolicyField::Document), u"$"_s);
}

QTEST_GUILESS_MAIN(TestPolicyValidation)
#include "tst_policyvalidation.moc"
