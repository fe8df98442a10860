#include "core/org/orgclient.h"

#include "core/common/deletelater.h"
#include "core/common/logging.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

Error remoteError(int status, const QByteArray &body)
{
    // REST errors: [{"message", "errorCode", "fields"}]; OAuth errors: {"error",
    // "error_description"}; anything else is described by its HTTP status.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    Error e;
    e.kind = Error::Kind::Remote;
    e.httpStatus = status;
    if (doc.isArray() && doc.array().first().isObject()) {
        const QJsonObject first = doc.array().first().toObject();
        e.code = first.value(u"errorCode"_s).toString();
        e.message = first.value(u"message"_s).toString();
        for (const QJsonValue &field : first.value(u"fields"_s).toArray()) {
            e.fields.append(field.toString());
        }
    } else if (doc.isObject() && doc.object().contains(u"error"_s)) {
        e.code = doc.object().value(u"error"_s).toString();
        e.message = doc.object().value(u"error_description"_s).toString();
    }
    if (e.code.isEmpty()) {
        e.code = u"HTTP_%1"_s.arg(status);
        e.message = OrgClient::tr("The org answered with HTTP status %1.").arg(status);
    }
    return e;
}

Error protocolError(const QString &what)
{
    return Error::make(Error::Kind::Protocol,
                       u"UNEXPECTED_RESPONSE"_s,
                       OrgClient::tr("The org's answer could not be understood: %1").arg(what));
}

bool isTransient(const Error &error)
{
    return error.kind == Error::Kind::Network
           || (error.kind == Error::Kind::Remote
               && (error.httpStatus == 502 || error.httpStatus == 503 || error.httpStatus == 504));
}

QList<SaveResult> parseSaveResults(const QJsonArray &array)
{
    QList<SaveResult> results;
    results.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        SaveResult result;
        result.id = object.value(u"id"_s).toString();
        result.success = object.value(u"success"_s).toBool();
        for (const QJsonValue &errorValue : object.value(u"errors"_s).toArray()) {
            const QJsonObject json = errorValue.toObject();
            Error error = Error::make(Error::Kind::Remote,
                                      json.value(u"statusCode"_s).toString(),
                                      json.value(u"message"_s).toString());
            for (const QJsonValue &field : json.value(u"fields"_s).toArray()) {
                error.fields.append(field.toString());
            }
            result.errors.append(error);
        }
        results.append(result);
    }
    return results;
}

} // namespace

OrgClient::OrgClient(QNetworkAccessManager *network, OrgSession session, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_session(std::move(session))
{
    qRegisterMetaType<lr::org::ApiUsage>();
}

void OrgClient::setRetryPolicy(int maxAttempts, std::chrono::milliseconds firstBackoff)
{
    m_maxAttempts = std::max(1, maxAttempts);
    m_firstBackoff = firstBackoff;
}

QString OrgClient::dataPath(const QString &resource) const
{
    return u"/services/data/v%1/%2"_s.arg(m_session.apiVersion, resource);
}

void OrgClient::noteUsage(QByteArrayView limitInfo)
{
    if (const auto usage = ApiUsage::fromLimitInfo(limitInfo)) {
        m_usage = usage;
        Q_EMIT apiUsageChanged(*usage);
    }
}

QCoro::Task<Result<OrgClient::Reply>>
OrgClient::sendOnce(const QByteArray &method,
                    const QString &pathAndQuery,
                    const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = m_session.instanceUrl;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0) {
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    if (!m_session.accessToken.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_session.accessToken.toUtf8());
    }
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/json;charset=UTF-8"));
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    // A redirect would carry the Authorization header to wherever it points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);

    QPointer<OrgClient> self(this);
    QElapsedTimer timer;
    timer.start();
    ++m_calls;
    // Deleted later: the coroutine resumes inside the reply's finished() emission.
    LaterPtr<QNetworkReply> reply(m_network->sendCustomRequest(request, method, body));
    co_await reply.get();
    if (!self) {
        co_return Error::make(
            Error::Kind::Internal, u"CLIENT_GONE"_s, tr("The org connection was closed."));
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcHttp).noquote() << method << url.path() << status << timer.elapsed() << "ms";
    noteUsage(reply->rawHeader("Sforce-Limit-Info"));

    const QNetworkReply::NetworkError networkError = reply->error();
    if (status == 0) {
        if (networkError == QNetworkReply::OperationCanceledError
            || networkError == QNetworkReply::TimeoutError) {
            co_return Error::make(Error::Kind::Timeout,
                                  u"TIMEOUT"_s,
                                  tr("The org did not answer within %1 seconds.")
                                      .arg(m_timeout.count() / 1000.0, 0, 'f', 1));
        }
        Error error =
            Error::make(Error::Kind::Network,
                        u"NETWORK_ERROR"_s,
                        tr("Could not reach the org at %1: %2")
                            .arg(m_session.instanceUrl.toDisplayString(), reply->errorString()));
        co_return error;
    }
    Reply answer{status, reply->readAll()};
    if (status >= 400) {
        co_return remoteError(status, answer.body);
    }
    if (status >= 300) {
        co_return Error::make(Error::Kind::Protocol,
                              u"UNEXPECTED_REDIRECT"_s,
                              tr("The org answered with a redirect (HTTP %1), which is not "
                                 "followed so that the session cannot leak.")
                                  .arg(status));
    }
    co_return answer;
}

