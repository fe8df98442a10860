#pragma once

#include "core/common/result.h"
#include "core/org/apiusage.h"
#include "core/org/orgchoice.h"
#include "core/org/orgoverview.h"
#include "core/policy/policy.h"
#include "core/scan/orgsnapshot.h"

#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace lr::org {
class OpenedOrg;
class OrgClient;
} // namespace lr::org

namespace lr::policy {
class PolicyRepository;
}

namespace lr::connections {
class ConnectionManager;
}

namespace lr::secrets {
class SecretStore;
}

namespace lr::ui {

// The org the console has open: the opened org (a demo org runs on its own thread), the one
// network manager, the client, and the org's identity once read. Pages share it.
class OrgWorkspace final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgWorkspace)

public:
    explicit OrgWorkspace(QObject *parent = nullptr);
    ~OrgWorkspace() override;

    // Opens the org and reads its identity; emits opened() or failed(). A signed-in
    // connection (Alias) is opened with its tokens from the secrets store.
    void open(const org::OrgChoice &choice);

    // The named org connections and the secrets store behind them (the OS keychain), made
    // on first use.
    [[nodiscard]] connections::ConnectionManager *connections();

    // Closes the open org (after its sign-out, say): pages drop what they show of it, and
    // failed(reason) tells them and the header why no org is open.
    void close(const QString &reason);

    [[nodiscard]] bool isOpen() const { return m_client != nullptr; }
    [[nodiscard]] org::OrgClient *client() const { return m_client.get(); }
    [[nodiscard]] org::OpenedOrg *openedOrg() const { return m_opened.get(); }
    [[nodiscard]] const org::OrgIdentity &identity() const { return m_identity; }
    // The org's policies; null until an org is open.
    [[nodiscard]] policy::PolicyRepository *policies() const { return m_policies.get(); }

    // The policy Preview runs and the Policies page has selected: the built-in default until
    // another is chosen, and again after another org is opened.
    [[nodiscard]] const policy::Policy &currentPolicy() const { return m_currentPolicy; }
    void setCurrentPolicy(const policy::Policy &policy);

    // The last scan of this org, whatever policy it ran for (a scan keeps every user inactive
    // for 30 days or more); null before the first one and after another org is opened.
    [[nodiscard]] std::shared_ptr<const scan::OrgSnapshot> lastSnapshot() const
    {
        return m_lastSnapshot;
    }
    void setLastSnapshot(std::shared_ptr<const scan::OrgSnapshot> snapshot);

Q_SIGNALS:
    void opening(const QString &description);
    void opened(const lr::org::OrgIdentity &identity);
    void failed(const QString &message);
    void apiUsageChanged(const lr::org::ApiUsage &usage);
    // setCurrentPolicy() was called (also with the same policy saved again).
    void currentPolicyChanged(const lr::policy::Policy &policy);
    void snapshotChanged();

private:
    void adopt(Result<std::unique_ptr<org::OpenedOrg>> opened);
    QCoro::Task<> openSignedIn(org::OrgChoice choice);

    std::unique_ptr<secrets::SecretStore> m_secrets;
    QNetworkAccessManager m_network;
    connections::ConnectionManager *m_connections = nullptr;
    std::unique_ptr<org::OpenedOrg> m_opened;
    std::unique_ptr<org::OrgClient> m_client;
    std::unique_ptr<policy::PolicyRepository> m_policies;
    org::OrgIdentity m_identity;
    policy::Policy m_currentPolicy = policy::Policy::builtInDefault();
    std::shared_ptr<const scan::OrgSnapshot> m_lastSnapshot;
};

} // namespace lr::ui
