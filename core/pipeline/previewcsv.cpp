#include "core/pipeline/previewcsv.h"

#include "core/common/csvwriter.h"

using namespace Qt::StringLiterals;

namespace lr::pipeline {

QStringList PreviewCsv::header()
{
    return {tr("status"),
            tr("user"),
            tr("username"),
            tr("license"),
            tr("department"),
            tr("days inactive"),
            tr("findings")};
}

QStringList
PreviewCsv::row(const PreviewEntry &entry, const scan::OrgSnapshot &snapshot, bool blocked)
{
    const scan::ScannedUser &user = snapshot.users.at(entry.userIndex);
    QStringList findings;
    for (const safety::Finding &finding : entry.findings) {
        findings.append(
            tr("%1 (%2): %3")
                .arg(finding.check, finding.isRed() ? tr("red") : tr("amber"), finding.message));
    }
    return {blocked ? tr("blocked") : tr("candidate"),
            user.name,
            user.username,
            user.licenseName,
            user.department,
            QString::number(entry.daysInactive),
            findings.join(u'\n')};
}

QByteArray PreviewCsv::write(const ReclaimPreview &preview,
                             const scan::OrgSnapshot &snapshot,
                             ByteOrderMark bom)
{
    CsvWriter csv;
    csv.addRow(header());
    for (const PreviewEntry &entry : preview.candidates) {
        csv.addRow(row(entry, snapshot, false));
    }
    for (const PreviewEntry &entry : preview.blocked) {
        csv.addRow(row(entry, snapshot, true));
    }
    return bom == ByteOrderMark::Include ? "\xEF\xBB\xBF" + csv.data() : csv.data();
}

} // namespace lr::pipeline
