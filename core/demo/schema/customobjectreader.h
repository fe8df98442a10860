#pragma once

#include "core/common/result.h"
#include "core/demo/schema/sobjecttype.h"

#include <QString>

namespace lr::demo {

// Reads one custom object of an SFDX source tree, the folder objects/<Object>/ with
// <Object>.object-meta.xml, fields/*.field-meta.xml and validationRules/*.validationRule-meta.xml,
// into an SObjectType: the standard fields every custom object has (Id, OwnerId, Name,
// CreatedDate, CreatedById, LastModifiedDate, LastModifiedById, SystemModstamp), then the
// custom fields in file-name order, then the validation rules with their formulas compiled.
//
// Supported field types: Text, TextArea, LongTextArea, Email, Phone, Url, Number, Currency,
// Percent, Checkbox, Date, DateTime, Picklist, MultiselectPicklist and Lookup. Anything else,
// an element the demo org does not understand, a default value that is not a literal, or a
// formula outside FormulaParser's subset is an error naming the file and the element: the
// metadata must never hold something the demo org silently ignores.
class CustomObjectReader
{
public:
    [[nodiscard]] static Result<SObjectType>
    read(const QString &directory, const QString &displayDirectory, const QString &keyPrefix);
};

} // namespace lr::demo
