#pragma once

#include <QString>
#include <QStringView>

namespace lr::safety {

// A run of characters that every match of a regular expression must contain, read from the
// pattern itself, so that ServicePatterns can rule out most subjects without running the
// expression (a QRegularExpression call costs more than all ten checks together).
//
// The reading is deliberately narrow, because a literal that is not truly required would
// hide a service account: it understands plain and escaped characters, classes, groups and
// quantifiers at the top level, and it gives up (an empty literal, so the expression always
// runs) on anything else: alternation at the top level, \Q…\E, backtracking verbs, option
// settings, conditionals, escapes that take an argument, POSIX classes.
struct RequiredLiteral
{
    QString text;         // lower-case ASCII; empty when no literal could be proven
    bool atStart = false; // the pattern begins with ^ and then `text`

    [[nodiscard]] bool isEmpty() const { return text.isEmpty(); }

    // For a pattern matched case-insensitively, without multi-line or extended syntax (the
    // options ServicePatterns compiles with).
    [[nodiscard]] static RequiredLiteral of(QStringView pattern);
};

} // namespace lr::safety
