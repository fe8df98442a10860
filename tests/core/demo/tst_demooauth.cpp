// The demo org's OAuth endpoints over real HTTP on 127.0.0.1, spoken to the way a browser
// and an OAuth client would: authorize (consent page and form), token (every grant),
// revoke.
#include "core/demo/server/oauthconfig.h"
#include "support/demoorgfixture.h"

#include <QCoroNetworkReply>
#include <QCoroTask>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using lr::demo::OAuthOptions;
using lr::test::DemoOrgFixture;

namespace {

using Fields = QList<QPair<QString, QString>>;

const QString kRedirect = u"http://127.0.0.1:4711/callback"_s;
const QString kVerifier = u"dBjftJeZ4CK-P1KvRN9bM3Ao3xwmWLf-Wr4p3OEcdQs"_s;
// base64url(SHA-256(kVerifier)), worked out independently of the code under test.
const QString kChallenge = u"nZbFtcUbyKU9Dd_zYhNmOec__5vCN7QBJsXfUlfqhVQ"_s;

struct Reply
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    [[nodiscard]] QString error() const { return json().value(u"error"_s).toString(); }
    // The query of a redirect's Location.
    [[nodiscard]] QUrlQuery location() const
    {
        return QUrlQuery(QUrl::fromEncoded(header("Location")).query());
    }
};

QCoro::Task<Reply>
call(QNetworkAccessManager *network, QNetworkRequest request, QByteArray method, QByteArray body)
{
    std::unique_ptr<QNetworkReply> reply(network->sendCustomRequest(request, method, body));
    co_await reply.get();
    co_return Reply{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                    reply->rawHeaderPairs(),
                    reply->readAll()};
}

QByteArray form(const Fields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '='
                + QUrl::toPercentEncoding(value);
    }
    return body;
}

QString htmlUnescape(QString text)
{
    return text.replace(u"&quot;"_s, u"\""_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&amp;"_s, u"&"_s);
}

// The consent form's hidden inputs, as a browser would submit them.
Fields hiddenFields(const QByteArray &html)
{
    static const QRegularExpression input(
        uR"re(<input type="hidden" name="([^"]*)" value="([^"]*)">)re"_s);
    Fields fields;
    auto it = input.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const auto match = it.next();
        fields.append({htmlUnescape(match.captured(1)), htmlUnescape(match.captured(2))});
    }
    return fields;
}

} // namespace

class TestDemoOAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void consentPageListsTheDemoUsersAndEscapesEverything();
    void untrustedClientOrCallbackIsNeverRedirected_data();
    void untrustedClientOrCallbackIsNeverRedirected();
    void otherAuthorizeErrorsGoBackToTheClient_data();
    void otherAuthorizeErrorsGoBackToTheClient();
    void consentRedirectsWithCodeAndState();
    void consentCanBeDenied();
    void consentFormIsSingleUse();

    void tokenResponseHasSalesforcesShape();
    void wrongVerifierIsInvalidGrant();
    void codeUsedTwiceIsRefusedAndRevokesWhatItGave();
    void redirectUriMustMatchTheAuthorizeOne();
    void codesExpire();
    void tokenEndpointRefusesBadRequests_data();
    void tokenEndpointRefusesBadRequests();

    void refreshWithoutRotationKeepsTheRefreshToken();
    void rotationRetiresTheOldTokenOnlyOnceTheNewOneIsUsed();
    void accessTokensExpireByTheDemoClock();
    void revokingARefreshTokenRevokesItsAccessTokens();
    void revokingAnAccessTokenKeepsTheRefreshToken();
    void clientCredentialsNeedTheRightSecret();
    void oauthNeverReachesTheMutationLog();

private:
    [[nodiscard]] Reply send(const QByteArray &method,
                             const QString &pathAndQuery,
                             const QByteArray &body = {},
                             const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] Reply authorizePage(const Fields &overrides = {});
    [[nodiscard]] Reply
    submitConsent(const Fields &fields, const QString &role, const QString &action = u"allow"_s);
    // A code for `role` through the consent page; empty on failure.
    [[nodiscard]] QString authorize(const QString &role = u"admin"_s);
    [[nodiscard]] Reply token(const Fields &fields,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    [[nodiscard]] Reply exchange(const QString &code, const QString &verifier = kVerifier);
    [[nodiscard]] Reply refresh(const QString &refreshToken);
    [[nodiscard]] Reply revoke(const QString &token);
    [[nodiscard]] int restStatus(const QString &accessToken);

    DemoOrgFixture m_org;
};

