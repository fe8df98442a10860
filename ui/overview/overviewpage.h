#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace lr::ui {

class LicenseTableModel;
class OrgWorkspace;

// The Overview: every user license of the org with its seats purchased, used and available,
// and the totals. It reloads when the org opens and on Refresh.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(OrgWorkspace *workspace, QWidget *parent = nullptr);

    [[nodiscard]] LicenseTableModel *model() const { return m_model; }

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loaded();

private:
    void setupUi();
    void showSummary();

    OrgWorkspace *m_workspace;
    LicenseTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace lr::ui
