// The Policies page offscreen on a demo org served over HTTP: the list shows the built-in
// default, a policy created in the page is stored in the org with its edited threshold, the
// what-if marker follows the threshold, an invalid value blocks Save with the validator's
// message, a concurrent edit raises the conflict question, unsaved edits are not lost by
// leaving the page, and the viewer and an org without the LR objects get a read-only form
// under a banner that says why.
#include "core/common/translations.h"
#include "core/org/orgchoice.h"
#include "core/org/orgclient.h"
#include "core/policy/policyrepository.h"
#include "core/scan/orgsnapshot.h"
#include "support/demoorgfixture.h"
#include "support/policysession.h"
#include "ui/mainwindow.h"
#include "ui/orgworkspace.h"
#include "ui/overview/overviewpage.h"
#include "ui/policies/policiespage.h"
#include "ui/policies/policyform.h"
#include "ui/policies/policylistmodel.h"
#include "ui/policies/whatifchart.h"
#include "ui/preview/candidatetablemodel.h"
#include "ui/preview/previewpage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QCoroTask>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSpontaneKeyEvent>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;
using lr::policy::Policy;
using lr::policy::PolicyRepository;
using lr::ui::PoliciesPage;
using lr::ui::PolicyDialogs;

namespace {

const QString kPolicyName = u"Week one tuning"_s;

// A client and repository of our own, as a teammate's console would have.
using Teammate = lr::test::PolicySession;

Teammate teammate(lr::test::DemoOrgFixture &demo, const QString &role)
{
    return Teammate::as(demo, role);
}

lr::org::OrgChoice choiceFor(lr::test::DemoOrgFixture &demo, const QString &role)
{
    lr::org::OrgChoice choice;
    choice.kind = lr::org::OrgChoice::Kind::InstanceUrl;
    choice.instanceUrl = demo.instanceUrl();
    choice.accessToken = demo.token(role);
    return choice;
}

// Opens a window on the Policies page and waits until the list is shown.
std::unique_ptr<lr::ui::MainWindow> openWindow(const lr::org::OrgChoice &choice)
{
    auto window = std::make_unique<lr::ui::MainWindow>();
    window->showPage(window->policiesPage());
    window->show();
    QSignalSpy shown(window->policiesPage(), &PoliciesPage::policiesShown);
    window->openOrg(choice);
    if (!QTest::qWaitFor([&] { return !shown.isEmpty(); }, 60000)) {
        qWarning("the Policies page never showed its list");
    }
    return window;
}

void typeInto(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

} // namespace

class TestPoliciesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listShowsTheBuiltInDefault();
    void createEditAndSaveStoresInTheOrg();
    void whatIfMarkerFollowsTheThreshold();
    void invalidValueDisablesSaveWithTheMessage();
    void concurrentEditAsksReloadOrOverwrite();
    void unsavedEditsPromptBeforeLeaving();
    void openCasesRefuseDeleteButNotPause();
    void ownerIsPickedByNameWithTheKeyboard();
    void wheelScrollsPastFieldsWithoutEditingThem();
    void exemptionUsernameIsLookedUpInTheOrg();
    void viewerGetsAReadOnlyForm();
    void orgWithoutLrObjectsShowsTheDeployCommand();
    void cleanupTestCase();

private:
    [[nodiscard]] PoliciesPage *page() const { return m_window->policiesPage(); }
    template <typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        T *found = page()->findChild<T *>(name);
        if (!found) {
            qWarning("no child %s", qPrintable(name));
        }
        return found;
    }
    [[nodiscard]] QSpinBox *threshold() const { return page()->form()->thresholdSpinBox(); }
    [[nodiscard]] QPushButton *saveButton() const
    {
        return child<QPushButton>(u"savePolicyButton"_s);
    }
    bool waitForOperation();

    QTemporaryDir m_data;
    lr::test::DemoOrgFixture m_demo;
    std::unique_ptr<lr::ui::MainWindow> m_window;
    // What the page's dialogs were asked, and what they answer next.
    QList<PolicyDialogs::Question> m_asked;
    QStringList m_messages;
    PolicyDialogs::Answer m_answer = PolicyDialogs::Answer::Cancel;
};

