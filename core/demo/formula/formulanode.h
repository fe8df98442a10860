#pragma once

#include "core/demo/formula/formulavalue.h"
#include "core/demo/schema/sobjectfield.h"

#include <QString>

#include <memory>
#include <vector>

namespace lr::demo {

// One node of a compiled formula. The parser checks every node's type, so evaluation never
// meets a type it does not expect.
struct FormulaNode
{
    enum class Kind {
        Literal,  // `literal`
        Field,    // the record's field `name` (canonical API name) of `fieldType`
        Function, // `name` (upper case) applied to `arguments`
        Unary,    // `name` is "-" or "!"
        Binary,   // `name` is the operator: + - * / & = <> < <= > >= && ||
    };

    Kind kind = Kind::Literal;
    FormulaType type = FormulaType::Null; // the type the node evaluates to
    FormulaValue literal;
    QString name;
    FieldType fieldType = FieldType::String;
    std::vector<std::shared_ptr<const FormulaNode>> arguments;
};

} // namespace lr::demo