void TestDemoOAuth::initTestCase()
{
    QVERIFY(m_org.start(300));
}

void TestDemoOAuth::cleanup()
{
    m_org.org().clock().reset();
    m_org.org().oauth().setRotateRefreshTokens(false);
    m_org.org().oauth().setAccessTokenLifetimeSeconds(7200);
}

Reply TestDemoOAuth::send(const QByteArray &method,
                          const QString &pathAndQuery,
                          const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_org.instanceUrl();
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0) {
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    if (!body.isEmpty()) {
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    return QCoro::waitFor(call(&m_org.network(), request, method, body));
}

Reply TestDemoOAuth::authorizePage(const Fields &overrides)
{
    Fields params{{u"response_type"_s, u"code"_s},
                  {u"client_id"_s, OAuthOptions::kPublicClientKey.toString()},
                  {u"redirect_uri"_s, kRedirect},
                  {u"state"_s, u"s-1"_s},
                  {u"code_challenge"_s, kChallenge},
                  {u"code_challenge_method"_s, u"S256"_s},
                  {u"scope"_s, u"api refresh_token"_s}};
    for (const auto &[name, value] : overrides) {
        params.removeIf([&name](const auto &param) { return param.first == name; });
        if (!value.isNull()) {
            params.append({name, value});
        }
    }
    return send("GET", u"/services/oauth2/authorize?"_s + QString::fromLatin1(form(params)));
}

Reply TestDemoOAuth::submitConsent(const Fields &fields, const QString &role, const QString &action)
{
    Fields submitted = fields;
    submitted.append({u"user"_s, role});
    submitted.append({u"action"_s, action});
    return send("POST", u"/services/oauth2/authorize"_s, form(submitted));
}

QString TestDemoOAuth::authorize(const QString &role)
{
    const Reply page = authorizePage();
    if (page.status != 200) {
        return {};
    }
    const Reply decided = submitConsent(hiddenFields(page.body), role);
    return decided.status == 302 ? decided.location().queryItemValue(u"code"_s) : QString();
}

Reply TestDemoOAuth::token(const Fields &fields,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("POST", u"/services/oauth2/token"_s, form(fields), headers);
}

Reply TestDemoOAuth::exchange(const QString &code, const QString &verifier)
{
    return token({{u"grant_type"_s, u"authorization_code"_s},
                  {u"code"_s, code},
                  {u"client_id"_s, OAuthOptions::kPublicClientKey.toString()},
                  {u"redirect_uri"_s, kRedirect},
                  {u"code_verifier"_s, verifier}});
}

Reply TestDemoOAuth::refresh(const QString &refreshToken)
{
    return token({{u"grant_type"_s, u"refresh_token"_s},
                  {u"refresh_token"_s, refreshToken},
                  {u"client_id"_s, OAuthOptions::kPublicClientKey.toString()}});
}

Reply TestDemoOAuth::revoke(const QString &tokenValue)
{
    return send("POST", u"/services/oauth2/revoke"_s, form({{u"token"_s, tokenValue}}));
}

int TestDemoOAuth::restStatus(const QString &accessToken)
{
    return m_org.send("GET", m_org.dataPath(u"limits"_s), {}, accessToken).status;
}

void TestDemoOAuth::consentPageListsTheDemoUsersAndEscapesEverything()
{
    const QString hostile = u"\"><script>alert('x')</script>&"_s;
    const Reply page = authorizePage({{u"state"_s, hostile}});
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QCOMPARE(page.header("X-Frame-Options"), QByteArray("DENY"));
    QCOMPARE(page.header("Cache-Control"), QByteArray("no-store"));
    for (const QString &role : {u"admin"_s, u"analyst"_s, u"viewer"_s}) {
        QVERIFY(page.body.contains(QByteArray("value=\"" + role.toUtf8() + '"')));
    }
    QVERIFY(!page.body.contains("<script>"));
    QVERIFY(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;"));
    // The form gives the state back exactly.
    const Fields fields = hiddenFields(page.body);
    const auto state = std::find_if(
        fields.cbegin(), fields.cend(), [](const auto &field) { return field.first == u"state"; });
    QVERIFY(state != fields.cend());
    QCOMPARE(state->second, hostile);
    const Reply decided = submitConsent(fields, u"viewer"_s);
    QCOMPARE(decided.status, 302);
    QCOMPARE(decided.location().queryItemValue(u"state"_s, QUrl::FullyDecoded), hostile);
}

void TestDemoOAuth::untrustedClientOrCallbackIsNeverRedirected_data()
{
    QTest::addColumn<Fields>("overrides");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown client")
        << Fields{{u"client_id"_s, u"NoSuchApp"_s}} << u"invalid_client_id"_s;
    QTest::newRow("missing client")
        << Fields{{u"client_id"_s, QString()}} << u"invalid_client_id"_s;
    QTest::newRow("remote callback")
        << Fields{{u"redirect_uri"_s, u"http://evil.example/callback"_s}}
        << u"redirect_uri_mismatch"_s;
    QTest::newRow("https callback")
        << Fields{{u"redirect_uri"_s, u"https://127.0.0.1/cb"_s}} << u"redirect_uri_mismatch"_s;
    QTest::newRow("look-alike host")
        << Fields{{u"redirect_uri"_s, u"http://127.0.0.1.evil.example/cb"_s}}
        << u"redirect_uri_mismatch"_s;
    QTest::newRow("userinfo") << Fields{{u"redirect_uri"_s, u"http://evil@127.0.0.1:80/cb"_s}}
                              << u"redirect_uri_mismatch"_s;
    QTest::newRow("missing callback")
        << Fields{{u"redirect_uri"_s, QString()}} << u"redirect_uri_mismatch"_s;
}

void TestDemoOAuth::untrustedClientOrCallbackIsNeverRedirected()
{
    QFETCH(Fields, overrides);
    QFETCH(QString, error);
    const Reply page = authorizePage(overrides);
    QCOMPARE(page.status, 400);
    QVERIFY(page.header("Location").isEmpty());
    QVERIFY(page.header("Content-Type").startsWith("text/html"));
    QVERIFY2(page.body.contains(error.toUtf8()), page.body.constData());
}

void TestDemoOAuth::otherAuthorizeErrorsGoBackToTheClient_data()
{
    QTest::addColumn<Fields>("overrides");
    QTest::addColumn<QString>("error");
    QTest::newRow("no challenge") << Fields{{u"code_challenge"_s, QString()}}
                                  << u"invalid_request"_s;
    QTest::newRow("plain") << Fields{{u"code_challenge_method"_s, u"plain"_s}}
                           << u"invalid_request"_s;
    QTest::newRow("no method") << Fields{{u"code_challenge_method"_s, QString()}}
                               << u"invalid_request"_s;
    QTest::newRow("short challenge")
        << Fields{{u"code_challenge"_s, u"abc"_s}} << u"invalid_request"_s;
    QTest::newRow("implicit") << Fields{{u"response_type"_s, u"token"_s}}
                              << u"unsupported_response_type"_s;
    QTest::newRow("scope") << Fields{{u"scope"_s, u"api full"_s}} << u"invalid_scope"_s;
}

void TestDemoOAuth::otherAuthorizeErrorsGoBackToTheClient()
{
    QFETCH(Fields, overrides);
    QFETCH(QString, error);
    const Reply page = authorizePage(overrides);
    QCOMPARE(page.status, 302);
    QVERIFY(page.header("Location").startsWith(QByteArray(kRedirect.toUtf8() + '?')));
    QCOMPARE(page.location().queryItemValue(u"error"_s), error);
    QCOMPARE(page.location().queryItemValue(u"state"_s), u"s-1"_s);
    QVERIFY(!page.location().hasQueryItem(u"code"_s));
}

void TestDemoOAuth::consentRedirectsWithCodeAndState()
{
    const Reply page = authorizePage();
    QCOMPARE(page.status, 200);
    const Reply decided = submitConsent(hiddenFields(page.body), u"analyst"_s);
    QCOMPARE(decided.status, 302);
    QVERIFY(decided.header("Location").startsWith(QByteArray(kRedirect.toUtf8() + '?')));
    QCOMPARE(decided.location().queryItemValue(u"state"_s), u"s-1"_s);
    const QString code = decided.location().queryItemValue(u"code"_s);
    QVERIFY(!code.isEmpty());
    const Reply tokens = exchange(code);
    QVERIFY2(tokens.status == 200, tokens.body.constData());
    QVERIFY(tokens.json().value(u"id"_s).toString().endsWith(m_org.userId(u"analyst"_s)));
}

void TestDemoOAuth::consentCanBeDenied()
{
    const Reply page = authorizePage();
    const Reply decided = submitConsent(hiddenFields(page.body), u"admin"_s, u"deny"_s);
    QCOMPARE(decided.status, 302);
    QCOMPARE(decided.location().queryItemValue(u"error"_s), u"access_denied"_s);
    QCOMPARE(decided.location().queryItemValue(u"state"_s), u"s-1"_s);
    QVERIFY(!decided.location().hasQueryItem(u"code"_s));
}

void TestDemoOAuth::consentFormIsSingleUse()
{
    const Reply page = authorizePage();
    const Fields fields = hiddenFields(page.body);
    QCOMPARE(submitConsent(fields, u"admin"_s).status, 302);
    const Reply again = submitConsent(fields, u"admin"_s);
    QCOMPARE(again.status, 400);
    QVERIFY(again.header("Location").isEmpty());
    // A form whose request was altered is refused as well.
    Fields altered = hiddenFields(authorizePage().body);
    for (auto &[name, value] : altered) {
        if (name == u"scope") {
            value = u"api"_s;
        }
    }
    QCOMPARE(submitConsent(altered, u"admin"_s).status, 400);
    // And so is one that never came from the page.
    Fields forged = fields;
    forged.removeIf([](const auto &field) { return field.first == u"consent"; });
    QCOMPARE(submitConsent(forged, u"admin"_s).status, 400);
}

void TestDemoOAuth::tokenResponseHasSalesforcesShape()
{
    const Reply tokens = exchange(authorize());
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.header("Cache-Control"), QByteArray("no-store"));
    const QJsonObject json = tokens.json();
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys,
             (QStringList{u"access_token"_s,
                          u"id"_s,
                          u"instance_url"_s,
                          u"issued_at"_s,
                          u"refresh_token"_s,
                          u"scope"_s,
                          u"signature"_s,
                          u"token_type"_s}));
    QCOMPARE(json.value(u"token_type"_s).toString(), u"Bearer"_s);
    QCOMPARE(json.value(u"scope"_s).toString(), u"api refresh_token"_s);
    QCOMPARE(json.value(u"instance_url"_s).toString(),
             m_org.instanceUrl().toString(QUrl::StripTrailingSlash));
    const QString id = json.value(u"id"_s).toString();
    QCOMPARE(id,
             u"https://login.salesforce.com/id/"_s + m_org.org().info().organizationId + u'/'
                 + m_org.userId(u"admin"_s));
    const QString issuedAt = json.value(u"issued_at"_s).toString();
    bool numeric = false;
    QVERIFY(qAbs(issuedAt.toLongLong(&numeric) - QDateTime::currentMSecsSinceEpoch()) < 60000);
    QVERIFY(numeric);
    const QByteArray signature = QMessageAuthenticationCode::hash((id + issuedAt).toUtf8(),
                                                                  "LRDemoConsumerSecret",
                                                                  QCryptographicHash::Sha256)
                                     .toBase64();
    QCOMPARE(json.value(u"signature"_s).toString().toLatin1(), signature);
    QVERIFY(json.value(u"access_token"_s)
                .toString()
                .startsWith(m_org.org().info().organizationId.left(15) + u'!'));
    QCOMPARE(restStatus(json.value(u"access_token"_s).toString()), 200);
}

