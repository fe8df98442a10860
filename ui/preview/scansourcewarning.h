#pragma once

#include "core/scan/orgsnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace lr::ui {

// Says, for people, which parts of an org a scan could not read in full and which
// permission was missing. The checks that need such data keep users safe rather than guess,
// so an analyst who sees many blocked users should know this first.
class ScanSourceWarning
{
    Q_DECLARE_TR_FUNCTIONS(ScanSourceWarning)

public:
    // Empty when every source was read in full.
    [[nodiscard]] static QString text(const scan::OrgSnapshot &snapshot);
    [[nodiscard]] static QString sourceName(scan::DataSource source);
};

} // namespace lr::ui
