#include "core/pipeline/reclaimpreview.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using lr::pipeline::PreviewEntry;
using lr::pipeline::ReclaimPreview;
using lr::policy::Policy;
using lr::safety::Finding;
using lr::safety::SafetySettings;
using lr::scan::DataSource;
using lr::scan::OrgSnapshot;
using lr::scan::ScannedUser;

namespace {

QDateTime now()
{
    return QDateTime(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc()).toUTC();
}

ScannedUser user(const QString &name,
                 int daysInactive,
                 const QString &license = u"Salesforce"_s,
                 const QString &userType = u"Standard"_s)
{
    ScannedUser u;
    u.id = u"005%1"_s.arg(
        static_cast<qulonglong>(qHash(name)) % 1000000000000000ULL, 15, 10, QChar(u'0'));
    u.name = name;
    u.username = name.toLower().remove(u' ') + u"@acme.com"_s;
    u.email = u.username;
    u.userType = userType;
    u.licenseName = license;
    u.profileName = u"Standard User"_s;
    u.created = now().addDays(-1000);
    u.lastLogin = now().addDays(-daysInactive);
    return u;
}

lr::scan::SourceStatus status(bool complete, const QString &missingPermission = {})
{
    lr::scan::SourceStatus source;
    source.complete = complete;
    source.missingPermission = missingPermission;
    return source;
}

OrgSnapshot snapshotOf(const QList<ScannedUser> &users)
{
    OrgSnapshot snapshot;
    snapshot.takenAt = now();
    snapshot.users = users;
    for (int i = 0; i <= static_cast<int>(DataSource::UserLogins); ++i) {
        snapshot.sources.insert(static_cast<DataSource>(i), status(true));
    }
    return snapshot;
}

lr::scan::QueueMembership queue(const QString &id, const QString &name, int activeMembers)
{
    lr::scan::QueueMembership q;
    q.queueId = id;
    q.queueName = name;
    q.activeMembers = activeMembers;
    return q;
}

Policy everyLicense()
{
    Policy policy = Policy::builtInDefault();
    policy.includeLicenses.clear();
    return policy;
}

// The entries' user names, in the preview's order.
QStringList names(const QList<PreviewEntry> &entries, const OrgSnapshot &snapshot)
{
    QStringList result;
    for (const PreviewEntry &entry : entries) {
        result.append(snapshot.users.at(entry.userIndex).name);
    }
    return result;
}

} // namespace

using PolicyChange = std::function<void(Policy &)>;
Q_DECLARE_METATYPE(PolicyChange)

class TestReclaimPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scope_data();
    void scope();
    void thresholdsPerLicense();
    void neverLoggedInCountsFromCreation();
    void thresholdSetsTheApiActivityWindow();
    void candidatesNeverCarryRed();
    void sortsByDaysInactiveThenName();
    void sortsNamesLikeCaseInsensitiveCompare();
    void incompleteSourceBlocksEveryone();
    void exemptUserIsBlocked();
    void emptySnapshot();
    void nowInAnyTimeZone();
};

void TestReclaimPreview::scope_data()
{
    QTest::addColumn<PolicyChange>("change");
    QTest::addColumn<int>("inScope");
    QTest::addColumn<QStringList>("entries"); // candidates, in order

    QTest::newRow("built-in-default")
        << PolicyChange([](Policy &p) { p = Policy::builtInDefault(); }) << 2
        << QStringList{u"Ann"_s};
    QTest::newRow("every-license-standard-users")
        << PolicyChange([](Policy &) {}) << 3 << QStringList{u"Ann"_s, u"Ben"_s};
    QTest::newRow("exclude-platform")
        << PolicyChange([](Policy &p) { p.excludeLicenses = {u"Salesforce Platform"_s}; }) << 2
        << QStringList{u"Ann"_s};
    QTest::newRow("include-platform-only")
        << PolicyChange([](Policy &p) { p.includeLicenses = {u"Salesforce Platform"_s}; }) << 1
        << QStringList{u"Ben"_s};
    QTest::newRow("partners-too") << PolicyChange([](Policy &p) {
        p.userTypes = {u"Standard"_s, u"PowerPartner"_s};
    }) << 4 << QStringList{u"Ann"_s, u"Ben"_s, u"Dan"_s};
    QTest::newRow("every-user-type") << PolicyChange([](Policy &p) { p.userTypes.clear(); }) << 5
                                     << QStringList{u"Ann"_s, u"Ben"_s, u"Cat"_s, u"Dan"_s};
    QTest::newRow("included-and-excluded") << PolicyChange([](Policy &p) {
        p.includeLicenses = {u"Salesforce"_s};
        p.excludeLicenses = {u"Salesforce"_s};
    }) << 0 << QStringList();
}

