// The token endpoint client and its pieces against a real demo org: the authorization code
// exchange (wrong verifier, code used twice), the JWT bearer flow with keys generated here,
// client credentials, and the local checks (login hosts, PKCE, form encoding, TokenSet).
#include "consentbrowser.h"
#include "core/auth/jwtassertion.h"
#include "core/auth/loopbackredirect.h"
#include "core/auth/pkce.h"
#include "core/auth/tokenendpoint.h"
#include "core/demo/server/oauthconfig.h"
#include "core/org/orgclient.h"
#include "support/demoorgfixture.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;
using lr::auth::JwtAssertion;
using lr::auth::LoginHost;
using lr::auth::LoopbackRedirect;
using lr::auth::Pkce;
using lr::auth::TokenEndpoint;
using lr::auth::TokenSet;
using lr::demo::OAuthOptions;
using lr::test::ConsentBrowser;
using lr::test::DemoOrgFixture;

namespace {

struct KeyPair
{
    QByteArray privatePem;
    QByteArray publicPem;
    QByteArray certificatePem; // self-signed, holding the public key
};

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray bytes(data, qsizetype(size));
    BIO_free(bio);
    return bytes;
}

KeyPair generateKeyPair()
{
    KeyPair pair;
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    if (!key) {
        return pair;
    }
    BIO *privateBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(privateBio, key, nullptr, nullptr, 0, nullptr, nullptr);
    pair.privatePem = drain(privateBio);
    BIO *publicBio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(publicBio, key);
    pair.publicPem = drain(publicBio);

    X509 *certificate = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 1);
    X509_gmtime_adj(X509_getm_notBefore(certificate), 0);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
    X509_set_pubkey(certificate, key);
    X509_NAME *name = X509_get_subject_name(certificate);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("lr-test"), -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509_sign(certificate, key, EVP_sha256());
    BIO *certificateBio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(certificateBio, certificate);
    pair.certificatePem = drain(certificateBio);
    X509_free(certificate);
    EVP_PKEY_free(key);
    return pair;
}

// Flips one character of the JWT's signature part.
QByteArray tamperedSignature(QByteArray jwt)
{
    const qsizetype at = jwt.lastIndexOf('.') + 5;
    jwt[at] = jwt.at(at) == 'A' ? 'B' : 'A';
    return jwt;
}

// Swaps the claims for other ones, keeping the header and the signature.
QByteArray swappedClaims(const QByteArray &jwt, const QString &username)
{
    QList<QByteArray> parts = jwt.split('.');
    QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
            .object();
    claims.insert(u"sub"_s, username);
    parts[1] = QJsonDocument(claims)
                   .toJson(QJsonDocument::Compact)
                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return parts.join('.');
}

} // namespace

class TestTokenEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void loginHosts_data();
    void loginHosts();
    void pkceVerifiersAreFreshAndWellFormed();
    void formEncodingEscapesReservedCharacters();
    void tokenSetRefusesAnInstanceInTheClear();
    void tokenSetRoundTripsThroughTheStore();

    void codeExchangeWithTheRightVerifierWorksOnce();
    void codeExchangeWithAWrongVerifierIsInvalidGrant();
    void jwtBearerWithAValidAssertionWorks();
    void jwtBearerWithACertificateWorks();
    void jwtBearerRefusals_data();
    void jwtBearerRefusals();
    void jwtBearerRefusesABadKeyLocally();
    void clientCredentialsNeedTheRightSecret();

private:
    [[nodiscard]] TokenEndpoint endpoint(const QString &consumerKey);
    // An authorization code for `challenge` through the consent page and a loopback
    // listener; also returns the redirect URI used.
    [[nodiscard]] QString authorizationCode(const QByteArray &challenge, QUrl *redirectUri);
    [[nodiscard]] lr::Result<QJsonObject> userInfo(const TokenSet &tokens);

    DemoOrgFixture m_org;
    std::unique_ptr<ConsentBrowser> m_browser;
    KeyPair m_appKey;
    KeyPair m_otherKey;
};

