#include "core/demo/server/oauthtokengrants.h"

#include "core/demo/demoorg.h"
#include "core/demo/server/authorizationcodes.h"
#include "core/demo/server/formfields.h"
#include "core/demo/server/jwtverifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

const QString kJwtBearer = u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
           && CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QString base64UrlSha256(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool grantsRefreshToken(const QString &scope)
{
    const QStringList scopes = scope.split(u' ', Qt::SkipEmptyParts);
    return scopes.contains(u"refresh_token"_s) || scopes.contains(u"offline_access"_s);
}

QString withoutRefreshScope(const QStringList &scopes)
{
    QStringList kept;
    for (const QString &scope : scopes) {
        if (scope != u"refresh_token" && scope != u"offline_access") {
            kept.append(scope);
        }
    }
    return kept.join(u' ');
}

HttpResponse invalidGrant(const QString &description)
{
    return OAuthTokenGrants::oauthError(400, u"invalid_grant"_s, description);
}

HttpResponse invalidClient()
{
    HttpResponse response =
        OAuthTokenGrants::oauthError(401, u"invalid_client"_s, u"invalid client credentials"_s);
    response.setHeader("WWW-Authenticate", "Basic realm=\"demo org\"");
    return response;
}

} // namespace

OAuthTokenGrants::OAuthTokenGrants(DemoOrg &org, AuthorizationCodes &codes)
    : m_org(org)
    , m_codes(codes)
{ }

