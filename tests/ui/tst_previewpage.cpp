// The console offscreen on a fresh demo org: the Preview scans it as soon as it opens, lists
// the candidates of the built-in default policy, filters them, shows the users kept safe on
// request and explains each one, while the window stays responsive.
#include "core/demo/demoorg.h"
#include "core/org/openedorg.h"
#include "core/org/orgchoice.h"
#include "ui/mainwindow.h"
#include "ui/orgheader.h"
#include "ui/orgworkspace.h"
#include "ui/preview/candidatefilterproxymodel.h"
#include "ui/preview/candidatetablemodel.h"
#include "ui/preview/previewpage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace Qt::StringLiterals;
using lr::ui::CandidateTableModel;
using lr::ui::PreviewPage;

namespace {

QSet<QString> userIds(const lr::scan::OrgSnapshot &snapshot,
                      const QList<lr::pipeline::PreviewEntry> &entries)
{
    QSet<QString> ids;
    for (const lr::pipeline::PreviewEntry &entry : entries) {
        ids.insert(snapshot.users.at(entry.userIndex).id);
    }
    return ids;
}

} // namespace

class TestPreviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void listsTheCandidatesOfThePreview();
    void summaryAndPolicyAreShown();
    void filterNarrowsTheRows();
    void showBlockedListsTheUsersKeptSafe();
    void selectingABlockedUserShowsItsRedFindings();
    void headerStillNamesTheOrg();
    void previewPublishesItsSnapshot();
    void anotherPolicyIsPreviewedWithoutAScan();
    void policyChosenDuringTheFirstScanIsPreviewed();
    void invalidPolicyIsNotRun();
    void exportWritesCandidatesAndBlockedUsers();
    void exportToAnUnwritablePlaceSaysWhy();
    void secondScanIsIgnoredWhileScanning();
    void scanErrorIsShownInPlainWords();
    void closingThePageMidScanIsSafe();
    void closingTheWindowMidScanIsSafe();

private:
    [[nodiscard]] PreviewPage *page() const { return m_window->previewPage(); }
    template <typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        return page()->findChild<T *>(name);
    }

    QTemporaryDir m_data;
    std::unique_ptr<lr::ui::MainWindow> m_window;
};

void TestPreviewPage::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("LR_DATA_DIR", m_data.path().toUtf8());
    m_window = std::make_unique<lr::ui::MainWindow>();
    m_window->showPage(page());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    new QAbstractItemModelTester(
        page()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());
    new QAbstractItemModelTester(
        page()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_window.get());

    // The UI thread's longest stall between the scan's start and the first tick after the
    // preview is shown, as seen by a timer that wants to run every 10 ms.
    QElapsedTimer sinceTick;
    qint64 largestGap = 0;
    bool measuring = false;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 gap = sinceTick.restart();
        if (measuring) {
            largestGap = std::max(largestGap, gap);
        }
    });
    QElapsedTimer scanClock;
    // The ticker is the context: these lambdas capture locals and must die with them.
    connect(page(), &PreviewPage::scanStarted, &ticker, [&] {
        measuring = true;
        sinceTick.restart();
        scanClock.start();
    });
    sinceTick.start();
    ticker.start();

    lr::org::OrgChoice choice;
    choice.kind = lr::org::OrgChoice::Kind::FreshDemo;
    choice.demoUsers = 1500;
    choice.demoSeed = 11;
    QSignalSpy ready(page(), &PreviewPage::previewReady);
    QSignalSpy failed(page(), &PreviewPage::scanFailed);
    m_window->openOrg(choice);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    const qint64 scanMs = scanClock.elapsed();
    QTest::qWait(50); // the tick after the model reset closes the last gap
    measuring = false;
    qInfo("Scan of a 1,500-user demo org and preview: %lld ms; largest UI-thread gap: %lld ms "
          "(timer interval 10 ms)",
          scanMs,
          largestGap);
}

void TestPreviewPage::init()
{
    child<QLineEdit>(u"filterLineEdit"_s)->clear();
    child<QCheckBox>(u"showBlockedCheckBox"_s)->setChecked(false);
}

