#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace lr::org {

// Today's API usage of the org, as Salesforce reports it on every REST response in
// `Sforce-Limit-Info: api-usage=USED/LIMIT`.
struct ApiUsage
{
    qint64 used = 0;
    qint64 limit = 0;

    [[nodiscard]] qint64 remaining() const { return limit > used ? limit - used : 0; }
    [[nodiscard]] double share() const { return limit > 0 ? double(used) / double(limit) : 0.0; }

    // Reads the header's value; nothing when it has no well-formed api-usage part.
    [[nodiscard]] static std::optional<ApiUsage> fromLimitInfo(QByteArrayView header);
};

} // namespace lr::org