void TestTokenEndpoint::initTestCase()
{
    QVERIFY(m_org.start(200));
    m_browser = std::make_unique<ConsentBrowser>(&m_org.network());
    m_appKey = generateKeyPair();
    m_otherKey = generateKeyPair();
    QVERIFY(m_appKey.privatePem.contains("PRIVATE KEY"));
    QVERIFY(m_appKey.publicPem.contains("PUBLIC KEY"));
    QVERIFY(m_appKey.certificatePem.contains("CERTIFICATE"));
    QVERIFY(m_otherKey.privatePem.contains("PRIVATE KEY"));
    QVERIFY(m_org.org().oauth().setCertificate(OAuthOptions::kAgentClientKey.toString(),
                                               m_appKey.publicPem));
}

void TestTokenEndpoint::cleanup()
{
    m_org.org().clock().reset();
    QVERIFY(m_org.org().oauth().setCertificate(OAuthOptions::kAgentClientKey.toString(),
                                               m_appKey.publicPem));
}

TokenEndpoint TestTokenEndpoint::endpoint(const QString &consumerKey)
{
    return TokenEndpoint(
        &m_org.network(), LoginHost::custom(m_org.instanceUrl()).value(), consumerKey);
}

QString TestTokenEndpoint::authorizationCode(const QByteArray &challenge, QUrl *redirectUri)
{
    LoopbackRedirect listener;
    const auto listening = listener.listen(0, u"cb"_s, u"ok"_s);
    if (!listening) {
        return {};
    }
    *redirectUri = listening.value();
    QUrl authorize = m_org.instanceUrl();
    authorize.setPath(u"/services/oauth2/authorize"_s);
    QUrlQuery query;
    query.addQueryItem(u"response_type"_s, u"code"_s);
    query.addQueryItem(u"client_id"_s, OAuthOptions::kPublicClientKey.toString());
    query.addQueryItem(u"redirect_uri"_s, redirectUri->toString());
    query.addQueryItem(u"state"_s, u"st"_s);
    query.addQueryItem(u"code_challenge"_s, QString::fromLatin1(challenge));
    query.addQueryItem(u"code_challenge_method"_s, u"S256"_s);
    authorize.setQuery(query);
    m_browser->setAnswer(ConsentBrowser::Answer::Allow);
    m_browser->open(authorize);
    const auto redirect = QCoro::waitFor(listener.wait());
    if (!redirect || listener.isListening()) {
        qWarning() << "no redirect, or the listener still listens after it";
        return {};
    }
    return redirect->value(u"code"_s).toString();
}

lr::Result<QJsonObject> TestTokenEndpoint::userInfo(const TokenSet &tokens)
{
    lr::org::OrgClient client(&m_org.network(), {tokens.instanceUrl, tokens.accessToken, {}});
    return QCoro::waitFor(client.userInfo());
}

void TestTokenEndpoint::loginHosts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("audience");
    QTest::newRow("production") << u"production"_s << QString() << u"https://login.salesforce.com"_s
                                << u"https://login.salesforce.com"_s;
    QTest::newRow("sandbox") << u"sandbox"_s << QString() << u"https://test.salesforce.com"_s
                             << u"https://test.salesforce.com"_s;
    QTest::newRow("my domain name")
        << u"mydomain"_s << u"Acme"_s << u"https://acme.my.salesforce.com"_s
        << u"https://login.salesforce.com"_s;
    QTest::newRow("my domain url")
        << u"mydomain"_s << u"https://acme.my.salesforce.com/"_s
        << u"https://acme.my.salesforce.com"_s << u"https://login.salesforce.com"_s;
    QTest::newRow("sandbox my domain")
        << u"mydomain"_s << u"acme--uat.sandbox.my.salesforce.com"_s
        << u"https://acme--uat.sandbox.my.salesforce.com"_s << u"https://test.salesforce.com"_s;
    QTest::newRow("not a my domain")
        << u"mydomain"_s << u"acme.evil.example"_s << QString() << QString();
    QTest::newRow("my domain injection")
        << u"mydomain"_s << u"acme.my.salesforce.com@evil"_s << QString() << QString();
    QTest::newRow("demo org") << u"custom"_s << u"http://127.0.0.1:4321"_s
                              << u"http://127.0.0.1:4321"_s << u"http://127.0.0.1:4321"_s;
    QTest::newRow("https custom") << u"custom"_s << u"https://login.example.com/x"_s
                                  << u"https://login.example.com"_s
                                  << u"https://login.example.com"_s;
    QTest::newRow("plain http elsewhere")
        << u"custom"_s << u"http://login.example.com"_s << QString() << QString();
}

