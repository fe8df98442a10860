#pragma once

#include <QString>

namespace lr::demo {

// The types of Salesforce's formula language that the demo org's validation rules use.
// Picklist and MultiPicklist are the types of picklist fields: Salesforce lets them appear
// only inside a few functions (ISPICKVAL, INCLUDES, ISBLANK, ISCHANGED, PRIORVALUE, TEXT).
enum class FormulaType {
    Null, // the NULL literal; fits wherever any type is expected
    Boolean,
    Number,
    Text,
    Date,
    DateTime,
    Picklist,
    MultiPicklist,
};

// One value computed by a formula. A blank value (an empty field) has `blank` set; ISBLANK also
// counts empty text as blank, as Salesforce does. Dates and datetimes are their stored ISO text,
// which orders correctly.
struct FormulaValue
{
    FormulaType type = FormulaType::Null;
    bool blank = true;
    bool boolean = false;
    double number = 0.0;
    QString text;

    [[nodiscard]] static FormulaValue null() { return {}; }
    [[nodiscard]] static FormulaValue fromBool(bool value)
    {
        FormulaValue v;
        v.type = FormulaType::Boolean;
        v.blank = false;
        v.boolean = value;
        return v;
    }
    [[nodiscard]] static FormulaValue fromNumber(double value)
    {
        FormulaValue v;
        v.type = FormulaType::Number;
        v.blank = false;
        v.number = value;
        return v;
    }
    [[nodiscard]] static FormulaValue fromText(QString value, FormulaType type = FormulaType::Text)
    {
        FormulaValue v;
        v.type = type;
        v.blank = false;
        v.text = std::move(value);
        return v;
    }
    [[nodiscard]] static FormulaValue blankOf(FormulaType type)
    {
        FormulaValue v;
        v.type = type;
        return v;
    }

    // True for a Boolean true; a blank or non-Boolean value is false.
    [[nodiscard]] bool isTrue() const { return type == FormulaType::Boolean && !blank && boolean; }
    // Blank text and "" are the same to ISBLANK.
    [[nodiscard]] bool isBlank() const { return blank || (isTextual() && text.isEmpty()); }
    [[nodiscard]] bool isTextual() const
    {
        return type == FormulaType::Text || type == FormulaType::Picklist
               || type == FormulaType::MultiPicklist;
    }
};

// The name Salesforce's formula errors use for a type ("Number", "Text", ...).
[[nodiscard]] inline QString formulaTypeName(FormulaType type)
{
    switch (type) {
    case FormulaType::Null:
        return QStringLiteral("Null");
    case FormulaType::Boolean:
        return QStringLiteral("Boolean");
    case FormulaType::Number:
        return QStringLiteral("Number");
    case FormulaType::Text:
        return QStringLiteral("Text");
    case FormulaType::Date:
        return QStringLiteral("Date");
    case FormulaType::DateTime:
        return QStringLiteral("Date/Time");
    case FormulaType::Picklist:
        return QStringLiteral("Picklist");
    case FormulaType::MultiPicklist:
        return QStringLiteral("Multi-Select Picklist");
    }
    return {};
}

} // namespace lr::demo
