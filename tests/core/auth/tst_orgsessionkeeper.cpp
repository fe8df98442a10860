// Token life against a real demo org: expiry in the middle of a paged query, a revoked
// refresh token, refresh-token rotation and its crash window, concurrent renewals, sign-out,
// and unattended sessions.
#include "consentbrowser.h"
#include "core/auth/browsersignin.h"
#include "core/auth/orgsessionkeeper.h"
#include "core/demo/server/oauthconfig.h"
#include "core/org/orgclient.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::Error;
using lr::Result;
using lr::auth::BrowserSignIn;
using lr::auth::LoginHost;
using lr::auth::OrgSessionKeeper;
using lr::auth::TokenEndpoint;
using lr::auth::TokenSet;
using lr::auth::UnattendedCredentials;
using lr::demo::OAuthOptions;
using lr::org::OrgClient;
using lr::test::ConsentBrowser;
using lr::test::DemoOrgFixture;

namespace {

constexpr int kUsers = 3000;
constexpr qint64 kLifetime = 300;

// A stand-in for the secrets store: keeps what it was given, or refuses.
struct FakeStore
{
    std::optional<TokenSet> stored;
    int writes = 0;
    bool failing = false;
    std::function<void(const TokenSet &)> onWrite;

    OrgSessionKeeper::PersistTokens persist()
    {
        return [this](const TokenSet &tokens) -> QCoro::Task<Result<void>> {
            ++writes;
            if (onWrite) {
                onWrite(tokens);
            }
            if (failing) {
                co_return Error::make(
                    Error::Kind::Storage, u"KEYCHAIN_LOCKED"_s, u"The keychain is locked."_s);
            }
            stored = tokens;
            co_return Result<void>();
        };
    }
};

} // namespace

class TestOrgSessionKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void expiryMidScanIsRecoveredOnce();
    void revokedRefreshTokenMidScanAsksForSignIn();
    void rotatedTokensArePersistedBeforeUse();
    void failedPersistKeepsTheStoredSignInWorking();
    void crashAfterTheTokenEndpointAnsweredIsRecoverable();
    void concurrentRefusalsShareOneRefresh();
    void signOutRevokesTheRefreshTokenAndItsAccessTokens();
    void unattendedSessionsRenewBySigningInAgain();

private:
    [[nodiscard]] TokenSet signIn(const QString &role = u"admin"_s);
    [[nodiscard]] TokenEndpoint
    endpoint(const QString &consumerKey = OAuthOptions::kPublicClientKey.toString());
    [[nodiscard]] std::unique_ptr<OrgClient> clientFor(OrgSessionKeeper &keeper);
    // Runs SELECT Id FROM User in pages of 500, calling `onPage` with the page number.
    [[nodiscard]] Result<qint64>
    scan(OrgClient &client, const std::function<void(int page)> &onPage, qint64 *records);
    [[nodiscard]] int restStatus(const QString &accessToken);

    DemoOrgFixture m_org;
    std::unique_ptr<ConsentBrowser> m_browser;
};

void TestOrgSessionKeeper::initTestCase()
{
    QVERIFY(m_org.start(kUsers));
    m_browser = std::make_unique<ConsentBrowser>(&m_org.network());
}

void TestOrgSessionKeeper::init()
{
    m_org.org().oauth().setAccessTokenLifetimeSeconds(kLifetime);
}

void TestOrgSessionKeeper::cleanup()
{
    m_org.org().clock().reset();
    m_org.org().oauth().setRotateRefreshTokens(false);
    m_org.org().oauth().setAccessTokenLifetimeSeconds(7200);
}

TokenSet TestOrgSessionKeeper::signIn(const QString &role)
{
    BrowserSignIn signIn(&m_org.network(),
                         LoginHost::custom(m_org.instanceUrl()).value(),
                         OAuthOptions::kPublicClientKey.toString());
    connect(&signIn, &BrowserSignIn::authorizeWithBrowser, m_browser.get(), &ConsentBrowser::open);
    m_browser->setAnswer(ConsentBrowser::Answer::Allow, role);
    const auto tokens = QCoro::waitFor(signIn.signIn());
    if (!tokens) {
        qWarning() << "sign-in failed:" << tokens.error().toString();
        return {};
    }
    return tokens.value();
}

TokenEndpoint TestOrgSessionKeeper::endpoint(const QString &consumerKey)
{
    return TokenEndpoint(
        &m_org.network(), LoginHost::custom(m_org.instanceUrl()).value(), consumerKey);
}

std::unique_ptr<OrgClient> TestOrgSessionKeeper::clientFor(OrgSessionKeeper &keeper)
{
    auto client = std::make_unique<OrgClient>(
        &m_org.network(), keeper.orgSession(lr::demo::DemoOrg::latestApiVersion()));
    keeper.attach(client.get());
    return client;
}

