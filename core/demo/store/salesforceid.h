#pragma once

#include <QString>
#include <QStringView>

namespace lr::demo {

// Salesforce record ids: a 3-character key prefix, 12 characters that make the id unique,
// and, in the 18-character form, a 3-character suffix that encodes the case of the first 15.
class SalesforceId
{
public:
    // The 18-character id for the `serial`-th record with this key prefix.
    [[nodiscard]] static QString make(QStringView keyPrefix, quint64 serial);
    // The case-checksum suffix of a 15-character id.
    [[nodiscard]] static QString checksum(QStringView id15);
    // A 15- or 18-character id converted to 18 characters; empty when malformed.
    [[nodiscard]] static QString to18(QStringView id);
    // True for a well-formed 15- or 18-character id (characters and checksum).
    [[nodiscard]] static bool isValid(QStringView id);
};

} // namespace lr::demo
