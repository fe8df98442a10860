#pragma once

#include "core/safety/requiredliteral.h"
#include "core/scan/scanneduser.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace lr::safety {

// The service-account patterns of SafetySettings, compiled once (per ReclaimPreview::build,
// through CheckCache) and matched case-insensitively against a user's username, email,
// alias and name. A pattern that does not compile never matches; SafetySettings::validate()
// is where an admin hears about it.
//
// Matching is a hot spot of a preview over 100,000 users: each QRegularExpression call costs
// over 100 ns before it reads a character. So each pattern carries the literal every match
// must contain (RequiredLiteral), and the expression only runs on the few values that could
// contain it, reading any non-ASCII character as a possible letter since PCRE folds some of
// them to ASCII (the Kelvin sign matches "k").
class ServicePatterns
{
public:
    enum class Field {
        Username,
        Email,
        Alias,
        Name,
    };

    struct Match
    {
        Field field = Field::Username;
        QString value;   // the field's value
        QString pattern; // the first pattern, in settings order, that matched it
    };

    ServicePatterns() = default;
    explicit ServicePatterns(const QStringList &patterns);

    // One match per field that any valid pattern matches, in field order.
    [[nodiscard]] QList<Match> matches(const scan::ScannedUser &user) const;
    // The patterns that compiled, in settings order.
    [[nodiscard]] QStringList validPatterns() const;

private:
    struct Compiled
    {
        QString pattern;
        QRegularExpression regex;
        RequiredLiteral literal;
        qsizetype anchor = -1; // a non-letter in the literal, found by a plain search
    };

    [[nodiscard]] const Compiled *firstMatch(const QString &value) const;
    // False only when the value cannot contain the pattern's literal.
    [[nodiscard]] static bool mayMatch(const Compiled &compiled, QStringView value);

    QList<Compiled> m_patterns;
};

} // namespace lr::safety
