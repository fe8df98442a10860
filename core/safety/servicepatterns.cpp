#include "core/safety/servicepatterns.h"

#include <array>

namespace lr::safety {

namespace {

bool isLowerAsciiLetter(char16_t c)
{
    return c >= u'a' && c <= u'z';
}

// Whether one code unit of a value can stand for `c`, a character of a literal (lower-case
// ASCII), under PCRE's caseless matching. ASCII units compare by their lower case. A
// non-ASCII unit may stand for any letter: PCRE folds a few of them to ASCII letters (the
// Kelvin sign is a k, the long s an s), and treating them all alike is simpler and never
// misses; no non-ASCII character stands for a digit or punctuation.
bool canStandFor(char16_t unit, char16_t c)
{
    if (unit < 0x80) {
        const bool upper = unit >= u'A' && unit <= u'Z';
        return (upper ? static_cast<char16_t>(unit | 0x20) : unit) == c;
    }
    return isLowerAsciiLetter(c);
}

bool matchesAt(QStringView value, qsizetype at, QStringView literal)
{
    if (at < 0 || at + literal.size() > value.size()) {
        return false;
    }
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (!canStandFor(value[at + i].unicode(), literal[i].unicode())) {
            return false;
        }
    }
    return true;
}

// The last character of the literal that is not a letter ('@' of "integration@"), or -1.
// It has no other case, so a plain search finds where the literal can be.
qsizetype anchorOf(const QString &literal)
{
    for (qsizetype i = literal.size() - 1; i >= 0; --i) {
        if (!isLowerAsciiLetter(literal.at(i).unicode())) {
            return i;
        }
    }
    return -1;
}

} // namespace

ServicePatterns::ServicePatterns(const QStringList &patterns)
{
    for (const QString &pattern : patterns) {
        QRegularExpression regex(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid()) {
            continue;
        }
        regex.optimize(); // compile (and JIT) now rather than on the first user
        RequiredLiteral literal = RequiredLiteral::of(pattern);
        const qsizetype anchor = anchorOf(literal.text);
        m_patterns.append({pattern, regex, std::move(literal), anchor});
    }
}

QList<ServicePatterns::Match> ServicePatterns::matches(const scan::ScannedUser &user) const
{
    QList<Match> found;
    if (m_patterns.isEmpty()) {
        return found;
    }
    const std::array<std::pair<Field, const QString *>, 4> fields{{
        {Field::Username, &user.username},
        {Field::Email, &user.email},
        {Field::Alias, &user.alias},
        {Field::Name, &user.name},
    }};
    for (const auto &[field, value] : fields) {
        if (const Compiled *compiled = firstMatch(*value)) {
            found.append({field, *value, compiled->pattern});
        }
    }
    return found;
}

QStringList ServicePatterns::validPatterns() const
{
    QStringList patterns;
    for (const Compiled &compiled : m_patterns) {
        patterns.append(compiled.pattern);
    }
    return patterns;
}

const ServicePatterns::Compiled *ServicePatterns::firstMatch(const QString &value) const
{
    if (value.isEmpty()) {
        return nullptr;
    }
    for (const Compiled &compiled : m_patterns) {
        if (mayMatch(compiled, value) && compiled.regex.match(value).hasMatch()) {
            return &compiled;
        }
    }
    return nullptr;
}

bool ServicePatterns::mayMatch(const Compiled &compiled, QStringView value)
{
    const QStringView literal = compiled.literal.text;
    if (literal.isEmpty()) {
        return true;
    }
    if (compiled.literal.atStart) {
        return matchesAt(value, 0, literal);
    }
    if (compiled.anchor >= 0) {
        const QChar anchor = literal.at(compiled.anchor);
        for (qsizetype at = value.indexOf(anchor, compiled.anchor); at >= 0;
             at = value.indexOf(anchor, at + 1)) {
            if (matchesAt(value, at - compiled.anchor, literal)) {
                return true;
            }
        }
        return false;
    }
    for (qsizetype at = 0; at + literal.size() <= value.size(); ++at) {
        if (matchesAt(value, at, literal)) {
            return true;
        }
    }
    return false;
}

} // namespace lr::safety