void TestPoliciesPage::initTestCase()
{
    QVERIFY(m_data.isValid());
    lr::Translations::install(*QCoreApplication::instance());
    qputenv("LR_DATA_DIR", m_data.path().toUtf8());
    lr::demo::DemoOrgOptions options;
    options.userCount = 600;
    options.seed = 5;
    QVERIFY(m_demo.start(options));
    m_window = openWindow(choiceFor(m_demo, u"admin"_s));
    PolicyDialogs dialogs;
    dialogs.ask = [this](PolicyDialogs::Question question, const QString &message) {
        m_asked.append(question);
        m_messages.append(message);
        return m_answer;
    };
    dialogs.askName = [](const QString &, const QString &) -> std::optional<QString> {
        return kPolicyName;
    };
    page()->setDialogs(dialogs);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isBusy(), 30000);
}

bool TestPoliciesPage::waitForOperation()
{
    return QTest::qWaitFor([this] { return !page()->isBusy(); }, 30000);
}

void TestPoliciesPage::listShowsTheBuiltInDefault()
{
    QVERIFY(page()->isWritable());
    QVERIFY(!child<QLabel>(u"policyBanner"_s)->isVisible());
    QCOMPARE(page()->model()->rowCount(), 1);
    QVERIFY(page()->model()->summary(0).isBuiltIn());
    QCOMPARE(page()->form()->loadedPolicy().name, Policy::builtInDefault().name);
    // The built-in default cannot be edited, only replaced by a policy of the org's own.
    QVERIFY(!threshold()->isEnabled());
    QVERIFY(child<QPushButton>(u"newPolicyButton"_s)->isEnabled());
    QVERIFY(!saveButton()->isEnabled());
}

void TestPoliciesPage::createEditAndSaveStoresInTheOrg()
{
    QTest::mouseClick(child<QPushButton>(u"newPolicyButton"_s), Qt::LeftButton);
    QVERIFY(waitForOperation());
    QTRY_COMPARE_WITH_TIMEOUT(page()->form()->loadedPolicy().name, kPolicyName, 30000);
    QVERIFY(page()->form()->loadedPolicy().isStored());
    // The org has a policy of its own now: the built-in default leaves the list.
    QTRY_COMPARE(page()->model()->rowCount(), 1);
    QCOMPARE(page()->model()->summary(0).name, kPolicyName);
    QCOMPARE(m_window->workspace()->currentPolicy().name, kPolicyName);
    QVERIFY(threshold()->isEnabled());
    QVERIFY(!saveButton()->isEnabled()); // nothing changed yet

    typeInto(threshold(), 120);
    QCOMPARE(threshold()->value(), 120);
    QVERIFY(saveButton()->isEnabled());
    QVERIFY(page()->hasUnsavedEdits());
    QSignalSpy finished(page(), &PoliciesPage::operationFinished);
    QTest::keyClick(threshold(), Qt::Key_S, Qt::ControlModifier); // Ctrl+S
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QVERIFY(finished.first().first().toBool());
    QVERIFY(waitForOperation());
    QVERIFY(!page()->hasUnsavedEdits());
    QCOMPARE(page()->form()->loadedPolicy().version, 2);
    QCOMPARE(m_window->workspace()->currentPolicy().defaultThresholdDays, 120);

    // What the org holds, read by another client.
    Teammate other = teammate(m_demo, u"admin"_s);
    const lr::Result<Policy> stored = QCoro::waitFor(other.repository->loadByName(kPolicyName));
    QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().toString()));
    QCOMPARE(stored->defaultThresholdDays, 120);
    QCOMPARE(stored->version, 2);
    QVERIFY(!stored->active); // a new policy waits to be resumed

    // lrctl on another machine reads the same policy from the org.
    QProcess lrctl;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_ACCESS_TOKEN"_s, m_demo.token(u"viewer"_s));
    env.insert(u"LR_DATA_DIR"_s, m_data.path());
    lrctl.setProcessEnvironment(env);
    lrctl.start(qEnvironmentVariable("LR_BINARY_DIR") + u"/app/lrctl"_s,
                {u"policy"_s,
                 u"show"_s,
                 kPolicyName,
                 u"--instance-url"_s,
                 m_demo.instanceUrl().toString(),
                 u"--format"_s,
                 u"json"_s});
    QVERIFY(lrctl.waitForFinished(60000));
    QVERIFY2(lrctl.exitCode() == 0, lrctl.readAllStandardError().constData());
    const QJsonObject shown = QJsonDocument::fromJson(lrctl.readAllStandardOutput()).object();
    QCOMPARE(shown.value(u"version"_s).toInt(), 2);
    QCOMPARE(shown.value(u"policy"_s).toObject().value(u"defaultThresholdDays"_s).toInt(), 120);

    // Preview runs the saved policy (over the last scan, or in the scan still running).
    const lr::ui::PreviewPage *preview = m_window->previewPage();
    QTRY_COMPARE_WITH_TIMEOUT(preview->policy().defaultThresholdDays, 120, 30000);
    const auto previewedAt120 = [preview] {
        const QList<lr::pipeline::PreviewEntry> &entries = preview->model()->preview().candidates;
        return !preview->isScanning() && !entries.isEmpty()
               && std::all_of(entries.cbegin(), entries.cend(), [](const auto &entry) {
                      return entry.thresholdDays == 120 && entry.daysInactive >= 120;
                  });
    };
    QVERIFY(QTest::qWaitFor(previewedAt120, 120000));
}