HttpResponse
OAuthTokenGrants::oauthError(int status, const QString &error, const QString &description)
{
    HttpResponse response = HttpResponse::json(
        status,
        QJsonDocument(QJsonObject{{u"error"_s, error}, {u"error_description"_s, description}})
            .toJson(QJsonDocument::Compact));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

QString OAuthTokenGrants::ownUrl(const HttpRequest &request)
{
    static const QRegularExpression hostPattern(
        uR"(^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-]+)(:\d{1,5})?$)"_s);
    const QString host = QString::fromLatin1(request.header("Host"));
    return u"http://"_s + (hostPattern.match(host).hasMatch() ? host : u"127.0.0.1"_s);
}

std::optional<OAuthTokenGrants::UserStatus>
OAuthTokenGrants::findUser(const DemoOrg &org, const QString &key, bool byUsername)
{
    QSqlQuery query(org.database().connection());
    query.prepare(u"SELECT u.\"Id\", u.\"IsActive\", COALESCE(l.\"IsFrozen\", 0) FROM \"User\" u "
                  u"LEFT JOIN \"UserLogin\" l ON l.\"UserId\" = u.\"Id\" WHERE u.\""_s
                  + (byUsername ? u"Username"_s : u"Id"_s) + u"\" = ?"_s);
    query.addBindValue(key);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return UserStatus{
        query.value(0).toString(), query.value(1).toInt() != 0, query.value(2).toInt() != 0};
}

HttpResponse OAuthTokenGrants::handle(const HttpRequest &request)
{
    if (request.method != "POST") {
        return oauthError(405, u"invalid_request"_s, u"the token endpoint accepts POST only"_s);
    }
    if (!request.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
        return oauthError(
            400, u"invalid_request"_s, u"the body must be application/x-www-form-urlencoded"_s);
    }
    const FormFields form = FormFields::parse(request.body);
    if (const QStringList repeated = form.repeatedNames(); !repeated.isEmpty()) {
        return oauthError(
            400, u"invalid_request"_s, u"parameter sent more than once: "_s + repeated.first());
    }
    const QString grantType = form.value(u"grant_type");
    if (grantType == kJwtBearer) {
        return jwtBearer(request, form); // the client is the assertion's issuer
    }
    const bool known = grantType == u"authorization_code" || grantType == u"refresh_token"
                       || grantType == u"client_credentials";
    if (!known) {
        return oauthError(400, u"unsupported_grant_type"_s, u"grant type not supported"_s);
    }
    Client client;
    if (auto refused = identifyClient(request, form, &client)) {
        return *refused;
    }
    if (grantType == u"authorization_code") {
        return authorizationCode(request, form, client);
    }
    if (grantType == u"refresh_token") {
        return refreshToken(request, form, client);
    }
    return clientCredentials(request, client);
}

std::optional<HttpResponse> OAuthTokenGrants::identifyClient(const HttpRequest &request,
                                                             const FormFields &form,
                                                             Client *client) const
{
    QString clientId = form.value(u"client_id");
    QString secret = form.value(u"client_secret");
    const QByteArray authorization = request.header("Authorization");
    if (authorization.startsWith("Basic ")) {
        // client_secret_basic: base64(url-encoded id ":" url-encoded secret), RFC 6749 §2.3.1.
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        const QString basicId = QUrl::fromPercentEncoding(decoded.left(colon));
        if (colon < 0 || (!clientId.isEmpty() && clientId != basicId)) {
            return oauthError(400, u"invalid_request"_s, u"conflicting client authentication"_s);
        }
        clientId = basicId;
        secret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
    }
    const auto app = m_org.oauth().app(clientId);
    if (!app) {
        return oauthError(400, u"invalid_client_id"_s, u"client identifier invalid"_s);
    }
    client->app = *app;
    client->presentedSecret = secret;
    return std::nullopt;
}

bool OAuthTokenGrants::secretMatches(const Client &client)
{
    return constantTimeEquals(client.presentedSecret.toUtf8(), client.app.consumerSecret.toUtf8());
}

std::optional<HttpResponse> OAuthTokenGrants::refuseUser(const QString &userId) const
{
    const auto user = findUser(m_org, userId);
    if (!user || !user->active || user->frozen) {
        return invalidGrant(u"inactive user"_s);
    }
    return std::nullopt;
}

HttpResponse OAuthTokenGrants::authorizationCode(const HttpRequest &request,
                                                 const FormFields &form,
                                                 const Client &client)
{
    // A secret is checked whenever one is sent, and demanded when the app requires it.
    if ((client.app.requireSecret || !client.presentedSecret.isEmpty()) && !secretMatches(client)) {
        return invalidClient();
    }
    const QString code = form.value(u"code");
    const AuthorizationCodes::Redemption redemption = m_codes.redeem(code.toLatin1());
    switch (redemption.status) {
    case AuthorizationCodes::Status::Unknown:
        return invalidGrant(u"invalid authorization code"_s);
    case AuthorizationCodes::Status::Expired:
        return invalidGrant(u"expired authorization code"_s);
    case AuthorizationCodes::Status::Reused:
        // RFC 6749 §4.1.2: a code used twice revokes what it was exchanged for.
        for (const QByteArray &digest : redemption.issuedDigests) {
            m_org.tokens().revokeDigest(digest);
        }
        return invalidGrant(u"authorization code already used"_s);
    case AuthorizationCodes::Status::Valid:
        break;
    }
    const AuthorizationCodes::Grant &grant = redemption.grant;
    if (grant.clientId != client.app.consumerKey) {
        return invalidGrant(u"invalid authorization code"_s);
    }
    if (form.value(u"redirect_uri") != grant.redirectUri) {
        return invalidGrant(u"redirect_uri must match configuration"_s);
    }
    if (!grant.codeChallenge.isEmpty()) {
        static const QRegularExpression verifierPattern(uR"(^[A-Za-z0-9\-._~]{43,128}$)"_s);
        const QString verifier = form.value(u"code_verifier");
        if (!verifierPattern.match(verifier).hasMatch()
            || !constantTimeEquals(base64UrlSha256(verifier).toLatin1(),
                                   grant.codeChallenge.toLatin1())) {
            return invalidGrant(u"invalid code verifier"_s);
        }
    }
    if (auto refused = refuseUser(grant.userId)) {
        return *refused;
    }
    const TokenRegistry::Issued issued =
        m_org.tokens().issueGrant(m_org.info().organizationId,
                                  {grant.userId, client.app.consumerKey, grant.scope},
                                  m_org.oauth().accessTokenLifetimeSeconds(),
                                  grantsRefreshToken(grant.scope));
    QList<QByteArray> digests{TokenRegistry::digest(issued.accessToken.toLatin1())};
    if (!issued.refreshToken.isEmpty()) {
        digests.append(TokenRegistry::digest(issued.refreshToken.toLatin1()));
    }
    m_codes.noteIssued(code.toLatin1(), digests);
    return tokenResponse(request, client.app, grant.userId, grant.scope, issued);
}

HttpResponse OAuthTokenGrants::refreshToken(const HttpRequest &request,
                                            const FormFields &form,
                                            const Client &client)
{
    if ((client.app.requireSecret || !client.presentedSecret.isEmpty()) && !secretMatches(client)) {
        return invalidClient();
    }
    const auto refreshed = m_org.tokens().refresh(form.value(u"refresh_token").toLatin1(),
                                                  client.app.consumerKey,
                                                  m_org.info().organizationId,
                                                  m_org.oauth().accessTokenLifetimeSeconds(),
                                                  m_org.oauth().rotateRefreshTokens());
    if (!refreshed) {
        return invalidGrant(u"expired access/refresh token"_s);
    }
    if (auto refused = refuseUser(refreshed->grant.userId)) {
        m_org.tokens().revoke(refreshed->issued.accessToken.toLatin1());
        return *refused;
    }
    return tokenResponse(
        request, client.app, refreshed->grant.userId, refreshed->grant.scope, refreshed->issued);
}

HttpResponse OAuthTokenGrants::clientCredentials(const HttpRequest &request, const Client &client)
{
    if (!secretMatches(client)) {
        return invalidClient();
    }
    const DemoPrincipal *runAs = m_org.principal(client.app.clientCredentialsRunAs);
    if (client.app.clientCredentialsRunAs.isEmpty() || !runAs) {
        return invalidGrant(u"no client credentials user enabled"_s);
    }
    if (auto refused = refuseUser(runAs->userId)) {
        return *refused;
    }
    const QString scope = withoutRefreshScope(client.app.scopes);
    const TokenRegistry::Issued issued =
        m_org.tokens().issueGrant(m_org.info().organizationId,
                                  {runAs->userId, client.app.consumerKey, scope},
                                  m_org.oauth().accessTokenLifetimeSeconds(),
                                  false);
    return tokenResponse(request, client.app, runAs->userId, scope, issued);
}

HttpResponse OAuthTokenGrants::jwtBearer(const HttpRequest &request, const FormFields &form)
{
    const auto jwt = JwtVerifier::decode(form.value(u"assertion").toLatin1());
    if (!jwt) {
        return invalidGrant(u"invalid assertion"_s);
    }
    const auto app = m_org.oauth().app(jwt->claims.value(u"iss"_s).toString());
    if (!app) {
        return oauthError(400, u"invalid_client_id"_s, u"client identifier invalid"_s);
    }
    // The signature first: nothing in the claims counts before it is verified.
    if (app->certificatePem.isEmpty() || !JwtVerifier::verifyRs256(*jwt, app->certificatePem)) {
        return invalidGrant(u"invalid assertion"_s);
    }
    const QString loginUrl = ownUrl(request);
    const QJsonValue aud = jwt->claims.value(u"aud"_s);
    const QJsonArray audiences = aud.isArray() ? aud.toArray() : QJsonArray{aud};
    bool audienceOk = false;
    for (const QJsonValue &value : audiences) {
        QString audience = value.toString();
        while (audience.endsWith(u'/')) {
            audience.chop(1);
        }
        audienceOk = audienceOk || audience == loginUrl;
    }
    if (!audienceOk) {
        return invalidGrant(u"audience is invalid"_s);
    }
    const QJsonValue exp = jwt->claims.value(u"exp"_s);
    if (!exp.isDouble() || qint64(exp.toDouble()) <= m_org.clock().now().toSecsSinceEpoch()) {
        return invalidGrant(u"expired authorization code"_s);
    }
    const auto user = findUser(m_org, jwt->claims.value(u"sub"_s).toString(), true);
    if (!user) {
        return invalidGrant(u"user hasn't approved this consumer"_s);
    }
    if (!user->active || user->frozen) {
        return invalidGrant(u"inactive user"_s);
    }
    const QString scope = withoutRefreshScope(app->scopes);
    const TokenRegistry::Issued issued =
        m_org.tokens().issueGrant(m_org.info().organizationId,
                                  {user->userId, app->consumerKey, scope},
                                  m_org.oauth().accessTokenLifetimeSeconds(),
                                  false);
    return tokenResponse(request, *app, user->userId, scope, issued);
}

HttpResponse OAuthTokenGrants::tokenResponse(const HttpRequest &request,
                                             const ConnectedApp &app,
                                             const QString &userId,
                                             const QString &scope,
                                             const TokenRegistry::Issued &issued) const
{
    const QString id =
        u"https://login.salesforce.com/id/"_s + m_org.info().organizationId + u'/' + userId;
    const QString issuedAt = QString::number(m_org.clock().now().toMSecsSinceEpoch());
    // Salesforce's signature: base64 HMAC-SHA256 of id + issued_at, keyed with the secret.
    const QByteArray signature = QMessageAuthenticationCode::hash((id + issuedAt).toUtf8(),
                                                                  app.consumerSecret.toUtf8(),
                                                                  QCryptographicHash::Sha256)
                                     .toBase64();
    QJsonObject body{{u"access_token"_s, issued.accessToken},
                     {u"signature"_s, QString::fromLatin1(signature)},
                     {u"scope"_s, scope},
                     {u"instance_url"_s, ownUrl(request)},
                     {u"id"_s, id},
                     {u"token_type"_s, u"Bearer"_s},
                     {u"issued_at"_s, issuedAt}};
    if (!issued.refreshToken.isEmpty()) {
        body.insert(u"refresh_token"_s, issued.refreshToken);
    }
    HttpResponse response =
        HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

} // namespace lr::demo
