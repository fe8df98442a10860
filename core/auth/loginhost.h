#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QUrl>

namespace lr::auth {

// Where people sign in to an org and where its OAuth endpoints are: production
// (login.salesforce.com), sandbox (test.salesforce.com), a My Domain
// (https://<domain>.my.salesforce.com), or any other address for the demo org and tests.
class LoginHost
{
    Q_DECLARE_TR_FUNCTIONS(lr::auth::LoginHost)

public:
    enum class Kind {
        Production,
        Sandbox,
        MyDomain,
        Custom,
    };

    [[nodiscard]] static LoginHost production();
    [[nodiscard]] static LoginHost sandbox();
    // "acme", "acme.my.salesforce.com", "https://acme.my.salesforce.com" or a sandbox's
    // "acme--uat.sandbox.my.salesforce.com". INVALID_LOGIN_HOST for anything else.
    [[nodiscard]] static Result<LoginHost> myDomain(const QString &domain);
    // Any https address, or http on a loopback address (the demo org on 127.0.0.1).
    [[nodiscard]] static Result<LoginHost> custom(const QUrl &url);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] QUrl authorizeUrl() const { return endpoint(u"/services/oauth2/authorize"); }
    [[nodiscard]] QUrl tokenUrl() const { return endpoint(u"/services/oauth2/token"); }
    [[nodiscard]] QUrl revokeUrl() const { return endpoint(u"/services/oauth2/revoke"); }
    // The aud claim of a JWT bearer assertion: login.salesforce.com for production and My
    // Domains, test.salesforce.com for sandboxes, the address itself for a custom host.
    [[nodiscard]] QString jwtAudience() const;

private:
    LoginHost(Kind kind, QUrl url);
    [[nodiscard]] QUrl endpoint(QStringView path) const;

    Kind m_kind = Kind::Production;
    QUrl m_url;
};

} // namespace lr::auth
