#pragma once

#include "core/common/result.h"
#include "core/demo/formula/formulanode.h"

#include <QStringView>

#include <memory>

namespace lr::demo {

class SObjectType;

// Parses a Salesforce formula against the fields of one object and checks its types the way
// Salesforce does when a validation rule is saved (picklist fields only inside ISPICKVAL,
// INCLUDES, ISBLANK, ISNULL, ISCHANGED, PRIORVALUE and TEXT; no Number compared with Text ...).
//
// The subset: literals (numbers, 'text' and "text", TRUE, FALSE, NULL), field references,
// the operators + - * / ^ & = == <> != < <= > >= && || ! and unary minus, parentheses, and the
// functions in FormulaParser::functions(). Anything else Salesforce accepts (cross-object
// paths, $User and other globals, other functions) is refused with FORMULA_UNSUPPORTED, so a
// rule the demo org cannot evaluate fails loudly instead of passing in silence. Malformed
// formulas and type errors are FORMULA_SYNTAX. Messages give the character position.
class FormulaParser
{
public:
    [[nodiscard]] static Result<std::shared_ptr<const FormulaNode>> parse(QStringView formula,
                                                                          const SObjectType &type);

    // The functions of the subset, upper case.
    [[nodiscard]] static QStringList functions();
};

} // namespace lr::demo
