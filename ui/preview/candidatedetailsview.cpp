#include "ui/preview/candidatedetailsview.h"

#include "ui/preview/candidatetablemodel.h"

#include <QLocale>

namespace lr::ui {

using safety::Finding;

namespace {

QString factRow(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString chip(const Finding &finding)
{
    return QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
        .arg(CandidateTableModel::severityColor(finding.severity).name(),
             CandidateTableModel::severityTextColor(finding.severity).name(),
             finding.check.toHtmlEscaped());
}

} // namespace

CandidateDetailsView::CandidateDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("detailsTextBrowser"));
    setOpenLinks(false);
}

void CandidateDetailsView::showHint(const QString &text)
{
    setHtml(QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
}

void CandidateDetailsView::showUser(const CandidateTableModel &model, int row)
{
    const scan::ScannedUser &user = model.user(row);
    const pipeline::PreviewEntry &entry = model.entry(row);
    QString verdict;
    if (model.isBlocked(row)) {
        verdict = tr("Kept safe: a red finding blocks any reclaim of this seat.");
    } else if (entry.findings.isEmpty()) {
        verdict = tr("Candidate: the policy would reclaim this seat; no check found a reason "
                     "to keep it.");
    } else {
        verdict = tr("Candidate with warnings: the policy would reclaim this seat, but each "
                     "amber finding needs an explicit confirmation before a live action.");
    }
    // Findings on the left, facts on the right: the pane sits below a wide table.
    setHtml(QStringLiteral("<h3>%1</h3><table width=\"100%\"><tr><td width=\"60%\" "
                           "valign=\"top\" style=\"padding-right:16px\"><p>%2</p>%3</td>"
                           "<td valign=\"top\">%4</td></tr></table>")
                .arg(user.name.toHtmlEscaped(),
                     verdict.toHtmlEscaped(),
                     findingsHtml(model, row),
                     factsHtml(model, row)));
}

QString CandidateDetailsView::findingsHtml(const CandidateTableModel &model, int row) const
{
    const QList<Finding> findings = CandidateTableModel::ordered(model.entry(row).findings);
    if (findings.isEmpty()) {
        return {};
    }
    // The sentence under its chip, not beside it: the sentences are long and the pane shares
    // its width with the facts.
    QString html = QStringLiteral("<h4>%1</h4>")
                       .arg(tr("%n finding(s)", "", static_cast<int>(findings.size())));
    for (const Finding &finding : findings) {
        const QString severity = finding.isRed() ? tr("red: blocks") : tr("amber: warns");
        html += QStringLiteral("<p style=\"margin-top:0px; margin-bottom:8px\">%1&nbsp; "
                               "<i>%2</i><br>%3</p>")
                    .arg(chip(finding), severity.toHtmlEscaped(), finding.message.toHtmlEscaped());
    }
    return html;
}

QString CandidateDetailsView::factsHtml(const CandidateTableModel &model, int row) const
{
    const scan::ScannedUser &user = model.user(row);
    const pipeline::PreviewEntry &entry = model.entry(row);
    const QLocale locale;
    QString manager = model.managerName(user);
    if (manager.isEmpty()) {
        manager = tr("none");
    } else {
        manager =
            user.managerActive ? tr("%1 (active)").arg(manager) : tr("%1 (inactive)").arg(manager);
    }
    const QString lastLogin =
        user.lastLogin.isValid()
            ? locale.toString(user.lastLogin.toLocalTime(), QLocale::ShortFormat)
            : tr("never (created %1)")
                  .arg(locale.toString(user.created.toLocalTime().date(), QLocale::ShortFormat));
    const QString days = tr("%1 (threshold %Ln day(s))", "", entry.thresholdDays)
                             .arg(locale.toString(entry.daysInactive));
    QString html = QStringLiteral("<h4>%1</h4><table>").arg(tr("User"));
    html += factRow(tr("Username"), user.username);
    html += factRow(tr("License"), user.licenseName);
    html += factRow(tr("Profile"), user.profileName);
    html += factRow(tr("Manager"), manager);
    html += factRow(tr("Last login"), lastLogin);
    html += factRow(tr("Days inactive"), days);
    if (!user.department.isEmpty()) {
        html += factRow(tr("Department"), user.department);
    }
    if (!user.title.isEmpty()) {
        html += factRow(tr("Title"), user.title);
    }
    return html + QStringLiteral("</table>");
}

} // namespace lr::ui
