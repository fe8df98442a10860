#include "core/demo/schema/sobjectfield.h"

namespace lr::demo {

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Id:
        return QStringLiteral("id");
    case FieldType::Reference:
        return QStringLiteral("reference");
    case FieldType::String:
        return QStringLiteral("string");
    case FieldType::Email:
        return QStringLiteral("email");
    case FieldType::Phone:
        return QStringLiteral("phone");
    case FieldType::Url:
        return QStringLiteral("url");
    case FieldType::TextArea:
        return QStringLiteral("textarea");
    case FieldType::Picklist:
        return QStringLiteral("picklist");
    case FieldType::MultiPicklist:
        return QStringLiteral("multipicklist");
    case FieldType::Boolean:
        return QStringLiteral("boolean");
    case FieldType::Int:
        return QStringLiteral("int");
    case FieldType::Double:
        return QStringLiteral("double");
    case FieldType::Currency:
        return QStringLiteral("currency");
    case FieldType::Percent:
        return QStringLiteral("percent");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::DateTime:
        return QStringLiteral("datetime");
    }
    return QStringLiteral("anyType");
}

bool isTextType(FieldType type)
{
    switch (type) {
    case FieldType::Id:
    case FieldType::Reference:
    case FieldType::String:
    case FieldType::Email:
    case FieldType::Phone:
    case FieldType::Url:
    case FieldType::TextArea:
    case FieldType::Picklist:
    case FieldType::MultiPicklist:
        return true;
    default:
        return false;
    }
}

bool isNumericType(FieldType type)
{
    return type == FieldType::Int || type == FieldType::Double || type == FieldType::Currency
           || type == FieldType::Percent;
}

} // namespace lr::demo
