#include "core/demo/generator/timestamptext.h"

namespace lr::demo {

namespace {

struct CivilDate
{
    qint64 year;
    int month;
    int day;
};

// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = static_cast<int>(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

void put(char16_t *&out, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char16_t>(u'0' + value % 10);
        value /= 10;
    }
    out += width;
}

char16_t *putDate(char16_t *out, qint64 epochDay)
{
    const CivilDate civil = civilFromDays(epochDay);
    put(out, civil.year, 4);
    *out++ = u'-';
    put(out, civil.month, 2);
    *out++ = u'-';
    put(out, civil.day, 2);
    return out;
}

} // namespace

qint64 TimestampText::epochDay(qint64 msecs)
{
    return msecs >= 0 ? msecs / kDay : -((-msecs + kDay - 1) / kDay);
}

int TimestampText::dayOfWeek(qint64 epochDay)
{
    // 1970-01-01 was a Thursday (4).
    const qint64 weekday = ((epochDay % 7) + 7 + 3) % 7; // 0 = Monday
    return static_cast<int>(weekday) + 1;
}

QString TimestampText::dateTime(qint64 msecs)
{
    const qint64 day = epochDay(msecs);
    qint64 rest = msecs - day * kDay;
    char16_t buffer[28];
    char16_t *out = putDate(buffer, day);
    *out++ = u'T';
    put(out, rest / kHour, 2);
    rest %= kHour;
    *out++ = u':';
    put(out, rest / kMinute, 2);
    rest %= kMinute;
    *out++ = u':';
    put(out, rest / kSecond, 2);
    *out++ = u'.';
    put(out, rest % kSecond, 3);
    for (char16_t c : u"+0000") {
        if (c != 0) {
            *out++ = c;
        }
    }
    return QString(reinterpret_cast<const QChar *>(buffer), static_cast<qsizetype>(out - buffer));
}

QString TimestampText::date(qint64 msecs)
{
    char16_t buffer[10];
    const char16_t *end = putDate(buffer, epochDay(msecs));
    return QString(reinterpret_cast<const QChar *>(buffer), static_cast<qsizetype>(end - buffer));
}

} // namespace lr::demo
