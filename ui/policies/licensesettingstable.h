#pragma once

#include <QMap>
#include <QStringList>
#include <QTableWidget>

namespace lr::ui {

// The per-license settings of a policy, one row per license: whether the license has its own
// inactivity threshold (the check box in the License column) and how many days, and the
// profile its users are downgraded to (a profile id; empty for none).
class LicenseSettingsTable final : public QTableWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LicenseSettingsTable)

public:
    enum Column {
        LicenseColumn,
        ThresholdColumn,
        DowngradeColumn,
        ColumnCount,
    };

    explicit LicenseSettingsTable(QWidget *parent = nullptr);

    // One row per license; licenses of `thresholds` or `downgrades` that are not in
    // `licenses` get a row too. `defaultDays` fills the days of licenses without their own.
    void setSettings(const QStringList &licenses,
                     const QMap<QString, int> &thresholds,
                     const QMap<QString, QString> &downgrades,
                     int defaultDays);
    [[nodiscard]] QMap<QString, int> thresholds() const;
    [[nodiscard]] QMap<QString, QString> downgrades() const;
    // The row of `license`, or -1.
    [[nodiscard]] int rowOf(const QString &license) const;

    // Shows the default in the rows without a threshold of their own.
    void setDefaultDays(int days);

Q_SIGNALS:
    void settingsChanged();

private:
    void updateRow(int row);

    bool m_filling = false;
};

} // namespace lr::ui
