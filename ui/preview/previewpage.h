#pragma once

#include "core/policy/policy.h"
#include "ui/preview/previewscan.h"

#include <QElapsedTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace lr::ui {

class CandidateDetailsView;
class CandidateFilterProxyModel;
class CandidateTableModel;
class OrgWorkspace;

// The Preview: which seats the built-in default policy would reclaim, and why every other
// user in its scope is kept safe. Nothing is written to the org.
//
//   org opened / Scan ──> PreviewScan: OrgScanner::scan(), then the checks on a pool thread
//                              │ progressChanged / checking ──> progress bar with the stage
//                              ├─ failed(Error) ──> the message on the page, scanFailed()
//                              ▼ finished(Outcome)
//   model reset once ──> summary, source warnings, details ──> previewReady()
//
// A second scan is refused while one runs (the button is disabled). Opening another org
// deletes the running scan, so its outcome never lands on the new org; closing the page
// mid-scan deletes it too, safely (see PreviewScan).
class PreviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewPage)

public:
    explicit PreviewPage(OrgWorkspace *workspace, QWidget *parent = nullptr);
    ~PreviewPage() override;

    [[nodiscard]] CandidateTableModel *model() const { return m_model; }
    [[nodiscard]] CandidateFilterProxyModel *proxy() const { return m_proxy; }
    [[nodiscard]] const policy::Policy &policy() const { return m_policy; }
    [[nodiscard]] bool isScanning() const { return m_run != nullptr; }

public Q_SLOTS:
    // Scans the open org and builds the preview; ignored while a scan runs or without an org.
    void scan();

Q_SIGNALS:
    void scanStarted();
    void previewReady();
    void scanFailed(const QString &message);

private:
    void setupUi();
    [[nodiscard]] QLayout *createTopBar();
    [[nodiscard]] QLayout *createFilterBar();
    [[nodiscard]] QSplitter *createSplitter();
    void setupTable();

    void showProgress(double fraction, const QString &stage);
    void endRun();
    void failScan(const Error &error);
    void showPreview(const PreviewScan::Outcome &outcome);
    void showSummary();
    void showSourceWarnings();
    void showSelectedUser();
    void updateEmptyState();

    OrgWorkspace *m_workspace;
    policy::Policy m_policy;
    CandidateTableModel *m_model;
    CandidateFilterProxyModel *m_proxy;

    QPushButton *m_scanButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_sourceWarnings = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_showBlocked = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyLabel = nullptr;
    CandidateDetailsView *m_details = nullptr;
    QLabel *m_status = nullptr;

    PreviewScan *m_run = nullptr; // the scan running now, if any
    bool m_scanned = false;
    QElapsedTimer m_scanClock;
};

} // namespace lr::ui
