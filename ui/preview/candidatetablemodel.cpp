#include "ui/preview/candidatetablemodel.h"

#include <QLocale>

namespace lr::ui {

using safety::Finding;

CandidateTableModel::CandidateTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CandidateTableModel::setPreview(scan::OrgSnapshot snapshot, pipeline::ReclaimPreview preview)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_preview = std::move(preview);
    m_userById.clear();
    m_userById.reserve(m_snapshot.users.size());
    for (int i = 0; i < m_snapshot.users.size(); ++i) {
        m_userById.insert(m_snapshot.users.at(i).id, i);
    }
    endResetModel();
}

void CandidateTableModel::clear()
{
    setPreview({}, {});
}

const pipeline::PreviewEntry &CandidateTableModel::entry(int row) const
{
    const int candidates = static_cast<int>(m_preview.candidates.size());
    return row < candidates ? m_preview.candidates.at(row) : m_preview.blocked.at(row - candidates);
}

const scan::ScannedUser &CandidateTableModel::user(int row) const
{
    return m_snapshot.users.at(entry(row).userIndex);
}

QString CandidateTableModel::managerName(const scan::ScannedUser &user) const
{
    if (user.managerId.isEmpty()) {
        return {};
    }
    if (!user.managerName.isEmpty()) {
        return user.managerName;
    }
    const int index = m_userById.value(user.managerId, -1);
    return index < 0 ? user.managerId : m_snapshot.users.at(index).name;
}

QColor CandidateTableModel::severityColor(Finding::Severity severity)
{
    // Material red 800 and amber 600: both keep a 4.5:1 contrast with their text colour.
    return severity == Finding::Severity::Red ? QColor(0xc6, 0x28, 0x28) : QColor(0xff, 0xb3, 0x00);
}

QColor CandidateTableModel::severityTextColor(Finding::Severity severity)
{
    return severity == Finding::Severity::Red ? QColor(Qt::white) : QColor(0x21, 0x21, 0x21);
}

QList<Finding> CandidateTableModel::ordered(const QList<Finding> &findings)
{
    QList<Finding> result = findings;
    std::stable_sort(result.begin(), result.end(), [](const Finding &a, const Finding &b) {
        return a.isRed() && !b.isRed();
    });
    return result;
}

int CandidateTableModel::rowCount(const QModelIndex &parent) const
{
    Q_ASSERT(checkIndex(parent));
    return parent.isValid()
               ? 0
               : static_cast<int>(m_preview.candidates.size() + m_preview.blocked.size());
}

int CandidateTableModel::columnCount(const QModelIndex &parent) const
{
    Q_ASSERT(checkIndex(parent));
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant CandidateTableModel::display(int row, Column column) const
{
    const scan::ScannedUser &u = user(row);
    switch (column) {
    case Column::User:
        return u.name;
    case Column::Username:
        return u.username;
    case Column::License:
        return u.licenseName;
    case Column::Department:
        return u.department;
    case Column::DaysInactive:
        return QLocale().toString(entry(row).daysInactive);
    case Column::Findings: {
        QStringList ids;
        for (const Finding &finding : ordered(entry(row).findings)) {
            if (!ids.contains(finding.check)) {
                ids.append(finding.check);
            }
        }
        //: The Findings cell of a user no safety check has anything to say about
        return ids.isEmpty() ? tr("none") : ids.join(QStringLiteral(", "));
    }
    case Column::Count:
        break;
    }
    return {};
}

QVariant CandidateTableModel::sortValue(int row, Column column) const
{
    switch (column) {
    case Column::DaysInactive:
        return entry(row).daysInactive;
    case Column::Findings: {
        // Blocked users first when sorted descending, then by how many warnings they carry.
        int score = 0;
        for (const Finding &finding : entry(row).findings) {
            score += finding.isRed() ? 1000 : 1;
        }
        return score;
    }
    default:
        return display(row, column);
    }
}

QVariant CandidateTableModel::toolTip(int row, Column column) const
{
    const scan::ScannedUser &u = user(row);
    switch (column) {
    case Column::DaysInactive:
        if (!u.lastLogin.isValid()) {
            return tr("Never logged in; created %1.")
                .arg(QLocale().toString(u.created.toLocalTime().date(), QLocale::ShortFormat));
        }
        return tr("Last logged in %1.")
            .arg(QLocale().toString(u.lastLogin.toLocalTime(), QLocale::ShortFormat));
    case Column::Findings: {
        const QList<Finding> findings = ordered(entry(row).findings);
        if (findings.isEmpty()) {
            return tr("No safety check found a reason to keep this seat.");
        }
        QStringList lines;
        for (const Finding &finding : findings) {
            lines.append(finding.isRed()
                             ? tr("%1 (blocks): %2").arg(finding.check, finding.message)
                             : tr("%1 (warning): %2").arg(finding.check, finding.message));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant CandidateTableModel::foreground(int row, Column column) const
{
    if (column != Column::Findings) {
        return {};
    }
    const QList<Finding> &findings = entry(row).findings;
    if (findings.isEmpty()) {
        return {};
    }
    return severityColor(safety::hasRed(findings) ? Finding::Severity::Red
                                                  : Finding::Severity::Amber);
}

QString CandidateTableModel::filterText(int row) const
{
    const scan::ScannedUser &u = user(row);
    QStringList parts{u.name, u.username, u.licenseName, u.department};
    for (const Finding &finding : entry(row).findings) {
        parts.append(finding.check);
        parts.append(finding.message);
    }
    return parts.join(QLatin1Char('\n'));
}

QVariant CandidateTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const int row = index.row();
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::ForegroundRole:
        return foreground(row, column);
    case Qt::TextAlignmentRole:
        if (column == Column::DaysInactive) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case BlockedRole:
        return isBlocked(row);
    case FindingsRole:
        return QVariant::fromValue(ordered(entry(row).findings));
    case FilterTextRole:
        return filterText(row);
    default:
        return {};
    }
}

QVariant CandidateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::User:
        return tr("User");
    case Column::Username:
        return tr("Username");
    case Column::License:
        return tr("License");
    case Column::Department:
        return tr("Department");
    case Column::DaysInactive:
        //: Column header: days since the user's last interactive login
        return tr("Days inactive");
    case Column::Findings:
        //: Column header: the safety checks that found something about the user
        return tr("Findings");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace lr::ui
