#pragma once

#include "core/common/result.h"

#include <QCoroTask>
#include <QObject>
#include <QUrl>
#include <QVariantMap>

#include <optional>

class QAbstractOAuthReplyHandler;
class QOAuthHttpServerReplyHandler;

namespace lr::auth {

// The app's end of a browser sign-in (RFC 8252 §7.3, §8.3): an HTTP listener on 127.0.0.1
// only (never every interface, pitfall P11), on an ephemeral port unless one is asked for,
// that takes one redirect and then stops listening. It stops listening as soon as the
// outcome is known: the redirect arrived, or fail() was called (timeout, cancel), or it is
// destroyed.
class LoopbackRedirect final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackRedirect)

public:
    explicit LoopbackRedirect(QObject *parent = nullptr);
    ~LoopbackRedirect() override;

    // Starts listening; returns the redirect URI (http://127.0.0.1:<port>/<path>). The
    // browser is shown `pageText` once the redirect arrived. LISTEN_FAILED when the port
    // cannot be had.
    [[nodiscard]] Result<QUrl> listen(quint16 port, const QString &path, const QString &pageText);
    [[nodiscard]] QUrl redirectUri() const { return m_redirectUri; }
    [[nodiscard]] bool isListening() const;
    // The Qt reply handler, for QOAuth2AuthorizationCodeFlow::setReplyHandler().
    [[nodiscard]] QAbstractOAuthReplyHandler *replyHandler() const;

    // Ends the wait with `error` unless it has ended already, and stops listening.
    void fail(const Error &error);
    // The redirect's query parameters, or the error given to fail().
    [[nodiscard]] QCoro::Task<Result<QVariantMap>> wait();

Q_SIGNALS:
    void finished();

private:
    void finish(Result<QVariantMap> outcome);
    void stopListening();

    QOAuthHttpServerReplyHandler *m_handler = nullptr;
    QUrl m_redirectUri;
    std::optional<Result<QVariantMap>> m_outcome;
};

} // namespace lr::auth
