#pragma once

#include <QString>
#include <QStringView>

namespace lr::org {

// The shape of Salesforce record ids, checked before an id goes into a query or a record.
class RecordId
{
public:
    static constexpr QStringView kUserPrefix = u"005";
    static constexpr QStringView kProfilePrefix = u"00e";

    // Whether `id` looks like a Salesforce id with this 3-character key prefix (any prefix
    // when empty): 15 or 18 letters and digits.
    [[nodiscard]] static bool isOf(const QString &id, QStringView keyPrefix);
};

} // namespace lr::org