void TestDemoOAuth::wrongVerifierIsInvalidGrant()
{
    const QString code = authorize();
    const Reply wrong = exchange(code, QString(kVerifier).replace(0, 1, u'e'));
    QCOMPARE(wrong.status, 400);
    QCOMPARE(wrong.error(), u"invalid_grant"_s);
    // A verifier that is not one (too short) is refused the same way.
    QCOMPARE(exchange(authorize(), u"short"_s).error(), u"invalid_grant"_s);
    // The code was spent by the failed attempt.
    QCOMPARE(exchange(code).error(), u"invalid_grant"_s);
}

void TestDemoOAuth::codeUsedTwiceIsRefusedAndRevokesWhatItGave()
{
    const QString code = authorize();
    const Reply first = exchange(code);
    QCOMPARE(first.status, 200);
    const QString access = first.json().value(u"access_token"_s).toString();
    const QString refreshToken = first.json().value(u"refresh_token"_s).toString();
    QCOMPARE(restStatus(access), 200);

    const Reply second = exchange(code);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.error(), u"invalid_grant"_s);
    QCOMPARE(restStatus(access), 401);
    QCOMPARE(refresh(refreshToken).error(), u"invalid_grant"_s);
}

void TestDemoOAuth::redirectUriMustMatchTheAuthorizeOne()
{
    const Reply reply = token({{u"grant_type"_s, u"authorization_code"_s},
                               {u"code"_s, authorize()},
                               {u"client_id"_s, OAuthOptions::kPublicClientKey.toString()},
                               {u"redirect_uri"_s, u"http://127.0.0.1:4712/callback"_s},
                               {u"code_verifier"_s, kVerifier}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.error(), u"invalid_grant"_s);
}

void TestDemoOAuth::codesExpire()
{
    const QString code = authorize();
    m_org.org().clock().advance(601);
    const Reply reply = exchange(code);
    QCOMPARE(reply.error(), u"invalid_grant"_s);
    QCOMPARE(reply.json().value(u"error_description"_s).toString(),
             u"expired authorization code"_s);
}

void TestDemoOAuth::tokenEndpointRefusesBadRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    const QByteArray formType = "application/x-www-form-urlencoded";
    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << formType << 405
                         << u"invalid_request"_s;
    QTest::newRow("JSON") << QByteArray("POST") << QByteArray(R"({"grant_type":"password"})")
                          << QByteArray("application/json") << 400 << u"invalid_request"_s;
    QTest::newRow("password grant")
        << QByteArray("POST") << QByteArray("grant_type=password&client_id=x") << formType << 400
        << u"unsupported_grant_type"_s;
    QTest::newRow("unknown client") << QByteArray("POST")
                                    << QByteArray("grant_type=refresh_token&client_id=Nope&"
                                                  "refresh_token=x")
                                    << formType << 400 << u"invalid_client_id"_s;
    QTest::newRow("repeated parameter")
        << QByteArray("POST")
        << QByteArray("grant_type=refresh_token&grant_type=refresh_token&client_id=x") << formType
        << 400 << u"invalid_request"_s;
    QTest::newRow("unknown refresh token")
        << QByteArray("POST")
        << QByteArray("grant_type=refresh_token&client_id=LRDemoConsumerKey&refresh_token=5Aepx")
        << formType << 400 << u"invalid_grant"_s;
}