void TestTokenEndpoint::loginHosts()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(QString, url);
    QFETCH(QString, audience);
    lr::Result<LoginHost> host = kind == u"production" ? LoginHost::production()
                                 : kind == u"sandbox"  ? LoginHost::sandbox()
                                 : kind == u"mydomain" ? LoginHost::myDomain(input)
                                                       : LoginHost::custom(QUrl(input));
    if (url.isEmpty()) {
        QVERIFY(!host);
        QCOMPARE(host.error().code, u"INVALID_LOGIN_HOST"_s);
        return;
    }
    QVERIFY(host);
    QCOMPARE(host->url().toString(), url);
    QCOMPARE(host->jwtAudience(), audience);
    QCOMPARE(host->tokenUrl().toString(), url + u"/services/oauth2/token"_s);
    QCOMPARE(host->authorizeUrl().toString(), url + u"/services/oauth2/authorize"_s);
}

void TestTokenEndpoint::pkceVerifiersAreFreshAndWellFormed()
{
    static const QRegularExpression verifier(u"^[A-Za-z0-9_-]{43,128}$"_s);
    static const QRegularExpression challenge(u"^[A-Za-z0-9_-]{43}$"_s);
    const Pkce a = Pkce::generate();
    const Pkce b = Pkce::generate();
    QVERIFY(verifier.match(QString::fromLatin1(a.verifier)).hasMatch());
    QVERIFY(challenge.match(QString::fromLatin1(a.challenge)).hasMatch());
    QVERIFY(a.verifier != b.verifier);
    QVERIFY(a.challenge != b.challenge);
    // base64url(SHA-256(verifier)), checked against a value worked out elsewhere.
    QCOMPARE(Pkce::challengeFor("dBjftJeZ4CK-P1KvRN9bM3Ao3xwmWLf-Wr4p3OEcdQs"),
             QByteArray("nZbFtcUbyKU9Dd_zYhNmOec__5vCN7QBJsXfUlfqhVQ"));
    QVERIFY(Pkce::constantTimeEquals("abc", "abc"));
    QVERIFY(!Pkce::constantTimeEquals("abc", "abd"));
    QVERIFY(!Pkce::constantTimeEquals("abc", "abcd"));
}

void TestTokenEndpoint::formEncodingEscapesReservedCharacters()
{
    QCOMPARE(TokenEndpoint::formEncode({{u"a b"_s, u"x+y&z=\u00e9"_s}, {u"k"_s, u"-._~"_s}}),
             QByteArray("a%20b=x%2By%26z%3D%C3%A9&k=-._~"));
}

void TestTokenEndpoint::tokenSetRefusesAnInstanceInTheClear()
{
    const QJsonObject base{{u"access_token"_s, u"00D!x"_s}, {u"token_type"_s, u"Bearer"_s}};
    QJsonObject clear = base;
    clear.insert(u"instance_url"_s, u"http://acme.my.salesforce.com"_s);
    QCOMPARE(TokenSet::fromTokenResponse(clear).error().code, u"UNEXPECTED_TOKEN_RESPONSE"_s);
    QJsonObject secure = base;
    secure.insert(u"instance_url"_s, u"https://acme.my.salesforce.com"_s);
    QVERIFY(TokenSet::fromTokenResponse(secure));
    QJsonObject mac = base;
    mac.insert(u"token_type"_s, u"MAC"_s);
    QVERIFY(!TokenSet::fromTokenResponse(mac));
    QVERIFY(!TokenSet::fromTokenResponse(QJsonObject{{u"token_type"_s, u"Bearer"_s}}));
}

