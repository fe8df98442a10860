#include "core/demo/store/fieldvaluecodec.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error fieldError(const QString &code, const QString &message, const SObjectField &field)
{
    Error e = Error::make(Error::Kind::Remote, code, message);
    e.fields = {field.name};
    return e;
}

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"VALUE_TRUE/VALUE_FALSE"_s;
    case QJsonValue::Double:
        return u"VALUE_NUMBER"_s;
    case QJsonValue::String:
        return u"VALUE_STRING"_s;
    case QJsonValue::Array:
        return u"START_ARRAY"_s;
    case QJsonValue::Object:
        return u"START_OBJECT"_s;
    default:
        return u"VALUE_NULL"_s;
    }
}

Error typeMismatch(const SObjectField &field, const QJsonValue &value)
{
    return fieldError(u"JSON_PARSER_ERROR"_s,
                      u"Cannot deserialize instance of %1 from %2 value for field %3"_s.arg(
                          fieldTypeName(field.type), jsonTypeName(value), field.name),
                      field);
}

Error badPicklistValue(const SObjectField &field, const QString &value)
{
    return fieldError(
        u"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"_s,
        u"%1: bad value for restricted picklist field: %2"_s.arg(field.name, value.left(40)),
        field);
}

// A multi-select picklist value: values separated by ';'. Salesforce drops duplicates and
// keeps the values in the order the field defines them; an empty value is blank.
Result<QVariant> multiPicklist(const SObjectField &field, const QString &text, bool restricted)
{
    QStringList chosen;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString value = part.trimmed();
        if (restricted && !field.picklistValues.contains(value)) {
            return badPicklistValue(field, value);
        }
        if (!value.isEmpty() && !chosen.contains(value)) {
            chosen.append(value);
        }
    }
    if (chosen.isEmpty()) {
        return QVariant();
    }
    std::stable_sort(chosen.begin(), chosen.end(), [&field](const QString &a, const QString &b) {
        const auto rank = [&field](const QString &v) {
            const qsizetype index = field.picklistValues.indexOf(v);
            return index < 0 ? field.picklistValues.size() : index;
        };
        return rank(a) < rank(b);
    });
    return QVariant(chosen.join(u';'));
}

} // namespace

QString FieldValueCodec::formatDateTime(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u"+0000"_s;
}

QString FieldValueCodec::formatDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

std::optional<QDateTime> FieldValueCodec::parseDateTime(QStringView text)
{
    static const QRegularExpression pattern(uR"(^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}))"
                                            uR"((?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$)"_s);
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(
        m.capturedView(1).toInt(), m.capturedView(2).toInt(), m.capturedView(3).toInt());
    QString millis = m.captured(7);
    while (!millis.isEmpty() && millis.size() < 3) {
        millis += u'0';
    }
    const QTime time(m.capturedView(4).toInt(),
                     m.capturedView(5).toInt(),
                     m.capturedView(6).toInt(),
                     millis.isEmpty() ? 0 : millis.toInt());
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    int offsetSeconds = 0;
    const QString zone = m.captured(8);
    if (zone != u"Z") {
        QString digits = zone.mid(1);
        digits.remove(u':');
        offsetSeconds = (digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60)
                        * (zone.startsWith(u'-') ? -1 : 1);
    }
    return QDateTime(date, time, QTimeZone(offsetSeconds)).toUTC();
}