void TestPoliciesPage::whatIfMarkerFollowsTheThreshold()
{
    lr::ui::WhatIfChart *chart = page()->whatIf();
    // The Preview scanned the org when it opened; the curve follows from that snapshot.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->workspace()->lastSnapshot() != nullptr, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(chart->hasCurve(), 30000);
    QTRY_COMPARE(chart->markerThreshold(), 120);
    const lr::savings::WhatIfPoint at120 = chart->markerPoint();
    const QString text120 = chart->markerText();
    QVERIFY2(text120.startsWith(u"At 120 days: "_s), qPrintable(text120));

    typeInto(threshold(), 45);
    QCOMPARE(chart->markerThreshold(), 45);
    const lr::savings::WhatIfPoint at45 = chart->markerPoint();
    QVERIFY(at45.seats >= at120.seats);
    QVERIFY(at45.seats > 0);
    QVERIFY(chart->markerText() != text120);
    QVERIFY2(chart->markerText().startsWith(u"At 45 days: "_s), qPrintable(chart->markerText()));
    QVERIFY(child<QLabel>(u"whatIfNoteLabel"_s)->text().contains(u"list-price estimates"_s));
    if (qEnvironmentVariableIsSet("LR_POLICIES_SHOT")) {
        m_window->grab().save(qEnvironmentVariable("LR_POLICIES_SHOT"));
    }
    QTest::mouseClick(child<QPushButton>(u"revertPolicyButton"_s), Qt::LeftButton);
    QCOMPARE(threshold()->value(), 120);
    QCOMPARE(chart->markerThreshold(), 120);
}

