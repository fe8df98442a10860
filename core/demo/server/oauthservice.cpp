#include "core/demo/server/oauthservice.h"

#include "core/demo/demoorg.h"
#include "core/demo/server/formfields.h"
#include "core/demo/server/oauthpages.h"
#include "core/demo/server/tokenregistry.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr qint64 kConsentLifetimeSeconds = 600;

const QString kAuthorizePath = u"/services/oauth2/authorize"_s;
const QString kTokenPath = u"/services/oauth2/token"_s;
const QString kRevokePath = u"/services/oauth2/revoke"_s;

HttpResponse errorPage(const QString &error, const QString &description)
{
    HttpResponse response = HttpResponse::html(400, OAuthPages::error(error, description));
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse redirect(const QString &redirectUri, const QList<QPair<QString, QString>> &params)
{
    QByteArray location = redirectUri.toUtf8();
    char separator = redirectUri.contains(u'?') ? '&' : '?';
    for (const auto &[name, value] : params) {
        location +=
            separator + QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        separator = '&';
    }
    HttpResponse response = HttpResponse::empty(302);
    response.setHeader("Location", location);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse redirectError(const QString &redirectUri,
                           const QString &state,
                           const QString &error,
                           const QString &description)
{
    QList<QPair<QString, QString>> params{{u"error"_s, error},
                                          {u"error_description"_s, description}};
    if (!state.isEmpty()) {
        params.append({u"state"_s, state});
    }
    return redirect(redirectUri, params);
}

// RFC 8252 §7.3: http on a loopback address, any port, any path.
bool isLoopbackCallback(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"http" || !url.userInfo().isEmpty()
        || url.hasFragment()) {
        return false;
    }
    const QString host = url.host();
    return host == u"127.0.0.1" || host == u"::1" || host == u"localhost";
}

bool isAllowedCallback(const ConnectedApp &app, const QString &uri)
{
    // Printable ASCII only: nothing that could split the Location header.
    for (const QChar c : uri) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f) {
            return false;
        }
    }
    return app.callbackUrls.contains(uri)
           || (app.allowLoopbackCallbacks && isLoopbackCallback(uri));
}

