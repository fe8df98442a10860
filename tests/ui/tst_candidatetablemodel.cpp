// The Preview's table model and its filter proxy over a hand-built snapshot and preview:
// columns, roles, raw sort values, the red and amber colours, and what the filter matches.
#include "ui/preview/candidatefilterproxymodel.h"
#include "ui/preview/candidatetablemodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using lr::safety::Finding;
using lr::ui::CandidateFilterProxyModel;
using lr::ui::CandidateTableModel;
using Column = CandidateTableModel::Column;

namespace {

const QDateTime kNow = QDateTime(QDate(2024, 6, 1), QTime(12, 0), QTimeZone::utc());

lr::scan::ScannedUser makeUser(const QString &id, const QString &name, const QString &department)
{
    lr::scan::ScannedUser user;
    user.id = id;
    user.name = name;
    user.username = name.toLower().replace(u' ', u'.') + u"@acme.example"_s;
    user.department = department;
    user.licenseName = u"Salesforce"_s;
    user.profileName = u"Standard User"_s;
    user.created = kNow.addDays(-800);
    user.lastLogin = kNow.addDays(-200);
    return user;
}

lr::pipeline::PreviewEntry makeEntry(int userIndex, int days, QList<Finding> findings = {})
{
    lr::pipeline::PreviewEntry entry;
    entry.userIndex = userIndex;
    entry.daysInactive = days;
    entry.thresholdDays = 90;
    entry.findings = std::move(findings);
    return entry;
}

Finding finding(const QString &check, Finding::Severity severity, const QString &message)
{
    return Finding{check, severity, message};
}

} // namespace

class TestCandidateTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void columnsAndHeaders();
    void displaysEveryColumn();
    void sortRoleGivesRawValues();
    void proxySortsDaysNumericallyAndNamesNaturally();
    void findingsAreRedOrAmber();
    void findingsToolTipHasTheSentences();
    void managerIsNamedWhenKnown();
    void proxyHidesBlockedUsersUnlessAsked();
    void proxyFilterMatches_data();
    void proxyFilterMatches();
    void resetReplacesEveryRow();

private:
    std::unique_ptr<CandidateTableModel> m_model;
    std::unique_ptr<CandidateFilterProxyModel> m_proxy;
};

