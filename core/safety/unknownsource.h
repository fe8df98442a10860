#pragma once

#include "core/scan/orgsnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace lr::safety {

// How a check says that it could not see its data: unknown is unsafe (design §4), so a
// check whose source was not read in full reports a red finding naming the permission the
// signed-in user lacks, instead of passing by silence.
class UnknownSource
{
    Q_DECLARE_TR_FUNCTIONS(lr::safety::UnknownSource)

public:
    // The permission the scanner reported missing, or the one Salesforce usually requires
    // for that source when the scanner could not tell.
    [[nodiscard]] static QString missingPermission(const scan::OrgSnapshot &snapshot,
                                                   scan::DataSource source);
    [[nodiscard]] static QString defaultPermission(scan::DataSource source);
    // "Cannot see pending approvals: needs View All Data."
    [[nodiscard]] static QString message(scan::DataSource source, const QString &permission);
};

} // namespace lr::safety
