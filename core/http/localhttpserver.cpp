#include "core/http/localhttpserver.h"

#include "core/common/logging.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

} // namespace

LocalHttpServer::LocalHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

LocalHttpServer::~LocalHttpServer() = default;

Result<quint16> LocalHttpServer::listenLocal(quint16 port)
{
    m_tcpServer = new QTcpServer(this);
    if (!m_tcpServer->listen(QHostAddress::LocalHost, port)) {
        const QString reason = m_tcpServer->errorString();
        delete m_tcpServer;
        m_tcpServer = nullptr;
        return Error::make(Error::Kind::Network,
                           u"LISTEN_FAILED"_s,
                           tr("Cannot listen on 127.0.0.1:%1: %2").arg(port).arg(reason));
    }
    bind(m_tcpServer);
    m_port = m_tcpServer->serverPort();
    return m_port;
}

HttpResponse LocalHttpServer::dispatch(const QHttpServerRequest &request) const
{
    HttpRequest req;
    req.method = methodName(request.method());
    req.path = request.url().path(QUrl::FullyDecoded);
    req.rawQuery = request.url().query(QUrl::FullyEncoded).toUtf8();
    req.headers = request.headers();
    req.body = request.body();
    req.peer = request.remoteAddress();
    if (req.body.size() > m_maxBodySize) {
        return HttpResponse::json(
            413, R"([{"message":"Request body too large","errorCode":"REQUEST_TOO_LARGE"}])"_ba);
    }
    QElapsedTimer timer;
    timer.start();
    HttpResponse response = m_handler(req);
    // Method, path and status only: query strings and bodies may carry tokens or codes.
    qCDebug(lcHttp).noquote() << req.method << req.path << response.status << timer.elapsed()
                              << "ms";
    return response;
}

void LocalHttpServer::answer(QHttpServerResponder &&responder,
                             QTcpSocket *socket,
                             HttpResponse response)
{
    if (response.dropConnection) {
        if (socket) {
            socket->abort();
        }
        return;
    }
    if (response.delay.count() > 0) {
        auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
        QPointer<QTcpSocket> guard(socket);
        HttpResponse later = response;
        later.delay = std::chrono::milliseconds(0);
        QTimer::singleShot(response.delay, this, [this, held, guard, later]() mutable {
            if (guard) {
                answer(std::move(*held), guard.data(), std::move(later));
            }
        });
        return;
    }
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &[name, value] : std::as_const(response.headers)) {
        responder.writeHeader(name, value);
    }
    if (response.status != 204 && response.status != 304) {
        responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    }
    responder.writeBody(response.body);
#else
    QHttpHeaders headers;
    for (const auto &[name, value] : std::as_const(response.headers)) {
        headers.append(name, value);
    }
    responder.write(
        response.body, headers, static_cast<QHttpServerResponder::StatusCode>(response.status));
#endif
}

#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
bool LocalHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answer(makeResponder(request, socket), socket, dispatch(request));
    return true;
}

void LocalHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    answer(makeResponder(request, socket), socket, HttpResponse::empty(404));
}
#else
// Qt 6.5 took the socket out of the request API; find it among the listening server's
// connections by the peer port, so that a dropped-connection answer can still close it.
static QTcpSocket *findSocket(QTcpServer *server, const QHttpServerRequest &request)
{
    if (!server) {
        return nullptr;
    }
    const auto sockets = server->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        if (socket->peerPort() == request.remotePort()) {
            return socket;
        }
    }
    return nullptr;
}

bool LocalHttpServer::handleRequest(const QHttpServerRequest &request,
                                    QHttpServerResponder &responder)
{
    answer(std::move(responder), findSocket(m_tcpServer, request), dispatch(request));
    return true;
}

#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
void LocalHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &&responder)
#else
void LocalHttpServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
#endif
{
    answer(std::move(responder), nullptr, HttpResponse::empty(404));
}
#endif

} // namespace lr
