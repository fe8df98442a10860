#pragma once

#include <QList>
#include <QString>

namespace lr::safety {

// What a safety check found about a user: red blocks the user from any reclaim; amber warns
// and needs an explicit confirmation before a live action.
struct Finding
{
    enum class Severity {
        Amber,
        Red,
    };

    QString check; // the check's id: "service-account", "api-only" …
    Severity severity = Severity::Red;
    QString message; // a sentence a person can act on

    [[nodiscard]] bool isRed() const { return severity == Severity::Red; }
    [[nodiscard]] static QString severityName(Severity severity)
    {
        return severity == Severity::Red ? QStringLiteral("red") : QStringLiteral("amber");
    }
};

[[nodiscard]] inline bool hasRed(const QList<Finding> &findings)
{
    return std::any_of(
        findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isRed(); });
}

} // namespace lr::safety
