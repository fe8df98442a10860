#include "ui/overview/licensetablemodel.h"

#include <QLocale>

namespace lr::ui {

LicenseTableModel::LicenseTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LicenseTableModel::setLicenses(QList<org::LicenseSeats> licenses)
{
    beginResetModel();
    m_licenses = std::move(licenses);
    endResetModel();
}

int LicenseTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_licenses.size());
}

int LicenseTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(Column::Count);
}

double LicenseTableModel::fraction(const org::LicenseSeats &seats)
{
    if (seats.purchased <= 0) {
        return -1.0;
    }
    return double(seats.used) / double(seats.purchased);
}

QVariant LicenseTableModel::display(const org::LicenseSeats &seats, Column column) const
{
    const QLocale locale;
    switch (column) {
    case Column::License:
        return seats.name;
    case Column::Key:
        return seats.definitionKey;
    case Column::Status:
        return seats.status == QLatin1String("Active") ? tr("Active") : seats.status;
    case Column::Purchased:
        return seats.purchased < 0 ? tr("Unlimited") : locale.toString(seats.purchased);
    case Column::Used:
        return locale.toString(seats.used);
    case Column::Available:
        return seats.purchased < 0 ? tr("Unlimited") : locale.toString(seats.available());
    case Column::Utilization: {
        const double share = fraction(seats);
        return share < 0 ? QString() : locale.toString(share * 100.0, 'f', 0) + QLatin1Char('%');
    }
    case Column::Count:
        break;
    }
    return {};
}

QVariant LicenseTableModel::sortValue(const org::LicenseSeats &seats, Column column) const
{
    switch (column) {
    case Column::Purchased:
        return seats.purchased;
    case Column::Used:
        return seats.used;
    case Column::Available:
        return seats.available();
    case Column::Utilization:
        return fraction(seats);
    default:
        return display(seats, column);
    }
}

QVariant LicenseTableModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const org::LicenseSeats &seats = m_licenses.at(index.row());
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(seats, column);
    case SortRole:
        return sortValue(seats, column);
    case FractionRole:
        return fraction(seats);
    case Qt::TextAlignmentRole:
        if (column >= Column::Purchased) {
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Column::Available && seats.purchased >= 0) {
            return tr("%1 of %2 purchased seats are not assigned to an active user: they "
                      "could be dropped at the next renewal or given to new hires.")
                .arg(QLocale().toString(seats.available()), QLocale().toString(seats.purchased));
        }
        return {};
    default:
        return {};
    }
}

QVariant LicenseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
    case Column::License:
        return tr("License");
    case Column::Key:
        return tr("Key");
    case Column::Status:
        return tr("Status");
    case Column::Purchased:
        return tr("Purchased");
    case Column::Used:
        return tr("Used");
    case Column::Available:
        return tr("Available");
    case Column::Utilization:
        return tr("Utilization");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace lr::ui
