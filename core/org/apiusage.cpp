#include "core/org/apiusage.h"

#include <QByteArray>
#include <QList>

namespace lr::org {

std::optional<ApiUsage> ApiUsage::fromLimitInfo(QByteArrayView header)
{
    // The header may carry several parts: "api-usage=18/5000, api-bursts=1/750".
    const QList<QByteArray> parts = header.toByteArray().split(',');
    for (const QByteArray &part : parts) {
        const QByteArray trimmed = part.trimmed();
        if (!trimmed.startsWith("api-usage=")) {
            continue;
        }
        const QList<QByteArray> numbers = trimmed.mid(10).split('/');
        if (numbers.size() != 2) {
            return std::nullopt;
        }
        bool usedOk = false;
        bool limitOk = false;
        ApiUsage usage;
        usage.used = numbers.at(0).trimmed().toLongLong(&usedOk);
        usage.limit = numbers.at(1).trimmed().toLongLong(&limitOk);
        if (!usedOk || !limitOk || usage.used < 0 || usage.limit < 0) {
            return std::nullopt;
        }
        return usage;
    }
    return std::nullopt;
}

} // namespace lr::org
