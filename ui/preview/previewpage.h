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

// The Preview: which seats the current policy (the workspace's; the built-in default until
// one is chosen on the Policies page) would reclaim, and why every other user in its scope
// is kept safe. Nothing is written to the org. Another policy is previewed over the last
// snapshot, without a new scan.
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

    // Writes the preview (candidates, then blocked users with their reasons) as CSV for
    // Excel to `path`; false, with the reason on the page, when it cannot.
    bool exportCsv(const QString &path);

public Q_SLOTS:
    // Scans the open org and builds the preview; ignored while a scan runs or without an org.
    // An invalid policy is never run: the page says what is wrong instead.
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

    void applyPolicy(const policy::Policy &policy);
    void startRun(bool rebuild);
    void runPendingRebuild();
    void chooseCsvFile();
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

    QLabel *m_policyLabel = nullptr;
    QPushButton *m_scanButton = nullptr;
    QPushButton *m_exportButton = nullptr;
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
    bool m_rebuildPending = false; // the policy changed while a run was busy
    bool m_rebuilding = false;     // the run now is a rebuild over the last snapshot
    QElapsedTimer m_scanClock;
};

} // namespace lr::ui