QString randomNonce()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / 4);
    return QString::fromLatin1(
        random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

OAuthService::OAuthService(DemoOrg &org)
    : m_org(org)
    , m_codes(org.clock())
    , m_grants(org, m_codes)
{ }

bool OAuthService::handles(const QString &path)
{
    return path == kAuthorizePath || path == kTokenPath || path == kRevokePath;
}

HttpResponse OAuthService::handle(const HttpRequest &request)
{
    if (request.path == kTokenPath) {
        return m_grants.handle(request);
    }
    if (request.path == kRevokePath) {
        return revoke(request);
    }
    return authorize(request);
}

HttpResponse OAuthService::authorize(const HttpRequest &request)
{
    const bool post = request.method == "POST";
    if (!post && request.method != "GET") {
        return errorPage(u"invalid_request"_s, u"The authorize endpoint accepts GET and POST."_s);
    }
    if (post && !request.header("Content-Type").startsWith("application/x-www-form-urlencoded")) {
        return errorPage(u"invalid_request"_s, u"The consent form must be form-encoded."_s);
    }
    const FormFields fields = FormFields::parse(post ? request.body : request.rawQuery);
    Validated validated = validate(fields);
    if (auto *refusal = std::get_if<HttpResponse>(&validated)) {
        return *refusal;
    }
    const auto &authorizeRequest = std::get<AuthorizeRequest>(validated);
    return post ? decide(authorizeRequest, fields) : showConsent(authorizeRequest);
}

OAuthService::Validated OAuthService::validate(const FormFields &fields) const
{
    // The client and its callback first: until both are trusted, nothing is redirected.
    const auto app = m_org.oauth().app(fields.value(u"client_id"));
    if (!app) {
        return errorPage(u"invalid_client_id"_s, u"client identifier invalid"_s);
    }
    const QString redirectUri = fields.value(u"redirect_uri");
    if (!isAllowedCallback(*app, redirectUri)) {
        return errorPage(u"redirect_uri_mismatch"_s, u"redirect_uri must match configuration"_s);
    }
    const QString state = fields.value(u"state");
    if (const QStringList repeated = fields.repeatedNames(); !repeated.isEmpty()) {
        return redirectError(redirectUri,
                             state,
                             u"invalid_request"_s,
                             u"parameter sent more than once: "_s + repeated.first());
    }
    if (fields.value(u"response_type") != u"code") {
        return redirectError(
            redirectUri, state, u"unsupported_response_type"_s, u"response type not supported"_s);
    }
    AuthorizeRequest request{*app, redirectUri, state, fields.value(u"code_challenge"), {}};
    if (app->requirePkce || !request.codeChallenge.isEmpty()) {
        static const QRegularExpression challengePattern(u"^[A-Za-z0-9_-]{43}$"_s);
        if (request.codeChallenge.isEmpty()) {
            return redirectError(
                redirectUri, state, u"invalid_request"_s, u"missing required code challenge"_s);
        }
        if (fields.value(u"code_challenge_method") != u"S256") {
            return redirectError(
                redirectUri, state, u"invalid_request"_s, u"code_challenge_method must be S256"_s);
        }
        if (!challengePattern.match(request.codeChallenge).hasMatch()) {
            return redirectError(
                redirectUri, state, u"invalid_request"_s, u"invalid code challenge"_s);
        }
    }
    QStringList scopes = fields.value(u"scope").split(u' ', Qt::SkipEmptyParts);
    if (scopes.isEmpty()) {
        scopes = app->scopes;
    }
    for (const QString &scope : std::as_const(scopes)) {
        const bool offline = scope == u"offline_access" && app->scopes.contains(u"refresh_token"_s);
        if (!app->scopes.contains(scope) && !offline) {
            return redirectError(
                redirectUri, state, u"invalid_scope"_s, u"the requested scope is not allowed"_s);
        }
    }
    scopes.removeDuplicates();
    request.scope = scopes.join(u' ');
    return request;
}

QString OAuthService::consentBinding(const AuthorizeRequest &request)
{
    return QStringList{request.app.consumerKey,
                       request.redirectUri,
                       request.state,
                       request.codeChallenge,
                       request.scope}
        .join(u'\n');
}

HttpResponse OAuthService::showConsent(const AuthorizeRequest &request)
{
    const QDateTime now = m_org.clock().now();
    for (auto it = m_consents.begin(); it != m_consents.end();) {
        it = it->expires <= now ? m_consents.erase(it) : std::next(it);
    }
    const QString nonce = randomNonce();
    m_consents.insert(TokenRegistry::digest(nonce.toLatin1()),
                      {consentBinding(request), now.addSecs(kConsentLifetimeSeconds)});

    OAuthPages::Consent consent;
    consent.appName = request.app.name;
    consent.scopes = request.scope.split(u' ', Qt::SkipEmptyParts);
    for (const DemoPrincipal &principal : m_org.info().principals) {
        consent.people.append({principal.role, principal.username});
    }
    consent.hiddenFields = {{u"response_type"_s, u"code"_s},
                            {u"client_id"_s, request.app.consumerKey},
                            {u"redirect_uri"_s, request.redirectUri},
                            {u"state"_s, request.state},
                            {u"scope"_s, request.scope},
                            {u"consent"_s, nonce}};
    if (!request.codeChallenge.isEmpty()) {
        consent.hiddenFields.append({u"code_challenge"_s, request.codeChallenge});
        consent.hiddenFields.append({u"code_challenge_method"_s, u"S256"_s});
    }
    HttpResponse response = HttpResponse::html(200, OAuthPages::consent(consent));
    response.setHeader("Cache-Control", "no-store");
    // The page may not be framed (clickjacking of the Allow button).
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    return response;
}

bool OAuthService::takeConsentNonce(const QString &nonce, const QString &binding)
{
    const auto it = m_consents.find(TokenRegistry::digest(nonce.toLatin1()));
    if (nonce.isEmpty() || it == m_consents.end()) {
        return false;
    }
    const bool valid = it->binding == binding && m_org.clock().now() < it->expires;
    m_consents.erase(it);
    return valid;
}

HttpResponse OAuthService::decide(const AuthorizeRequest &request, const FormFields &form)
{
    if (!takeConsentNonce(form.value(u"consent"), consentBinding(request))) {
        return errorPage(u"invalid_request"_s,
                         u"This consent page has expired or was already used. Start the "
                         u"sign-in again from the app."_s);
    }
    if (form.value(u"action") != u"allow") {
        return redirectError(request.redirectUri,
                             request.state,
                             u"access_denied"_s,
                             u"end-user denied authorization"_s);
    }
    const DemoPrincipal *principal = m_org.principal(form.value(u"user"));
    const auto user =
        principal ? OAuthTokenGrants::findUser(m_org, principal->userId) : std::nullopt;
    if (!user || !user->active || user->frozen) {
        return redirectError(
            request.redirectUri, request.state, u"access_denied"_s, u"inactive user"_s);
    }
    const QString code = m_codes.issue({request.app.consumerKey,
                                        request.redirectUri,
                                        request.codeChallenge,
                                        user->userId,
                                        request.scope},
                                       m_org.oauth().authorizationCodeLifetimeSeconds());
    QList<QPair<QString, QString>> params{{u"code"_s, code}};
    if (!request.state.isEmpty()) {
        params.append({u"state"_s, request.state});
    }
    return redirect(request.redirectUri, params);
}

HttpResponse OAuthService::revoke(const HttpRequest &request)
{
    if (request.method != "POST") {
        return OAuthTokenGrants::oauthError(
            405, u"invalid_request"_s, u"the revoke endpoint accepts POST only"_s);
    }
    const FormFields form = FormFields::parse(request.body);
    const QString token = form.value(u"token");
    if (token.isEmpty()) {
        return OAuthTokenGrants::oauthError(400, u"invalid_token"_s, u"token is missing"_s);
    }
    if (!m_org.tokens().revoke(token.toLatin1())) {
        return OAuthTokenGrants::oauthError(
            400, u"unsupported_token_type"_s, u"this token type is not supported"_s);
    }
    HttpResponse response = HttpResponse::empty(200);
    response.setHeader("Cache-Control", "no-store");
    return response;
}

} // namespace lr::demo
