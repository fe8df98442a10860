// The browser sign-in end to end without a person: the app's "open the system browser" goes
// through Qt's URL-handler seam (QDesktopServices::setUrlHandler) to a ConsentBrowser that
// follows the demo org's authorize page over HTTP, submits its consent form and lets the
// redirect reach the loopback listener.
#include "consentbrowser.h"
#include "core/auth/browsersignin.h"
#include "core/demo/server/oauthconfig.h"
#include "core/org/orgclient.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QDesktopServices>
#include <QJsonObject>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using lr::auth::BrowserSignIn;
using lr::auth::LoginHost;
using lr::auth::TokenSet;
using lr::demo::OAuthOptions;
using lr::test::ConsentBrowser;
using lr::test::DemoOrgFixture;

namespace {

bool acceptsConnections(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    const bool connected = socket.waitForConnected(2000);
    socket.abort();
    return connected;
}

// This machine's addresses other than loopback (the listener must refuse them all).
QList<QHostAddress> externalAddresses()
{
    QList<QHostAddress> addresses;
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol) {
            addresses.append(address);
        }
    }
    return addresses;
}

} // namespace

class TestBrowserSignIn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void signsInThroughTheSystemBrowserWithPkce();
    void wrongStateIsRefused();
    void deniedConsentIsTyped();
    void tokenEndpointErrorsAreReported();
    void cancelClosesTheListener();
    void timeoutClosesTheListener();
    void oneSignInAtATime();

private:
    [[nodiscard]] std::unique_ptr<BrowserSignIn>
    makeSignIn(const QString &consumerKey = OAuthOptions::kPublicClientKey.toString());

    DemoOrgFixture m_org;
    std::unique_ptr<ConsentBrowser> m_browser;
};

void TestBrowserSignIn::initTestCase()
{
    QVERIFY(m_org.start(200));
    m_browser = std::make_unique<ConsentBrowser>(&m_org.network());
    // The seam the console's QDesktopServices::openUrl goes through.
    QDesktopServices::setUrlHandler(u"http"_s, m_browser.get(), "open");
}

void TestBrowserSignIn::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
}

void TestBrowserSignIn::init()
{
    m_browser->setAnswer(ConsentBrowser::Answer::Allow);
    m_browser->setBeforeRedirect({});
}

std::unique_ptr<BrowserSignIn> TestBrowserSignIn::makeSignIn(const QString &consumerKey)
{
    const auto host = LoginHost::custom(m_org.instanceUrl());
    Q_ASSERT(host);
    auto signIn = std::make_unique<BrowserSignIn>(&m_org.network(), host.value(), consumerKey);
    // What the console does with the URL.
    connect(signIn.get(), &BrowserSignIn::authorizeWithBrowser, this, [](const QUrl &url) {
        QDesktopServices::openUrl(url);
    });
    return signIn;
}

