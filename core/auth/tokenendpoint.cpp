#include "core/auth/tokenendpoint.h"

#include "core/auth/jwtassertion.h"
#include "core/common/deletelater.h"
#include "core/common/logging.h"

#include <QCoroNetworkReply>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::auth {

namespace {

const QString kJwtBearerGrant = u"urn:ietf:params:oauth:grant-type:jwt-bearer"_s;

} // namespace

TokenEndpoint::TokenEndpoint(QNetworkAccessManager *network, LoginHost host, QString consumerKey)
    : m_network(network)
    , m_host(std::move(host))
    , m_consumerKey(std::move(consumerKey))
{ }

QByteArray TokenEndpoint::formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

TokenEndpoint::Post TokenEndpoint::post(const QUrl &url,
                                        const QList<QPair<QString, QString>> &fields) const
{
    return Post{m_network, url, formEncode(fields), m_timeout};
}

QCoro::Task<Result<TokenEndpoint::Reply>> TokenEndpoint::send(Post post)
{
    QNetworkRequest request(post.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(static_cast<int>(post.timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QElapsedTimer timer;
    timer.start();
    // Deleted later: the coroutine resumes inside the reply's finished() emission.
    LaterPtr<QNetworkReply> reply(post.network->post(request, post.body));
    co_await reply.get();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Method, path and status only: the body carries codes, secrets and tokens.
    qCDebug(lcHttp).noquote() << "POST" << post.url.path() << status << timer.elapsed() << "ms";
    if (status == 0) {
        const QNetworkReply::NetworkError networkError = reply->error();
        if (networkError == QNetworkReply::OperationCanceledError
            || networkError == QNetworkReply::TimeoutError) {
            co_return Error::make(Error::Kind::Timeout,
                                  u"TIMEOUT"_s,
                                  tr("The sign-in service did not answer within %1 seconds.")
                                      .arg(post.timeout.count() / 1000.0, 0, 'f', 1));
        }
        co_return Error::make(Error::Kind::Network,
                              u"NETWORK_ERROR"_s,
                              tr("Could not reach the sign-in service at %1: %2")
                                  .arg(post.url.host(), reply->errorString()));
    }
    Reply answer{status, reply->readAll()};
    if (status >= 300) {
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        Error error;
        error.kind = Error::Kind::Remote;
        error.httpStatus = status;
        error.code = json.value(u"error"_s).toString();
        error.detail = json.value(u"error_description"_s).toString();
        if (error.code.isEmpty()) {
            error.code = u"HTTP_%1"_s.arg(status);
        }
        error.message = tr("The sign-in service refused the request: %1")
                            .arg(error.detail.isEmpty() ? error.code : error.detail);
        co_return error;
    }
    co_return answer;
}

QCoro::Task<Result<TokenSet>> TokenEndpoint::requestTokens(Post post)
{
    Result<Reply> reply = co_await send(std::move(post));
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject()) {
        co_return Error::make(Error::Kind::Protocol,
                              u"UNEXPECTED_TOKEN_RESPONSE"_s,
                              tr("The sign-in service's answer is not a JSON object."));
    }
    co_return TokenSet::fromTokenResponse(doc.object());
}

QCoro::Task<Result<TokenSet>>
TokenEndpoint::exchangeCode(QString code, QUrl redirectUri, QByteArray codeVerifier) const
{
    const QList<QPair<QString, QString>> fields{
        {u"grant_type"_s, u"authorization_code"_s},
        {u"code"_s, code},
        {u"client_id"_s, m_consumerKey},
        {u"redirect_uri"_s, redirectUri.toString(QUrl::FullyEncoded)},
        {u"code_verifier"_s, QString::fromLatin1(codeVerifier)}};
    co_return co_await requestTokens(post(m_host.tokenUrl(), fields));
}

QCoro::Task<Result<TokenSet>> TokenEndpoint::refresh(QString refreshToken,
                                                     QString consumerSecret) const
{
    QList<QPair<QString, QString>> fields{{u"grant_type"_s, u"refresh_token"_s},
                                          {u"refresh_token"_s, refreshToken},
                                          {u"client_id"_s, m_consumerKey}};
    if (!consumerSecret.isEmpty()) {
        fields.append({u"client_secret"_s, consumerSecret});
    }
    co_return co_await requestTokens(post(m_host.tokenUrl(), fields));
}

QCoro::Task<Result<TokenSet>> TokenEndpoint::clientCredentials(QString consumerSecret) const
{
    const QList<QPair<QString, QString>> fields{{u"grant_type"_s, u"client_credentials"_s},
                                                {u"client_id"_s, m_consumerKey},
                                                {u"client_secret"_s, consumerSecret}};
    co_return co_await requestTokens(post(m_host.tokenUrl(), fields));
}

QCoro::Task<Result<TokenSet>> TokenEndpoint::jwtBearer(QString username,
                                                       QByteArray privateKeyPem) const
{
    const Result<QByteArray> assertion = JwtAssertion::sign(
        {m_consumerKey, username, m_host.jwtAudience(), QDateTime()}, privateKeyPem);
    if (!assertion) {
        co_return assertion.error();
    }
    co_return co_await jwtBearerAssertion(assertion.value());
}

QCoro::Task<Result<TokenSet>> TokenEndpoint::jwtBearerAssertion(QByteArray assertion) const
{
    const QList<QPair<QString, QString>> fields{{u"grant_type"_s, kJwtBearerGrant},
                                                {u"assertion"_s, QString::fromLatin1(assertion)}};
    co_return co_await requestTokens(post(m_host.tokenUrl(), fields));
}

QCoro::Task<Result<void>> TokenEndpoint::revoke(QString token, QUrl at) const
{
    QUrl url = m_host.revokeUrl();
    if (at.isValid() && !at.host().isEmpty()) {
        url = at;
        url.setPath(u"/services/oauth2/revoke"_s);
        url.setQuery(QString());
    }
    const QList<QPair<QString, QString>> fields{{u"token"_s, token}};
    Result<Reply> reply = co_await send(post(url, fields));
    if (!reply) {
        co_return reply.error();
    }
    co_return Result<void>();
}

} // namespace lr::auth