void TestCandidateTableModel::init()
{
    lr::scan::OrgSnapshot snapshot;
    snapshot.takenAt = kNow;
    snapshot.users = {
        makeUser(u"005A"_s, u"User 10"_s, u"Sales"_s),
        makeUser(u"005B"_s, u"User 2"_s, u"Marketing"_s),
        makeUser(u"005C"_s, u"Integration Bot"_s, u"IT"_s),
        makeUser(u"005D"_s, u"Ada Admin"_s, u"Finance"_s),
    };
    snapshot.users[1].managerId = u"005D"_s;
    snapshot.users[1].managerActive = true;
    snapshot.users[2].lastLogin = {}; // never logged in

    lr::pipeline::ReclaimPreview preview;
    preview.inScope = 4;
    preview.candidates = {
        makeEntry(0, 100),
        makeEntry(
            1, 9, {finding(u"manager"_s, Finding::Severity::Amber, u"Has 3 direct reports."_s)}),
    };
    preview.blocked = {
        makeEntry(2,
                  800,
                  {finding(u"new-user"_s, Finding::Severity::Amber, u"Created recently."_s),
                   finding(u"service-account"_s,
                           Finding::Severity::Red,
                           u"Username matches integration@."_s)}),
        makeEntry(3,
                  150,
                  {finding(u"admin"_s,
                           Finding::Severity::Red,
                           u"Modify All Data through Profile: System Administrator."_s)}),
    };

    m_model = std::make_unique<CandidateTableModel>();
    new QAbstractItemModelTester(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
    m_model->setPreview(snapshot, preview);
    m_proxy = std::make_unique<CandidateFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    new QAbstractItemModelTester(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_proxy.get());
}

void TestCandidateTableModel::columnsAndHeaders()
{
    QCOMPARE(m_model->columnCount(), static_cast<int>(Column::Count));
    QCOMPARE(m_model->columnCount(), 6);
    QCOMPARE(m_model->rowCount(), 4);
    const QStringList expected{
        u"User"_s, u"Username"_s, u"License"_s, u"Department"_s, u"Days inactive"_s, u"Findings"_s};
    for (int column = 0; column < expected.size(); ++column) {
        QCOMPARE(m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(),
                 expected.at(column));
    }
}

void TestCandidateTableModel::displaysEveryColumn()
{
    auto cell = [this](int row, Column column, int role = Qt::DisplayRole) {
        return m_model->index(row, static_cast<int>(column)).data(role);
    };
    QCOMPARE(cell(0, Column::User).toString(), u"User 10"_s);
    QCOMPARE(cell(0, Column::Username).toString(), u"user.10@acme.example"_s);
    QCOMPARE(cell(0, Column::License).toString(), u"Salesforce"_s);
    QCOMPARE(cell(0, Column::Department).toString(), u"Sales"_s);
    QCOMPARE(cell(0, Column::DaysInactive).toString(), u"100"_s);
    QCOMPARE(cell(0, Column::Findings).toString(), u"none"_s);
    // Red findings first, each check once.
    QCOMPARE(cell(2, Column::Findings).toString(), u"service-account, new-user"_s);
    QCOMPARE(cell(2, Column::DaysInactive, Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    QVERIFY(cell(2, Column::DaysInactive, Qt::ToolTipRole).toString().contains(u"Never"_s));

    QVERIFY(!cell(0, Column::User, CandidateTableModel::BlockedRole).toBool());
    QVERIFY(!cell(1, Column::User, CandidateTableModel::BlockedRole).toBool());
    QVERIFY(cell(2, Column::User, CandidateTableModel::BlockedRole).toBool());
    QVERIFY(cell(3, Column::User, CandidateTableModel::BlockedRole).toBool());
    QVERIFY(!m_model->isBlocked(1));
    QVERIFY(m_model->isBlocked(2));
    QCOMPARE(m_model->user(3).name, u"Ada Admin"_s);
    QCOMPARE(m_model->entry(3).daysInactive, 150);
}

void TestCandidateTableModel::sortRoleGivesRawValues()
{
    const QVariant days = m_model->index(0, static_cast<int>(Column::DaysInactive))
                              .data(CandidateTableModel::SortRole);
    QCOMPARE(days.typeId(), QMetaType::Int);
    QCOMPARE(days.toInt(), 100);
    auto score = [this](int row) {
        return m_model->index(row, static_cast<int>(Column::Findings))
            .data(CandidateTableModel::SortRole)
            .toInt();
    };
    // Red outweighs any number of ambers.
    QVERIFY(score(0) < score(1));
    QVERIFY(score(1) < score(3));
    QVERIFY(score(3) < score(2));
}

void TestCandidateTableModel::proxySortsDaysNumericallyAndNamesNaturally()
{
    m_proxy->setShowBlocked(true);
    m_proxy->sort(static_cast<int>(Column::DaysInactive), Qt::AscendingOrder);
    QStringList days;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        days.append(m_proxy->index(row, static_cast<int>(Column::DaysInactive)).data().toString());
    }
    QCOMPARE(days, (QStringList{u"9"_s, u"100"_s, u"150"_s, u"800"_s}));

    m_proxy->sort(static_cast<int>(Column::User), Qt::AscendingOrder);
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        names.append(m_proxy->index(row, static_cast<int>(Column::User)).data().toString());
    }
    QCOMPARE(names, (QStringList{u"Ada Admin"_s, u"Integration Bot"_s, u"User 2"_s, u"User 10"_s}));
}

void TestCandidateTableModel::findingsAreRedOrAmber()
{
    const QColor red = CandidateTableModel::severityColor(Finding::Severity::Red);
    const QColor amber = CandidateTableModel::severityColor(Finding::Severity::Amber);
    QVERIFY(red != amber);
    QVERIFY(red.red() > 150 && red.green() < 80 && red.blue() < 80);
    QVERIFY(amber.red() > 200 && amber.green() > 120 && amber.blue() < 60);
    auto foreground = [this](int row) {
        return m_model->index(row, static_cast<int>(Column::Findings)).data(Qt::ForegroundRole);
    };
    QVERIFY(!foreground(0).isValid());
    QCOMPARE(foreground(1).value<QColor>(), amber);
    QCOMPARE(foreground(2).value<QColor>(), red);
    QCOMPARE(foreground(3).value<QColor>(), red);
    // Only the findings column is coloured.
    QVERIFY(!m_model->index(2, 0).data(Qt::ForegroundRole).isValid());

    const auto findings = m_model->index(2, static_cast<int>(Column::Findings))
                              .data(CandidateTableModel::FindingsRole)
                              .value<QList<Finding>>();
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).check, u"service-account"_s);
    QVERIFY(findings.at(0).isRed());
    QCOMPARE(findings.at(1).check, u"new-user"_s);
    QVERIFY(!findings.at(1).isRed());
    // Text on a chip stays legible: white on red, dark on amber.
    QCOMPARE(CandidateTableModel::severityTextColor(Finding::Severity::Red), QColor(Qt::white));
    QVERIFY(CandidateTableModel::severityTextColor(Finding::Severity::Amber).lightness() < 60);
}

