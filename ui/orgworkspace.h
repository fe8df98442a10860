#pragma once

#include "core/common/result.h"
#include "core/org/apiusage.h"
#include "core/org/orgchoice.h"
#include "core/org/orgoverview.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <memory>

namespace lr::org {
class OpenedOrg;
class OrgClient;
} // namespace lr::org

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

    // Opens the org and reads its identity; emits opened() or failed().
    void open(const org::OrgChoice &choice);

    [[nodiscard]] bool isOpen() const { return m_client != nullptr; }
    [[nodiscard]] org::OrgClient *client() const { return m_client.get(); }
    [[nodiscard]] org::OpenedOrg *openedOrg() const { return m_opened.get(); }
    [[nodiscard]] const org::OrgIdentity &identity() const { return m_identity; }

Q_SIGNALS:
    void opening(const QString &description);
    void opened(const lr::org::OrgIdentity &identity);
    void failed(const QString &message);
    void apiUsageChanged(const lr::org::ApiUsage &usage);

private:
    std::unique_ptr<org::OpenedOrg> m_opened;
    QNetworkAccessManager m_network;
    std::unique_ptr<org::OrgClient> m_client;
    org::OrgIdentity m_identity;
};

} // namespace lr::ui
