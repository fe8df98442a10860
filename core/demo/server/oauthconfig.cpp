#include "core/demo/server/oauthconfig.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

QList<ConnectedApp> OAuthOptions::defaultApps()
{
    ConnectedApp desktop;
    desktop.name = u"License Reclaim Console"_s;
    desktop.consumerKey = kPublicClientKey.toString();
    desktop.consumerSecret = u"LRDemoConsumerSecret"_s;

    ConnectedApp agent;
    agent.name = u"License Reclaim Agent"_s;
    agent.consumerKey = kAgentClientKey.toString();
    agent.consumerSecret = kAgentClientSecret.toString();
    agent.requireSecret = true;
    agent.requirePkce = false;
    agent.allowLoopbackCallbacks = false;
    agent.scopes = QStringList{u"api"_s};
    agent.clientCredentialsRunAs = u"admin"_s;
    return {desktop, agent};
}

OAuthConfig::OAuthConfig(OAuthOptions options)
    : m_options(std::move(options))
{ }

void OAuthConfig::setOptions(OAuthOptions options)
{
    QMutexLocker lock(&m_mutex);
    m_options = std::move(options);
}

std::optional<ConnectedApp> OAuthConfig::app(const QString &consumerKey) const
{
    QMutexLocker lock(&m_mutex);
    for (const ConnectedApp &app : m_options.apps) {
        if (app.consumerKey == consumerKey) {
            return app;
        }
    }
    return std::nullopt;
}

void OAuthConfig::setApp(const ConnectedApp &app)
{
    QMutexLocker lock(&m_mutex);
    for (ConnectedApp &existing : m_options.apps) {
        if (existing.consumerKey == app.consumerKey) {
            existing = app;
            return;
        }
    }
    m_options.apps.append(app);
}

bool OAuthConfig::setCertificate(const QString &consumerKey, const QByteArray &certificatePem)
{
    QMutexLocker lock(&m_mutex);
    for (ConnectedApp &app : m_options.apps) {
        if (app.consumerKey == consumerKey) {
            app.certificatePem = certificatePem;
            return true;
        }
    }
    return false;
}

qint64 OAuthConfig::accessTokenLifetimeSeconds() const
{
    QMutexLocker lock(&m_mutex);
    return m_options.accessTokenLifetimeSeconds;
}

void OAuthConfig::setAccessTokenLifetimeSeconds(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_options.accessTokenLifetimeSeconds = seconds;
}

bool OAuthConfig::rotateRefreshTokens() const
{
    QMutexLocker lock(&m_mutex);
    return m_options.rotateRefreshTokens;
}

void OAuthConfig::setRotateRefreshTokens(bool rotate)
{
    QMutexLocker lock(&m_mutex);
    m_options.rotateRefreshTokens = rotate;
}

qint64 OAuthConfig::authorizationCodeLifetimeSeconds() const
{
    QMutexLocker lock(&m_mutex);
    return m_options.authorizationCodeLifetimeSeconds;
}

} // namespace lr::demo