void TestTokenEndpoint::tokenSetRoundTripsThroughTheStore()
{
    const auto tokens = TokenSet::fromTokenResponse(
        {{u"access_token"_s, u"00Dx!AQ"_s},
         {u"refresh_token"_s, u"5Aep"_s},
         {u"instance_url"_s, u"https://acme.my.salesforce.com"_s},
         {u"id"_s, u"https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P"_s},
         {u"issued_at"_s, u"1278448832702"_s},
         {u"scope"_s, u"refresh_token api"_s},
         {u"token_type"_s, u"Bearer"_s}});
    QVERIFY(tokens);
    QCOMPARE(tokens->organizationId, u"00Dx0000000BV7z"_s);
    QCOMPARE(tokens->userId, u"005x00000012Q9P"_s);
    QCOMPARE(tokens->issuedAt.toMSecsSinceEpoch(), 1278448832702);
    const auto back = TokenSet::deserialize(tokens->serialize());
    QVERIFY(back);
    QCOMPARE(back->accessToken, tokens->accessToken);
    QCOMPARE(back->refreshToken, tokens->refreshToken);
    QCOMPARE(back->instanceUrl, tokens->instanceUrl);
    QCOMPARE(back->identityUrl, tokens->identityUrl);
    QCOMPARE(back->userId, tokens->userId);
    QCOMPARE(back->issuedAt, tokens->issuedAt);
    QCOMPARE(back->scope, tokens->scope);
}

void TestTokenEndpoint::codeExchangeWithTheRightVerifierWorksOnce()
{
    const Pkce pkce = Pkce::generate();
    QUrl redirectUri;
    const QString code = authorizationCode(pkce.challenge, &redirectUri);
    QVERIFY(!code.isEmpty());
    const TokenEndpoint client = endpoint(OAuthOptions::kPublicClientKey.toString());
    const auto tokens = QCoro::waitFor(client.exchangeCode(code, redirectUri, pkce.verifier));
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
    QVERIFY(userInfo(tokens.value()));

    const auto again = QCoro::waitFor(client.exchangeCode(code, redirectUri, pkce.verifier));
    QVERIFY(!again);
    QCOMPARE(again.error().code, u"invalid_grant"_s);
    QCOMPARE(again.error().httpStatus, 400);
    QCOMPARE(again.error().kind, lr::Error::Kind::Remote);
    // The replay revoked what the first exchange gave.
    QVERIFY(!userInfo(tokens.value()));
}

void TestTokenEndpoint::codeExchangeWithAWrongVerifierIsInvalidGrant()
{
    const Pkce pkce = Pkce::generate();
    QUrl redirectUri;
    const QString code = authorizationCode(pkce.challenge, &redirectUri);
    QVERIFY(!code.isEmpty());
    const TokenEndpoint client = endpoint(OAuthOptions::kPublicClientKey.toString());
    const auto tokens =
        QCoro::waitFor(client.exchangeCode(code, redirectUri, Pkce::generate().verifier));
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"invalid_grant"_s);
    QCOMPARE(tokens.error().detail, u"invalid code verifier"_s);
}

void TestTokenEndpoint::jwtBearerWithAValidAssertionWorks()
{
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    const QString username = m_org.org().principal(u"analyst"_s)->username;
    const auto tokens = QCoro::waitFor(agent.jwtBearer(username, m_appKey.privatePem));
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
    QVERIFY(tokens->refreshToken.isEmpty());
    QCOMPARE(tokens->userId, m_org.userId(u"analyst"_s));
    const auto me = userInfo(tokens.value());
    QVERIFY(me);
    QCOMPARE(me->value(u"preferred_username"_s).toString(), username);
}