void TestDemoOAuth::tokenEndpointRefusesBadRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, status);
    QFETCH(QString, error);
    const Reply reply =
        send(method, u"/services/oauth2/token"_s, body, {{"Content-Type", contentType}});
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.error(), error);
    QVERIFY(reply.json().contains(u"error_description"_s));
}

void TestDemoOAuth::refreshWithoutRotationKeepsTheRefreshToken()
{
    const QJsonObject first = exchange(authorize()).json();
    const QString refreshToken = first.value(u"refresh_token"_s).toString();
    const Reply renewed = refresh(refreshToken);
    QCOMPARE(renewed.status, 200);
    QVERIFY(!renewed.json().contains(u"refresh_token"_s));
    QCOMPARE(renewed.json().value(u"scope"_s).toString(), u"api refresh_token"_s);
    QCOMPARE(restStatus(renewed.json().value(u"access_token"_s).toString()), 200);
    QCOMPARE(restStatus(first.value(u"access_token"_s).toString()), 200);
    QCOMPARE(refresh(refreshToken).status, 200);
}

void TestDemoOAuth::rotationRetiresTheOldTokenOnlyOnceTheNewOneIsUsed()
{
    m_org.org().oauth().setRotateRefreshTokens(true);
    const QString rt0 = exchange(authorize()).json().value(u"refresh_token"_s).toString();

    // Answered, but the client died before storing it: the new pair is never used.
    const QJsonObject lost = refresh(rt0).json();
    const QString rt1 = lost.value(u"refresh_token"_s).toString();
    QVERIFY(!rt1.isEmpty());
    QVERIFY(rt1 != rt0);

    // What the client had stored still works, and replaces the lost pair.
    const QJsonObject again = refresh(rt0).json();
    const QString rt2 = again.value(u"refresh_token"_s).toString();
    QVERIFY(!rt2.isEmpty());
    QCOMPARE(restStatus(lost.value(u"access_token"_s).toString()), 401);
    QCOMPARE(refresh(rt1).error(), u"invalid_grant"_s);

    // Using the new access token retires its predecessor for good.
    QCOMPARE(restStatus(again.value(u"access_token"_s).toString()), 200);
    QCOMPARE(refresh(rt0).error(), u"invalid_grant"_s);
    const Reply next = refresh(rt2);
    QCOMPARE(next.status, 200);
    QVERIFY(!next.json().value(u"refresh_token"_s).toString().isEmpty());
}