Result<qint64> TestOrgSessionKeeper::scan(OrgClient &client,
                                          const std::function<void(int page)> &onPage,
                                          qint64 *records)
{
    lr::org::QueryOptions options;
    options.batchSize = 500;
    int page = 0;
    return QCoro::waitFor(client.queryEach(
        u"SELECT Id, Username FROM User"_s, options, [&](const QJsonArray &rows, qint64) {
            *records += rows.size();
            onPage(++page);
        }));
}

int TestOrgSessionKeeper::restStatus(const QString &accessToken)
{
    return m_org.send("GET", m_org.dataPath(u"limits"_s), {}, accessToken).status;
}

void TestOrgSessionKeeper::expiryMidScanIsRecoveredOnce()
{
    const TokenSet tokens = signIn();
    QVERIFY(!tokens.refreshToken.isEmpty());
    FakeStore store;
    OrgSessionKeeper keeper(endpoint(), tokens, store.persist());
    int renewed = 0;
    connect(&keeper, &OrgSessionKeeper::tokensRenewed, this, [&renewed] { ++renewed; });
    auto client = clientFor(keeper);
    QVERIFY(QCoro::waitFor(client->negotiateVersion()));

    qint64 records = 0;
    const auto total = scan(
        *client,
        [this](int page) {
            if (page == 2) {
                m_org.org().clock().advance(kLifetime + 1); // the session expires mid-scan
            }
        },
        &records);
    QVERIFY2(total, qPrintable(total ? QString() : total.error().toString()));
    QCOMPARE(total.value(), kUsers);
    QCOMPARE(records, kUsers);
    QCOMPARE(renewed, 1);
    QCOMPARE(store.writes, 1);
    QVERIFY(keeper.tokens().accessToken != tokens.accessToken);
    QCOMPARE(keeper.tokens().refreshToken, tokens.refreshToken); // no rotation
    QCOMPARE(store.stored->accessToken, keeper.tokens().accessToken);
    QCOMPARE(client->session().accessToken, keeper.tokens().accessToken);
    QVERIFY(!keeper.needsSignIn());
}

void TestOrgSessionKeeper::revokedRefreshTokenMidScanAsksForSignIn()
{
    const TokenSet tokens = signIn();
    FakeStore store;
    OrgSessionKeeper keeper(endpoint(), tokens, store.persist());
    int renewed = 0;
    QList<Error> prompts;
    connect(&keeper, &OrgSessionKeeper::tokensRenewed, this, [&renewed] { ++renewed; });
    connect(&keeper, &OrgSessionKeeper::signInRequired, this, [&prompts](const Error &reason) {
        prompts.append(reason);
    });
    auto client = clientFor(keeper);
    QVERIFY(QCoro::waitFor(client->negotiateVersion()));

    qint64 records = 0;
    const auto total = scan(
        *client,
        [&](int page) {
            if (page == 2) {
                m_org.org().clock().advance(kLifetime + 1); // first expiry: recovered
            }
            if (page == 4) {
                // An admin revokes the app's access, then the session runs out again.
                m_org.org().tokens().revoke(keeper.tokens().refreshToken.toLatin1());
                m_org.org().clock().advance(kLifetime + 1);
            }
        },
        &records);
    QVERIFY(!total);
    QCOMPARE(total.error().code, u"SIGN_IN_REQUIRED"_s);
    QVERIFY(OrgSessionKeeper::isSignInRequired(total.error()));
    QVERIFY(total.error().detail.contains(u"invalid_grant"_s));
    QCOMPARE(renewed, 1);
    QCOMPARE(prompts.size(), 1);
    QCOMPARE(prompts.first().code, u"SIGN_IN_REQUIRED"_s);
    QVERIFY(keeper.needsSignIn());
    // The pages read before are the caller's, untouched.
    QCOMPARE(records, 2000);

    // Further requests get the same answer without asking the org again.
    const auto again = QCoro::waitFor(client->limits());
    QCOMPARE(again.error().code, u"SIGN_IN_REQUIRED"_s);
    QCOMPARE(prompts.size(), 1);

    // After a new sign-in the same client goes on.
    keeper.setTokens(signIn());
    QVERIFY(!keeper.needsSignIn());
    const auto after = QCoro::waitFor(client->limits());
    QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));
    QCOMPARE(renewed, 1);
}