void TestPreviewPage::listsTheCandidatesOfThePreview()
{
    const CandidateTableModel *model = page()->model();
    const lr::pipeline::ReclaimPreview &preview = model->preview();
    QVERIFY2(!preview.candidates.isEmpty(), "the demo org should have seats to reclaim");
    QVERIFY2(!preview.blocked.isEmpty(), "the demo org should have users kept safe");

    auto *table = child<QTableView>(u"candidateTable"_s);
    QVERIFY(table);
    QVERIFY(table->isVisible());
    QCOMPARE(table->model()->rowCount(), preview.candidates.size());
    const QSet<QString> candidates = userIds(model->snapshot(), preview.candidates);
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const int source = page()->proxy()->mapToSource(table->model()->index(row, 0)).row();
        const lr::scan::ScannedUser &user = model->user(source);
        QVERIFY2(candidates.contains(user.id), qPrintable(user.username));
        QVERIFY2(!lr::safety::hasRed(model->entry(source).findings), qPrintable(user.username));
        QVERIFY(!table->model()->index(row, 0).data(CandidateTableModel::BlockedRole).toBool());
        QCOMPARE(table->model()->index(row, 0).data().toString(), user.name);
        QVERIFY(model->entry(source).daysInactive >= model->entry(source).thresholdDays);
    }
}

void TestPreviewPage::summaryAndPolicyAreShown()
{
    const lr::pipeline::ReclaimPreview &preview = page()->model()->preview();
    const QLocale locale;
    const QString summary = child<QLabel>(u"previewSummaryLabel"_s)->text();
    QVERIFY2(summary.contains(locale.toString(preview.candidates.size()) + u" candidate"_s),
             qPrintable(summary));
    QVERIFY2(summary.contains(locale.toString(preview.inScope) + u" user"_s), qPrintable(summary));
    QVERIFY2(summary.contains(locale.toString(preview.blocked.size()) + u" kept safe"_s),
             qPrintable(summary));
    QCOMPARE(child<QLabel>(u"policyLabel"_s)->text(),
             u"Policy: Salesforce licenses, 90 days · dry run"_s);
    QVERIFY(child<QPushButton>(u"scanButton"_s)->isEnabled());
}

void TestPreviewPage::filterNarrowsTheRows()
{
    auto *table = child<QTableView>(u"candidateTable"_s);
    auto *filter = child<QLineEdit>(u"filterLineEdit"_s);
    QVERIFY(filter);
    const int all = table->model()->rowCount();
    QVERIFY(all > 1);

    // A username is unique: exactly its user remains.
    const QString username =
        table->model()
            ->index(all / 2, static_cast<int>(CandidateTableModel::Column::Username))
            .data()
            .toString();
    QTest::keyClicks(filter, username.toUpper());
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(
        table->model()->index(0, static_cast<int>(CandidateTableModel::Column::Username)).data(),
        username);

    // A department narrows to the users whose text mentions it.
    filter->clear();
    QCOMPARE(table->model()->rowCount(), all);
    // One that is not part of every row's license ("Sales" is in "Salesforce").
    QString department;
    for (int row = 0; row < all && department.isEmpty(); ++row) {
        const QString candidate =
            table->model()
                ->index(row, static_cast<int>(CandidateTableModel::Column::Department))
                .data()
                .toString();
        if (!u"salesforce"_s.contains(candidate, Qt::CaseInsensitive)) {
            department = candidate;
        }
    }
    QVERIFY(!department.isEmpty());
    QTest::keyClicks(filter, department.toLower());
    const int narrowed = table->model()->rowCount();
    QVERIFY2(narrowed > 0 && narrowed < all, qPrintable(department));
    for (int row = 0; row < narrowed; ++row) {
        QVERIFY(table->model()
                    ->index(row, 0)
                    .data(CandidateTableModel::FilterTextRole)
                    .toString()
                    .contains(department, Qt::CaseInsensitive));
    }

    filter->clear();
    QTest::keyClicks(filter, u"no user is called this"_s);
    QCOMPARE(table->model()->rowCount(), 0);
    auto *empty = child<QLabel>(u"emptyLabel"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"no user is called this"_s));
}

void TestPreviewPage::showBlockedListsTheUsersKeptSafe()
{
    const lr::pipeline::ReclaimPreview &preview = page()->model()->preview();
    auto *table = child<QTableView>(u"candidateTable"_s);
    auto *showBlocked = child<QCheckBox>(u"showBlockedCheckBox"_s);
    QVERIFY(showBlocked);
    QTest::mouseClick(showBlocked, Qt::LeftButton, {}, QPoint(5, showBlocked->height() / 2));
    QVERIFY(showBlocked->isChecked());
    QCOMPARE(table->model()->rowCount(), preview.candidates.size() + preview.blocked.size());

    const QSet<QString> blocked = userIds(page()->model()->snapshot(), preview.blocked);
    int blockedRows = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const int source = page()->proxy()->mapToSource(table->model()->index(row, 0)).row();
        if (page()->model()->isBlocked(source)) {
            ++blockedRows;
            QVERIFY(blocked.contains(page()->model()->user(source).id));
            QVERIFY(lr::safety::hasRed(page()->model()->entry(source).findings));
        }
    }
    QCOMPARE(blockedRows, preview.blocked.size());

    QTest::mouseClick(showBlocked, Qt::LeftButton, {}, QPoint(5, showBlocked->height() / 2));
    QCOMPARE(table->model()->rowCount(), preview.candidates.size());
}