void TestReclaimPreview::scope()
{
    QFETCH(PolicyChange, change);
    QFETCH(int, inScope);
    QFETCH(QStringList, entries);

    const OrgSnapshot snapshot = snapshotOf({
        user(u"Ann"_s, 200),
        user(u"Ben"_s, 200, u"Salesforce Platform"_s),
        user(u"Cat"_s, 200, u"Chatter Free"_s, u"CsnOnly"_s),
        user(u"Dan"_s, 200, u"Partner Community"_s, u"PowerPartner"_s),
        user(u"Eve"_s, 40), // in scope, not idle long enough
    });
    Policy policy = everyLicense();
    change(policy);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, policy, {}, now());

    QCOMPARE(preview.inScope, inScope);
    QCOMPARE(names(preview.candidates, snapshot), entries);
    QVERIFY(preview.blocked.isEmpty());
}

void TestReclaimPreview::thresholdsPerLicense()
{
    const OrgSnapshot snapshot = snapshotOf({
        user(u"Sales 100"_s, 100),
        user(u"Platform 100"_s, 100, u"Salesforce Platform"_s),
        user(u"Platform 180"_s, 180, u"Salesforce Platform"_s),
        user(u"Sales 89"_s, 89),
        user(u"Sales 90"_s, 90),
    });
    Policy policy = everyLicense();
    policy.defaultThresholdDays = 90;
    policy.thresholdByLicense.insert(u"Salesforce Platform"_s, 180);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, policy, {}, now());

    QCOMPARE(preview.inScope, 5);
    QCOMPARE(names(preview.candidates, snapshot),
             (QStringList{u"Platform 180"_s, u"Sales 100"_s, u"Sales 90"_s}));
    const QList<int> thresholds{180, 90, 90};
    const QList<int> days{180, 100, 90};
    for (qsizetype i = 0; i < preview.candidates.size(); ++i) {
        QCOMPARE(preview.candidates.at(i).thresholdDays, thresholds.at(i));
        QCOMPARE(preview.candidates.at(i).daysInactive, days.at(i));
    }
}

void TestReclaimPreview::neverLoggedInCountsFromCreation()
{
    ScannedUser never = user(u"Never"_s, 0);
    never.lastLogin = QDateTime();
    never.created = now().addDays(-365);
    const OrgSnapshot snapshot = snapshotOf({never});
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, now());
    QCOMPARE(preview.candidates.size(), 1);
    QCOMPARE(preview.candidates.first().daysInactive, 365);
}

// A check sees the threshold of the user's license: API use 100 days ago is inside a
// 150-day window and outside a 90-day one.
void TestReclaimPreview::thresholdSetsTheApiActivityWindow()
{
    ScannedUser integration = user(u"Etl"_s, 200);
    integration.lastApiLogin = now().addDays(-100);
    const OrgSnapshot snapshot = snapshotOf({integration});

    Policy policy = everyLicense();
    policy.defaultThresholdDays = 90;
    QCOMPARE(ReclaimPreview::build(snapshot, policy, {}, now()).candidates.size(), 1);

    policy.thresholdByLicense.insert(u"Salesforce"_s, 150);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, policy, {}, now());
    QCOMPARE(preview.blocked.size(), 1);
    QCOMPARE(preview.blocked.first().findings.first().check, u"api-activity"_s);
}

void TestReclaimPreview::candidatesNeverCarryRed()
{
    QList<ScannedUser> users;
    for (int i = 0; i < 64; ++i) {
        ScannedUser u = user(u"User %1"_s.arg(i), 100 + i);
        // Every combination of two amber and four red reasons.
        u.activeDirectReports = i & 1;
        u.openCases = (i >> 1) & 1;
        if (i & 4) {
            u.queues = {queue(u"00G"_s, u"Escalations"_s, 1)};
        }
        if (i & 8) {
            u.scheduledJobs = {u"Nightly Export"_s};
        }
        if (i & 16) {
            u.profileName = u"System Administrator"_s;
        }
        if (i & 32) {
            u.username = u"svc-"_s + u.username;
        }
        users.append(u);
    }
    const OrgSnapshot snapshot = snapshotOf(users);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, now());

    QCOMPARE(preview.inScope, 64);
    QCOMPARE(preview.candidates.size(), 4); // i < 4: amber at most
    QCOMPARE(preview.blocked.size(), 60);
    int withAmber = 0;
    for (const PreviewEntry &entry : preview.candidates) {
        QVERIFY(!lr::safety::hasRed(entry.findings));
        withAmber += entry.findings.isEmpty() ? 0 : 1;
    }
    QCOMPARE(withAmber, 3);
    for (const PreviewEntry &entry : preview.blocked) {
        QVERIFY(lr::safety::hasRed(entry.findings));
    }
}

