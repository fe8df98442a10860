#include "core/safety/checkwording.h"

#include <algorithm>
#include <climits>

using namespace Qt::StringLiterals;

namespace lr::safety {

QString CheckWording::nameList(const QStringList &names, int shown)
{
    shown = std::max(shown, 1);
    QStringList parts;
    parts.reserve(std::min<qsizetype>(names.size(), shown));
    for (const QString &name : names) {
        if (parts.size() == shown) {
            break;
        }
        parts.append(name.trimmed().isEmpty() ? tr("(no name)") : name.trimmed());
    }
    const qsizetype hidden = names.size() - parts.size();
    if (hidden == 0) {
        return joined(parts);
    }
    // The end of a list cut short: "Nightly Export, Weekly Sync and 3 more". (No translator
    // comment: tools/fill-english-plurals.py reads only <comment>, not <extracomment>.)
    return tr("%1 and %n more", nullptr, static_cast<int>(hidden)).arg(parts.join(tr(", ")));
}

QString CheckWording::joined(const QStringList &parts)
{
    if (parts.size() <= 1) {
        return parts.value(0);
    }
    const QStringList head = parts.first(parts.size() - 1);
    //: The last two items of a list: "A, B and C"
    return tr("%1 and %2").arg(head.join(tr(", ")), parts.last());
}

QString CheckWording::date(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString CheckWording::daysAgo(qint64 days)
{
    if (days <= 0) {
        return tr("today");
    }
    if (days == 1) {
        return tr("yesterday");
    }
    return tr("%n day(s) ago", nullptr, static_cast<int>(std::min<qint64>(days, INT_MAX)));
}

QString CheckWording::dateAndAge(const QDate &date, qint64 days)
{
    //: A date and how long ago it was: "2026-05-02 (12 days ago)"
    return tr("%1 (%2)").arg(CheckWording::date(date), daysAgo(days));
}

} // namespace lr::safety
