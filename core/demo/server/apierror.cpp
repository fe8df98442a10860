#include "core/demo/server/apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::demo {

HttpResponse ApiError::response(int status,
                                const QString &errorCode,
                                const QString &message,
                                const QStringList &fields)
{
    QJsonObject error{{u"message"_s, message}, {u"errorCode"_s, errorCode}};
    if (!fields.isEmpty()) {
        error.insert(u"fields"_s, QJsonArray::fromStringList(fields));
    }
    return HttpResponse::json(status,
                              QJsonDocument(QJsonArray{error}).toJson(QJsonDocument::Compact));
}

HttpResponse ApiError::response(int status, const Error &error)
{
    return response(status, error.code, error.message, error.fields);
}

HttpResponse ApiError::invalidSession()
{
    HttpResponse r = response(401, u"INVALID_SESSION_ID"_s, u"Session expired or invalid"_s);
    r.setHeader("WWW-Authenticate", "Token");
    return r;
}

HttpResponse ApiError::notFound()
{
    return response(404, u"NOT_FOUND"_s, u"The requested resource does not exist"_s);
}

HttpResponse ApiError::malformedRequest(const QString &message)
{
    return response(400, u"JSON_PARSER_ERROR"_s, message);
}

HttpResponse ApiError::methodNotAllowed(const QString &method)
{
    return response(
        405,
        u"METHOD_NOT_ALLOWED"_s,
        u"HTTP Method '%1' not allowed. Allowed are GET,HEAD,PATCH,POST,DELETE"_s.arg(method));
}

} // namespace lr::demo
