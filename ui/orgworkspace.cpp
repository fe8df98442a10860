#include "ui/orgworkspace.h"

#include "core/common/logging.h"
#include "core/org/openedorg.h"
#include "core/org/orgclient.h"
#include "core/policy/policyrepository.h"

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
}

void OrgWorkspace::open(const org::OrgChoice &choice)
{
    m_policies.reset();
    m_client.reset();
    m_opened.reset();
    m_lastSnapshot.reset();
    Q_EMIT snapshotChanged();
    setCurrentPolicy(policy::Policy::builtInDefault());
    Result<std::unique_ptr<org::OpenedOrg>> result = org::OpenedOrg::open(choice);
    if (!result) {
        qCWarning(lcUi).noquote() << "cannot open the org:" << result.error().toString();
        Q_EMIT failed(result.error().message);
        return;
    }
    m_opened = std::move(result.value());
    Q_EMIT opening(m_opened->description());
    m_client = std::make_unique<org::OrgClient>(&m_network, m_opened->session());
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
