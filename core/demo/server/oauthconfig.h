#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

namespace lr::demo {

// One OAuth client the demo org knows, configured the way an External Client App is in
// Salesforce's Setup. Every app has a consumer secret (it keys the token response's
// signature); requireSecret says whether the web-server and refresh flows demand it.
struct ConnectedApp
{
    QString name;
    QString consumerKey;
    QString consumerSecret;
    bool requireSecret = false;
    bool requirePkce = true;
    // Callbacks allowed besides loopback ones, compared exactly.
    QStringList callbackUrls;
    // http://127.0.0.1, http://[::1] or http://localhost on any port and path (RFC 8252 §7.3).
    bool allowLoopbackCallbacks = true;
    // The scopes the app may grant; a request for anything else is invalid_scope.
    QStringList scopes{QStringLiteral("api"), QStringLiteral("refresh_token")};
    // Client credentials flow: on when set, with the principal role ("admin") that tokens
    // run as.
    QString clientCredentialsRunAs;
    // JWT bearer flow: on when set; the public key of the app's certificate as PEM (a PUBLIC
    // KEY or a CERTIFICATE) that assertions must be signed for.
    QByteArray certificatePem;
};

struct OAuthOptions
{
    // The public desktop client: PKCE required, no secret, loopback callbacks on any port.
    static constexpr QStringView kPublicClientKey = u"LRDemoConsumerKey";
    // A confidential client for the agent: client credentials (running as the admin) and,
    // once a certificate is set, the JWT bearer flow.
    static constexpr QStringView kAgentClientKey = u"LRDemoAgentKey";
    // Demo-only secret: the demo org is a local stand-in and holds nothing worth protecting.
    static constexpr QStringView kAgentClientSecret = u"LRDemoAgentSecret";

    [[nodiscard]] static QList<ConnectedApp> defaultApps();

    QList<ConnectedApp> apps = defaultApps();
    // Lifetime of the access tokens the OAuth endpoints mint (Salesforce's default session
    // timeout is two hours); 0 = no expiry. Counted by the demo clock.
    qint64 accessTokenLifetimeSeconds = 7200;
    // Refresh-token rotation: each refresh answers with a new refresh token. The previous
    // one stays valid until the new tokens are first used, so a client that crashes before
    // it stored them can refresh again with what it stored before.
    bool rotateRefreshTokens = false;
    qint64 authorizationCodeLifetimeSeconds = 600;
};

// The demo org's OAuth configuration, changeable while the org serves (tests shorten token
// lifetimes, turn rotation on or set a certificate between requests). Thread-safe.
class OAuthConfig
{
public:
    explicit OAuthConfig(OAuthOptions options = {});

    void setOptions(OAuthOptions options);

    [[nodiscard]] std::optional<ConnectedApp> app(const QString &consumerKey) const;
    // Adds the app, or replaces the one with the same consumer key.
    void setApp(const ConnectedApp &app);
    // Sets the JWT bearer certificate of an existing app; false when there is no such app.
    bool setCertificate(const QString &consumerKey, const QByteArray &certificatePem);

    [[nodiscard]] qint64 accessTokenLifetimeSeconds() const;
    void setAccessTokenLifetimeSeconds(qint64 seconds);
    [[nodiscard]] bool rotateRefreshTokens() const;
    void setRotateRefreshTokens(bool rotate);
    [[nodiscard]] qint64 authorizationCodeLifetimeSeconds() const;

private:
    mutable QMutex m_mutex;
    OAuthOptions m_options;
};

} // namespace lr::demo
