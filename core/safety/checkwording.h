#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace lr::safety {

// The small pieces of wording every safety check shares, so that findings read alike:
// lists of names cut short, dates and "n days ago".
class CheckWording
{
    Q_DECLARE_TR_FUNCTIONS(lr::safety::CheckWording)

public:
    // "A", "A and B", "A, B and 3 more": at most `shown` names, then how many are left out.
    // Empty names read as "(no name)" so that a count never disagrees with the list.
    [[nodiscard]] static QString nameList(const QStringList &names, int shown = 2);
    // Joins already worded parts in full: "A", "A and B", "A, B and C".
    [[nodiscard]] static QString joined(const QStringList &parts);
    // ISO 8601 (2026-05-02): unambiguous in every locale, and the form the audit trail uses.
    [[nodiscard]] static QString date(const QDate &date);
    // "today", "yesterday", "12 days ago"; a day in the future (clock skew) reads as today.
    [[nodiscard]] static QString daysAgo(qint64 days);
    // "2026-05-02 (12 days ago)".
    [[nodiscard]] static QString dateAndAge(const QDate &date, qint64 days);
};

} // namespace lr::safety
