#include "core/demo/soql/soqldateliteral.h"

#include <QTimeZone>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QDate monthStart(QDate day, int monthsAhead)
{
    return QDate(day.year(), day.month(), 1).addMonths(monthsAhead);
}

QDate yearStart(QDate day, int yearsAhead)
{
    return QDate(day.year() + yearsAhead, 1, 1);
}

} // namespace

std::optional<SoqlDateLiteral> SoqlDateLiteral::fromName(QStringView name)
{
    static constexpr std::array<std::pair<const char *, Kind>, 14> kNames = {{
        {"TODAY", Kind::Today},
        {"YESTERDAY", Kind::Yesterday},
        {"TOMORROW", Kind::Tomorrow},
        {"LAST_N_DAYS", Kind::LastNDays},
        {"NEXT_N_DAYS", Kind::NextNDays},
        {"N_DAYS_AGO", Kind::NDaysAgo},
        {"LAST_90_DAYS", Kind::Last90Days},
        {"NEXT_90_DAYS", Kind::Next90Days},
        {"THIS_MONTH", Kind::ThisMonth},
        {"LAST_MONTH", Kind::LastMonth},
        {"NEXT_MONTH", Kind::NextMonth},
        {"THIS_YEAR", Kind::ThisYear},
        {"LAST_YEAR", Kind::LastYear},
        {"NEXT_YEAR", Kind::NextYear},
    }};
    for (const auto &[spelling, kind] : kNames) {
        if (name.compare(QLatin1StringView(spelling), Qt::CaseInsensitive) == 0) {
            return SoqlDateLiteral(kind);
        }
    }
    return std::nullopt;
}

bool SoqlDateLiteral::takesNumber() const
{
    return m_kind == Kind::LastNDays || m_kind == Kind::NextNDays || m_kind == Kind::NDaysAgo;
}

QString SoqlDateLiteral::text() const
{
    switch (m_kind) {
    case Kind::Today:
        return u"TODAY"_s;
    case Kind::Yesterday:
        return u"YESTERDAY"_s;
    case Kind::Tomorrow:
        return u"TOMORROW"_s;
    case Kind::LastNDays:
        return u"LAST_N_DAYS:%1"_s.arg(m_number);
    case Kind::NextNDays:
        return u"NEXT_N_DAYS:%1"_s.arg(m_number);
    case Kind::NDaysAgo:
        return u"N_DAYS_AGO:%1"_s.arg(m_number);
    case Kind::Last90Days:
        return u"LAST_90_DAYS"_s;
    case Kind::Next90Days:
        return u"NEXT_90_DAYS"_s;
    case Kind::ThisMonth:
        return u"THIS_MONTH"_s;
    case Kind::LastMonth:
        return u"LAST_MONTH"_s;
    case Kind::NextMonth:
        return u"NEXT_MONTH"_s;
    case Kind::ThisYear:
        return u"THIS_YEAR"_s;
    case Kind::LastYear:
        return u"LAST_YEAR"_s;
    case Kind::NextYear:
        return u"NEXT_YEAR"_s;
    }
    return {};
}

SoqlDateLiteral::Range SoqlDateLiteral::resolve(const QDateTime &now) const
{
    const QDate today = now.toTimeZone(QTimeZone::utc()).date();
    switch (m_kind) {
    case Kind::Today:
        return {today, today};
    case Kind::Yesterday:
        return {today.addDays(-1), today.addDays(-1)};
    case Kind::Tomorrow:
        return {today.addDays(1), today.addDays(1)};
    case Kind::LastNDays:
        return {today.addDays(-m_number), today};
    case Kind::NextNDays:
        return {today.addDays(1), today.addDays(m_number)};
    case Kind::NDaysAgo:
        return {today.addDays(-m_number), today.addDays(-m_number)};
    case Kind::Last90Days:
        return {today.addDays(-90), today};
    case Kind::Next90Days:
        return {today.addDays(1), today.addDays(90)};
    case Kind::ThisMonth:
        return {monthStart(today, 0), monthStart(today, 1).addDays(-1)};
    case Kind::LastMonth:
        return {monthStart(today, -1), monthStart(today, 0).addDays(-1)};
    case Kind::NextMonth:
        return {monthStart(today, 1), monthStart(today, 2).addDays(-1)};
    case Kind::ThisYear:
        return {yearStart(today, 0), yearStart(today, 1).addDays(-1)};
    case Kind::LastYear:
        return {yearStart(today, -1), yearStart(today, 0).addDays(-1)};
    case Kind::NextYear:
        return {yearStart(today, 1), yearStart(today, 2).addDays(-1)};
    }
    return {today, today};
}

} // namespace lr::demo
