#include "core/demo/demoorghost.h"

#include "core/common/logging.h"
#include "core/demo/demoorg.h"
#include "core/demo/server/demoorgservice.h"
#include "core/http/localhttpserver.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::demo {

DemoOrgHost::DemoOrgHost(DemoOrg &org, QObject *parent)
    : QObject(parent)
    , m_org(org)
{
    m_thread.setObjectName(u"demo-org"_s);
}

DemoOrgHost::~DemoOrgHost()
{
    stop();
}

Result<QUrl> DemoOrgHost::start(quint16 port)
{
    if (m_worker) {
        return m_instanceUrl;
    }
    m_thread.start();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    std::optional<Result<quint16>> listened;
    QMetaObject::invokeMethod(
        m_worker,
        [this, port, &listened] {
            auto service = std::make_shared<DemoOrgService>(m_org);
            auto *server = new LocalHttpServer(
                [service](const HttpRequest &request) { return service->handle(request); },
                m_worker);
            listened = server->listenLocal(port);
        },
        Qt::BlockingQueuedConnection);
    if (!listened || !*listened) {
        const Error error = listened
                                ? listened->error()
                                : Error::make(Error::Kind::Internal,
                                              u"DEMO_ORG_START"_s,
                                              tr("The demo org's server thread did not start."));
        stop();
        return error;
    }
    m_instanceUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(listened->value()));
    qCInfo(lcDemo).noquote() << "demo org listening on" << m_instanceUrl.toString();
    return m_instanceUrl;
}

void DemoOrgHost::stop()
{
    if (!m_thread.isRunning()) {
        return;
    }
    if (m_worker) {
        QMetaObject::invokeMethod(
            m_worker,
            [this] {
                delete m_worker; // the server and its service go with it
                m_org.database().releaseConnection();
            },
            Qt::BlockingQueuedConnection);
        m_worker = nullptr;
    }
    m_thread.quit();
    m_thread.wait();
}

} // namespace lr::demo