void TestPreviewPage::selectingABlockedUserShowsItsRedFindings()
{
    child<QCheckBox>(u"showBlockedCheckBox"_s)->setChecked(true);
    auto *table = child<QTableView>(u"candidateTable"_s);
    // Most findings first: the top row is a blocked user.
    table->sortByColumn(static_cast<int>(CandidateTableModel::Column::Findings),
                        Qt::DescendingOrder);
    const QModelIndex index = table->model()->index(0, 0);
    QVERIFY(index.data(CandidateTableModel::BlockedRole).toBool());
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());

    const int source = page()->proxy()->mapToSource(index).row();
    const lr::scan::ScannedUser &user = page()->model()->user(source);
    auto *details = child<QTextBrowser>(u"detailsTextBrowser"_s);
    QVERIFY(details);
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(user.name), qPrintable(text));
    QVERIFY2(text.contains(user.username), qPrintable(text));
    QVERIFY(text.contains(user.profileName));
    QVERIFY(text.contains(u"Kept safe"_s));
    int red = 0;
    for (const lr::safety::Finding &finding : page()->model()->entry(source).findings) {
        QVERIFY2(text.contains(finding.check), qPrintable(finding.check));
        QVERIFY2(text.contains(finding.message), qPrintable(finding.message));
        red += finding.isRed() ? 1 : 0;
    }
    QVERIFY(red > 0);
    const QString red800 =
        CandidateTableModel::severityColor(lr::safety::Finding::Severity::Red).name();
    QVERIFY(details->toHtml().contains(red800, Qt::CaseInsensitive));
    table->sortByColumn(static_cast<int>(CandidateTableModel::Column::DaysInactive),
                        Qt::DescendingOrder);
}

void TestPreviewPage::headerStillNamesTheOrg()
{
    lr::ui::OrgHeader *header = m_window->header();
    QVERIFY(!header->orgText().isEmpty());
    QCOMPARE(header->orgText(), m_window->workspace()->identity().name);
    QVERIFY(m_window->windowTitle().contains(header->orgText()));
}

void TestPreviewPage::previewPublishesItsSnapshot()
{
    const std::shared_ptr<const lr::scan::OrgSnapshot> snapshot =
        m_window->workspace()->lastSnapshot();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->users.size(), page()->model()->snapshot().users.size());
    QCOMPARE(snapshot->takenAt, page()->model()->snapshot().takenAt);
}

void TestPreviewPage::anotherPolicyIsPreviewedWithoutAScan()
{
    lr::ui::OrgWorkspace *workspace = m_window->workspace();
    const QDateTime takenAt = page()->model()->snapshot().takenAt;
    const qsizetype defaultCandidates = page()->model()->preview().candidates.size();
    QSignalSpy started(page(), &PreviewPage::scanStarted);
    QSignalSpy ready(page(), &PreviewPage::previewReady);
    QSignalSpy snapshots(workspace, &lr::ui::OrgWorkspace::snapshotChanged);

    lr::policy::Policy everyLicense = lr::policy::Policy::builtInDefault();
    everyLicense.name = u"Every license, 200 days"_s;
    everyLicense.includeLicenses.clear();
    everyLicense.defaultThresholdDays = 200;
    workspace->setCurrentPolicy(everyLicense);
    QVERIFY(ready.wait(60000));
    QCOMPARE(started.size(), 0);
    QCOMPARE(snapshots.size(), 0);
    QCOMPARE(page()->model()->snapshot().takenAt, takenAt);
    QCOMPARE(page()->policy().name, everyLicense.name);
    QCOMPARE(child<QLabel>(u"policyLabel"_s)->text(),
             u"Policy: Every license, 200 days · dry run"_s);
    const lr::pipeline::ReclaimPreview &preview = page()->model()->preview();
    QVERIFY(!preview.candidates.isEmpty());
    QSet<QString> licenses;
    for (const lr::pipeline::PreviewEntry &entry : preview.candidates) {
        QVERIFY(entry.daysInactive >= 200);
        licenses.insert(page()->model()->snapshot().users.at(entry.userIndex).licenseName);
    }
    QVERIFY2(licenses.size() > 1, "every license is in scope, not only Salesforce");
    const QString status = child<QLabel>(u"previewStatusLabel"_s)->text();
    QVERIFY2(status.contains(u"without reading the org again"_s), qPrintable(status));

    workspace->setCurrentPolicy(lr::policy::Policy::builtInDefault());
    QVERIFY(ready.wait(60000));
    QCOMPARE(started.size(), 0);
    QCOMPARE(page()->model()->preview().candidates.size(), defaultCandidates);
}