void TestPoliciesPage::invalidValueDisablesSaveWithTheMessage()
{
    auto *problem = child<QLabel>(u"defaultThresholdDaysProblemLabel"_s);
    QVERIFY(problem);
    QVERIFY(!problem->isVisible());
    typeInto(threshold(), 400);
    QVERIFY(!saveButton()->isEnabled());
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"400 days is outside 30 to 365 days"_s),
             qPrintable(problem->text()));

    typeInto(threshold(), 100);
    auto *channel = child<QLineEdit>(u"notificationChannelLineEdit"_s);
    channel->setFocus();
    QTest::keyClicks(channel, u"https://hooks.slack.com/services/T0/B0/x"_s);
    QVERIFY(!saveButton()->isEnabled());
    auto *channelProblem = child<QLabel>(u"notificationChannelProblemLabel"_s);
    QVERIFY(channelProblem->isVisible());
    QVERIFY2(channelProblem->text().contains(u"not its address"_s),
             qPrintable(channelProblem->text()));

    channel->clear();
    QTest::keyClicks(channel, u"slack-reclaim"_s);
    QVERIFY(!channelProblem->isVisible());
    QVERIFY(saveButton()->isEnabled());
    QTest::mouseClick(child<QPushButton>(u"revertPolicyButton"_s), Qt::LeftButton);
    QVERIFY(!page()->hasUnsavedEdits());
}

void TestPoliciesPage::concurrentEditAsksReloadOrOverwrite()
{
    // A teammate saves the same policy while this console has it open.
    Teammate other = teammate(m_demo, u"analyst"_s);
    lr::Result<Policy> theirs = QCoro::waitFor(other.repository->loadByName(kPolicyName));
    QVERIFY(theirs);
    theirs->gracePeriodDays = 30;
    const auto saved = QCoro::waitFor(other.repository->save(theirs.value()));
    QVERIFY2(saved && !saved->hasConflict(), "the teammate's save should go through");

    // Save here: the conflict names who saved; Reload brings their version in.
    typeInto(threshold(), 150);
    m_asked.clear();
    m_messages.clear();
    m_answer = PolicyDialogs::Answer::Reload;
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 1, 30000);
    QCOMPARE(m_asked.first(), PolicyDialogs::Question::Conflict);
    QVERIFY(waitForOperation());
    QTRY_COMPARE_WITH_TIMEOUT(page()->form()->loadedPolicy().gracePeriodDays, 30, 30000);
    QCOMPARE(threshold()->value(), 120);
    QVERIFY(!page()->hasUnsavedEdits());

    // Again, and this time Overwrite: the page's edit wins over a newer teammate save.
    theirs = QCoro::waitFor(other.repository->loadByName(kPolicyName));
    theirs->cooldownDays = 10;
    QVERIFY(QCoro::waitFor(other.repository->save(theirs.value())));
    typeInto(threshold(), 150);
    m_asked.clear();
    m_answer = PolicyDialogs::Answer::Overwrite;
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_asked.size(), 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isBusy() && !page()->hasUnsavedEdits(), 30000);
    const lr::Result<Policy> stored = QCoro::waitFor(other.repository->loadByName(kPolicyName));
    QVERIFY(stored);
    QCOMPARE(stored->defaultThresholdDays, 150);
    QCOMPARE(m_window->workspace()->currentPolicy().defaultThresholdDays, 150);
}

void TestPoliciesPage::unsavedEditsPromptBeforeLeaving()
{
    auto *pages = m_window->findChild<QStackedWidget *>(u"pageStack"_s);
    typeInto(threshold(), 200);
    QVERIFY(page()->hasUnsavedEdits());

    // Cancel: the page and the edit stay.
    m_asked.clear();
    m_answer = PolicyDialogs::Answer::Cancel;
    m_window->showPage(m_window->overviewPage());
    QCOMPARE(m_asked, QList{PolicyDialogs::Question::UnsavedEdits});
    QCOMPARE(pages->currentWidget(), page());
    QCOMPARE(threshold()->value(), 200);

    // Closing the window asks too.
    m_asked.clear();
    QVERIFY(!m_window->close());
    QCOMPARE(m_asked, QList{PolicyDialogs::Question::UnsavedEdits});
    QVERIFY(m_window->isVisible());

    // Discard: the edit goes, the other page opens.
    m_asked.clear();
    m_answer = PolicyDialogs::Answer::Discard;
    m_window->showPage(m_window->overviewPage());
    QCOMPARE(m_asked.size(), 1);
    QCOMPARE(pages->currentWidget(), m_window->overviewPage());
    QVERIFY(!page()->hasUnsavedEdits());
    QCOMPARE(threshold()->value(), 150);
    m_window->showPage(page());
}

