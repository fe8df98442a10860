#pragma once

#include <QString>

namespace lr::org {

// Values put into SOQL text, escaped as Salesforce reads them, so that nothing a person types
// can change a query.
class SoqlLiteral
{
public:
    // A string literal with its quotes: backslash, quote and line breaks escaped.
    [[nodiscard]] static QString text(const QString &value);
    // A quoted LIKE pattern for values that start with `prefix`: escaped like text(), its
    // own % and _ as \% and \_ (the characters, not wildcards), then the wildcard %.
    [[nodiscard]] static QString startsWith(const QString &prefix);

private:
    [[nodiscard]] static QString quoted(const QString &value, bool likePrefix);
};

} // namespace lr::org
