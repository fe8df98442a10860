#pragma once

#include <QCoroTask>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace lr::test {

// Stands in for the person at the system browser in sign-in tests: it opens the authorize
// URL over HTTP, reads the demo org's consent page, submits its form as a browser would, and
// lets the 302 reach the app's loopback listener. Register open() with
// QDesktopServices::setUrlHandler, or connect it to BrowserSignIn::authorizeWithBrowser.
class ConsentBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsentBrowser)

public:
    enum class Answer {
        Allow,      // choose the user and allow
        Deny,       // press Deny
        WrongState, // allow, but deliver the redirect with another state
        Ignore,     // open nothing: nobody comes back
    };

    explicit ConsentBrowser(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setAnswer(Answer answer, const QString &role = QStringLiteral("admin"));
    // Called with the redirect URI taken from the authorize URL before the redirect is
    // followed, while the app's listener waits (to probe it).
    void setBeforeRedirect(std::function<void(const QUrl &redirectUri)> probe)
    {
        m_beforeRedirect = std::move(probe);
    }

    [[nodiscard]] int openCount() const { return m_openCount; }
    [[nodiscard]] QUrl lastAuthorizeUrl() const { return m_lastAuthorizeUrl; }
    // Status of the loopback listener's answer to the redirect (0 before or on failure).
    [[nodiscard]] int redirectStatus() const { return m_redirectStatus; }
    // What went wrong while browsing, empty when nothing did.
    [[nodiscard]] QString failure() const { return m_failure; }

public Q_SLOTS:
    void open(const QUrl &url);

private:
    QCoro::Task<> browse(QUrl url);

    QNetworkAccessManager *m_network;
    Answer m_answer = Answer::Allow;
    QString m_role;
    std::function<void(const QUrl &)> m_beforeRedirect;
    int m_openCount = 0;
    QUrl m_lastAuthorizeUrl;
    int m_redirectStatus = 0;
    QString m_failure;
};

} // namespace lr::test
