#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

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

// What happens to a lookup when the record it points to is deleted (CustomField's
// deleteConstraint). Restrict refuses the delete while a record still points to it.
enum class DeleteConstraint {
    SetNull,
    Restrict,
};

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
    // Text fields marked unique: whether "ABC" and "abc" are different values.
    bool caseSensitive = false;
    QStringList picklistValues; // for Picklist / MultiPicklist
    // A restricted picklist accepts only picklistValues; an unrestricted one accepts any text.
    bool restrictedPicklist = true;
    // The value a create gets when it does not name the field, in the store's form (booleans
    // 0/1, numbers, text; "a;b" for a multi-select picklist); invalid when there is none.
    QVariant defaultValue;
    DeleteConstraint deleteConstraint = DeleteConstraint::SetNull; // lookups
    // Documentation from the metadata: the description and the help text users see.
    QString description;
    QString inlineHelpText;
    // Custom number fields: the range a value must stay within (inclusive); unused when
    // minimum > maximum.
    double minimum = 1.0;
    double maximum = 0.0;

    [[nodiscard]] bool isReference() const { return type == FieldType::Reference; }
    [[nodiscard]] bool hasRange() const { return minimum <= maximum; }
};

} // namespace lr::demo
