// The console offscreen on a fresh demo org: the Overview lists every license with the
// seat counts the org itself stores.
#include "core/demo/demoorg.h"
#include "core/org/openedorg.h"
#include "core/org/orgchoice.h"
#include "ui/mainwindow.h"
#include "ui/orgheader.h"
#include "ui/orgworkspace.h"
#include "ui/overview/licensetablemodel.h"
#include "ui/overview/overviewpage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::ui::LicenseTableModel;

class TestOverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsEveryLicenseWithTheOrgsCounts();
    void headerNamesTheOrgAndItsEnvironment();
    void sortsNumerically();
    void failureIsShownNotHidden();

private:
    QTemporaryDir m_data;
    std::unique_ptr<lr::ui::MainWindow> m_window;
};

void TestOverviewPage::initTestCase()
{
    QVERIFY(m_data.isValid());
    qputenv("LR_DATA_DIR", m_data.path().toUtf8());
    m_window = std::make_unique<lr::ui::MainWindow>();
    m_window->show();
    new QAbstractItemModelTester(m_window->overviewPage()->model(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_window.get());
    lr::org::OrgChoice choice;
    choice.kind = lr::org::OrgChoice::Kind::FreshDemo;
    choice.demoUsers = 1500;
    choice.demoSeed = 11;
    QSignalSpy loaded(m_window->overviewPage(), &lr::ui::OverviewPage::loaded);
    m_window->openOrg(choice);
    QVERIFY(loaded.wait(30000));
}

void TestOverviewPage::listsEveryLicenseWithTheOrgsCounts()
{
    LicenseTableModel *model = m_window->overviewPage()->model();
    lr::demo::DemoOrg *org = m_window->workspace()->openedOrg()->demoOrg();
    QVERIFY(org);
    QSqlQuery stored(org->database().connection());
    QVERIFY(stored.exec(
        u"SELECT \"Name\", \"TotalLicenses\", \"UsedLicenses\", (SELECT COUNT(*) FROM "
        u"\"User\" u JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" WHERE "
        u"p.\"UserLicenseId\" = l.\"Id\" AND u.\"IsActive\" = 1) FROM \"UserLicense\" l"_s));
    int licenses = 0;
    while (stored.next()) {
        ++licenses;
        const QString name = stored.value(0).toString();
        const auto &rows = model->licenses();
        const auto it = std::find_if(
            rows.cbegin(), rows.cend(), [&](const auto &seats) { return seats.name == name; });
        QVERIFY2(it != rows.cend(), qPrintable(name));
        QCOMPARE(it->purchased, stored.value(1).toLongLong());
        QCOMPARE(it->used, stored.value(2).toLongLong());
        // Used seats are the active users holding that license.
        QCOMPARE(it->used, stored.value(3).toLongLong());
        QCOMPARE(it->available(), it->purchased - it->used);
    }
    QVERIFY(licenses >= 7);
    QCOMPARE(model->rowCount(), licenses);

    // What the person sees in the table: the name and the formatted numbers.
    auto *table = m_window->findChild<QTableView *>(u"licenseTable"_s);
    QVERIFY(table);
    QVERIFY(table->isVisible());
    QStringList shown;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        shown.append(table->model()->index(row, 0).data().toString());
    }
    QVERIFY(shown.contains(u"Salesforce"_s));
    QVERIFY(shown.contains(u"Salesforce Platform"_s));
    QVERIFY(shown.contains(u"Chatter Free"_s));
    auto *summary = m_window->findChild<QLabel *>(u"summaryLabel"_s);
    QVERIFY(summary->text().contains(u"Salesforce:"_s));
}

void TestOverviewPage::headerNamesTheOrgAndItsEnvironment()
{
    lr::ui::OrgHeader *header = m_window->header();
    QCOMPARE(header->orgText(), m_window->workspace()->identity().name);
    QVERIFY(!header->orgText().isEmpty());
    QCOMPARE(header->environmentText(), u"PRODUCTION"_s);
    QVERIFY(m_window->windowTitle().contains(header->orgText()));
}

void TestOverviewPage::sortsNumerically()
{
    auto *table = m_window->findChild<QTableView *>(u"licenseTable"_s);
    table->sortByColumn(static_cast<int>(LicenseTableModel::Column::Purchased), Qt::AscendingOrder);
    qint64 previous = -1;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const qint64 value =
            table->model()
                ->index(row, static_cast<int>(LicenseTableModel::Column::Purchased))
                .data(LicenseTableModel::SortRole)
                .toLongLong();
        QVERIFY(value >= previous);
        previous = value;
    }
}

void TestOverviewPage::failureIsShownNotHidden()
{
    lr::ui::MainWindow window;
    window.show();
    lr::org::OrgChoice choice;
    choice.kind = lr::org::OrgChoice::Kind::InstanceUrl;
    choice.instanceUrl = QUrl(u"http://127.0.0.1:9"_s); // nothing listens on the discard port
    choice.accessToken = u"not-a-real-token"_s;
    QSignalSpy failed(window.workspace(), &lr::ui::OrgWorkspace::failed);
    window.openOrg(choice);
    QVERIFY(failed.wait(30000));
    QCOMPARE(window.header()->orgText(), u"No org open"_s);
    QVERIFY(window.header()->environmentText().isEmpty());
}

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
