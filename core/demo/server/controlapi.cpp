#include "core/demo/server/controlapi.h"

#include "core/demo/demoorg.h"
#include "core/demo/server/apierror.h"
#include "core/demo/store/fieldvaluecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

HttpResponse jsonResponse(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return HttpResponse::json(200, doc.toJson(QJsonDocument::Compact));
}

HttpResponse badRequest(const QString &message)
{
    return ApiError::response(400, u"INVALID_CONTROL_REQUEST"_s, message);
}

std::optional<QJsonObject> objectBody(const HttpRequest &request, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"The body must be a JSON object (%1)."_s.arg(parseError.errorString());
        return std::nullopt;
    }
    return doc.object();
}

} // namespace

ControlApi::ControlApi(DemoOrg &org)
    : m_org(org)
{ }

HttpResponse ControlApi::handle(const HttpRequest &request, const QString &resource)
{
    if (resource == u"faults") {
        return faults(request);
    }
    if (resource == u"clock") {
        return clock(request);
    }
    if (resource == u"mutations") {
        return mutations(request);
    }
    return ApiError::notFound();
}

HttpResponse ControlApi::faults(const HttpRequest &request)
{
    if (request.method == "GET") {
        QJsonArray list;
        for (const Fault &fault : m_org.faults().pending()) {
            list.append(fault.toJson());
        }
        return jsonResponse(list);
    }
    if (request.method == "DELETE") {
        m_org.faults().clear();
        return HttpResponse::empty(204);
    }
    if (request.method != "POST") {
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    QString error;
    const auto body = objectBody(request, &error);
    if (!body) {
        return badRequest(error);
    }
    const auto fault = Fault::fromJson(*body, &error);
    if (!fault) {
        return badRequest(error);
    }
    const int id = m_org.faults().add(*fault);
    return jsonResponse(QJsonObject{{u"id"_s, id}});
}

HttpResponse ControlApi::clock(const HttpRequest &request)
{
    if (request.method == "POST") {
        QString error;
        const auto body = objectBody(request, &error);
        if (!body) {
            return badRequest(error);
        }
        if (body->value(u"reset"_s).toBool()) {
            m_org.clock().reset();
        } else if (body->contains(u"advanceSeconds"_s)) {
            if (!body->value(u"advanceSeconds"_s).isDouble()) {
                return badRequest(u"'advanceSeconds' must be a number."_s);
            }
            m_org.clock().advance(static_cast<qint64>(body->value(u"advanceSeconds"_s).toDouble()));
        } else {
            const auto now = FieldValueCodec::parseDateTime(body->value(u"now"_s).toString());
            if (!now) {
                return badRequest(u"'now' must be an ISO 8601 date-time such as "
                                  u"2027-01-31T09:00:00Z."_s);
            }
            m_org.clock().setNow(*now);
        }
    } else if (request.method != "GET") {
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    return jsonResponse(
        QJsonObject{{u"now"_s, FieldValueCodec::formatDateTime(m_org.clock().now())}});
}

HttpResponse ControlApi::mutations(const HttpRequest &request)
{
    if (request.method == "DELETE") {
        m_org.mutations().clear();
        return HttpResponse::empty(204);
    }
    if (request.method != "GET") {
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    return jsonResponse(m_org.mutations().toJson());
}

} // namespace lr::demo