void TestTokenEndpoint::jwtBearerWithACertificateWorks()
{
    QVERIFY(m_org.org().oauth().setCertificate(OAuthOptions::kAgentClientKey.toString(),
                                               m_appKey.certificatePem));
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    const auto tokens = QCoro::waitFor(
        agent.jwtBearer(m_org.org().principal(u"admin"_s)->username, m_appKey.privatePem));
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
}

void TestTokenEndpoint::jwtBearerRefusals_data()
{
    QTest::addColumn<QString>("refusal");
    QTest::addColumn<QString>("description");
    QTest::newRow("expired") << u"expired"_s << u"expired authorization code"_s;
    QTest::newRow("expired by the org's clock") << u"clock"_s << u"expired authorization code"_s;
    QTest::newRow("wrong audience") << u"audience"_s << u"audience is invalid"_s;
    QTest::newRow("wrong key") << u"key"_s << u"invalid assertion"_s;
    QTest::newRow("tampered signature") << u"signature"_s << u"invalid assertion"_s;
    QTest::newRow("tampered claims") << u"claims"_s << u"invalid assertion"_s;
    QTest::newRow("unknown user") << u"user"_s << u"user hasn't approved this consumer"_s;
}

void TestTokenEndpoint::jwtBearerRefusals()
{
    QFETCH(QString, refusal);
    QFETCH(QString, description);
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    JwtAssertion::Claims claims{OAuthOptions::kAgentClientKey.toString(),
                                m_org.org().principal(u"admin"_s)->username,
                                agent.host().jwtAudience(),
                                {}};
    QByteArray key = m_appKey.privatePem;
    if (refusal == u"expired") {
        claims.expires = QDateTime::currentDateTimeUtc().addSecs(-10);
    } else if (refusal == u"clock") {
        m_org.org().clock().advance(3600);
    } else if (refusal == u"audience") {
        claims.audience = u"https://login.salesforce.com"_s;
    } else if (refusal == u"key") {
        key = m_otherKey.privatePem;
    } else if (refusal == u"user") {
        claims.username = u"nobody@example.invalid"_s;
    }
    auto assertion = JwtAssertion::sign(claims, key);
    QVERIFY(assertion);
    if (refusal == u"signature") {
        assertion = tamperedSignature(assertion.value());
    } else if (refusal == u"claims") {
        assertion = swappedClaims(assertion.value(), m_org.org().principal(u"viewer"_s)->username);
    }
    const auto tokens = QCoro::waitFor(agent.jwtBearerAssertion(assertion.value()));
    QVERIFY(!tokens);
    QCOMPARE(tokens.error().code, u"invalid_grant"_s);
    QCOMPARE(tokens.error().httpStatus, 400);
    QCOMPARE(tokens.error().detail, description);
}

void TestTokenEndpoint::jwtBearerRefusesABadKeyLocally()
{
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    const auto garbage = QCoro::waitFor(agent.jwtBearer(u"a@b.c"_s, "not a key"));
    QCOMPARE(garbage.error().code, u"INVALID_PRIVATE_KEY"_s);
    // A public key is not a private key.
    const auto publicOnly = QCoro::waitFor(agent.jwtBearer(u"a@b.c"_s, m_appKey.publicPem));
    QCOMPARE(publicOnly.error().code, u"INVALID_PRIVATE_KEY"_s);
}

void TestTokenEndpoint::clientCredentialsNeedTheRightSecret()
{
    const TokenEndpoint agent = endpoint(OAuthOptions::kAgentClientKey.toString());
    const auto tokens =
        QCoro::waitFor(agent.clientCredentials(OAuthOptions::kAgentClientSecret.toString()));
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().toString()));
    QCOMPARE(tokens->userId, m_org.userId(u"admin"_s));
    QVERIFY(userInfo(tokens.value()));

    const auto wrong = QCoro::waitFor(agent.clientCredentials(u"not-the-secret"_s));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, u"invalid_client"_s);
    QCOMPARE(wrong.error().httpStatus, 401);
}

QTEST_GUILESS_MAIN(TestTokenEndpoint)
#include "tst_tokenendpoint.moc"
