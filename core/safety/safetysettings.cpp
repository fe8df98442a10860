#include "core/safety/safetysettings.h"

namespace lr::safety {

QStringList SafetySettings::validate() const
{
    QStringList problems;
    for (const QString &pattern : serviceAccountPatterns) {
        const QRegularExpression regex(pattern, QRegularExpression::CaseInsensitiveOption);
        if (!regex.isValid()) {
            problems.append(tr("The service-account pattern “%1” is not a valid regular "
                               "expression: %2 at character %3.")
                                .arg(pattern,
                                     regex.errorString(),
                                     QString::number(regex.patternErrorOffset() + 1)));
        } else if (regex.match(QString()).hasMatch()) {
            // A pattern that matches nothing at all matches every value somewhere.
            problems.append(tr("The service-account pattern “%1” matches an empty text, so it "
                               "would mark every user as a service account.")
                                .arg(pattern));
        }
    }
    if (recordOwnerThreshold < 0 || recordOwnerThreshold > kMaxRecordOwnerThreshold) {
        problems.append(tr("The record-owner threshold must be between 0 and %1 open records; "
                           "it is %2.")
                            .arg(kMaxRecordOwnerThreshold)
                            .arg(recordOwnerThreshold));
    }
    if (newUserDays < 0 || newUserDays > kMaxNewUserDays) {
        problems.append(tr("The new-user window must be between 0 and %1 days; it is %2.")
                            .arg(kMaxNewUserDays)
                            .arg(newUserDays));
    }
    for (const QString &owner : defaultOwners) {
        if (owner.trimmed().isEmpty()) {
            problems.append(tr("A default owner is empty: enter a user id or a username."));
        }
    }
    return problems;
}

} // namespace lr::safety
