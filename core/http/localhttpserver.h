#pragma once

#include "core/common/result.h"
#include "core/http/httpexchange.h"

#include <QAbstractHttpServer>
#include <QPointer>

#include <functional>

class QTcpServer;

namespace lr {

// An HTTP/1.1 server on the loopback interface only (127.0.0.1), built on Qt HTTP Server,
// that hands every request to one handler function and answers with what it returns,
// including delayed answers and dropped connections. Requests with bodies larger than
// maxBodySize() are answered 413 without reaching the handler.
class LocalHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalHttpServer)

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit LocalHttpServer(Handler handler, QObject *parent = nullptr);
    ~LocalHttpServer() override;

    // Listens on 127.0.0.1 at `port`, or an ephemeral port when 0. Returns the port.
    [[nodiscard]] Result<quint16> listenLocal(quint16 port = 0);
    [[nodiscard]] quint16 port() const { return m_port; }

    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }
    [[nodiscard]] qint64 maxBodySize() const { return m_maxBodySize; }

protected:
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#else
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION < QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &&responder) override;
#else
    void missingHandler(const QHttpServerRequest &request,
                        QHttpServerResponder &responder) override;
#endif
#endif

private:
    [[nodiscard]] HttpResponse dispatch(const QHttpServerRequest &request) const;
    void answer(QHttpServerResponder &&responder, QTcpSocket *socket, HttpResponse response);

    Handler m_handler;
    QTcpServer *m_tcpServer = nullptr;
    quint16 m_port = 0;
    qint64 m_maxBodySize = 16 * 1024 * 1024;
};

} // namespace lr
