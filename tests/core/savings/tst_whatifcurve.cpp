// The what-if curve over hand-made snapshots: seats never rise with the threshold, users a red
// check blocks never count, API use inside the window blocks from the day it falls inside,
// licenses with their own threshold stay put, and every point agrees with the Preview of the
// same policy at that threshold.
#include "core/pipeline/reclaimpreview.h"
#include "core/savings/whatifcurve.h"

#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace Qt::StringLiterals;
using lr::pipeline::ReclaimPreview;
using lr::policy::Policy;
using lr::safety::SafetySettings;
using lr::savings::PriceBook;
using lr::savings::WhatIfCurve;
using lr::savings::WhatIfPoint;
using lr::scan::DataSource;
using lr::scan::OrgSnapshot;
using lr::scan::ScannedUser;

namespace {

QDateTime now()
{
    return QDateTime(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::utc());
}

ScannedUser user(int number, int daysInactive, const QString &license = u"Salesforce"_s)
{
    ScannedUser u;
    u.id = u"005%1"_s.arg(number, 12, 10, QChar(u'0'));
    u.name = u"User %1"_s.arg(number);
    u.username = u"user%1@acme.com"_s.arg(number);
    u.email = u.username;
    u.userType = u"Standard"_s;
    u.licenseName = license;
    u.profileName = u"Standard User"_s;
    u.created = now().addDays(-1000);
    u.lastLogin = now().addDays(-daysInactive);
    return u;
}

OrgSnapshot snapshotOf(const QList<ScannedUser> &users)
{
    OrgSnapshot snapshot;
    snapshot.takenAt = now();
    snapshot.users = users;
    for (int i = 0; i <= static_cast<int>(DataSource::UserLogins); ++i) {
        lr::scan::SourceStatus status;
        status.complete = true;
        snapshot.sources.insert(static_cast<DataSource>(i), status);
    }
    return snapshot;
}

PriceBook prices()
{
    return PriceBook::fromJson(R"({"format":"license-reclaim-pricebook/1","currency":"USD",
        "basis":"list-price-estimate","monthlyPrices":{"Salesforce":165,
        "Salesforce Platform":25}})")
        .value();
}

Policy everyLicense()
{
    Policy policy = Policy::builtInDefault();
    policy.includeLicenses.clear();
    return policy;
}

// A mixed org: idle for 30 to 400 days, some API users, admins, a service account, a
// Platform user, an unpriced license.
OrgSnapshot mixedOrg()
{
    QList<ScannedUser> users;
    for (int i = 0; i < 120; ++i) {
        const int days = 30 + (i * 37) % 371;
        ScannedUser u = user(i, days, i % 5 == 0 ? u"Salesforce Platform"_s : u"Salesforce"_s);
        if (i % 7 == 0) {
            u.lastApiLogin = now().addDays(-(20 + (i * 13) % 200)); // api-activity
        }
        if (i % 11 == 0) {
            u.modifyAllDataGrants = {u"Profile: System Administrator"_s}; // admin: red
        }
        if (i % 17 == 0) {
            u.licenseName = u"Work.com"_s; // no price in the book
        }
        users.append(u);
    }
    users.append([] {
        ScannedUser u = user(500, 200);
        u.username = u"svc-backup@acme.com"_s; // service-account: red
        return u;
    }());
    return snapshotOf(users);
}

} // namespace

using PolicyChange = std::function<void(Policy &)>;
Q_DECLARE_METATYPE(PolicyChange)
using UserChange = std::function<void(ScannedUser &)>;
Q_DECLARE_METATYPE(UserChange)

class TestWhatIfCurve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesThePreviewAtEveryThreshold_data();
    void matchesThePreviewAtEveryThreshold();
    void seatsNeverRiseWithTheThreshold();
    void redBlockedUsersNeverCount_data();
    void redBlockedUsersNeverCount();
    void apiUseBlocksOnceInsideTheWindow();
    void ownLicenseThresholdStaysPut();
    void savingsComeFromThePriceBook();
    void unpricedLicensesAreNamed();
    void clampsToTheRange();
    void emptySnapshot();
};