void TestPreviewPage::policyChosenDuringTheFirstScanIsPreviewed()
{
    // A page that has not scanned yet, as on a console just opening an org: the policy is
    // chosen (the org's policies have loaded) while its first scan still reads.
    lr::ui::OrgWorkspace *workspace = m_window->workspace();
    auto fresh = std::make_unique<PreviewPage>(workspace);
    lr::policy::Policy late = lr::policy::Policy::builtInDefault();
    late.name = u"Chosen mid-scan, 200 days"_s;
    late.includeLicenses.clear();
    late.defaultThresholdDays = 200;
    bool chosenWhileScanning = false;
    connect(
        fresh.get(),
        &PreviewPage::scanStarted,
        fresh.get(),
        [&] {
            chosenWhileScanning = fresh->isScanning();
            workspace->setCurrentPolicy(late);
        },
        Qt::SingleShotConnection);
    QSignalSpy ready(fresh.get(), &PreviewPage::previewReady);
    fresh->scan();
    // The scan's own preview, then the one of the policy chosen meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(ready.size() >= 2 && !fresh->isScanning(), 120000);
    QVERIFY(chosenWhileScanning);
    QCOMPARE(fresh->policy().name, late.name);
    const lr::pipeline::ReclaimPreview &preview = fresh->model()->preview();
    QVERIFY(!preview.candidates.isEmpty());
    QSet<QString> licenses;
    for (const lr::pipeline::PreviewEntry &entry : preview.candidates) {
        QVERIFY(entry.daysInactive >= 200);
        licenses.insert(fresh->model()->snapshot().users.at(entry.userIndex).licenseName);
    }
    QVERIFY2(licenses.size() > 1, "every license is in scope, not only Salesforce");

    fresh.reset();
    workspace->setCurrentPolicy(lr::policy::Policy::builtInDefault());
    QTRY_VERIFY_WITH_TIMEOUT(
        !page()->isScanning() && page()->policy().name == workspace->currentPolicy().name, 60000);
}

void TestPreviewPage::invalidPolicyIsNotRun()
{
    lr::ui::OrgWorkspace *workspace = m_window->workspace();
    const qsizetype candidates = page()->model()->preview().candidates.size();
    lr::policy::Policy invalid = lr::policy::Policy::builtInDefault();
    invalid.name = u"Too eager"_s;
    invalid.defaultThresholdDays = 5;
    QVERIFY(!invalid.isValid());
    QSignalSpy started(page(), &PreviewPage::scanStarted);
    workspace->setCurrentPolicy(invalid);
    QVERIFY(!page()->isScanning());
    page()->scan();
    QVERIFY(!page()->isScanning());
    QCOMPARE(started.size(), 0);
    const QString status = child<QLabel>(u"previewStatusLabel"_s)->text();
    QVERIFY2(status.contains(u"“Too eager” is not valid"_s), qPrintable(status));
    QVERIFY2(status.contains(invalid.validate().first().message), qPrintable(status));
    QCOMPARE(page()->model()->preview().candidates.size(), candidates); // the last one stays

    QSignalSpy ready(page(), &PreviewPage::previewReady);
    workspace->setCurrentPolicy(lr::policy::Policy::builtInDefault());
    QVERIFY(ready.wait(60000));
}