void TestBrowserSignIn::signsInThroughTheSystemBrowserWithPkce()
{
    auto signIn = makeSignIn();
    QUrl probedRedirect;
    bool listenerWasReachable = false;
    bool externalRefused = true;
    bool ipv6Refused = false;
    m_browser->setBeforeRedirect([&](const QUrl &redirectUri) {
        probedRedirect = redirectUri;
        const auto port = quint16(redirectUri.port());
        listenerWasReachable = acceptsConnections(QHostAddress::LocalHost, port);
        for (const QHostAddress &address : externalAddresses()) {
            externalRefused = externalRefused && !acceptsConnections(address, port);
        }
        ipv6Refused = !acceptsConnections(QHostAddress::LocalHostIPv6, port);
        QCOMPARE(signIn->redirectUri(), redirectUri);
    });

    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
    QVERIFY2(m_browser->failure().isEmpty(), qPrintable(m_browser->failure()));
    QCOMPARE(m_browser->openCount(), 1);
    QCOMPARE(m_browser->redirectStatus(), 200);

    // The authorization request: code flow, PKCE S256, a fresh state, the loopback callback.
    const QUrlQuery query(m_browser->lastAuthorizeUrl());
    QCOMPARE(m_browser->lastAuthorizeUrl().path(), u"/services/oauth2/authorize"_s);
    QCOMPARE(query.queryItemValue(u"response_type"_s), u"code"_s);
    QCOMPARE(query.queryItemValue(u"client_id"_s), OAuthOptions::kPublicClientKey.toString());
    QCOMPARE(query.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    static const QRegularExpression challenge(u"^[A-Za-z0-9_-]{43}$"_s);
    QVERIFY(challenge.match(query.queryItemValue(u"code_challenge"_s)).hasMatch());
    QVERIFY(query.queryItemValue(u"state"_s).size() >= 32);
    QCOMPARE(query.queryItemValue(u"scope"_s, QUrl::FullyDecoded), u"api refresh_token"_s);

    // The listener: 127.0.0.1 only, on an ephemeral port, and gone afterwards.
    QCOMPARE(probedRedirect.scheme(), u"http"_s);
    QCOMPARE(probedRedirect.host(), u"127.0.0.1"_s);
    QCOMPARE(probedRedirect.path(), u"/callback"_s);
    QVERIFY(probedRedirect.port() > 0);
    QVERIFY(listenerWasReachable);
    QVERIFY(externalRefused);
    QVERIFY(ipv6Refused);
    QVERIFY(!acceptsConnections(QHostAddress::LocalHost, quint16(probedRedirect.port())));
    QVERIFY(!signIn->isSigningIn());
    QVERIFY(signIn->redirectUri().isEmpty());

    // The TokenSet, and that it works against the REST API.
    QVERIFY(!tokens->accessToken.isEmpty());
    QVERIFY(!tokens->refreshToken.isEmpty());
    QCOMPARE(tokens->instanceUrl, m_org.instanceUrl());
    QCOMPARE(tokens->organizationId, m_org.org().info().organizationId);
    QCOMPARE(tokens->userId, m_org.userId(u"admin"_s));
    QCOMPARE(tokens->identityUrl.host(), u"login.salesforce.com"_s);
    QCOMPARE(tokens->scope, u"api refresh_token"_s);
    QVERIFY(qAbs(tokens->issuedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    lr::org::OrgClient client(&m_org.network(), {tokens->instanceUrl, tokens->accessToken, {}});
    const auto me = QCoro::waitFor(client.userInfo());
    QVERIFY(me);
    QCOMPARE(me->value(u"user_id"_s).toString(), m_org.userId(u"admin"_s));
    QVERIFY(QCoro::waitFor(client.negotiateVersion()));
    QVERIFY(QCoro::waitFor(client.limits()));

    // Another user, another sign-in, another port.
    m_browser->setAnswer(ConsentBrowser::Answer::Allow, u"viewer"_s);
    const auto viewer = QCoro::waitFor(signIn->signIn());
    QVERIFY(viewer);
    QCOMPARE(viewer->userId, m_org.userId(u"viewer"_s));
}

void TestBrowserSignIn::wrongStateIsRefused()
{
    auto signIn = makeSignIn();
    m_browser->setAnswer(ConsentBrowser::Answer::WrongState);
    quint16 port = 0;
    m_browser->setBeforeRedirect(
        [&port](const QUrl &redirectUri) { port = quint16(redirectUri.port()); });
    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"STATE_MISMATCH"_s);
    QCOMPARE(tokens.error().kind, lr::Error::Kind::Refused);
    QVERIFY(port > 0);
    QVERIFY(!acceptsConnections(QHostAddress::LocalHost, port));
}

void TestBrowserSignIn::deniedConsentIsTyped()
{
    auto signIn = makeSignIn();
    m_browser->setAnswer(ConsentBrowser::Answer::Deny);
    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"access_denied"_s);
    QVERIFY(tokens.error().message.contains(u"end-user denied authorization"_s));
}

void TestBrowserSignIn::tokenEndpointErrorsAreReported()
{
    // An app that demands its secret in the web-server flow: the desktop app has none to
    // send, and the token endpoint's refusal must come back typed (Qt 6.4's own code
    // exchange would drop it and leave the sign-in waiting).
    auto app = m_org.org().oauth().app(OAuthOptions::kPublicClientKey.toString());
    QVERIFY(app);
    app->consumerKey = u"LRDemoSecretApp"_s;
    app->requireSecret = true;
    m_org.org().oauth().setApp(*app);
    auto signIn = makeSignIn(u"LRDemoSecretApp"_s);
    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"invalid_client"_s);
    QCOMPARE(tokens.error().httpStatus, 401);
}

void TestBrowserSignIn::cancelClosesTheListener()
{
    auto signIn = makeSignIn();
    m_browser->setAnswer(ConsentBrowser::Answer::Ignore);
    quint16 port = 0;
    QTimer::singleShot(50ms, this, [&] {
        port = quint16(signIn->redirectUri().port());
        QVERIFY(acceptsConnections(QHostAddress::LocalHost, port));
        signIn->cancel();
    });
    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"SIGN_IN_CANCELLED"_s);
    QVERIFY(port > 0);
    QVERIFY(!acceptsConnections(QHostAddress::LocalHost, port));
}

void TestBrowserSignIn::timeoutClosesTheListener()
{
    auto signIn = makeSignIn();
    signIn->setTimeout(300ms);
    m_browser->setAnswer(ConsentBrowser::Answer::Ignore);
    quint16 port = 0;
    QTimer::singleShot(50ms, this, [&] { port = quint16(signIn->redirectUri().port()); });
    const auto tokens = QCoro::waitFor(signIn->signIn());
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"SIGN_IN_TIMEOUT"_s);
    QCOMPARE(tokens.error().kind, lr::Error::Kind::Timeout);
    QVERIFY(port > 0);
    QVERIFY(!acceptsConnections(QHostAddress::LocalHost, port));
}

void TestBrowserSignIn::oneSignInAtATime()
{
    auto signIn = makeSignIn();
    m_browser->setAnswer(ConsentBrowser::Answer::Ignore);
    auto first = signIn->signIn();
    QVERIFY(signIn->isSigningIn());
    const auto second = QCoro::waitFor(signIn->signIn());
    QVERIFY(!second);
    QCOMPARE(second.error().code, u"SIGN_IN_IN_PROGRESS"_s);
    signIn->cancel();
    const auto firstResult = QCoro::waitFor(std::move(first));
    QCOMPARE(firstResult.error().code, u"SIGN_IN_CANCELLED"_s);
    // Destroying it while a sign-in waits ends that sign-in too.
    auto orphan = signIn->signIn();
    signIn.reset();
    const auto orphanResult = QCoro::waitFor(std::move(orphan));
    QVERIFY(!orphanResult);
}

QTEST_MAIN(TestBrowserSignIn)
#include "tst_browsersignin.moc"
