#include "core/connections/connectionmanager.h"

#include "core/auth/browsersignin.h"
#include "core/auth/orgsessionkeeper.h"
#include "core/auth/tokenendpoint.h"
#include "core/auth/tokenset.h"
#include "core/common/logging.h"
#include "core/org/openedorg.h"
#include "core/org/orgclient.h"
#include "core/org/orgoverview.h"
#include "core/secrets/secretcodes.h"
#include "core/secrets/secretstore.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace lr::connections {

namespace {

Error storeGone()
{
    return Error::make(Error::Kind::Internal,
                       u"STORE_GONE"_s,
                       ConnectionManager::tr("The secrets store was closed."));
}

// What the cache keeps of the org from the start: who signed in to which org. Everything
// this machine keeps of an org goes under its cache directory, so sign-out can delete it.
void writeCacheIdentity(const Connection &connection)
{
    const QString directory = ConnectionRegistry::cacheDirectory(connection);
    QDir().mkpath(directory);
    QFile::setPermissions(directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(directory + u"/org.json"_s);
    if (file.open(QIODevice::WriteOnly)) {
        const QJsonObject identity{{u"orgId"_s, connection.orgId},
                                   {u"orgName"_s, connection.orgName},
                                   {u"username"_s, connection.username},
                                   {u"sandbox"_s, connection.sandbox}};
        file.write(QJsonDocument(identity).toJson());
        if (!file.commit()) {
            qCWarning(lcOrg) << "cannot write the org cache of" << connection.alias;
        }
    }
}

} // namespace

ConnectionManager::ConnectionManager(QNetworkAccessManager *network,
                                     secrets::SecretStore *secrets,
                                     QString registryPath,
                                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_secrets(secrets)
    , m_registry(std::move(registryPath))
{ }

ConnectionManager::~ConnectionManager()
{
    cancelSignIn();
}

bool ConnectionManager::isSignedIn(const Connection &connection) const
{
    return m_secrets && m_secrets->keys(connection.secretsName()).contains(Connection::kTokensKey);
}

bool ConnectionManager::isSigningIn() const
{
    return m_signIn && m_signIn->isSigningIn();
}

void ConnectionManager::cancelSignIn()
{
    if (m_signIn) {
        m_signIn->cancel();
    }
}

Error ConnectionManager::signInRequired(const QString &alias)
{
    return Error::make(Error::Kind::Refused,
                       u"SIGN_IN_REQUIRED"_s,
                       tr("You are signed out of '%1'. Sign in again: lrctl login --alias %1, or "
                          "Sign in on the Connections page.")
                           .arg(alias));
}

QCoro::Task<Result<Connection>> ConnectionManager::signIn(SignInRequest request)
{
    QPointer<ConnectionManager> self(this);
    if (Result<void> valid = ConnectionRegistry::checkAlias(request.alias); !valid) {
        co_return valid.error();
    }
    if (request.consumerKey.isEmpty()) {
        co_return Error::make(Error::Kind::Usage,
                              u"NO_CONSUMER_KEY"_s,
                              tr("Give the consumer key of your org's External Client App."));
    }
    if (!m_secrets || !m_secrets->isSecure()) {
        co_return Error::make(Error::Kind::Refused,
                              secrets::SecretCode::NoSecureStore.toString(),
                              tr("There is no secure place for the sign-in's tokens on this "
                                 "computer (no keychain), so sign-in is refused. Preview "
                                 "still works on the demo org."));
    }
    const Result<void> available = co_await m_secrets->checkAvailable();
    if (!self) {
        co_return storeGone();
    }
    if (!available) {
        co_return available.error();
    }
    Connection connection;
    Result<Connection> existing = m_registry.find(request.alias);
    if (existing) {
        connection = existing.value();
    } else if (existing.error().code != u"UNKNOWN_ALIAS") {
        co_return existing.error();
    } else {
        connection.alias = request.alias;
        connection.id = Connection::newId();
    }
    connection.setLoginHost(request.host);
    connection.consumerKey = request.consumerKey;

    auto *browser = new auth::BrowserSignIn(m_network, request.host, request.consumerKey, this);
    browser->setTimeout(request.timeout);
    connect(browser,
            &auth::BrowserSignIn::authorizeWithBrowser,
            this,
            &ConnectionManager::authorizeWithBrowser);
    m_signIn = browser;
    Result<auth::TokenSet> tokens = co_await browser->signIn();
    browser->deleteLater();
    if (!self) {
        co_return storeGone();
    }
    if (!tokens) {
        co_return tokens.error();
    }
    const QString previousOrg = connection.orgId;
    Result<Connection> described =
        co_await describe(connection, tokens->instanceUrl, tokens->accessToken);
    if (!self) {
        co_return storeGone();
    }
    if (!described) {
        const auth::TokenEndpoint endpoint(m_network, request.host, request.consumerKey);
        (void)co_await endpoint.revoke(tokens->refreshToken, tokens->instanceUrl);
        co_return described.error();
    }
    connection = described.value();
    if (!previousOrg.isEmpty() && previousOrg != connection.orgId) {
        // The alias now names another org: nothing cached of the previous one may stay.
        QDir(ConnectionRegistry::cacheDirectory(connection)).removeRecursively();
    }
    Result<void> stored = co_await storeTokens(connection, tokens->serialize());
    if (!self) {
        co_return storeGone();
    }
    if (!stored) {
        const auth::TokenEndpoint endpoint(m_network, request.host, request.consumerKey);
        (void)co_await endpoint.revoke(tokens->refreshToken, tokens->instanceUrl);
        co_return stored.error();
    }
    if (Result<void> saved = m_registry.save(connection); !saved) {
        co_return saved.error();
    }
    writeCacheIdentity(connection);
    qCInfo(lcOrg).noquote() << "signed in to connection" << connection.alias;
    Q_EMIT connectionsChanged();
    co_return connection;
}

QCoro::Task<Result<Connection>>
ConnectionManager::describe(Connection connection, QUrl instanceUrl, QString accessToken)
{
    org::OrgSession session;
    session.instanceUrl = instanceUrl;
    session.accessToken = accessToken;
    org::OrgClient client(m_network, session);
    Result<QString> version = co_await client.negotiateVersion();
    if (!version) {
        co_return version.error();
    }
    Result<QJsonObject> user = co_await client.userInfo();
    if (!user) {
        co_return user.error();
    }
    Result<org::OrgIdentity> identity = co_await org::OrgOverview::loadIdentity(client);
    if (!identity) {
        co_return identity.error();
    }
    connection.instanceUrl = instanceUrl;
    connection.username = user->value(u"preferred_username"_s).toString();
    connection.userId = user->value(u"user_id"_s).toString();
    connection.orgId = identity->id;
    connection.orgName = identity->name;
    connection.sandbox = identity->sandbox;
    connection.signedInAt = QDateTime::currentDateTimeUtc();
    co_return connection;
}

QCoro::Task<Result<void>> ConnectionManager::storeTokens(Connection connection, QByteArray tokens)
{
    if (!m_secrets) {
        co_return storeGone();
    }
    co_return co_await m_secrets->write(
        connection.secretsName(), Connection::kTokensKey.toString(), tokens);
}

QCoro::Task<Result<std::unique_ptr<auth::OrgSessionKeeper>>>
ConnectionManager::resume(QString alias)
{
    using Keeper = std::unique_ptr<auth::OrgSessionKeeper>;
    Result<Connection> found = m_registry.find(alias);
    if (!found) {
        co_return found.error();
    }
    const Connection connection = found.value();
    Result<auth::LoginHost> host = connection.loginHost();
    if (!host) {
        co_return host.error();
    }
    if (!isSignedIn(connection)) {
        co_return signInRequired(alias);
    }
    QPointer<secrets::SecretStore> store = m_secrets;
    QNetworkAccessManager *network = m_network;
    Result<QByteArray> stored =
        co_await store->read(connection.secretsName(), Connection::kTokensKey.toString());
    if (!stored) {
        if (stored.error().code == secrets::SecretCode::NotFound) {
            co_return signInRequired(alias);
        }
        co_return stored.error();
    }
    Result<auth::TokenSet> tokens = auth::TokenSet::deserialize(stored.value());
    if (!tokens) {
        co_return signInRequired(alias);
    }
    const QString name = connection.secretsName();
    auth::OrgSessionKeeper::PersistTokens persist =
        [store, name](const auth::TokenSet &renewed) -> QCoro::Task<Result<void>> {
        if (!store) {
            co_return storeGone();
        }
        co_return co_await store->write(
            name, Connection::kTokensKey.toString(), renewed.serialize());
    };
    Keeper keeper = std::make_unique<auth::OrgSessionKeeper>(
        auth::TokenEndpoint(network, host.value(), connection.consumerKey),
        tokens.value(),
        std::move(persist));
    co_return keeper;
}

QCoro::Task<Result<std::unique_ptr<org::OpenedOrg>>> ConnectionManager::open(org::OrgChoice choice)
{
    if (choice.kind != org::OrgChoice::Kind::Alias) {
        co_return org::OpenedOrg::open(choice);
    }
    Result<std::unique_ptr<auth::OrgSessionKeeper>> keeper = co_await resume(choice.alias);
    if (!keeper) {
        co_return keeper.error();
    }
    co_return org::OpenedOrg::signedIn(std::move(keeper.value()), choice.alias);
}

QCoro::Task<Result<ConnectionManager::SignOutOutcome>> ConnectionManager::signOut(QString alias)
{
    QPointer<ConnectionManager> self(this);
    Result<Connection> found = m_registry.find(alias);
    if (!found) {
        co_return found.error();
    }
    const Connection connection = found.value();
    SignOutOutcome outcome;
    if (isSignedIn(connection)) {
        Result<QByteArray> stored =
            co_await m_secrets->read(connection.secretsName(), Connection::kTokensKey.toString());
        if (!self) {
            co_return storeGone();
        }
        Result<auth::TokenSet> tokens = stored ? auth::TokenSet::deserialize(stored.value())
                                               : Result<auth::TokenSet>(stored.error());
        Result<auth::LoginHost> host = connection.loginHost();
        if (tokens && host) {
            const QString token =
                tokens->refreshToken.isEmpty() ? tokens->accessToken : tokens->refreshToken;
            const auth::TokenEndpoint endpoint(m_network, host.value(), connection.consumerKey);
            const Result<void> revoked = co_await endpoint.revoke(token, tokens->instanceUrl);
            if (!self) {
                co_return storeGone();
            }
            // A token the org no longer knows is as revoked as it gets.
            outcome.revoked = revoked
                              || (revoked.error().kind == Error::Kind::Remote
                                  && revoked.error().httpStatus == 400);
            if (!outcome.revoked) {
                outcome.revokeProblem = revoked.error().message;
            }
        } else if (!stored && stored.error().code != secrets::SecretCode::NotFound) {
            // Tokens that cannot be read cannot be deleted either: say so, change nothing.
            co_return stored.error();
        }
    } else {
        outcome.revoked = true;
    }
    // Local copies go even when the org could not be reached: the person asked to be out.
    if (m_secrets) {
        Result<void> removed = co_await m_secrets->removeConnection(connection.secretsName());
        if (!self) {
            co_return storeGone();
        }
        if (!removed) {
            co_return removed.error();
        }
    }
    QDir(ConnectionRegistry::cacheDirectory(connection)).removeRecursively();
    qCInfo(lcOrg).noquote() << "signed out of connection" << connection.alias
                            << (outcome.revoked ? "(revoked)" : "(not revoked)");
    Q_EMIT connectionsChanged();
    co_return outcome;
}

QCoro::Task<Result<ConnectionManager::SignOutOutcome>> ConnectionManager::remove(QString alias)
{
    QPointer<ConnectionManager> self(this);
    Result<SignOutOutcome> signedOut = co_await signOut(alias);
    if (!self) {
        co_return storeGone();
    }
    if (!signedOut) {
        co_return signedOut;
    }
    if (Result<void> removed = m_registry.remove(alias); !removed) {
        co_return removed.error();
    }
    Q_EMIT connectionsChanged();
    co_return signedOut;
}

Result<void> ConnectionManager::rename(const QString &alias, const QString &newAlias)
{
    Result<void> renamed = m_registry.rename(alias, newAlias);
    if (renamed) {
        Q_EMIT connectionsChanged();
    }
    return renamed;
}

} // namespace lr::connections