void TestPreviewPage::exportWritesCandidatesAndBlockedUsers()
{
    QVERIFY(child<QPushButton>(u"exportCsvButton"_s)->isEnabled());
    const QString path = m_data.filePath(u"preview.csv"_s);
    QVERIFY(page()->exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // for Excel
    const lr::pipeline::ReclaimPreview &preview = page()->model()->preview();
    const lr::scan::OrgSnapshot &snapshot = page()->model()->snapshot();
    QCOMPARE(csv.count("\r\ncandidate,"), preview.candidates.size());
    QCOMPARE(csv.count("\r\nblocked,"), preview.blocked.size());
    for (const auto *list : {&preview.candidates, &preview.blocked}) {
        const QString username = snapshot.users.at(list->first().userIndex).username;
        QVERIFY2(csv.contains(username.toUtf8()), qPrintable(username));
    }
    const QString status = child<QLabel>(u"previewStatusLabel"_s)->text();
    QVERIFY2(status.contains(QDir::toNativeSeparators(path)), qPrintable(status));
}

void TestPreviewPage::exportToAnUnwritablePlaceSaysWhy()
{
    const QString path = m_data.filePath(u"no such folder/preview.csv"_s);
    QVERIFY(!page()->exportCsv(path));
    QVERIFY(!QFile::exists(path));
    const QString status = child<QLabel>(u"previewStatusLabel"_s)->text();
    QVERIFY2(status.contains(u"could not be saved"_s), qPrintable(status));
}

void TestPreviewPage::secondScanIsIgnoredWhileScanning()
{
    // A slow first page keeps the scan running long enough to click again.
    lr::demo::Fault delay;
    delay.kind = lr::demo::Fault::Kind::Delay;
    delay.pathContains = u"/query"_s;
    delay.delayMs = 500;
    m_window->workspace()->openedOrg()->demoOrg()->faults().add(delay);

    auto *scan = child<QPushButton>(u"scanButton"_s);
    QSignalSpy started(page(), &PreviewPage::scanStarted);
    QSignalSpy ready(page(), &PreviewPage::previewReady);
    QTest::mouseClick(scan, Qt::LeftButton);
    QCOMPARE(started.size(), 1);
    QVERIFY(page()->isScanning());
    QVERIFY(!scan->isEnabled());
    QTest::mouseClick(scan, Qt::LeftButton);
    page()->scan();
    QCOMPARE(started.size(), 1);
    QVERIFY(ready.wait(120000));
    QCOMPARE(started.size(), 1);
    QVERIFY(scan->isEnabled());
    QCOMPARE(child<QTableView>(u"candidateTable"_s)->model()->rowCount(),
             page()->model()->preview().candidates.size());
}

void TestPreviewPage::scanErrorIsShownInPlainWords()
{
    lr::demo::Fault fault;
    fault.kind = lr::demo::Fault::Kind::Status;
    fault.pathContains = u"/query"_s;
    fault.remaining = 1000;
    fault.status = 400;
    fault.errorCode = u"INVALID_FIELD"_s;
    fault.message = u"No such column 'LastLoginDate' on entity 'User'."_s;
    lr::demo::FaultPlan &faults = m_window->workspace()->openedOrg()->demoOrg()->faults();
    faults.add(fault);

    QSignalSpy failed(page(), &PreviewPage::scanFailed);
    page()->scan();
    QVERIFY(failed.wait(120000));
    faults.clear();
    const QString message = failed.at(0).at(0).toString();
    QVERIFY(!message.isEmpty());
    const QString status = child<QLabel>(u"previewStatusLabel"_s)->text();
    QVERIFY2(status.contains(message), qPrintable(status));
    QVERIFY(child<QPushButton>(u"scanButton"_s)->isEnabled());
    QVERIFY(!page()->isScanning());
}

void TestPreviewPage::closingThePageMidScanIsSafe()
{
    // A second page on the same org, closed while its scan is still reading.
    auto *orphan = new PreviewPage(m_window->workspace());
    QSignalSpy orphanReady(orphan, &PreviewPage::previewReady);
    orphan->scan();
    QVERIFY(orphan->isScanning());
    delete orphan;

    // The scan it started runs on to its end without it; the window's own page still works.
    QSignalSpy ready(page(), &PreviewPage::previewReady);
    page()->scan();
    QVERIFY(ready.wait(120000));
    QTest::qWait(500);
    QVERIFY(!page()->model()->preview().candidates.isEmpty());
}

void TestPreviewPage::closingTheWindowMidScanIsSafe()
{
    auto window = std::make_unique<lr::ui::MainWindow>();
    lr::org::OrgChoice choice;
    choice.kind = lr::org::OrgChoice::Kind::FreshDemo;
    choice.demoUsers = 300;
    choice.demoSeed = 5;
    QSignalSpy started(window->previewPage(), &PreviewPage::scanStarted);
    window->openOrg(choice);
    QVERIFY(started.wait(60000));
    window.reset();
    QTest::qWait(1000);
}

QTEST_MAIN(TestPreviewPage)
#include "tst_previewpage.moc"