void TestReclaimPreview::sortsByDaysInactiveThenName()
{
    ScannedUser blockedLong = user(u"Blocked Long"_s, 400);
    blockedLong.scheduledJobs = {u"Nightly Export"_s};
    ScannedUser blockedShort = user(u"Blocked Short"_s, 91);
    blockedShort.scheduledJobs = {u"Weekly Sync"_s};
    ScannedUser secondAlice = user(u"alice"_s, 120);
    secondAlice.id = u"005000000000099AAA"_s;
    const OrgSnapshot snapshot = snapshotOf({
        user(u"bob"_s, 120),
        blockedShort,
        user(u"Alice"_s, 120),
        secondAlice, // equal to Alice but for case: snapshot order decides
        user(u"Zed"_s, 300),
        blockedLong,
        user(u"Carl"_s, 95),
    });
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, now());

    QCOMPARE(names(preview.candidates, snapshot),
             (QStringList{u"Zed"_s, u"Alice"_s, u"alice"_s, u"bob"_s, u"Carl"_s}));
    QCOMPARE(names(preview.blocked, snapshot),
             (QStringList{u"Blocked Long"_s, u"Blocked Short"_s}));
    QCOMPARE(preview.candidates.at(1).userIndex, 2);
    QCOMPARE(preview.candidates.at(2).userIndex, 3);
}

// The sort compares prefixes packed into integers before whole names: the order must still be
// QString's case-insensitive one, for long shared prefixes and letters beyond Latin-1 too.
void TestReclaimPreview::sortsNamesLikeCaseInsensitiveCompare()
{
    const QStringList given{
        u"Alexandria Montgomery-Smith"_s,
        u"alexandria montgomery-jones"_s,
        u"Alexandria Montgomery"_s,
        u"Ωmega Corp"_s,
        u"ωmega corp"_s,
        u"Zed"_s,
        u"Émile"_s,
        u"Eve"_s,
        u"ÿves"_s,
        u"Ÿann"_s,
        u"Łukasz"_s,
        u"lukas"_s,
        u"Straße"_s,
        u"STRASSE"_s,
        u""_s,
        u"A"_s,
    };
    QList<ScannedUser> users;
    for (const QString &name : given) {
        ScannedUser u = user(name, 120);
        u.id = u"005%1AAA"_s.arg(users.size(), 12, 10, QChar(u'0'));
        users.append(u);
    }
    const OrgSnapshot snapshot = snapshotOf(users);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, now());

    QStringList expected = given;
    std::stable_sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    QCOMPARE(names(preview.candidates, snapshot), expected);
}

void TestReclaimPreview::incompleteSourceBlocksEveryone()
{
    OrgSnapshot snapshot = snapshotOf({user(u"Ann"_s, 200), user(u"Ben"_s, 300)});
    snapshot.sources[DataSource::Approvals] = status(false, u"View All Data"_s);
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, now());

    QVERIFY(preview.candidates.isEmpty());
    QCOMPARE(preview.blocked.size(), 2);
    for (const PreviewEntry &entry : preview.blocked) {
        QCOMPARE(entry.findings.size(), 1);
        QCOMPARE(entry.findings.first().check, u"manager"_s);
        QCOMPARE(entry.findings.first().message,
                 u"Cannot see pending approvals: needs View All Data."_s);
    }
}

void TestReclaimPreview::exemptUserIsBlocked()
{
    const ScannedUser exempt = user(u"Exempt"_s, 200);
    const OrgSnapshot snapshot = snapshotOf({exempt, user(u"Other"_s, 200)});
    Policy policy = everyLicense();
    lr::policy::Exemption exemption;
    exemption.userId = exempt.id;
    exemption.reason = u"Auditor"_s;
    policy.exemptions = {exemption};
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, policy, {}, now());

    QCOMPARE(names(preview.blocked, snapshot), QStringList{u"Exempt"_s});
    QCOMPARE(names(preview.candidates, snapshot), QStringList{u"Other"_s});
}

void TestReclaimPreview::emptySnapshot()
{
    const ReclaimPreview preview = ReclaimPreview::build({}, Policy::builtInDefault(), {}, now());
    QCOMPARE(preview.inScope, 0);
    QVERIFY(preview.candidates.isEmpty());
    QVERIFY(preview.blocked.isEmpty());
}

void TestReclaimPreview::nowInAnyTimeZone()
{
    const OrgSnapshot snapshot = snapshotOf({user(u"Ann"_s, 100)});
    const QDateTime tokyo = now().toTimeZone(QTimeZone(9 * 3600));
    const ReclaimPreview preview = ReclaimPreview::build(snapshot, everyLicense(), {}, tokyo);
    QCOMPARE(preview.candidates.size(), 1);
    QCOMPARE(preview.candidates.first().daysInactive, 100);
}

QTEST_GUILESS_MAIN(TestReclaimPreview)
#include "tst_reclaimpreview.moc"
