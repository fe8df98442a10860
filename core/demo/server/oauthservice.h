#pragma once

#include "core/demo/server/authorizationcodes.h"
#include "core/demo/server/oauthconfig.h"
#include "core/demo/server/oauthtokengrants.h"
#include "core/http/httpexchange.h"

#include <QDateTime>
#include <QHash>

#include <variant>

namespace lr::demo {

class DemoOrg;
class FormFields;

// The demo org's OAuth 2.0 endpoints besides userinfo, following Salesforce:
//
//   GET  /services/oauth2/authorize   response_type=code, client_id, redirect_uri, state,
//                                     code_challenge, code_challenge_method=S256, scope:
//                                     a consent page where one of the demo users (admin,
//                                     analyst, viewer) is chosen and approved
//   POST /services/oauth2/authorize   that page's form: 302 to redirect_uri with code and
//                                     state, or error=access_denied
//   POST /services/oauth2/token       see OAuthTokenGrants
//   POST /services/oauth2/revoke      token=<access or refresh token>: 200; revoking a
//                                     refresh token revokes its access tokens
//
// A request whose client or redirect_uri cannot be trusted gets an error page and is never
// redirected; any other authorize error goes back to the client as error= (RFC 6749 §4.1.2.1).
// Codes are single-use and expire after OAuthOptions::authorizationCodeLifetimeSeconds. The
// consent form carries a single-use nonce bound to the request, so that only a browser that
// showed the page can approve it. None of this reaches the mutation log. Lives on the
// server's thread.
class OAuthService
{
public:
    explicit OAuthService(DemoOrg &org);

    [[nodiscard]] static bool handles(const QString &path);
    [[nodiscard]] HttpResponse handle(const HttpRequest &request);

private:
    struct AuthorizeRequest
    {
        ConnectedApp app;
        QString redirectUri;
        QString state;
        QString codeChallenge;
        QString scope; // validated, space-separated
    };
    // A validated request, or the answer that refuses it.
    using Validated = std::variant<AuthorizeRequest, HttpResponse>;

    [[nodiscard]] HttpResponse authorize(const HttpRequest &request);
    [[nodiscard]] Validated validate(const FormFields &fields) const;
    [[nodiscard]] HttpResponse showConsent(const AuthorizeRequest &request);
    [[nodiscard]] HttpResponse decide(const AuthorizeRequest &request, const FormFields &form);
    [[nodiscard]] HttpResponse revoke(const HttpRequest &request);

    [[nodiscard]] static QString consentBinding(const AuthorizeRequest &request);
    [[nodiscard]] bool takeConsentNonce(const QString &nonce, const QString &binding);

    DemoOrg &m_org;
    AuthorizationCodes m_codes;
    OAuthTokenGrants m_grants;
    struct Consent
    {
        QString binding;
        QDateTime expires;
    };
    QHash<QByteArray, Consent> m_consents; // by the nonce's SHA-256
};

} // namespace lr::demo
