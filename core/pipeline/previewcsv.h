#pragma once

#include "core/pipeline/reclaimpreview.h"
#include "core/scan/orgsnapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace lr::pipeline {

// A preview as CSV for a spreadsheet: the candidates, then the blocked users, one row each
// with the reasons. RFC 4180 through CsvWriter (comma separated, CRLF, quoted where needed,
// cells starting with = + - @ neutralised), UTF-8.
//
// Columns: status, user, username, license, department, days inactive, findings. Findings
// are one line each inside their cell: "admin (red): Has Modify All Data through …".
//
// A byte order mark is written by default: Excel, which Sales Ops open these files in,
// reads a CSV without one in the Windows code page and garbles every non-Latin name. Tools
// that stream CSV (lrctl scan --format csv, for pipes and scripts) leave it out.
class PreviewCsv
{
    Q_DECLARE_TR_FUNCTIONS(lr::pipeline::PreviewCsv)

public:
    enum class ByteOrderMark {
        Include,
        Omit,
    };

    [[nodiscard]] static QByteArray write(const ReclaimPreview &preview,
                                          const scan::OrgSnapshot &snapshot,
                                          ByteOrderMark bom = ByteOrderMark::Include);

    // The header row.
    [[nodiscard]] static QStringList header();
    // One row of an entry; `blocked` picks the status.
    [[nodiscard]] static QStringList
    row(const PreviewEntry &entry, const scan::OrgSnapshot &snapshot, bool blocked);
};

} // namespace lr::pipeline
