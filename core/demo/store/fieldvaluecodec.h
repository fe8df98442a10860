#pragma once

#include "core/common/result.h"
#include "core/demo/schema/sobjectfield.h"

#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QVariant>

#include <optional>

namespace lr::demo {

// How field values travel between JSON (the REST API), SQLite (the store) and SOQL literals.
// In SQLite: booleans are 0/1, numbers are INTEGER or REAL, dates are 'YYYY-MM-DD' and
// datetimes are UTC text in Salesforce's own format, 'YYYY-MM-DDTHH:MM:SS.sss+0000', which
// sorts and compares correctly as text.
class FieldValueCodec
{
public:
    [[nodiscard]] static QString formatDateTime(const QDateTime &dateTime);
    [[nodiscard]] static QString formatDate(QDate date);
    // Accepts 2026-01-31T10:00:00Z, ...00.000+0000, ...00+01:00 and similar ISO 8601 forms.
    [[nodiscard]] static std::optional<QDateTime> parseDateTime(QStringView text);
    [[nodiscard]] static std::optional<QDate> parseDate(QStringView text);

    // A stored value as the REST API returns it (null, bool, number or string).
    [[nodiscard]] static QJsonValue toJson(const SObjectField &field, const QVariant &stored);

    // A value from a request body, checked against the field (type, length, picklist and
    // multi-select picklist values, number precision and scale, range, required) and converted
    // for storage: numbers rounded to the field's scale, a multi-select picklist's values
    // de-duplicated in the field's order. Errors carry Salesforce's statusCode
    // (JSON_PARSER_ERROR, STRING_TOO_LONG, INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
    // REQUIRED_FIELD_MISSING, NUMBER_OUTSIDE_VALID_RANGE) and name the field.
    [[nodiscard]] static Result<QVariant> fromJson(const SObjectField &field,
                                                   const QJsonValue &value);

    // The SQLite column type for a field type.
    [[nodiscard]] static QString sqlType(FieldType type);
};

} // namespace lr::demo
