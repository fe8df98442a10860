#include "core/org/recordid.h"

#include <algorithm>

namespace lr::org {

bool RecordId::isOf(const QString &id, QStringView keyPrefix)
{
    if ((id.size() != 15 && id.size() != 18) || !id.startsWith(keyPrefix)) {
        return false;
    }
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    });
}

} // namespace lr::org
