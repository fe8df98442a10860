#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace lr::demo {

// One lexical token of a Salesforce formula.
struct FormulaToken
{
    enum class Kind {
        Identifier, // a field or function name; may contain '.' and '$' (rejected later)
        Number,     // 12, 0.5; `text` holds it as written
        String,     // 'text' or "text"; `text` holds the decoded value
        Operator,   // + - * / ^ & = == <> != < <= > >= && || !
        LeftParen,
        RightParen,
        Comma,
        End,
    };

    Kind kind = Kind::End;
    qsizetype offset = 0; // UTF-16 index of the first character in the formula
    QString text;
};

// Splits a formula into tokens. Whitespace and /* comments */ separate tokens; string literals
// accept the escapes \' \" \\ \n \r \t. Errors are FORMULA_SYNTAX and give the position.
class FormulaLexer
{
public:
    [[nodiscard]] static Result<QList<FormulaToken>> tokenize(QStringView formula);
};

} // namespace lr::demo