QCoro::Task<Result<OrgClient::Reply>> OrgClient::send(QByteArray method,
                                                      QString pathAndQuery,
                                                      QByteArray body,
                                                      QList<QPair<QByteArray, QByteArray>> headers)
{
    QPointer<OrgClient> self(this);
    const QString sentWith = m_session.accessToken;
    Result<Reply> reply = co_await sendWithRetries(method, pathAndQuery, body, headers);
    // A refused session: 401 INVALID_SESSION_ID from the REST API, and 403 (Bad_OAuth_Token)
    // from userinfo, which is how Salesforce's OAuth endpoints refuse an expired token.
    const bool refusedSession =
        !reply
        && ((reply.error().httpStatus == 401 && reply.error().code == u"INVALID_SESSION_ID")
            || (reply.error().httpStatus == 403 && pathAndQuery == u"/services/oauth2/userinfo"));
    if (!refusedSession || !self || !m_renewal) {
        co_return reply;
    }
    // Once per request: a token that is refused again is the caller's to handle.
    const SessionRenewal renewal = m_renewal;
    Result<QString> token = co_await renewal(sentWith);
    if (!self) {
        co_return reply;
    }
    if (!token) {
        co_return token.error();
    }
    m_session.accessToken = token.value();
    co_return co_await sendWithRetries(method, pathAndQuery, body, headers);
}

QCoro::Task<Result<OrgClient::Reply>>
OrgClient::sendWithRetries(const QByteArray &method,
                           const QString &pathAndQuery,
                           const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    const bool idempotent = method == "GET" || method == "HEAD";
    std::chrono::milliseconds backoff = m_firstBackoff;
    QPointer<OrgClient> self(this);
    for (int attempt = 1;; ++attempt) {
        Result<Reply> reply = co_await sendOnce(method, pathAndQuery, body, headers);
        if (reply || !idempotent || attempt >= m_maxAttempts || !isTransient(reply.error())) {
            co_return reply;
        }
        qCInfo(lcOrg).noquote() << "retrying" << method << "after" << reply.error().code
                                << "(attempt" << attempt + 1 << "of" << m_maxAttempts << ")";
        // Full jitter keeps many clients from retrying in step.
        const auto wait = std::chrono::milliseconds(
            QRandomGenerator::global()->bounded(static_cast<qint64>(backoff.count()) + 1));
        co_await QCoro::sleepFor(wait);
        if (!self) {
            co_return reply;
        }
        backoff *= 2;
    }
}

QCoro::Task<Result<QString>> OrgClient::negotiateVersion()
{
    Result<Reply> reply = co_await send("GET", u"/services/data/"_s);
    if (!reply) {
        co_return reply.error();
    }
    const QJsonArray versions = QJsonDocument::fromJson(reply->body).array();
    double newest = 0;
    QString newestText;
    for (const QJsonValue &value : versions) {
        const QString version = value.toObject().value(u"version"_s).toString();
        if (version.toDouble() > newest) {
            newest = version.toDouble();
            newestText = version;
        }
    }
    if (newestText.isEmpty()) {
        co_return protocolError(tr("the list of API versions is empty"));
    }
    m_session.apiVersion = newestText;
    co_return newestText;
}

QCoro::Task<Result<qint64>>
OrgClient::queryEach(QString soql,
                     QueryOptions options,
                     std::function<void(const QJsonArray &records, qint64 totalSize)> onPage)
{
    if (m_recordQueries) {
        m_recordedQueries.append(soql);
    }
    // Percent-encode everything but unreserved characters: a '+' left as is would reach
    // the org as a space (datetime literals such as 2026-01-31T09:00:00+01:00 have one).
    QString next = dataPath(options.queryAll ? u"queryAll"_s : u"query"_s) + u"?q="_s
                   + QString::fromLatin1(QUrl::toPercentEncoding(soql));
    const QList<QPair<QByteArray, QByteArray>> headers{
        {"Sforce-Query-Options", "batchSize=" + QByteArray::number(options.batchSize)}};
    qint64 totalSize = 0;
    while (!next.isEmpty()) {
        Result<Reply> reply = co_await send("GET", next, {}, headers);
        if (!reply) {
            co_return reply.error();
        }
        const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
        const QJsonObject page = doc.object();
        if (!doc.isObject() || !page.value(u"records"_s).isArray()) {
            co_return protocolError(tr("a query page without records"));
        }
        totalSize = static_cast<qint64>(page.value(u"totalSize"_s).toDouble());
        onPage(page.value(u"records"_s).toArray(), totalSize);
        next = page.value(u"done"_s).toBool(true) ? QString()
                                                  : page.value(u"nextRecordsUrl"_s).toString();
    }
    co_return totalSize;
}