void TestDemoOAuth::accessTokensExpireByTheDemoClock()
{
    m_org.org().oauth().setAccessTokenLifetimeSeconds(60);
    const QJsonObject tokens = exchange(authorize()).json();
    const QString access = tokens.value(u"access_token"_s).toString();
    QCOMPARE(restStatus(access), 200);
    m_org.org().clock().advance(61);
    QCOMPARE(restStatus(access), 401);
    const Reply renewed = refresh(tokens.value(u"refresh_token"_s).toString());
    QCOMPARE(restStatus(renewed.json().value(u"access_token"_s).toString()), 200);
}

void TestDemoOAuth::revokingARefreshTokenRevokesItsAccessTokens()
{
    const QJsonObject tokens = exchange(authorize()).json();
    const QString refreshToken = tokens.value(u"refresh_token"_s).toString();
    const QString renewedAccess = refresh(refreshToken).json().value(u"access_token"_s).toString();
    QCOMPARE(restStatus(renewedAccess), 200);

    const Reply revoked = revoke(refreshToken);
    QCOMPARE(revoked.status, 200);
    QCOMPARE(restStatus(tokens.value(u"access_token"_s).toString()), 401);
    QCOMPARE(restStatus(renewedAccess), 401);
    QCOMPARE(refresh(refreshToken).error(), u"invalid_grant"_s);

    const Reply unknown = revoke(refreshToken);
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.error(), u"unsupported_token_type"_s);
    const Reply missing = send("POST", u"/services/oauth2/revoke"_s, "token=");
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.error(), u"invalid_token"_s);
}

