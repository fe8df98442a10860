#include "core/auth/loopbackredirect.h"

#include <QCoroSignal>
#include <QHostAddress>
#include <QOAuthHttpServerReplyHandler>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace lr::auth {

LoopbackRedirect::LoopbackRedirect(QObject *parent)
    : QObject(parent)
{ }

LoopbackRedirect::~LoopbackRedirect()
{
    stopListening();
}

Result<QUrl> LoopbackRedirect::listen(quint16 port, const QString &path, const QString &pageText)
{
    Q_ASSERT(!m_handler);
    // Bound to 127.0.0.1 only: the (port) constructor would listen on every interface.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, port, this);
    if (!m_handler->isListening()) {
        delete m_handler;
        m_handler = nullptr;
        return Error::make(
            Error::Kind::Network,
            u"LISTEN_FAILED"_s,
            tr("Cannot listen on 127.0.0.1:%1 for the sign-in's redirect.").arg(port));
    }
    m_handler->setCallbackPath(path);
    m_handler->setCallbackText(pageText);
    // Qt 6.4's callback() asserts that the handler listens, so it is read once, now.
    m_redirectUri = QUrl(m_handler->callback());
    connect(m_handler,
            &QAbstractOAuthReplyHandler::callbackReceived,
            this,
            [this](const QVariantMap &values) { finish(values); });
    return m_redirectUri;
}

bool LoopbackRedirect::isListening() const
{
    return m_handler && m_handler->isListening();
}

QAbstractOAuthReplyHandler *LoopbackRedirect::replyHandler() const
{
    return m_handler;
}

void LoopbackRedirect::fail(const Error &error)
{
    finish(error);
}

void LoopbackRedirect::finish(Result<QVariantMap> outcome)
{
    if (m_outcome) {
        return;
    }
    m_outcome = std::move(outcome);
    // Safe inside the handler's own callbackReceived: closing stops accepting connections,
    // while the socket that brought the redirect still gets its page.
    stopListening();
    Q_EMIT finished();
}

void LoopbackRedirect::stopListening()
{
    if (m_handler && m_handler->isListening()) {
        m_handler->close();
    }
}

QCoro::Task<Result<QVariantMap>> LoopbackRedirect::wait()
{
    if (!m_outcome) {
        // QCoro resumes through a queued connection, so this continues after the handler
        // has answered the browser.
        QPointer<LoopbackRedirect> self(this);
        co_await qCoro(this, &LoopbackRedirect::finished);
        if (!self) {
            co_return Error::make(Error::Kind::Internal,
                                  u"SIGN_IN_CLOSED"_s,
                                  tr("The sign-in's listener was closed."));
        }
    }
    co_return *m_outcome;
}

} // namespace lr::auth