QCoro::Task<Result<QueryResult>> OrgClient::query(QString soql, QueryOptions options)
{
    QueryResult result;
    Result<qint64> total =
        co_await queryEach(soql, options, [&result](const QJsonArray &records, qint64) {
            for (const QJsonValue &record : records) {
                result.records.append(record);
            }
            ++result.pages;
        });
    if (!total) {
        co_return total.error();
    }
    result.totalSize = total.value();
    co_return result;
}

QCoro::Task<Result<QJsonObject>> OrgClient::getRecord(QString type, QString id, QStringList fields)
{
    QString path = dataPath(u"sobjects/%1/%2"_s.arg(type, id));
    if (!fields.isEmpty()) {
        path += u"?fields="_s + fields.join(u',');
    }
    Result<Reply> reply = co_await send("GET", path);
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject()) {
        co_return protocolError(tr("a record that is not a JSON object"));
    }
    co_return doc.object();
}

QCoro::Task<Result<void>> OrgClient::updateRecord(QString type, QString id, QJsonObject fields)
{
    Result<Reply> reply = co_await send("PATCH",
                                        dataPath(u"sobjects/%1/%2"_s.arg(type, id)),
                                        QJsonDocument(fields).toJson(QJsonDocument::Compact));
    if (!reply) {
        co_return reply.error();
    }
    co_return Result<void>();
}

QCoro::Task<Result<QList<SaveResult>>>
OrgClient::collection(QByteArray method, QList<RecordWrite> records, bool allOrNone)
{
    if (records.size() > kMaxCollectionRecords) {
        co_return Error::make(Error::Kind::Usage,
                              u"TOO_MANY_RECORDS"_s,
                              tr("At most %1 records can be written in one call; %2 were given.")
                                  .arg(kMaxCollectionRecords)
                                  .arg(records.size()));
    }
    QJsonArray array;
    for (const RecordWrite &write : std::as_const(records)) {
        QJsonObject record = write.fields;
        record.insert(u"attributes"_s, QJsonObject{{u"type"_s, write.type}});
        if (!write.id.isEmpty()) {
            record.insert(u"id"_s, write.id);
        }
        array.append(record);
    }
    const QJsonObject body{{u"allOrNone"_s, allOrNone}, {u"records"_s, array}};
    Result<Reply> reply = co_await send(method,
                                        dataPath(u"composite/sobjects"_s),
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isArray() || doc.array().size() != records.size()) {
        co_return protocolError(tr("a collection answer that does not match the request"));
    }
    co_return parseSaveResults(doc.array());
}

QCoro::Task<Result<QList<SaveResult>>> OrgClient::createRecords(QList<RecordWrite> records,
                                                                bool allOrNone)
{
    co_return co_await collection("POST", std::move(records), allOrNone);
}

QCoro::Task<Result<QList<SaveResult>>> OrgClient::updateRecords(QList<RecordWrite> records,
                                                                bool allOrNone)
{
    co_return co_await collection("PATCH", std::move(records), allOrNone);
}

QCoro::Task<Result<QList<SaveResult>>> OrgClient::deleteRecords(QStringList ids, bool allOrNone)
{
    if (ids.size() > kMaxCollectionRecords) {
        co_return Error::make(Error::Kind::Usage,
                              u"TOO_MANY_RECORDS"_s,
                              tr("At most %1 records can be deleted in one call; %2 were given.")
                                  .arg(kMaxCollectionRecords)
                                  .arg(ids.size()));
    }
    Result<Reply> reply = co_await send("DELETE",
                                        dataPath(u"composite/sobjects?ids=%1&allOrNone=%2"_s.arg(
                                            ids.join(u','), allOrNone ? u"true"_s : u"false"_s)));
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isArray() || doc.array().size() != ids.size()) {
        co_return protocolError(tr("a delete answer that does not match the request"));
    }
    co_return parseSaveResults(doc.array());
}

QCoro::Task<Result<QJsonObject>> OrgClient::limits()
{
    Result<Reply> reply = co_await send("GET", dataPath(u"limits"_s));
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject()) {
        co_return protocolError(tr("limits that are not a JSON object"));
    }
    co_return doc.object();
}

QCoro::Task<Result<QJsonObject>> OrgClient::userInfo()
{
    Result<Reply> reply = co_await send("GET", u"/services/oauth2/userinfo"_s);
    if (!reply) {
        co_return reply.error();
    }
    const QJsonDocument doc = QJsonDocument::fromJson(reply->body);
    if (!doc.isObject() || doc.object().value(u"user_id"_s).toString().isEmpty()) {
        co_return protocolError(tr("user information without a user id"));
    }
    co_return doc.object();
}

} // namespace lr::org
