#pragma once

#include <QString>
#include <QStringList>

namespace lr::demo {

// The field types of the Salesforce describe API that the demo org stores.
enum class FieldType {
    Id,
    Reference,
    String,
    Email,
    Phone,
    Url,
    TextArea,
    Picklist,
    MultiPicklist,
    Boolean,
    Int,
    Double,
    Currency,
    Percent,
    Date,
    DateTime,
};

// The describe API name of a type ("reference", "datetime", ...).
[[nodiscard]] QString fieldTypeName(FieldType type);
[[nodiscard]] bool isTextType(FieldType type);
[[nodiscard]] bool isNumericType(FieldType type);

// One field of an sObject, as a describe call reports it.
struct SObjectField
{
    QString name; // canonical API name, e.g. "LastLoginDate"
    FieldType type = FieldType::String;
    QString label;
    // Reference fields: the parent object and the relationship name used in SOQL paths
    // ("ProfileId" -> "Profile"). Empty otherwise.
    QString referenceTo;
    QString relationshipName;
    int length = 0;       // text length; 0 for non-text types
    int precision = 0;    // numbers: total digits
    int scale = 0;        // numbers: digits after the point
    bool nillable = true; // may be null
    bool createable = false;
    bool updateable = false;
    bool defaultedOnCreate = false;
    bool externalId = false;
    bool unique = false;
    QStringList picklistValues; // for Picklist / MultiPicklist; restricted when non-empty
    // Custom number fields: the range a value must stay within (inclusive); unused when
    // minimum > maximum.
    double minimum = 1.0;
    double maximum = 0.0;

    [[nodiscard]] bool isReference() const { return type == FieldType::Reference; }
    [[nodiscard]] bool hasRange() const { return minimum <= maximum; }
};

} // namespace lr::demo
