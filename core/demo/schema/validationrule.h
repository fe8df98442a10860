#pragma once

#include "core/demo/formula/formula.h"

#include <QString>

namespace lr::demo {

// A validation rule of a custom object, as the ValidationRule metadata type defines it. When
// `condition` evaluates to true for a record being saved, the save fails with
// FIELD_CUSTOM_VALIDATION_EXCEPTION, `errorMessage` and `errorDisplayField` as its field.
struct ValidationRule
{
    QString name; // fullName, e.g. "Version_Conflict"
    bool active = true;
    QString description;
    Formula condition; // errorConditionFormula, compiled against the object
    QString errorMessage;
    QString errorDisplayField; // empty: the error belongs to the record, not a field
};

} // namespace lr::demo