void TestCandidateTableModel::findingsToolTipHasTheSentences()
{
    const QString tip =
        m_model->index(2, static_cast<int>(Column::Findings)).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"service-account (blocks): Username matches integration@."_s),
             qPrintable(tip));
    QVERIFY2(tip.contains(u"new-user (warning): Created recently."_s), qPrintable(tip));
    QVERIFY(tip.indexOf(u"service-account"_s) < tip.indexOf(u"new-user"_s));
    const QString none =
        m_model->index(0, static_cast<int>(Column::Findings)).data(Qt::ToolTipRole).toString();
    QVERIFY(!none.isEmpty());
}

void TestCandidateTableModel::managerIsNamedWhenKnown()
{
    QCOMPARE(m_model->managerName(m_model->user(1)), u"Ada Admin"_s);
    QVERIFY(m_model->managerName(m_model->user(0)).isEmpty());
    lr::scan::ScannedUser stranger = m_model->user(0);
    stranger.managerId = u"005Z"_s;
    QCOMPARE(m_model->managerName(stranger), u"005Z"_s);
}

void TestCandidateTableModel::proxyHidesBlockedUsersUnlessAsked()
{
    QCOMPARE(m_proxy->rowCount(), 2);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        QVERIFY(!m_proxy->index(row, 0).data(CandidateTableModel::BlockedRole).toBool());
    }
    m_proxy->setShowBlocked(true);
    QCOMPARE(m_proxy->rowCount(), 4);
    m_proxy->setShowBlocked(false);
    QCOMPARE(m_proxy->rowCount(), 2);
}

void TestCandidateTableModel::proxyFilterMatches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("users");

    QTest::newRow("empty filter shows everyone")
        << QString()
        << QStringList{u"User 10"_s, u"User 2"_s, u"Integration Bot"_s, u"Ada Admin"_s};
    QTest::newRow("by name") << u"user 2"_s << QStringList{u"User 2"_s};
    QTest::newRow("by username") << u"integration.bot@"_s << QStringList{u"Integration Bot"_s};
    QTest::newRow("by license") << u"salesforce"_s
                                << QStringList{u"User 10"_s,
                                               u"User 2"_s,
                                               u"Integration Bot"_s,
                                               u"Ada Admin"_s};
    QTest::newRow("by department") << u"FINANCE"_s << QStringList{u"Ada Admin"_s};
    QTest::newRow("by check id") << u"service-account"_s << QStringList{u"Integration Bot"_s};
    QTest::newRow("by finding sentence") << u"direct reports"_s << QStringList{u"User 2"_s};
    QTest::newRow("every word must match") << u"user marketing"_s << QStringList{u"User 2"_s};
    QTest::newRow("no match") << u"nobody"_s << QStringList{};
}

void TestCandidateTableModel::proxyFilterMatches()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, users);
    m_proxy->setShowBlocked(true);
    m_proxy->setFilterText(filter);
    QStringList shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        shown.append(m_proxy->index(row, static_cast<int>(Column::User)).data().toString());
    }
    shown.sort();
    users.sort();
    QCOMPARE(shown, users);
}

void TestCandidateTableModel::resetReplacesEveryRow()
{
    m_proxy->setShowBlocked(true);
    QCOMPARE(m_proxy->rowCount(), 4);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_proxy->rowCount(), 0);
    QVERIFY(m_model->preview().candidates.isEmpty());
}

QTEST_MAIN(TestCandidateTableModel)
#include "tst_candidatetablemodel.moc"
