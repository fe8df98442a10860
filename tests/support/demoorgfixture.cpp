#include "support/demoorgfixture.h"

#include "core/common/deletelater.h"

#include <QCoroNetworkReply>
#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace lr::test {

namespace {

QCoro::Task<DemoOrgFixture::Response>
call(QNetworkAccessManager *network, QNetworkRequest request, QByteArray method, QByteArray body)
{
    // Deleted later: the coroutine resumes inside the reply's finished() emission.
    lr::LaterPtr<QNetworkReply> reply(network->sendCustomRequest(request, method, body));
    co_await reply.get();
    DemoOrgFixture::Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    if (response.status == 0) {
        response.networkError = reply->errorString();
    }
    co_return response;
}

} // namespace

QByteArray DemoOrgFixture::Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QString DemoOrgFixture::Response::errorCode() const
{
    return json().array().first().toObject().value(u"errorCode"_s).toString();
}

QString DemoOrgFixture::Response::errorMessage() const
{
    return json().array().first().toObject().value(u"message"_s).toString();
}

bool DemoOrgFixture::start(int users, quint64 seed, const QString &databasePath)
{
    demo::DemoOrgOptions options;
    options.userCount = users;
    options.seed = seed;
    options.databasePath = databasePath;
    return start(std::move(options));
}

bool DemoOrgFixture::start(demo::DemoOrgOptions options)
{
    options.controlApi = true;
    auto org = demo::DemoOrg::open(options);
    if (!org) {
        qWarning() << "demo org:" << org.error().toString() << org.error().detail;
        return false;
    }
    m_org = std::move(org.value());
    m_host = std::make_unique<demo::DemoOrgHost>(*m_org);
    const auto url = m_host->start();
    if (!url) {
        qWarning() << "demo org server:" << url.error().toString();
        return false;
    }
    return true;
}

QString DemoOrgFixture::token(const QString &role) const
{
    return m_org->principalToken(role);
}

QString DemoOrgFixture::userId(const QString &role) const
{
    const demo::DemoPrincipal *principal = m_org->principal(role);
    return principal ? principal->userId : QString();
}

QString DemoOrgFixture::dataPath(const QString &resource) const
{
    return u"/services/data/v%1/%2"_s.arg(demo::DemoOrg::latestApiVersion(), resource);
}

DemoOrgFixture::Response DemoOrgFixture::send(const QByteArray &method,
                                              const QString &pathAndQuery,
                                              const QByteArray &body,
                                              const QString &token,
                                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QUrl url = instanceUrl();
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0) {
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::StrictMode);
    }
    QNetworkRequest request(url);
    if (!token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    }
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    }
    for (const auto &[name, value] : headers) {
        request.setRawHeader(name, value);
    }
    request.setTransferTimeout(60000);
    return QCoro::waitFor(call(&m_network, request, method, body));
}

DemoOrgFixture::Response
DemoOrgFixture::query(const QString &soql, const QString &role, int batchSize)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (batchSize > 0) {
        headers.append({"Sforce-Query-Options", "batchSize=" + QByteArray::number(batchSize)});
    }
    return send("GET",
                dataPath(u"query"_s) + u"?q="_s
                    + QString::fromLatin1(QUrl::toPercentEncoding(soql)),
                {},
                token(role),
                headers);
}

int DemoOrgFixture::addFault(const QJsonObject &fault)
{
    const Response r = send("POST", u"/__control/faults"_s, QJsonDocument(fault).toJson());
    return r.status == 200 ? r.json().object().value(u"id"_s).toInt() : -1;
}

void DemoOrgFixture::clearFaults()
{
    (void)send("DELETE", u"/__control/faults"_s);
}

QJsonArray DemoOrgFixture::mutations()
{
    return send("GET", u"/__control/mutations"_s).json().array();
}

void DemoOrgFixture::clearMutations()
{
    (void)send("DELETE", u"/__control/mutations"_s);
}

QVariant DemoOrgFixture::sql(const QString &statement, const QVariantList &params)
{
    QSqlQuery query(m_org->database().connection());
    query.prepare(statement);
    for (const QVariant &param : params) {
        query.addBindValue(param);
    }
    if (!query.exec() || !query.next()) {
        return {};
    }
    return query.value(0);
}

bool DemoOrgFixture::execute(const QString &statement, const QVariantList &params)
{
    QSqlQuery query(m_org->database().connection());
    query.prepare(statement);
    for (const QVariant &param : params) {
        query.addBindValue(param);
    }
    return query.exec();
}

} // namespace lr::test
