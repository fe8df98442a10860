#include "core/safety/servicepatterns.h"

#include <array>

namespace lr::safety {

namespace {

bool isAscii(QStringView value)
{
    char16_t any = 0;
    for (QChar c : value) {
        any |= c.unicode();
    }
    return any < 0x80;
}

// ASCII case folding of one code unit of an ASCII value.
char16_t folded(char16_t c)
{
    return static_cast<char16_t>(static_cast<unsigned>(c - u'A') < 26u ? c | 0x20 : c);
}

bool startsWithFolded(QStringView value, QStringView literal)
{
    if (literal.size() > value.size()) {
        return false;
    }
    for (qsizetype i = 0; i < literal.size(); ++i) {
        if (folded(value[i].unicode()) != literal[i].unicode()) {
            return false;
        }
    }
    return true;
}

bool containsFolded(QStringView value, QStringView literal)
{
    const char16_t first = literal.front().unicode();
    for (qsizetype i = 0; i + literal.size() <= value.size(); ++i) {
        if (folded(value[i].unicode()) == first
            && startsWithFolded(value.sliced(i + 1), literal.sliced(1))) {
            return true;
        }
    }
    return false;
}

// Whether `value` can match a pattern that requires `literal`; true when it cannot tell.
bool mayMatch(QStringView value, bool ascii, const RequiredLiteral &literal)
{
    if (literal.isEmpty() || !ascii) {
        return true;
    }
    return literal.atStart ? startsWithFolded(value, literal.text)
                           : containsFolded(value, literal.text);
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
        m_patterns.append({pattern, regex, RequiredLiteral::of(pattern)});
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
    const bool ascii = isAscii(value);
    for (const Compiled &compiled : m_patterns) {
        if (mayMatch(value, ascii, compiled.literal) && compiled.regex.match(value).hasMatch()) {
            return &compiled;
        }
    }
    return nullptr;
}

} // namespace lr::safety