void TestWhatIfCurve::matchesThePreviewAtEveryThreshold_data()
{
    QTest::addColumn<PolicyChange>("change");
    QTest::newRow("every-license") << PolicyChange([](Policy &) {});
    QTest::newRow("built-in-default")
        << PolicyChange([](Policy &p) { p = Policy::builtInDefault(); });
    QTest::newRow("platform-own-threshold") << PolicyChange(
        [](Policy &p) { p.thresholdByLicense.insert(u"Salesforce Platform"_s, 120); });
    QTest::newRow("exclude-platform")
        << PolicyChange([](Policy &p) { p.excludeLicenses = {u"Salesforce Platform"_s}; });
}

void TestWhatIfCurve::matchesThePreviewAtEveryThreshold()
{
    QFETCH(PolicyChange, change);
    Policy policy = everyLicense();
    change(policy);
    const OrgSnapshot snapshot = mixedOrg();
    const WhatIfCurve curve = WhatIfCurve::compute(snapshot, policy, {}, prices(), now());
    for (int days = WhatIfCurve::kMinThresholdDays; days <= WhatIfCurve::kMaxThresholdDays;
         days += 7) {
        Policy at = policy;
        at.defaultThresholdDays = days;
        const ReclaimPreview preview = ReclaimPreview::build(snapshot, at, {}, now());
        double savings = 0;
        for (const lr::pipeline::PreviewEntry &entry : preview.candidates) {
            savings +=
                prices().monthlyPrice(snapshot.users.at(entry.userIndex).licenseName).value_or(0.0);
        }
        const WhatIfPoint point = curve.at(days);
        QCOMPARE(point.thresholdDays, days);
        QVERIFY2(point.seats == preview.candidates.size(),
                 qPrintable(u"at %1 days: curve %2, preview %3"_s.arg(days)
                                .arg(point.seats)
                                .arg(preview.candidates.size())));
        QCOMPARE(point.monthlySavings, savings);
    }
}

void TestWhatIfCurve::seatsNeverRiseWithTheThreshold()
{
    const WhatIfCurve curve = WhatIfCurve::compute(mixedOrg(), everyLicense(), {}, prices(), now());
    const QList<WhatIfPoint> points = curve.points();
    QCOMPARE(points.size(), 336);
    QCOMPARE(points.first().thresholdDays, 30);
    QCOMPARE(points.last().thresholdDays, 365);
    QVERIFY(points.first().seats > points.last().seats);
    for (qsizetype i = 1; i < points.size(); ++i) {
        QVERIFY(points.at(i).seats <= points.at(i - 1).seats);
        QVERIFY(points.at(i).monthlySavings <= points.at(i - 1).monthlySavings);
        QVERIFY(points.at(i).unpricedSeats <= points.at(i - 1).unpricedSeats);
    }
}

void TestWhatIfCurve::redBlockedUsersNeverCount_data()
{
    QTest::addColumn<UserChange>("block");
    QTest::newRow("admin") << UserChange(
        [](ScannedUser &u) { u.modifyAllDataGrants = {u"Profile: System Administrator"_s}; });
    QTest::newRow("api-only") << UserChange(
        [](ScannedUser &u) { u.apiOnlyGrants = {u"Permission set: Integration"_s}; });
    QTest::newRow("service-account")
        << UserChange([](ScannedUser &u) { u.username = u"integration@acme.com"_s; });
    QTest::newRow("scheduled-jobs")
        << UserChange([](ScannedUser &u) { u.scheduledJobs = {u"Nightly Export"_s}; });
    QTest::newRow("api-use-yesterday")
        << UserChange([](ScannedUser &u) { u.lastOauthUse = now().addDays(-1); });
}

void TestWhatIfCurve::redBlockedUsersNeverCount()
{
    QFETCH(UserChange, block);
    ScannedUser blocked = user(1, 300);
    block(blocked);
    const OrgSnapshot snapshot = snapshotOf({user(2, 300), blocked});
    const WhatIfCurve curve = WhatIfCurve::compute(snapshot, everyLicense(), {}, prices(), now());
    for (const WhatIfPoint &point : curve.points()) {
        QCOMPARE(point.seats, point.thresholdDays <= 300 ? 1 : 0);
    }
    QCOMPARE(curve.alwaysBlocked(), 1);
}

