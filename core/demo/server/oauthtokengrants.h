#pragma once

#include "core/demo/server/oauthconfig.h"
#include "core/demo/server/tokenregistry.h"
#include "core/http/httpexchange.h"

#include <QJsonObject>

#include <optional>

namespace lr::demo {

class AuthorizationCodes;
class DemoOrg;
class FormFields;

// The demo org's token endpoint, POST /services/oauth2/token (form-encoded), as Salesforce
// answers it:
//
//   authorization_code   code + redirect_uri (equal to the authorize one) + code_verifier
//                        (S256 against the challenge) + client_id [+ client_secret]
//   refresh_token        refresh_token + client_id [+ client_secret]; rotation optional
//   client_credentials   client_id + client_secret (form or HTTP Basic); runs as the app's user
//   urn:ietf:params:oauth:grant-type:jwt-bearer
//                        assertion: RS256 JWT, iss = consumer key, sub = username,
//                        aud = this org's login URL, exp in the future (demo clock)
//
// Success: {access_token, refresh_token (when issued), signature, scope, instance_url, id,
// token_type, issued_at}. Failure: {"error", "error_description"} with 400, or 401 for
// invalid_client. Lives on the server's thread.
class OAuthTokenGrants
{
public:
    OAuthTokenGrants(DemoOrg &org, AuthorizationCodes &codes);

    [[nodiscard]] HttpResponse handle(const HttpRequest &request);

    // {"error", "error_description"} with `status`, never cached.
    [[nodiscard]] static HttpResponse
    oauthError(int status, const QString &error, const QString &description);
    // The demo org's own address as the request reached it ("http://127.0.0.1:<port>"): its
    // instance URL and its login URL.
    [[nodiscard]] static QString ownUrl(const HttpRequest &request);

    struct UserStatus
    {
        QString userId;
        bool active = false;
        bool frozen = false;
    };
    // Looks a user up by Id, or by Username when `byUsername`.
    [[nodiscard]] static std::optional<UserStatus>
    findUser(const DemoOrg &org, const QString &key, bool byUsername = false);

private:
    struct Client
    {
        ConnectedApp app;
        QString presentedSecret; // empty when none was sent
    };

    [[nodiscard]] std::optional<HttpResponse>
    identifyClient(const HttpRequest &request, const FormFields &form, Client *client) const;
    [[nodiscard]] static bool secretMatches(const Client &client);

    [[nodiscard]] HttpResponse
    authorizationCode(const HttpRequest &request, const FormFields &form, const Client &client);
    [[nodiscard]] HttpResponse
    refreshToken(const HttpRequest &request, const FormFields &form, const Client &client);
    [[nodiscard]] HttpResponse clientCredentials(const HttpRequest &request, const Client &client);
    [[nodiscard]] HttpResponse jwtBearer(const HttpRequest &request, const FormFields &form);

    // invalid_grant when the user may not receive tokens (unknown, inactive or frozen).
    [[nodiscard]] std::optional<HttpResponse> refuseUser(const QString &userId) const;
    [[nodiscard]] HttpResponse tokenResponse(const HttpRequest &request,
                                             const ConnectedApp &app,
                                             const QString &userId,
                                             const QString &scope,
                                             const TokenRegistry::Issued &issued) const;

    DemoOrg &m_org;
    AuthorizationCodes &m_codes;
};

} // namespace lr::demo
