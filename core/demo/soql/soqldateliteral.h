#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace lr::demo {

// A relative date literal of SOQL (TODAY, LAST_N_DAYS:30, THIS_MONTH ...): a range of whole
// days relative to the demo org's clock. Salesforce resolves these in the querying user's time
// zone; the demo org resolves them in UTC.
//
// Ranges, as Salesforce documents them: YESTERDAY, TODAY and TOMORROW are one day;
// LAST_N_DAYS:n runs from n days ago through today (so LAST_N_DAYS:1 is yesterday and today);
// NEXT_N_DAYS:n runs from tomorrow for n days, without today; N_DAYS_AGO:n is the single day n
// days ago; LAST_90_DAYS and NEXT_90_DAYS are LAST_N_DAYS:90 and NEXT_N_DAYS:90; the month and
// year literals cover their whole calendar month or year.
class SoqlDateLiteral
{
public:
    // Inclusive first and last day.
    struct Range
    {
        QDate first;
        QDate last;
    };

    SoqlDateLiteral() = default;

    // The literal named `name` (any case), or nullopt when `name` is none the demo org knows.
    [[nodiscard]] static std::optional<SoqlDateLiteral> fromName(QStringView name);

    // True when the literal takes a number (LAST_N_DAYS:n); set it with setNumber().
    [[nodiscard]] bool takesNumber() const;
    void setNumber(int number) { m_number = number; }
    [[nodiscard]] int number() const { return m_number; }

    // The canonical spelling, e.g. "LAST_N_DAYS:90".
    [[nodiscard]] QString text() const;

    // The days the literal covers when the clock reads `now` (converted to UTC).
    [[nodiscard]] Range resolve(const QDateTime &now) const;

private:
    enum class Kind {
        Today,
        Yesterday,
        Tomorrow,
        LastNDays,
        NextNDays,
        NDaysAgo,
        Last90Days,
        Next90Days,
        ThisMonth,
        LastMonth,
        NextMonth,
        ThisYear,
        LastYear,
        NextYear,
    };

    explicit SoqlDateLiteral(Kind kind)
        : m_kind(kind)
    { }

    Kind m_kind = Kind::Today;
    int m_number = 0;
};

} // namespace lr::demo