void TestWhatIfCurve::apiUseBlocksOnceInsideTheWindow()
{
    // Idle 200 days interactively, but an API login 100 days ago: flagged up to a 100-day
    // threshold; from 101 days on, the API login falls inside the window.
    ScannedUser u = user(1, 200);
    u.lastApiLogin = now().addDays(-100);
    const WhatIfCurve curve =
        WhatIfCurve::compute(snapshotOf({u}), everyLicense(), {}, prices(), now());
    QCOMPARE(curve.at(30).seats, 1);
    QCOMPARE(curve.at(100).seats, 1);
    QCOMPARE(curve.at(101).seats, 0);
    QCOMPARE(curve.at(200).seats, 0);
    QCOMPARE(curve.alwaysBlocked(), 0);
}

void TestWhatIfCurve::ownLicenseThresholdStaysPut()
{
    Policy policy = everyLicense();
    policy.thresholdByLicense.insert(u"Salesforce Platform"_s, 60);
    const OrgSnapshot snapshot =
        snapshotOf({user(1, 90, u"Salesforce Platform"_s), user(2, 90), user(3, 40)});
    const WhatIfCurve curve = WhatIfCurve::compute(snapshot, policy, {}, prices(), now());
    QCOMPARE(curve.at(30).seats, 3);
    QCOMPARE(curve.at(41).seats, 2);
    QCOMPARE(curve.at(91).seats, 1); // the Platform user, at its own 60 days
    QCOMPARE(curve.at(365).seats, 1);
    QCOMPARE(curve.at(365).monthlySavings, 25.0);
}

void TestWhatIfCurve::savingsComeFromThePriceBook()
{
    const OrgSnapshot snapshot =
        snapshotOf({user(1, 100), user(2, 100, u"Salesforce Platform"_s), user(3, 50)});
    const WhatIfCurve curve = WhatIfCurve::compute(snapshot, everyLicense(), {}, prices(), now());
    QCOMPARE(curve.at(50).monthlySavings, 165.0 + 25.0 + 165.0);
    QCOMPARE(curve.at(51).monthlySavings, 165.0 + 25.0);
    QCOMPARE(curve.at(101).monthlySavings, 0.0);
    QVERIFY(curve.unpricedLicenses().isEmpty());
}

void TestWhatIfCurve::unpricedLicensesAreNamed()
{
    const OrgSnapshot snapshot = snapshotOf({user(1, 100, u"Work.com"_s), user(2, 100)});
    const WhatIfCurve curve = WhatIfCurve::compute(snapshot, everyLicense(), {}, prices(), now());
    QCOMPARE(curve.at(90).seats, 2);
    QCOMPARE(curve.at(90).unpricedSeats, 1);
    QCOMPARE(curve.at(90).monthlySavings, 165.0);
    QCOMPARE(curve.unpricedLicenses(), QStringList{u"Work.com"_s});
}

void TestWhatIfCurve::clampsToTheRange()
{
    const WhatIfCurve curve =
        WhatIfCurve::compute(snapshotOf({user(1, 400)}), everyLicense(), {}, prices(), now());
    QCOMPARE(curve.at(10).thresholdDays, 30);
    QCOMPARE(curve.at(10).seats, 1);
    QCOMPARE(curve.at(1000).thresholdDays, 365);
    QCOMPARE(curve.at(1000).seats, 1);
}

void TestWhatIfCurve::emptySnapshot()
{
    const WhatIfCurve curve =
        WhatIfCurve::compute(snapshotOf({}), everyLicense(), {}, prices(), now());
    QCOMPARE(curve.at(90).seats, 0);
    QCOMPARE(curve.points().size(), 336);
    QVERIFY(WhatIfCurve().isEmpty());
    QCOMPARE(WhatIfCurve().at(90).seats, 0);
}

QTEST_GUILESS_MAIN(TestWhatIfCurve)
#include "tst_whatifcurve.moc"
