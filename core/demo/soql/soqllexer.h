#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace lr::demo {

// One lexical token of a SOQL statement.
struct SoqlToken
{
    enum class Kind {
        Identifier, // names and keywords (the parser tells them apart, case-insensitively)
        String,     // a quoted string; `text` holds the decoded value
        Number,     // an integer or decimal, optionally signed; `text` holds it as written
        Date,       // 2026-01-31
        DateTime,   // 2026-01-31T10:00:00Z, with optional .sss and a ±hh:mm offset
        Comma,
        Dot,
        LeftParen,
        RightParen,
        Colon,
        Operator, // = != <> < <= > >=; `text` holds it
        End,
    };

    Kind kind = Kind::End;
    qsizetype offset = 0; // UTF-16 index of the first character in the statement
    qsizetype length = 0;
    QString text;
    // Strings: the value as a LIKE pattern for SQLite's `ESCAPE '\'` (\% and \_ stay escaped,
    // a literal backslash is doubled), and whether \% or \_ occur, which only LIKE allows.
    QString likePattern;
    bool hasLikeEscape = false;

    // True for an identifier spelled `keyword`, in any case.
    [[nodiscard]] bool is(QLatin1StringView keyword) const;
    // The token as Salesforce quotes it in "unexpected token: '...'".
    [[nodiscard]] QString display(QStringView soql) const;
};

// Splits a SOQL statement into tokens. Whitespace separates tokens and is otherwise ignored.
// String literals accept Salesforce's escapes (\n \r \t \b \f \" \' \\ \uXXXX, and \% \_ for
// LIKE); any other backslash sequence is a MALFORMED_QUERY error, as it is in Salesforce.
class SoqlLexer
{
public:
    [[nodiscard]] static Result<QList<SoqlToken>> tokenize(QStringView soql);
};

} // namespace lr::demo