void TestOrgSessionKeeper::rotatedTokensArePersistedBeforeUse()
{
    m_org.org().oauth().setRotateRefreshTokens(true);
    const TokenSet tokens = signIn();
    FakeStore store;
    OrgSessionKeeper *keeperSeen = nullptr;
    bool usedBeforeStored = false;
    store.onWrite = [&](const TokenSet &fresh) {
        // Nothing may hold the new access token before it is stored.
        usedBeforeStored = !keeperSeen || keeperSeen->tokens().accessToken == fresh.accessToken;
        // And the refresh token it replaces still works until the new tokens are used.
        QVERIFY(fresh.refreshToken != tokens.refreshToken);
    };
    OrgSessionKeeper keeper(endpoint(), tokens, store.persist());
    keeperSeen = &keeper;
    auto client = clientFor(keeper);
    m_org.org().tokens().revoke(tokens.accessToken.toLatin1()); // the session ends

    const auto limits = QCoro::waitFor(client->limits());
    QVERIFY2(limits, qPrintable(limits ? QString() : limits.error().toString()));
    QCOMPARE(store.writes, 1);
    QVERIFY(!usedBeforeStored);
    QVERIFY(store.stored);
    QCOMPARE(store.stored->refreshToken, keeper.tokens().refreshToken);
    QVERIFY(keeper.tokens().refreshToken != tokens.refreshToken);
    // The new access token was used, so the org has retired the old refresh token.
    const auto old = QCoro::waitFor(endpoint().refresh(tokens.refreshToken));
    QCOMPARE(old.error().code, u"invalid_grant"_s);
}

void TestOrgSessionKeeper::failedPersistKeepsTheStoredSignInWorking()
{
    m_org.org().oauth().setRotateRefreshTokens(true);
    FakeStore store;
    store.stored = signIn(); // what the secrets store holds from the sign-in
    const TokenSet original = *store.stored;

    {
        // This run's store fails when the rotated tokens arrive.
        store.failing = true;
        OrgSessionKeeper keeper(endpoint(), original, store.persist());
        bool prompted = false;
        connect(&keeper, &OrgSessionKeeper::signInRequired, this, [&prompted] { prompted = true; });
        auto client = clientFor(keeper);
        m_org.org().clock().advance(kLifetime + 1);
        const auto limits = QCoro::waitFor(client->limits());
        QVERIFY(!limits);
        QCOMPARE(limits.error().code, u"TOKEN_PERSIST_FAILED"_s);
        QCOMPARE(limits.error().kind, Error::Kind::Storage);
        QVERIFY(limits.error().detail.contains(u"KEYCHAIN_LOCKED"_s));
        QCOMPARE(store.writes, 1);
        // The new tokens were not used: the keeper still holds what was stored.
        QCOMPARE(keeper.tokens().accessToken, original.accessToken);
        QCOMPARE(keeper.tokens().refreshToken, original.refreshToken);
        QVERIFY(!prompted);
        QVERIFY(!keeper.needsSignIn());
    }

    // Next start: the store works again and holds the original sign-in.
    store.failing = false;
    QCOMPARE(store.stored->refreshToken, original.refreshToken);
    OrgSessionKeeper keeper(endpoint(), *store.stored, store.persist());
    auto client = clientFor(keeper);
    const auto limits = QCoro::waitFor(client->limits());
    QVERIFY2(limits, qPrintable(limits ? QString() : limits.error().toString()));
    QCOMPARE(store.writes, 2);
    QVERIFY(store.stored->refreshToken != original.refreshToken);
    QCOMPARE(store.stored->refreshToken, keeper.tokens().refreshToken);
}

void TestOrgSessionKeeper::crashAfterTheTokenEndpointAnsweredIsRecoverable()
{
    m_org.org().oauth().setRotateRefreshTokens(true);
    const TokenSet stored = signIn();
    // The process that refreshed died before it could store what it got.
    const auto lost = QCoro::waitFor(endpoint().refresh(stored.refreshToken));
    QVERIFY(lost);
    QVERIFY(!lost->refreshToken.isEmpty());

    FakeStore store;
    OrgSessionKeeper keeper(endpoint(), stored, store.persist());
    auto client = clientFor(keeper);
    m_org.org().clock().advance(kLifetime + 1);
    const auto limits = QCoro::waitFor(client->limits());
    QVERIFY2(limits, qPrintable(limits ? QString() : limits.error().toString()));
    QCOMPARE(store.writes, 1);
    QCOMPARE(store.stored->refreshToken, keeper.tokens().refreshToken);
    // The lost tokens were replaced, not left alive beside the new ones.
    QCOMPARE(restStatus(lost->accessToken), 401);
    QCOMPARE(QCoro::waitFor(endpoint().refresh(lost->refreshToken)).error().code,
             u"invalid_grant"_s);
}

