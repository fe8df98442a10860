#include "core/demo/server/demoorgservice.h"

#include "core/common/logging.h"
#include "core/demo/demoorg.h"
#include "core/demo/server/apierror.h"
#include "core/demo/server/callerpermissions.h"
#include "core/demo/server/sobjectdescriber.h"
#include "core/demo/store/salesforceid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Salesforce's release names for API versions 31.0 (Summer '14) onwards: three a year.
QString releaseLabel(int version)
{
    static const char *seasons[] = {"Spring", "Summer", "Winter"};
    // v31 = Summer '14; each version is the next season; Winter carries the next year.
    const int index = version - 31 + 1; // 1 = Summer of 2014
    const int season = index % 3;
    int year = 14 + index / 3;
    if (season == 2) {
        year += 1;
    }
    return u"%1 '%2"_s.arg(QLatin1String(seasons[season])).arg(year, 2, 10, QLatin1Char('0'));
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

bool isMutating(const QByteArray &method)
{
    return method == "POST" || method == "PATCH" || method == "PUT" || method == "DELETE";
}

HttpResponse saveErrors(const RecordStore::SaveResult &result)
{
    QJsonArray errors;
    for (const Error &error : result.errors) {
        QJsonObject json{{u"message"_s, error.message}, {u"errorCode"_s, error.code}};
        json.insert(u"fields"_s, QJsonArray::fromStringList(error.fields));
        errors.append(json);
    }
    return HttpResponse::json(400, QJsonDocument(errors).toJson(QJsonDocument::Compact));
}

} // namespace

DemoOrgService::DemoOrgService(DemoOrg &org)
    : m_org(org)
    , m_cursors(org.database(), org.schema(), org.clock())
    , m_store(org.database(), org.schema(), org.clock())
    , m_collections(org, m_store, m_cursors)
    , m_control(org)
    , m_oauth(org)
{ }

