#include "ui/orgworkspace.h"

#include "core/auth/orgsessionkeeper.h"
#include "core/common/logging.h"
#include "core/connections/connectionmanager.h"
#include "core/org/openedorg.h"
#include "core/org/orgclient.h"
#include "core/policy/policyrepository.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"

#include <QCoroTask>
#include <QPointer>

namespace lr::ui {

namespace {

QCoro::Task<Result<org::OrgIdentity>> negotiateAndIdentify(org::OrgClient *client)
{
    Result<QString> version = co_await client->negotiateVersion();
    if (!version) {
        co_return version.error();
    }
    co_return co_await org::OrgOverview::loadIdentity(*client);
}

} // namespace

OrgWorkspace::OrgWorkspace(QObject *parent)
    : QObject(parent)
{ }

OrgWorkspace::~OrgWorkspace()
{
    // The client's requests go before the org that answers them.
    m_policies.reset();
    m_client.reset();
    m_opened.reset();
    delete m_connections; // before the network manager and secrets store it uses
    m_connections = nullptr;
}

void OrgWorkspace::open(const org::OrgChoice &choice)
{
    m_policies.reset();
    m_client.reset();
    m_opened.reset();
    m_lastSnapshot.reset();
    Q_EMIT snapshotChanged();
    setCurrentPolicy(policy::Policy::builtInDefault());
    if (choice.kind == org::OrgChoice::Kind::Alias) {
        openSignedIn(choice); // runs on by itself; adopt() reports the outcome
        return;
    }
    adopt(org::OpenedOrg::open(choice));
}

void OrgWorkspace::close(const QString &reason)
{
    if (!m_opened) {
        return;
    }
    Q_EMIT opening(QString()); // pages stop their runs and drop the org's rows
    m_policies.reset();
    m_client.reset();
    m_opened.reset();
    m_identity = {};
    m_lastSnapshot.reset();
    Q_EMIT snapshotChanged();
    setCurrentPolicy(policy::Policy::builtInDefault());
    Q_EMIT failed(reason);
}

connections::ConnectionManager *OrgWorkspace::connections()
{
    if (!m_connections) {
        m_secrets = secrets::SecretStoreFactory::create(
            secrets::SecretStoreFactory::Role::Console,
            secrets::SecretStoreFactory::optionsFromEnvironment());
        m_connections = new connections::ConnectionManager(&m_network, m_secrets.get(), {}, this);
    }
    return m_connections;
}

QCoro::Task<> OrgWorkspace::openSignedIn(org::OrgChoice choice)
{
    QPointer<OrgWorkspace> self(this);
    Result<std::unique_ptr<org::OpenedOrg>> opened = co_await connections()->open(choice);
    if (self) {
        adopt(std::move(opened));
    }
}

void OrgWorkspace::adopt(Result<std::unique_ptr<org::OpenedOrg>> result)
{
    if (!result) {
        qCWarning(lcUi).noquote() << "cannot open the org:" << result.error().toString();
        Q_EMIT failed(result.error().message);
        return;
    }
    m_opened = std::move(result.value());
    Q_EMIT opening(m_opened->description());
    m_client = std::make_unique<org::OrgClient>(&m_network, m_opened->session());
    m_opened->attach(m_client.get());
    if (auth::OrgSessionKeeper *keeper = m_opened->sessionKeeper()) {
        QObject::connect(keeper,
                         &auth::OrgSessionKeeper::signInRequired,
                         this,
                         [this](const Error &reason) { Q_EMIT failed(reason.message); });
    }
    QObject::connect(
        m_client.get(), &org::OrgClient::apiUsageChanged, this, &OrgWorkspace::apiUsageChanged);
    m_policies = std::make_unique<policy::PolicyRepository>(m_client.get());
    QCoro::connect(negotiateAndIdentify(m_client.get()),
                   this,
                   [this](const Result<org::OrgIdentity> &identity) {
                       if (!identity) {
                           Q_EMIT failed(identity.error().message);
                           return;
                       }
                       m_identity = identity.value();
                       Q_EMIT opened(m_identity);
                   });
}

void OrgWorkspace::setCurrentPolicy(const policy::Policy &policy)
{
    m_currentPolicy = policy;
    Q_EMIT currentPolicyChanged(m_currentPolicy);
}

void OrgWorkspace::setLastSnapshot(std::shared_ptr<const scan::OrgSnapshot> snapshot)
{
    m_lastSnapshot = std::move(snapshot);
    Q_EMIT snapshotChanged();
}

} // namespace lr::ui
