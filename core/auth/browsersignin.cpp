#include "core/auth/browsersignin.h"

#include "core/auth/loopbackredirect.h"
#include "core/auth/pkce.h"
#include "core/auth/tokenendpoint.h"
#include "core/common/logging.h"

#include <QOAuth2AuthorizationCodeFlow>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::auth {

namespace {

const QString kDefaultScope = u"api refresh_token"_s;

// The flow's authorization leg only: it builds the URL (with the PKCE parameters from the
// modify-parameters hook) and asks for the browser, but does not connect its own callback
// handling, so it never exchanges the code itself.
class AuthorizationRequestFlow final : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;

protected:
    void resourceOwnerAuthorization(const QUrl &,
                                    const QMultiMap<QString, QVariant> &parameters) override
    {
        Q_EMIT authorizeWithBrowser(buildAuthenticateUrl(parameters));
    }
};

} // namespace

BrowserSignIn::BrowserSignIn(QNetworkAccessManager *network,
                             LoginHost host,
                             QString consumerKey,
                             QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_host(std::move(host))
    , m_consumerKey(std::move(consumerKey))
    , m_callbackPath(u"callback"_s)
{ }

BrowserSignIn::~BrowserSignIn()
{
    cancel();
}

void BrowserSignIn::setCallback(quint16 port, const QString &path)
{
    m_callbackPort = port;
    m_callbackPath = path;
}

QUrl BrowserSignIn::redirectUri() const
{
    return m_redirect ? m_redirect->redirectUri() : QUrl();
}

void BrowserSignIn::cancel()
{
    if (m_redirect) {
        m_redirect->fail(Error::make(
            Error::Kind::Refused, u"SIGN_IN_CANCELLED"_s, tr("The sign-in was cancelled.")));
    }
}

Result<QString> BrowserSignIn::checkRedirect(const Result<QVariantMap> &redirect,
                                             const QByteArray &state)
{
    if (!redirect) {
        return redirect.error();
    }
    const QVariantMap &values = redirect.value();
    // The state first, for errors too: a redirect this sign-in did not start is refused
    // whatever it says.
    if (!Pkce::constantTimeEquals(values.value(u"state"_s).toString().toLatin1(), state)) {
        return Error::make(Error::Kind::Refused,
                           u"STATE_MISMATCH"_s,
                           tr("The sign-in's answer does not belong to this sign-in (its state "
                              "differs), so it was refused. Sign in again."));
    }
    if (const QString error = values.value(u"error"_s).toString(); !error.isEmpty()) {
        const QString description = values.value(u"error_description"_s).toString();
        Error refused = Error::make(Error::Kind::Remote,
                                    error,
                                    tr("The sign-in was not completed: %1")
                                        .arg(description.isEmpty() ? error : description),
                                    description);
        return refused;
    }
    const QString code = values.value(u"code"_s).toString();
    if (code.isEmpty()) {
        return Error::make(Error::Kind::Protocol,
                           u"CODE_MISSING"_s,
                           tr("The sign-in's answer carries no authorization code."));
    }
    return code;
}

QCoro::Task<Result<TokenSet>> BrowserSignIn::signIn()
{
    if (m_redirect) {
        co_return Error::make(Error::Kind::Usage,
                              u"SIGN_IN_IN_PROGRESS"_s,
                              tr("A sign-in is already waiting for the browser."));
    }
    QPointer<BrowserSignIn> self(this);
    auto redirect = std::make_unique<LoopbackRedirect>();
    const Result<QUrl> redirectUri =
        redirect->listen(m_callbackPort,
                         m_callbackPath,
                         tr("Signed in. You can close this tab and go back to License Reclaim."));
    if (!redirectUri) {
        co_return redirectUri.error();
    }
    const Pkce pkce = Pkce::generate();
    const QByteArray state = Pkce::randomToken(24);
    const TokenEndpoint endpoint(m_network, m_host, m_consumerKey);

    AuthorizationRequestFlow flow(
        m_consumerKey, m_host.authorizeUrl(), m_host.tokenUrl(), m_network);
    flow.setScope(m_scope.isEmpty() ? kDefaultScope : m_scope);
    flow.setState(QString::fromLatin1(state));
    flow.setReplyHandler(redirect->replyHandler());
    flow.setModifyParametersFunction(
        [challenge = QString::fromLatin1(pkce.challenge)](
            QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->insert(u"code_challenge"_s, challenge);
                parameters->insert(u"code_challenge_method"_s, u"S256"_s);
            }
        });
    connect(
        &flow, &QAbstractOAuth::authorizeWithBrowser, this, &BrowserSignIn::authorizeWithBrowser);

    LoopbackRedirect *listener = redirect.get();
    QTimer timeout;
    timeout.setSingleShot(true);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count();
    connect(&timeout, &QTimer::timeout, listener, [listener, seconds] {
        listener->fail(
            Error::make(Error::Kind::Timeout,
                        u"SIGN_IN_TIMEOUT"_s,
                        tr("Nobody finished signing in within %1 seconds.").arg(seconds)));
    });
    timeout.start(m_timeout);
    m_redirect = listener;
    qCInfo(lcOrg).noquote() << "browser sign-in at" << m_host.url().host()
                            << "waiting for the redirect on 127.0.0.1 port" << redirectUri->port();
    flow.grant();

    const Result<QVariantMap> answer = co_await listener->wait();
    timeout.stop();
    if (!self) {
        co_return Error::make(
            Error::Kind::Internal, u"CLIENT_GONE"_s, tr("The sign-in was closed."));
    }
    m_redirect = nullptr;
    const Result<QString> code = checkRedirect(answer, state);
    if (!code) {
        qCInfo(lcOrg).noquote() << "browser sign-in ended:" << code.error().code;
        co_return code.error();
    }
    // From here on `this` is not used: the endpoint and the verifier live in this frame.
    Result<TokenSet> tokens =
        co_await endpoint.exchangeCode(code.value(), redirectUri.value(), pkce.verifier);
    qCInfo(lcOrg).noquote() << "browser sign-in:"
                            << (tokens ? u"signed in"_s
                                       : u"code exchange failed: "_s + tokens.error().code);
    co_return tokens;
}

} // namespace lr::auth
