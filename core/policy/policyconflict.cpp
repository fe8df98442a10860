#include "core/policy/policyconflict.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

// "3 Mar 2026 at 14:02 UTC": unambiguous for people in different time zones.
QString when(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return PolicyConflict::tr("%1 at %2 UTC")
        .arg(QLocale().toString(utc.date(), u"d MMM yyyy"_s), utc.time().toString(u"HH:mm"_s));
}

} // namespace

QString PolicyConflict::message() const
{
    const QString who = changedBy.isEmpty() ? tr("Another user") : changedBy;
    if (reason == Reason::NameTaken) {
        return changedAt.isValid()
                   ? tr("The name '%1' is taken by another policy (last saved by %2 on %3). "
                        "Choose another name.")
                         .arg(policyName, who, when(changedAt))
                   : tr("The name '%1' is taken by another policy. Choose another name.")
                         .arg(policyName);
    }
    return changedAt.isValid()
               ? tr("%1 saved this policy on %2, after you opened it. Reload it, or save again "
                    "to overwrite.")
                     .arg(who, when(changedAt))
               : tr("%1 saved this policy after you opened it. Reload it, or save again to "
                    "overwrite.")
                     .arg(who);
}

} // namespace lr::policy
