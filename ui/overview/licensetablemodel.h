#pragma once

#include "core/org/orgoverview.h"

#include <QAbstractTableModel>

namespace lr::ui {

// The org's user licenses, one row each: seats purchased, used and available, and how full
// the license is. SortRole gives raw numbers so the proxy sorts numerically.
class LicenseTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LicenseTableModel)

public:
    enum class Column {
        License,
        Key,
        Status,
        Purchased,
        Used,
        Available,
        Utilization,
        Count,
    };
    Q_ENUM(Column)

    static constexpr int SortRole = Qt::UserRole + 1;
    // The utilization as a fraction (0..1), or -1 for a license without a ceiling.
    static constexpr int FractionRole = Qt::UserRole + 2;

    explicit LicenseTableModel(QObject *parent = nullptr);

    void setLicenses(QList<org::LicenseSeats> licenses);
    [[nodiscard]] const QList<org::LicenseSeats> &licenses() const { return m_licenses; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant
    headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QVariant display(const org::LicenseSeats &seats, Column column) const;
    [[nodiscard]] QVariant sortValue(const org::LicenseSeats &seats, Column column) const;
    [[nodiscard]] static double fraction(const org::LicenseSeats &seats);

    QList<org::LicenseSeats> m_licenses;
};

} // namespace lr::ui