void TestOrgSessionKeeper::concurrentRefusalsShareOneRefresh()
{
    // With rotation a second, parallel refresh would present a token the first replaced.
    m_org.org().oauth().setRotateRefreshTokens(true);
    FakeStore store;
    OrgSessionKeeper keeper(endpoint(), signIn(), store.persist());
    int renewed = 0;
    connect(&keeper, &OrgSessionKeeper::tokensRenewed, this, [&renewed] { ++renewed; });
    auto client = clientFor(keeper);
    QVERIFY(QCoro::waitFor(client->negotiateVersion()));
    m_org.org().clock().advance(kLifetime + 1);

    auto first = client->limits();
    auto second = client->getRecord(u"User"_s, m_org.userId(u"viewer"_s), {u"Id"_s});
    auto third = client->query(u"SELECT Id FROM Organization"_s);
    const auto firstResult = QCoro::waitFor(std::move(first));
    const auto secondResult = QCoro::waitFor(std::move(second));
    const auto thirdResult = QCoro::waitFor(std::move(third));
    QVERIFY2(firstResult, qPrintable(firstResult ? QString() : firstResult.error().toString()));
    QVERIFY2(secondResult, qPrintable(secondResult ? QString() : secondResult.error().toString()));
    QVERIFY2(thirdResult, qPrintable(thirdResult ? QString() : thirdResult.error().toString()));
    QCOMPARE(renewed, 1);
    QCOMPARE(store.writes, 1);
}

void TestOrgSessionKeeper::signOutRevokesTheRefreshTokenAndItsAccessTokens()
{
    const TokenSet tokens = signIn();
    FakeStore store;
    OrgSessionKeeper keeper(endpoint(), tokens, store.persist());
    auto client = clientFor(keeper);
    // A second access token from the same refresh token.
    const auto renewed = QCoro::waitFor(keeper.renew(tokens.accessToken));
    QVERIFY(renewed);
    QCOMPARE(restStatus(tokens.accessToken), 200);
    QCOMPARE(restStatus(renewed.value()), 200);

    const auto signedOut = QCoro::waitFor(keeper.signOut());
    QVERIFY2(signedOut, qPrintable(signedOut ? QString() : signedOut.error().toString()));
    QCOMPARE(restStatus(tokens.accessToken), 401);
    QCOMPARE(restStatus(renewed.value()), 401);
    QCOMPARE(QCoro::waitFor(endpoint().refresh(tokens.refreshToken)).error().code,
             u"invalid_grant"_s);
    QVERIFY(keeper.tokens().refreshToken.isEmpty());
    QVERIFY(keeper.tokens().accessToken.isEmpty());
    QVERIFY(keeper.needsSignIn());
    QCOMPARE(QCoro::waitFor(client->limits()).error().code, u"SIGN_IN_REQUIRED"_s);
    // Signing out twice is fine.
    QVERIFY(QCoro::waitFor(keeper.signOut()));
    // Revoking what the org does not know is typed.
    const auto unknown = QCoro::waitFor(endpoint().revoke(tokens.refreshToken));
    QCOMPARE(unknown.error().code, u"unsupported_token_type"_s);
    QCOMPARE(unknown.error().httpStatus, 400);
}

void TestOrgSessionKeeper::unattendedSessionsRenewBySigningInAgain()
{
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    const auto credentials =
        UnattendedCredentials::clientCredentials(OAuthOptions::kAgentClientSecret.toString());
    const auto tokens = QCoro::waitFor(credentials.signIn(agent));
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
    QVERIFY(tokens->refreshToken.isEmpty());
    QCOMPARE(tokens->userId, m_org.userId(u"admin"_s));

    OrgSessionKeeper keeper(agent, tokens.value(), {});
    keeper.setUnattendedCredentials(credentials);
    int renewed = 0;
    connect(&keeper, &OrgSessionKeeper::tokensRenewed, this, [&renewed] { ++renewed; });
    auto client = clientFor(keeper);
    m_org.org().clock().advance(kLifetime + 1);
    const auto limits = QCoro::waitFor(client->limits());
    QVERIFY2(limits, qPrintable(limits ? QString() : limits.error().toString()));
    QCOMPARE(renewed, 1);
    QVERIFY(keeper.tokens().accessToken != tokens->accessToken);

    // Without unattended credentials and without a refresh token, a person has to sign in.
    OrgSessionKeeper bare(agent, keeper.tokens(), {});
    auto bareClient = clientFor(bare);
    m_org.org().clock().advance(kLifetime + 1);
    QCOMPARE(QCoro::waitFor(bareClient->limits()).error().code, u"SIGN_IN_REQUIRED"_s);
}

QTEST_GUILESS_MAIN(TestOrgSessionKeeper)
#include "tst_orgsessionkeeper.moc"
