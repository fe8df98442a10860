#pragma once

#include "core/common/result.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace lr::demo {

class DemoOrg;
class DemoOrgService;

// Serves a DemoOrg over HTTP on 127.0.0.1 from a thread of its own, so that the console's
// window and a test's event loop stay responsive while the org answers. The org must
// outlive the host.
class DemoOrgHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoOrgHost)

public:
    explicit DemoOrgHost(DemoOrg &org, QObject *parent = nullptr);
    ~DemoOrgHost() override;

    // Starts listening (an ephemeral port when 0) and returns the instance URL,
    // e.g. http://127.0.0.1:40123. Blocks until the server listens or fails.
    [[nodiscard]] Result<QUrl> start(quint16 port = 0);
    void stop();
    [[nodiscard]] QUrl instanceUrl() const { return m_instanceUrl; }

private:
    DemoOrg &m_org;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread; parent of the server
    QUrl m_instanceUrl;
};

} // namespace lr::demo
