#pragma once

#include <QString>
#include <QtGlobal>

namespace lr::demo {

// Fast, allocation-light text for instants held as milliseconds since the Unix epoch (UTC),
// in exactly the storage format of FieldValueCodec: 'YYYY-MM-DDTHH:MM:SS.sss+0000' and
// 'YYYY-MM-DD'. The generator formats millions of them; QDateTime::toString is far slower.
class TimestampText
{
public:
    static constexpr qint64 kSecond = 1000;
    static constexpr qint64 kMinute = 60 * kSecond;
    static constexpr qint64 kHour = 60 * kMinute;
    static constexpr qint64 kDay = 24 * kHour;

    [[nodiscard]] static QString dateTime(qint64 msecs);
    [[nodiscard]] static QString date(qint64 msecs);

    // Whole days since 1970-01-01 (floored, so instants before 1970 work too).
    [[nodiscard]] static qint64 epochDay(qint64 msecs);
    // 1 = Monday ... 7 = Sunday, for an epoch day.
    [[nodiscard]] static int dayOfWeek(qint64 epochDay);
};

} // namespace lr::demo