std::optional<QDate> FieldValueCodec::parseDate(QStringView text)
{
    static const QRegularExpression pattern(uR"(^\d{4}-\d{2}-\d{2}$)"_s);
    if (!pattern.match(text.toString()).hasMatch()) {
        return std::nullopt;
    }
    const QDate date = QDate::fromString(text.toString(), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

QJsonValue FieldValueCodec::toJson(const SObjectField &field, const QVariant &stored)
{
    if (stored.isNull() || !stored.isValid()) {
        return QJsonValue::Null;
    }
    switch (field.type) {
    case FieldType::Boolean:
        return stored.toLongLong() != 0;
    case FieldType::Int:
        return stored.toLongLong();
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        return stored.toDouble();
    default:
        return stored.toString();
    }
}

Result<QVariant> FieldValueCodec::fromJson(const SObjectField &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined()) {
        if (!field.nillable && field.type != FieldType::Boolean) {
            return fieldError(u"REQUIRED_FIELD_MISSING"_s,
                              u"Required fields are missing: [%1]"_s.arg(field.name),
                              field);
        }
        if (field.type == FieldType::Boolean) {
            return typeMismatch(field, value);
        }
        return QVariant();
    }
    switch (field.type) {
    case FieldType::Boolean:
        if (!value.isBool()) {
            return typeMismatch(field, value);
        }
        return QVariant(value.toBool() ? 1 : 0);
    case FieldType::Int:
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent: {
        if (!value.isDouble()) {
            return typeMismatch(field, value);
        }
        double number = value.toDouble();
        if (field.type == FieldType::Int && std::floor(number) != number) {
            return typeMismatch(field, value);
        }
        if (field.precision > 0 && field.type != FieldType::Int) {
            // Salesforce rounds to the field's scale (half away from zero) and refuses a value
            // with more digits before the point than precision - scale allows.
            const double factor = std::pow(10.0, field.scale);
            const double rounded = std::round(number * factor) / factor;
            if (std::abs(rounded) >= std::pow(10.0, field.precision - field.scale)) {
                return fieldError(u"NUMBER_OUTSIDE_VALID_RANGE"_s,
                                  u"%1: value outside of valid range on numeric field: %2"_s.arg(
                                      field.name, QString::number(number, 'g', 17)),
                                  field);
            }
            number = rounded;
        }
        if (field.hasRange() && (number < field.minimum || number > field.maximum)) {
            return fieldError(u"NUMBER_OUTSIDE_VALID_RANGE"_s,
                              u"%1: value %2 is outside the valid range %3 to %4"_s.arg(
                                  field.name,
                                  QString::number(number),
                                  QString::number(field.minimum),
                                  QString::number(field.maximum)),
                              field);
        }
        if (field.type == FieldType::Int) {
            return QVariant(static_cast<qlonglong>(number));
        }
        return QVariant(number);
    }
    case FieldType::Date: {
        const auto date = value.isString() ? parseDate(value.toString()) : std::nullopt;
        if (!date) {
            return typeMismatch(field, value);
        }
        return QVariant(formatDate(*date));
    }
    case FieldType::DateTime: {
        const auto dateTime = value.isString() ? parseDateTime(value.toString()) : std::nullopt;
        if (!dateTime) {
            return typeMismatch(field, value);
        }
        return QVariant(formatDateTime(*dateTime));
    }
    default:
        break;
    }
    if (!value.isString()) {
        return typeMismatch(field, value);
    }
    const QString text = value.toString();
    if (field.length > 0 && text.size() > field.length) {
        return fieldError(u"STRING_TOO_LONG"_s,
                          u"%1: data value too large: %2 (max length=%3)"_s.arg(
                              field.name, text.left(40), QString::number(field.length)),
                          field);
    }
    const bool restricted = field.restrictedPicklist && !field.picklistValues.isEmpty();
    if (field.type == FieldType::Picklist && restricted && !text.isEmpty()
        && !field.picklistValues.contains(text)) {
        return badPicklistValue(field, text);
    }
    if (!field.nillable && text.isEmpty()) {
        return fieldError(u"REQUIRED_FIELD_MISSING"_s,
                          u"Required fields are missing: [%1]"_s.arg(field.name),
                          field);
    }
    if (field.type == FieldType::MultiPicklist) {
        return multiPicklist(field, text, restricted);
    }
    if (text.isEmpty() && (field.type == FieldType::Picklist || field.name.endsWith(u"__c"))) {
        return QVariant(); // Salesforce stores "" as blank (so unique fields ignore it, too)
    }
    return QVariant(text);
}

QString FieldValueCodec::sqlType(FieldType type)
{
    switch (type) {
    case FieldType::Boolean:
    case FieldType::Int:
        return u"INTEGER"_s;
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        return u"REAL"_s;
    default:
        return u"TEXT"_s;
    }
}

} // namespace lr::demo
