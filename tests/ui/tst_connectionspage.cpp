// The Connections page, offscreen, against a demo org on 127.0.0.1 and a real Secret Service:
// add an org through the demo org's consent page (the browser replaced through Qt's
// URL-handler seam), see who signed in and what they lack, rename, switch the workspace to
// it, and sign out.
#include "core/auth/consentbrowser.h"
#include "core/connections/connectionmanager.h"
#include "core/connections/connectionregistry.h"
#include "core/demo/server/oauthconfig.h"
#include "core/org/openedorg.h"
#include "core/org/orgoverview.h"
#include "core/secrets/secretstore.h"
#include "support/demoorgfixture.h"
#include "ui/connections/connectionspage.h"
#include "ui/mainwindow.h"
#include "ui/orgworkspace.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using lr::connections::ConnectionRegistry;
using lr::test::ConsentBrowser;
using lr::ui::ConnectionsPage;

class TestConnectionsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void addShowRenameSwitchAndSignOut();

private:
    [[nodiscard]] bool addThroughBrowser(const QString &alias, const QString &role);
    template <typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        return m_page->findChild<T *>(name);
    }
    [[nodiscard]] QString status(const QString &alias) const;
    void screenshot(const QString &name);

    QTemporaryDir m_data;
    lr::test::DemoOrgFixture m_org;
    std::unique_ptr<ConsentBrowser> m_browser;
    std::unique_ptr<lr::ui::MainWindow> m_window;
    ConnectionsPage *m_page = nullptr;
};

void TestConnectionsPage::initTestCase()
{
    qputenv("LR_DATA_DIR", m_data.path().toUtf8());
    QVERIFY(m_org.start(400));
    m_browser = std::make_unique<ConsentBrowser>(&m_org.network());
    QDesktopServices::setUrlHandler(u"http"_s, m_browser.get(), "open");
    m_window = std::make_unique<lr::ui::MainWindow>();
    m_window->resize(1200, 760);
    m_page = m_window->connectionsPage();
    QVERIFY(m_page);
    m_window->show();
    m_window->showPage(m_page);
    QTRY_VERIFY2_WITH_TIMEOUT(child<QPushButton>(u"signInPushButton"_s)->isEnabled(),
                              "needs an unlocked Secret Service: run with the keychain label",
                              15000);
    QVERIFY(!child<QLabel>(u"storeWarningLabel"_s)->isVisible());
}

void TestConnectionsPage::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    m_window.reset();
}

QString TestConnectionsPage::status(const QString &alias) const
{
    const auto items =
        child<QTreeWidget>(u"connectionsTreeWidget"_s)->findItems(alias, Qt::MatchExactly, 0);
    return items.isEmpty() ? QString() : items.first()->text(1);
}

void TestConnectionsPage::screenshot(const QString &name)
{
    const QString directory = qEnvironmentVariable("LR_SCREENSHOT_DIR");
    if (!directory.isEmpty()) {
        m_window->grab().save(directory + u'/' + name);
    }
}

bool TestConnectionsPage::addThroughBrowser(const QString &alias, const QString &role)
{
    m_browser->setAnswer(ConsentBrowser::Answer::Allow, role);
    auto *aliasEdit = child<QLineEdit>(u"aliasLineEdit"_s);
    aliasEdit->setFocus();
    QTest::keyClicks(aliasEdit, alias);
    child<QComboBox>(u"loginHostComboBox"_s)->setCurrentIndex(2);
    auto *url = child<QLineEdit>(u"hostUrlLineEdit"_s);
    url->clear();
    QTest::keyClicks(url, m_org.instanceUrl().toString());
    auto *key = child<QLineEdit>(u"consumerKeyLineEdit"_s);
    key->clear();
    QTest::keyClicks(key, lr::demo::OAuthOptions::kPublicClientKey.toString());
    QSignalSpy finished(m_page, &ConnectionsPage::operationFinished);
    auto *signIn = child<QPushButton>(u"signInPushButton"_s);
    signIn->setFocus();
    QTest::keyClick(signIn, Qt::Key_Space); // keyboard, as a person without a mouse would
    if (!finished.wait(30000)) {
        qWarning() << "no sign-in outcome; browser:" << m_browser->failure();
        return false;
    }
    if (!finished.first().at(0).toBool()) {
        qWarning() << finished.first().at(1).toString();
        return false;
    }
    return true;
}

