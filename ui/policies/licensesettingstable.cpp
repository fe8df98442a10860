#include "ui/policies/licensesettingstable.h"

#include <QHeaderView>

namespace lr::ui {

LicenseSettingsTable::LicenseSettingsTable(QWidget *parent)
    : QTableWidget(0, ColumnCount, parent)
{
    setObjectName(QStringLiteral("licenseSettingsTable"));
    setHorizontalHeaderLabels(
        {tr("License (own threshold)"), tr("Threshold (days)"), tr("Downgrade to profile")});
    horizontalHeader()->setSectionResizeMode(LicenseColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(ThresholdColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(DowngradeColumn, QHeaderView::Interactive);
    horizontalHeader()->resizeSection(DowngradeColumn, 150);
    verticalHeader()->hide();
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                    | QAbstractItemView::AnyKeyPressed);
    setTabKeyNavigation(false); // Tab leaves the table; arrows move inside it
    setAccessibleName(tr("Per-license settings"));
    setToolTip(tr("Tick a license to give it its own inactivity threshold. The downgrade "
                  "target is the id of a profile on a cheaper license (00e…); leave it empty "
                  "for none."));
    connect(this, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling) {
            return;
        }
        if (item->column() == LicenseColumn) {
            updateRow(item->row());
        }
        Q_EMIT settingsChanged();
    });
}

void LicenseSettingsTable::setSettings(const QStringList &licenses,
                                       const QMap<QString, int> &thresholds,
                                       const QMap<QString, QString> &downgrades,
                                       int defaultDays)
{
    QStringList rows = licenses;
    for (const QString &license : thresholds.keys() + downgrades.keys()) {
        if (!rows.contains(license)) {
            rows.append(license);
        }
    }
    m_filling = true;
    setRowCount(static_cast<int>(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QString &license = rows.at(row);
        auto *name = new QTableWidgetItem(license);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(thresholds.contains(license) ? Qt::Checked : Qt::Unchecked);
        if (!licenses.contains(license)) {
            name->setToolTip(tr("This org has no license of that name."));
        }
        setItem(row, LicenseColumn, name);
        auto *days = new QTableWidgetItem;
        days->setData(Qt::EditRole, thresholds.value(license, defaultDays));
        days->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setItem(row, ThresholdColumn, days);
        setItem(row, DowngradeColumn, new QTableWidgetItem(downgrades.value(license)));
        updateRow(row);
    }
    m_filling = false;
}

void LicenseSettingsTable::updateRow(int row)
{
    const bool own = item(row, LicenseColumn)->checkState() == Qt::Checked;
    QTableWidgetItem *days = item(row, ThresholdColumn);
    if (!days) {
        return;
    }
    const bool filling = m_filling;
    m_filling = true;
    days->setFlags(own ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable
                       : Qt::ItemIsSelectable);
    days->setToolTip(own ? QString() : tr("Uses the default threshold."));
    m_filling = filling;
}

QMap<QString, int> LicenseSettingsTable::thresholds() const
{
    QMap<QString, int> result;
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, LicenseColumn)->checkState() == Qt::Checked) {
            result.insert(item(row, LicenseColumn)->text(),
                          item(row, ThresholdColumn)->data(Qt::EditRole).toInt());
        }
    }
    return result;
}

QMap<QString, QString> LicenseSettingsTable::downgrades() const
{
    QMap<QString, QString> result;
    for (int row = 0; row < rowCount(); ++row) {
        const QString target = item(row, DowngradeColumn)->text().trimmed();
        if (!target.isEmpty()) {
            result.insert(item(row, LicenseColumn)->text(), target);
        }
    }
    return result;
}

int LicenseSettingsTable::rowOf(const QString &license) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, LicenseColumn)->text() == license) {
            return row;
        }
    }
    return -1;
}

void LicenseSettingsTable::setDefaultDays(int days)
{
    m_filling = true;
    for (int row = 0; row < rowCount(); ++row) {
        if (item(row, LicenseColumn)->checkState() != Qt::Checked) {
            item(row, ThresholdColumn)->setData(Qt::EditRole, days);
        }
    }
    m_filling = false;
}

} // namespace lr::ui
