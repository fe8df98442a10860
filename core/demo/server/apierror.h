#pragma once

#include "core/common/error.h"
#include "core/http/httpexchange.h"

#include <QStringList>

namespace lr::demo {

// Salesforce's REST error answers: a JSON array of {"message", "errorCode", "fields"}.
class ApiError
{
public:
    [[nodiscard]] static HttpResponse response(int status,
                                               const QString &errorCode,
                                               const QString &message,
                                               const QStringList &fields = {});
    // An lr::Error from the store or the SOQL compiler as Salesforce would send it.
    [[nodiscard]] static HttpResponse response(int status, const Error &error);

    [[nodiscard]] static HttpResponse invalidSession();
    [[nodiscard]] static HttpResponse notFound();
    [[nodiscard]] static HttpResponse malformedRequest(const QString &message);
    [[nodiscard]] static HttpResponse methodNotAllowed(const QString &method);
};

} // namespace lr::demo
