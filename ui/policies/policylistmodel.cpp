#include "ui/policies/policylistmodel.h"

#include <QFont>
#include <QLocale>

namespace lr::ui {

PolicyListModel::PolicyListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void PolicyListModel::setPolicies(const QList<policy::PolicySummary> &policies)
{
    beginResetModel();
    m_policies = policies;
    endResetModel();
}

int PolicyListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_policies.size(); ++row) {
        if (m_policies.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

int PolicyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_policies.size());
}

int PolicyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

QVariant PolicyListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const policy::PolicySummary &summary = m_policies.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(summary, column);
    case Qt::ToolTipRole:
        if (summary.isBuiltIn()) {
            return tr("The built-in default policy: it runs until the org has policies of its "
                      "own, and cannot be edited.");
        }
        if (summary.lastModifiedAt.isValid()) {
            return tr("Version %1, saved by %2 on %3")
                .arg(summary.version)
                .arg(
                    summary.lastModifiedBy,
                    QLocale().toString(summary.lastModifiedAt.toLocalTime(), QLocale::ShortFormat));
        }
        return {};
    case Qt::FontRole:
        if (summary.isBuiltIn() && column == Column::Name) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Column::Threshold ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant PolicyListModel::displayData(const policy::PolicySummary &summary, Column column) const
{
    switch (column) {
    case Column::Name:
        return summary.isBuiltIn() ? tr("%1 (built in)").arg(summary.name) : summary.name;
    case Column::Status:
        return summary.active ? tr("Active") : tr("Paused");
    case Column::DryRun:
        return summary.dryRun ? tr("Dry run") : tr("Live");
    case Column::Threshold:
        return tr("%n day(s)", nullptr, summary.defaultThresholdDays);
    case Column::Count:
        break;
    }
    return {};
}

QVariant PolicyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (static_cast<Column>(section)) {
    case Column::Name:
        return tr("Policy");
    case Column::Status:
        return tr("Status");
    case Column::DryRun:
        return tr("Mode");
    case Column::Threshold:
        return tr("Threshold");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace lr::ui