void TestConnectionsPage::addShowRenameSwitchAndSignOut()
{
    QVERIFY(addThroughBrowser(u"analyst"_s, u"analyst"_s));
    QVERIFY(addThroughBrowser(u"demo"_s, u"admin"_s));
    QCOMPARE(m_browser->openCount(), 2);
    QCOMPARE(status(u"demo"_s), u"signed in"_s);
    QCOMPARE(m_page->selectedAlias(), u"demo"_s);

    // The details of the selected org, read live from it.
    QSignalSpy shown(m_page, &ConnectionsPage::detailsShown);
    m_page->selectAlias(u"analyst"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0) == u"analyst"_s, 20000);
    QVERIFY(child<QLabel>(u"userLabel"_s)->text().startsWith(u"analyst@"_s));
    QVERIFY(child<QLabel>(u"orgLabel"_s)->text().contains(u"00D"_s));
    QCOMPARE(child<QLabel>(u"kindLabel"_s)->text(), u"Production"_s);
    QVERIFY(child<QLabel>(u"apiUsageLabel"_s)->text().contains(u" of "_s));
    const QString lacks = child<QLabel>(u"permissionsLabel"_s)->text();
    QVERIFY2(lacks.contains(u"Manage Users"_s), qPrintable(lacks));
    screenshot(u"connections-analyst.png"_s);

    shown.clear();
    m_page->selectAlias(u"demo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0) == u"demo"_s, 20000);
    QVERIFY(child<QLabel>(u"permissionsLabel"_s)->text().startsWith(u"None"_s));

    // Rename: the tokens stay with the connection.
    auto *newAlias = child<QLineEdit>(u"newAliasLineEdit"_s);
    newAlias->clear();
    QTest::keyClicks(newAlias, u"acme"_s);
    QTest::mouseClick(child<QPushButton>(u"renamePushButton"_s), Qt::LeftButton);
    QCOMPARE(status(u"acme"_s), u"signed in"_s);
    QVERIFY(status(u"demo"_s).isEmpty());

    // Switch: the workspace opens the signed-in org.
    QSignalSpy opened(m_window->workspace(), &lr::ui::OrgWorkspace::opened);
    m_page->selectAlias(u"acme"_s);
    QTest::mouseClick(child<QPushButton>(u"openPushButton"_s), Qt::LeftButton);
    QVERIFY(opened.wait(20000));
    QCOMPARE(m_window->workspace()->openedOrg()->alias(), u"acme"_s);
    const auto connection = ConnectionRegistry().find(u"acme"_s);
    QVERIFY(connection);
    QCOMPARE(m_window->workspace()->identity().id, connection->orgId);

    // Sign out: revoked, tokens and cache gone; the connection stays, signed out.
    const QString cache = ConnectionRegistry::cacheDirectory(connection.value());
    QVERIFY(QFileInfo(cache).isDir());
    QSignalSpy finished(m_page, &ConnectionsPage::operationFinished);
    QTest::mouseClick(child<QPushButton>(u"signOutPushButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(status(u"acme"_s), u"signed out"_s);
    QVERIFY(!QFileInfo::exists(cache));
    QVERIFY(m_window->workspace()->connections()->secrets()->keys(connection->id).isEmpty());
    // The org on screen was that one: it is closed, and the header says why.
    QVERIFY(!m_window->workspace()->isOpen());
    QVERIFY(!m_window->workspace()->policies());

    // Remove forgets it altogether.
    finished.clear();
    m_page->selectAlias(u"analyst"_s);
    QStringList asked;
    m_page->setRemoveConfirmation([&asked](const QString &question) {
        asked.append(question);
        return false;
    });
    QTest::mouseClick(child<QPushButton>(u"removePushButton"_s), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(u"Remove the connection analyst?"_s),
             qPrintable(asked.first()));
    QCOMPARE(status(u"analyst"_s), u"signed in"_s); // cancelled: nothing happened
    m_page->setRemoveConfirmation([](const QString &) { return true; });
    QTest::mouseClick(child<QPushButton>(u"removePushButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(20000));
    QVERIFY(status(u"analyst"_s).isEmpty());
    screenshot(u"connections-after.png"_s);
}

QTEST_MAIN(TestConnectionsPage)
#include "tst_connectionspage.moc"