void TestPoliciesPage::openCasesRefuseDeleteButNotPause()
{
    const Policy policy = page()->form()->loadedPolicy();
    QCOMPARE(policy.name, kPolicyName);
    // A run of the policy opened a case that waits for the manager.
    const QJsonObject fields{{u"Policy__c"_s, policy.id},
                             {u"User__c"_s, m_demo.userId(u"viewer"_s)},
                             {u"State__c"_s, u"Notified"_s}};
    const auto opened = m_demo.send("POST",
                                    m_demo.dataPath(u"sobjects/LR_Case__c"_s),
                                    QJsonDocument(fields).toJson(QJsonDocument::Compact),
                                    m_demo.token(u"analyst"_s));
    QCOMPARE(opened.status, 201);

    m_asked.clear();
    m_messages.clear();
    m_answer = PolicyDialogs::Answer::Delete;
    QTest::mouseClick(child<QPushButton>(u"deletePolicyButton"_s), Qt::LeftButton);
    QCOMPARE(m_asked, QList{PolicyDialogs::Question::ConfirmDelete});
    QVERIFY(m_messages.first().contains(kPolicyName));
    QVERIFY(waitForOperation());
    auto *status = child<QLabel>(u"policyStatusLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"open case"_s), 30000);
    QVERIFY2(status->text().contains(u"pause it instead"_s), qPrintable(status->text()));
    // Nothing else changes: the policy stays, listed and editable.
    QCOMPARE(page()->form()->loadedPolicy().id, policy.id);
    QVERIFY(page()->isWritable());
    QVERIFY(!child<QLabel>(u"policyBanner"_s)->isVisible());
    QCOMPARE(m_demo.sql(u"SELECT COUNT(*) FROM LR_Policy__c WHERE Id = ?"_s, {policy.id}).toInt(),
             1);

    // Pausing and resuming go through (the button does whichever the policy is not).
    auto *pause = child<QPushButton>(u"pausePolicyButton"_s);
    for (const bool active : {!policy.active, policy.active}) {
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(waitForOperation());
        QTRY_COMPARE_WITH_TIMEOUT(page()->form()->loadedPolicy().active, active, 30000);
    }
}

void TestPoliciesPage::ownerIsPickedByNameWithTheKeyboard()
{
    const auto userOf = [this](const QString &role) {
        const auto r = m_demo.query(
            u"SELECT Name, Username FROM User WHERE Id = '%1'"_s.arg(m_demo.userId(role)));
        const QJsonObject user = r.json()[u"records"_s][0].toObject();
        return std::pair{
            user[u"Name"_s].toString(),
            u"%1 (%2)"_s.arg(user[u"Name"_s].toString(), user[u"Username"_s].toString())};
    };
    // The policy's creator owns it, and the field shows them by name.
    auto *owner = child<QLineEdit>(u"ownerLineEdit"_s);
    QCOMPARE(page()->form()->loadedPolicy().ownerId.left(15), m_demo.userId(u"admin"_s).left(15));
    QTRY_COMPARE_WITH_TIMEOUT(owner->text(), userOf(u"admin"_s).second, 30000);
    QVERIFY(!page()->hasUnsavedEdits());

    // Type the start of the analyst's name, pick them from the list with the keyboard.
    const auto [analystName, analystShown] = userOf(u"analyst"_s);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    owner->setFocus();
    owner->selectAll();
    QTest::keyClicks(owner, analystName.left(5));
    QAbstractItemView *popup = owner->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 30000);
    QVERIFY(!saveButton()->isEnabled()); // no owner chosen yet
    const QModelIndexList rows =
        popup->model()->match(popup->model()->index(0, 0), Qt::DisplayRole, analystShown);
    QCOMPARE(rows.size(), 1);
    for (int i = 0; i <= rows.first().row(); ++i) {
        QTest::keyClick(popup, Qt::Key_Down);
    }
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(owner->text(), analystShown, 30000);
    QCOMPARE(page()->form()->policy().ownerId.left(15), m_demo.userId(u"analyst"_s).left(15));
    QVERIFY(page()->hasUnsavedEdits());
    QVERIFY(saveButton()->isEnabled());
    QTest::mouseClick(saveButton(), Qt::LeftButton);
    QVERIFY(waitForOperation());
    QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedEdits(), 30000);
    QCOMPARE(m_demo
                 .sql(u"SELECT OwnerId FROM LR_Policy__c WHERE Id = ?"_s,
                      {page()->form()->loadedPolicy().id})
                 .toString()
                 .left(15),
             m_demo.userId(u"analyst"_s).left(15));

    // A name nobody has is named under the field and cannot be saved.
    owner->setFocus();
    owner->selectAll();
    QTest::keyClicks(owner, u"Zzqx"_s);
    auto *problem = page()->form()->findChild<QLabel *>(u"ownerProblemLabel"_s);
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(u"no active user"_s), 30000);
    QVERIFY(problem->isVisible());
    QVERIFY(!saveButton()->isEnabled());
    QTest::mouseClick(child<QPushButton>(u"revertPolicyButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(owner->text(), analystShown, 30000);
    QVERIFY(!page()->hasUnsavedEdits());
}

void TestPoliciesPage::wheelScrollsPastFieldsWithoutEditingThem()
{
    QVERIFY(!page()->hasUnsavedEdits());
    auto *scroll = page()->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QScrollBar *bar = scroll->verticalScrollBar();
    bar->setValue(0);
    auto *grace = page()->findChild<QSpinBox *>(u"gracePeriodSpinBox"_s);
    QVERIFY(grace);
    child<QPushButton>(u"newPolicyButton"_s)->setFocus(); // not the spin box
    const int days = grace->value();
    const auto wheel = [](QWidget *target) {
        const QPointF at(target->width() / 2.0, target->height() / 2.0);
        QWheelEvent event(at,
                          target->mapToGlobal(at),
                          QPoint(),
                          QPoint(0, -120),
                          Qt::NoButton,
                          Qt::NoModifier,
                          Qt::NoScrollPhase,
                          false);
        // As the window system delivers it (spontaneous, through notify(), to the widget
        // under the pointer): only such events travel on to the parents.
        QSpontaneKeyEvent::setSpontaneous(&event);
        QApplication::instance()->notify(target, &event);
    };
    // Turning the wheel over the unfocused field scrolls the form and leaves the value.
    QWidget *underPointer = grace->childAt(grace->rect().center());
    QVERIFY(underPointer);
    wheel(underPointer);
    QCOMPARE(grace->value(), days);
    QVERIFY(bar->value() > 0);
    QVERIFY(!page()->hasUnsavedEdits());
    // Once the person is in the field, the wheel is theirs to change it with.
    grace->setFocus();
    QVERIFY(grace->hasFocus());
    wheel(grace);
    QCOMPARE(grace->value(), days - 1);
    QVERIFY(page()->hasUnsavedEdits());
    QTest::mouseClick(child<QPushButton>(u"revertPolicyButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedEdits(), 30000);
}

void TestPoliciesPage::exemptionUsernameIsLookedUpInTheOrg()
{
    // The analyst logged in recently, so the last scan (inactive users only) lacks them.
    const QString analystId = m_demo.userId(u"analyst"_s);
    const auto snapshot = m_window->workspace()->lastSnapshot();
    QVERIFY(snapshot);
    for (const lr::scan::ScannedUser &user : snapshot->users) {
        QVERIFY(user.id.left(15) != analystId.left(15));
    }
    const QString username =
        m_demo.query(u"SELECT Username FROM User WHERE Id = '%1'"_s.arg(analystId))
            .json()[u"records"_s][0][u"Username"_s]
            .toString();
    QVERIFY(!username.isEmpty());

    auto *table = page()->findChild<QTableWidget *>(u"exemptionTable"_s);
    QVERIFY(table);
    const int rows = table->rowCount();
    QTest::mouseClick(child<QPushButton>(u"addExemptionButton"_s), Qt::LeftButton);
    QCOMPARE(table->rowCount(), rows + 1);
    table->item(rows, 1)->setText(u"Signs the renewals"_s);
    table->item(rows, 0)->setText(username.toUpper());
    auto *problem = page()->form()->findChild<QLabel *>(u"exemptionsProblemLabel"_s);
    QVERIFY(problem);
    QTRY_VERIFY_WITH_TIMEOUT(page()->form()->policy().exemptions.value(rows).userId.left(15)
                                 == analystId.left(15),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().isEmpty(), 30000);
    QVERIFY(saveButton()->isEnabled());

    // A username the org does not have is named under the table, and blocks Save.
    table->item(rows, 0)->setText(u"nobody.here@acme.example"_s);
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(u"no user with the username "
                                                      u"nobody.here@acme.example"_s),
                             30000);
    QVERIFY(!saveButton()->isEnabled());
    QTest::mouseClick(child<QPushButton>(u"revertPolicyButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->hasUnsavedEdits(), 30000);
    QCOMPARE(table->rowCount(), rows);
}

void TestPoliciesPage::viewerGetsAReadOnlyForm()
{
    auto window = openWindow(choiceFor(m_demo, u"viewer"_s));
    PoliciesPage *viewerPage = window->policiesPage();
    QTRY_VERIFY_WITH_TIMEOUT(!viewerPage->isBusy(), 30000);
    QVERIFY(!viewerPage->isWritable());
    auto *banner = viewerPage->findChild<QLabel *>(u"policyBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"LR Operator"_s), qPrintable(banner->text()));
    QCOMPARE(viewerPage->model()->rowCount(), 1); // the viewer reads the org's policies
    QCOMPARE(viewerPage->model()->summary(0).name, kPolicyName);
    QVERIFY(!viewerPage->findChild<QPushButton *>(u"newPolicyButton"_s)->isEnabled());
    QVERIFY(!viewerPage->form()->thresholdSpinBox()->isEnabled());
    QVERIFY(!viewerPage->findChild<QPushButton *>(u"savePolicyButton"_s)->isEnabled());
}

void TestPoliciesPage::orgWithoutLrObjectsShowsTheDeployCommand()
{
    lr::test::DemoOrgFixture bare;
    lr::demo::DemoOrgOptions options;
    options.userCount = 200;
    options.seed = 3;
    options.lrSchema = lr::demo::LrSchema::None;
    QVERIFY(bare.start(options));
    auto window = openWindow(choiceFor(bare, u"admin"_s));
    PoliciesPage *barePage = window->policiesPage();
    QTRY_VERIFY_WITH_TIMEOUT(!barePage->isBusy(), 30000);
    auto *banner = barePage->findChild<QLabel *>(u"policyBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"sf project deploy start"_s), qPrintable(banner->text()));
    QCOMPARE(barePage->model()->rowCount(), 1);
    QVERIFY(barePage->model()->summary(0).isBuiltIn());
    QVERIFY(!barePage->findChild<QPushButton *>(u"newPolicyButton"_s)->isEnabled());
    QVERIFY(!barePage->form()->thresholdSpinBox()->isEnabled());
    window.reset(); // before the org it talks to
}

void TestPoliciesPage::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestPoliciesPage)
#include "tst_policiespage.moc"