void TestDemoOAuth::revokingAnAccessTokenKeepsTheRefreshToken()
{
    const QJsonObject tokens = exchange(authorize()).json();
    const QString access = tokens.value(u"access_token"_s).toString();
    QCOMPARE(revoke(access).status, 200);
    QCOMPARE(restStatus(access), 401);
    QCOMPARE(refresh(tokens.value(u"refresh_token"_s).toString()).status, 200);
}

void TestDemoOAuth::clientCredentialsNeedTheRightSecret()
{
    const Reply right = token({{u"grant_type"_s, u"client_credentials"_s},
                               {u"client_id"_s, OAuthOptions::kAgentClientKey.toString()},
                               {u"client_secret"_s, OAuthOptions::kAgentClientSecret.toString()}});
    QCOMPARE(right.status, 200);
    QVERIFY(!right.json().contains(u"refresh_token"_s));
    QVERIFY(right.json().value(u"id"_s).toString().endsWith(m_org.userId(u"admin"_s)));
    QCOMPARE(restStatus(right.json().value(u"access_token"_s).toString()), 200);

    const Reply wrong = token({{u"grant_type"_s, u"client_credentials"_s},
                               {u"client_id"_s, OAuthOptions::kAgentClientKey.toString()},
                               {u"client_secret"_s, u"guess"_s}});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.error(), u"invalid_client"_s);

    // HTTP Basic client authentication (RFC 6749 §2.3.1) works too.
    const QByteArray basic = (OAuthOptions::kAgentClientKey.toString() + u':'
                              + OAuthOptions::kAgentClientSecret.toString())
                                 .toUtf8()
                                 .toBase64();
    const Reply viaBasic =
        token({{u"grant_type"_s, u"client_credentials"_s}}, {{"Authorization", "Basic " + basic}});
    QCOMPARE(viaBasic.status, 200);

    // The public desktop app has no client-credentials user.
    const Reply publicApp = token({{u"grant_type"_s, u"client_credentials"_s},
                                   {u"client_id"_s, OAuthOptions::kPublicClientKey.toString()},
                                   {u"client_secret"_s, u"LRDemoConsumerSecret"_s}});
    QCOMPARE(publicApp.error(), u"invalid_grant"_s);
}

void TestDemoOAuth::oauthNeverReachesTheMutationLog()
{
    m_org.clearMutations();
    const QJsonObject tokens = exchange(authorize()).json();
    QCOMPARE(refresh(tokens.value(u"refresh_token"_s).toString()).status, 200);
    QCOMPARE(revoke(tokens.value(u"refresh_token"_s).toString()).status, 200);
    QCOMPARE(token({{u"grant_type"_s, u"client_credentials"_s},
                    {u"client_id"_s, OAuthOptions::kAgentClientKey.toString()},
                    {u"client_secret"_s, OAuthOptions::kAgentClientSecret.toString()}})
                 .status,
             200);
    const QByteArray log = QJsonDocument(m_org.mutations()).toJson();
    QVERIFY2(m_org.mutations().isEmpty(), log.constData());
}

QTEST_GUILESS_MAIN(TestDemoOAuth)
#include "tst_demooauth.moc"