HttpResponse DemoOrgService::handle(const HttpRequest &request)
{
    const QString &path = request.path;
    if (path.startsWith(u"/__control/"_s)) {
        if (!m_org.controlApiEnabled()) {
            return ApiError::notFound();
        }
        return m_control.handle(request, path.mid(11));
    }
    if (path == u"/services/oauth2/userinfo") {
        return userInfo(request);
    }
    // Before authenticated(): OAuth requests carry codes, secrets and tokens, and none of
    // them belongs in the mutation log.
    if (OAuthService::handles(path)) {
        return m_oauth.handle(request);
    }
    if (path == u"/services/data" || path == u"/services/data/") {
        return request.method == "GET"
                   ? versions()
                   : ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    static const QRegularExpression versioned(uR"(^/services/data/v(\d+\.\d)(/.*)?$)"_s);
    const QRegularExpressionMatch match = versioned.match(path);
    if (!match.hasMatch() || !DemoOrg::apiVersions().contains(match.captured(1))) {
        return ApiError::notFound();
    }
    QString resource = match.captured(2);
    while (resource.endsWith(u'/')) {
        resource.chop(1);
    }
    return authenticated(request, match.captured(1), resource);
}

std::optional<QString> DemoOrgService::sessionUser(const HttpRequest &request) const
{
    const QByteArray authorization = request.header("Authorization");
    QByteArray token;
    if (authorization.startsWith("Bearer ")) {
        token = authorization.mid(7).trimmed();
    } else if (authorization.startsWith("OAuth ")) {
        token = authorization.mid(6).trimmed();
    }
    return m_org.tokens().resolve(token);
}

HttpResponse DemoOrgService::userInfo(const HttpRequest &request) const
{
    // OpenID Connect's userinfo, as Salesforce serves it: who the session belongs to.
    const std::optional<QString> userId = sessionUser(request);
    if (!userId) {
        HttpResponse refused = HttpResponse::empty(403);
        refused.body = "Bad_OAuth_Token";
        refused.setHeader("Content-Type", "text/plain;charset=UTF-8");
        return refused;
    }
    QSqlQuery user(m_org.database().connection());
    user.prepare(u"SELECT \"Username\", \"Name\", \"FirstName\", \"LastName\", \"Email\", "
                 u"\"IsActive\", \"UserType\", \"TimeZoneSidKey\", \"LanguageLocaleKey\", "
                 u"\"LocaleSidKey\" FROM \"User\" WHERE \"Id\" = ?"_s);
    user.addBindValue(*userId);
    if (!user.exec() || !user.next()) {
        return ApiError::invalidSession();
    }
    const QString orgId = m_org.info().organizationId;
    return jsonResponse(
        200,
        QJsonObject{
            {u"sub"_s, QString(u"https://login.salesforce.com/id/"_s + orgId + u'/' + *userId)},
            {u"user_id"_s, *userId},
            {u"organization_id"_s, orgId},
            {u"preferred_username"_s, user.value(0).toString()},
            {u"name"_s, user.value(1).toString()},
            {u"given_name"_s, user.value(2).toString()},
            {u"family_name"_s, user.value(3).toString()},
            {u"email"_s, user.value(4).toString()},
            {u"email_verified"_s, true},
            {u"active"_s, user.value(5).toInt() != 0},
            {u"user_type"_s, user.value(6).toString().toUpper()},
            {u"zoneinfo"_s, user.value(7).toString()},
            {u"language"_s, user.value(8).toString()},
            {u"locale"_s, user.value(9).toString()}});
}

HttpResponse DemoOrgService::versions() const
{
    QJsonArray list;
    for (const QString &version : DemoOrg::apiVersions()) {
        list.append(QJsonObject{{u"label"_s, releaseLabel(version.section(u'.', 0, 0).toInt())},
                                {u"url"_s, QString(u"/services/data/v"_s + version)},
                                {u"version"_s, version}});
    }
    return HttpResponse::json(200, QJsonDocument(list).toJson(QJsonDocument::Compact));
}

HttpResponse DemoOrgService::authenticated(const HttpRequest &request,
                                           const QString &version,
                                           const QString &resource)
{
    const std::optional<QString> userId = sessionUser(request);
    if (!userId) {
        return ApiError::invalidSession();
    }
    Result<CallerPermissions> caller = CallerPermissions::load(m_org.database(), *userId);
    if (!caller) {
        return ApiError::response(500, caller.error());
    }
    if (!caller->isActive() || caller->isFrozen()) {
        return ApiError::invalidSession();
    }
    if (!caller->apiEnabled()) {
        return ApiError::response(
            403, u"API_DISABLED_FOR_ORG"_s, u"API is not enabled for this user"_s);
    }

    const QString method = QString::fromLatin1(request.method);
    HttpResponse response;
    if (auto fault = m_org.faults().take(
            method, request.path, {Fault::Kind::Status, Fault::Kind::Delay, Fault::Kind::Drop});
        fault && fault->kind != Fault::Kind::Delay) {
        if (fault->kind == Fault::Kind::Drop) {
            response.dropConnection = true;
            return response;
        }
        response = ApiError::response(fault->status, fault->errorCode, fault->message);
    } else {
        const qint64 used = m_org.countApiCall();
        if (used > m_org.dailyApiLimit()) {
            response = ApiError::response(
                403, u"REQUEST_LIMIT_EXCEEDED"_s, u"TotalRequests Limit exceeded."_s);
        } else {
            response = route(request, version, resource, caller.value());
        }
        if (fault) {
            response.delay = std::chrono::milliseconds(fault->delayMs);
        }
    }
    response.setHeader("Sforce-Limit-Info",
                       "api-usage=" + QByteArray::number(m_org.apiCallsToday()) + '/'
                           + QByteArray::number(m_org.dailyApiLimit()));
    if (isMutating(request.method)) {
        m_org.mutations().append(
            {0, m_org.clock().now(), method, request.path, *userId, response.status, request.body});
    }
    return response;
}

HttpResponse DemoOrgService::route(const HttpRequest &request,
                                   const QString &version,
                                   const QString &resource,
                                   const CallerPermissions &caller)
{
    const QStringList parts = resource.split(u'/', Qt::SkipEmptyParts);
    const QString head = parts.value(0);
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (parts.isEmpty()) {
        return get ? resources(version)
                   : ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    if (head == u"limits" && parts.size() == 1) {
        return get ? limits() : ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    if (head == u"query" || head == u"queryAll") {
        if (!get) {
            return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
        }
        if (parts.size() == 1) {
            return query(request, version, caller);
        }
        if (parts.size() == 2) {
            return queryMore(parts.at(1), version, caller);
        }
    }
    if (head == u"sobjects") {
        return sobjects(request, version, parts.mid(1), caller);
    }
    if (head == u"composite" && parts.value(1) == u"sobjects" && parts.size() <= 3) {
        return m_collections.handle(request, parts.value(2), caller, version);
    }
    return ApiError::notFound();
}

HttpResponse DemoOrgService::resources(const QString &version) const
{
    const QString base = u"/services/data/v"_s + version;
    QJsonObject json;
    for (const char *name : {"sobjects", "query", "queryAll", "limits", "composite"}) {
        json.insert(QLatin1String(name), QString(base + u'/' + QLatin1String(name)));
    }
    return jsonResponse(200, json);
}

HttpResponse DemoOrgService::limits() const
{
    const qint64 max = m_org.dailyApiLimit();
    const qint64 remaining = std::max<qint64>(0, max - m_org.apiCallsToday());
    auto limit = [](qint64 maximum, qint64 left) {
        return QJsonObject{{u"Max"_s, maximum}, {u"Remaining"_s, left}};
    };
    return jsonResponse(200,
                        QJsonObject{{u"DailyApiRequests"_s, limit(max, remaining)},
                                    {u"DailyAsyncApexExecutions"_s, limit(250000, 250000)},
                                    {u"DailyBulkApiBatches"_s, limit(15000, 15000)},
                                    {u"DailyBulkV2QueryJobs"_s, limit(10000, 10000)},
                                    {u"DailyWorkflowEmails"_s, limit(2000000, 2000000)},
                                    {u"SingleEmail"_s, limit(5000, 5000)},
                                    {u"MassEmail"_s, limit(5000, 5000)},
                                    {u"DataStorageMB"_s, limit(1024, 1000)},
                                    {u"FileStorageMB"_s, limit(10240, 10200)}});
}

HttpResponse DemoOrgService::query(const HttpRequest &request,
                                   const QString &version,
                                   const CallerPermissions &caller)
{
    const QString soql = request.queryValue(u"q");
    if (soql.trimmed().isEmpty()) {
        return ApiError::response(
            400, u"MALFORMED_QUERY"_s, u"A query string has to be specified"_s);
    }
    // Sforce-Query-Options: batchSize=1000 (200 to 2,000; a hint, as on Salesforce).
    int batchSize = 2000;
    const QByteArray options = request.header("Sforce-Query-Options");
    for (const QByteArray &option : options.split(',')) {
        const QList<QByteArray> pair = option.trimmed().split('=');
        if (pair.size() == 2
            && pair.at(0).trimmed().compare("batchSize", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const int requested = pair.at(1).trimmed().toInt(&ok);
            if (!ok) {
                return ApiError::response(400,
                                          u"INVALID_QUERY_OPTIONS"_s,
                                          u"batchSize must be a number from 200 to 2000"_s);
            }
            batchSize = requested;
        }
    }
    Result<QByteArray> page = m_cursors.run(soql, caller, batchSize, version);
    if (!page) {
        return ApiError::response(400, page.error());
    }
    return HttpResponse::json(200, page.value());
}

HttpResponse DemoOrgService::queryMore(const QString &locator,
                                       const QString &version,
                                       const CallerPermissions &caller)
{
    Result<QByteArray> page = m_cursors.more(locator, caller, version);
    if (!page) {
        return ApiError::response(400, page.error());
    }
    return HttpResponse::json(200, page.value());
}

HttpResponse DemoOrgService::sobjects(const HttpRequest &request,
                                      const QString &version,
                                      const QStringList &parts,
                                      const CallerPermissions &caller)
{
    const bool get = request.method == "GET" || request.method == "HEAD";
    if (parts.isEmpty()) {
        return get ? jsonResponse(200, SObjectDescriber::global(m_org.schema(), version))
                   : ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    const SObjectType *type = m_org.schema().object(parts.at(0));
    if (!type || !caller.readAccess(*type).readable) {
        return ApiError::response(404, u"NOT_FOUND"_s, u"The requested resource does not exist"_s);
    }
    if (parts.size() == 1) {
        if (get) {
            return jsonResponse(200, SObjectDescriber::basic(*type, version));
        }
        if (request.method != "POST") {
            return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
        }
        const QJsonDocument body = QJsonDocument::fromJson(request.body);
        if (!body.isObject()) {
            return ApiError::malformedRequest(u"The request body must be a JSON object."_s);
        }
        if (auto begun = m_store.begin(); !begun) {
            return ApiError::response(500, begun.error());
        }
        const RecordStore::SaveResult result = m_store.create(*type, body.object(), caller);
        if (!result.success()) {
            m_store.rollback();
            return saveErrors(result);
        }
        if (auto committed = m_store.commit(); !committed) {
            m_store.rollback();
            return ApiError::response(500, committed.error());
        }
        return jsonResponse(
            201,
            QJsonObject{{u"id"_s, result.id}, {u"success"_s, true}, {u"errors"_s, QJsonArray()}});
    }
    if (parts.size() == 2 && parts.at(1) == u"describe") {
        return get ? jsonResponse(200, SObjectDescriber::describe(*type, version))
                   : ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    if (parts.size() == 2) {
        return record(request, version, *type, parts.at(1), caller);
    }
    return ApiError::notFound();
}

HttpResponse DemoOrgService::record(const HttpRequest &request,
                                    const QString &version,
                                    const SObjectType &type,
                                    const QString &id,
                                    const CallerPermissions &caller)
{
    const QString id18 = SalesforceId::to18(id);
    if (id18.isEmpty()) {
        return ApiError::response(
            404,
            u"NOT_FOUND"_s,
            u"Provided external ID field does not exist or is not accessible: "_s + id.left(40));
    }
    if (request.method == "GET" || request.method == "HEAD") {
        QString fields = request.queryValue(u"fields");
        static const QRegularExpression fieldList(
            uR"(^\s*[A-Za-z0-9_.]+(\s*,\s*[A-Za-z0-9_.]+)*\s*$)"_s);
        if (fields.isEmpty()) {
            QStringList all;
            for (const SObjectField &field : type.fields()) {
                all.append(field.name);
            }
            fields = all.join(u", "_s);
        } else if (!fieldList.match(fields).hasMatch()) {
            return ApiError::response(
                400, u"INVALID_FIELD"_s, u"Invalid field list: "_s + fields.left(80));
        }
        qint64 count = 0;
        Result<QByteArray> found =
            m_cursors.records(u"SELECT %1 FROM %2 WHERE Id = '%3'"_s.arg(fields, type.name(), id18),
                              caller,
                              version,
                              &count);
        if (!found) {
            return ApiError::response(400, found.error());
        }
        if (count == 0) {
            return ApiError::notFound();
        }
        QByteArray body = found.value();
        return HttpResponse::json(200, body.mid(1, body.size() - 2));
    }
    RecordStore::SaveResult result;
    if (auto begun = m_store.begin(); !begun) {
        return ApiError::response(500, begun.error());
    }
    if (request.method == "PATCH") {
        const QJsonDocument body = QJsonDocument::fromJson(request.body);
        if (!body.isObject()) {
            m_store.rollback();
            return ApiError::malformedRequest(u"The request body must be a JSON object."_s);
        }
        result = m_store.update(type, id18, body.object(), caller);
    } else if (request.method == "DELETE") {
        result = m_store.remove(type, id18, caller);
    } else {
        m_store.rollback();
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    if (!result.success()) {
        m_store.rollback();
        const QString code = result.errors.constFirst().code;
        if (code == u"INVALID_CROSS_REFERENCE_KEY" && result.errors.constFirst().fields.isEmpty()) {
            return ApiError::notFound();
        }
        if (code == u"ENTITY_IS_DELETED") {
            return ApiError::response(404, result.errors.constFirst());
        }
        return saveErrors(result);
    }
    if (auto committed = m_store.commit(); !committed) {
        m_store.rollback();
        return ApiError::response(500, committed.error());
    }
    return HttpResponse::empty(204);
}

} // namespace lr::demo
