#pragma once

#include "core/common/result.h"
#include "core/policy/policy.h"
#include "core/policy/policywriteoutcome.h"
#include "ui/policies/policydialogs.h"

#include <QCoroTask>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QPushButton;
class QTableView;

namespace lr::ui {

class OrgWorkspace;
class PolicyForm;
class PolicyListModel;
class WhatIfChart;

// The Policies page: the org's policies in a list (New, Duplicate, Rename, Pause/Resume,
// Delete) and the selected one in a form with the what-if curve beside its threshold. The
// selected policy becomes the workspace's current policy, so Preview runs it.
//
//   org opened ──> refresh(): deployment, list, licenses, may the user edit? (one task)
//                    ├─ not deployed / old schema / no permission ──> banner, read-only
//                    └─> select the current policy ──> load(id) ──> form, setCurrentPolicy
//   edit ──> problems under the fields; Save (Ctrl+S) only when valid and changed
//   Save ──> repository.save ──┬─ stored ──> form reloaded, list refreshed
//                              └─ conflict ──> ask: Reload (load) | Overwrite (overwrite)
//
// Every write goes through the workspace's PolicyRepository as a QCoro task; the page stays
// responsive and ignores answers that arrive after another org was opened. While a write
// runs, the actions are disabled.
class PoliciesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PoliciesPage)

public:
    // What refresh() reads from the org in one task (defined in the .cpp).
    struct PageState;

    explicit PoliciesPage(OrgWorkspace *workspace, QWidget *parent = nullptr);
    ~PoliciesPage() override;

    // Replaces the message boxes and the name dialog (tests).
    void setDialogs(PolicyDialogs dialogs);

    [[nodiscard]] PolicyListModel *model() const { return m_model; }
    [[nodiscard]] PolicyForm *form() const { return m_form; }
    [[nodiscard]] WhatIfChart *whatIf() const { return m_whatIf; }
    [[nodiscard]] bool isBusy() const { return m_busy > 0; }
    // Whether an org is open, its LR objects are deployed and the user may edit policies.
    [[nodiscard]] bool isWritable() const;
    [[nodiscard]] bool hasUnsavedEdits() const;

    // Before the page is left (another page, closing the window): runs `proceed` at once when
    // nothing is unsaved; otherwise asks Save, Discard or Cancel, and runs it after Discard or
    // after the save succeeded.
    void requestLeave(const std::function<void()> &proceed);

public Q_SLOTS:
    void refresh();
    void save();
    void revert();
    void createPolicy();
    void duplicatePolicy();
    void renamePolicy();
    void togglePaused();
    void deletePolicy();

Q_SIGNALS:
    // The list and the selected policy are shown (after refresh, load or a write).
    void policiesShown();
    // A write or load finished; `ok` false when it failed (the message is on the page).
    void operationFinished(bool ok);
    // The what-if curve asks for a scan (the window runs Preview's).
    void scanRequested();

private:
    void setupUi();
    [[nodiscard]] QWidget *createListPanel();
    [[nodiscard]] QWidget *createFormPanel();
    void createActions();

    void showState(const Result<PageState> &state, const QString &selectId);
    void selectRow(int row);
    void selectionChanged(int row);
    void loadPolicy(const QString &id);
    void showPolicy(const policy::Policy &policy);
    void runWrite(QCoro::Task<Result<policy::PolicyWriteOutcome>> task,
                  const std::function<void()> &afterSuccess = {});
    void handleOutcome(const Result<policy::PolicyWriteOutcome> &outcome,
                       const std::function<void()> &afterSuccess);
    void handleConflict(const policy::PolicyConflict &conflict);
    void showError(const Error &error);
    void setStatus(const QString &text);
    void beginBusy();
    void endBusy(bool ok);
    void updateState();
    [[nodiscard]] bool guardEdits();

    OrgWorkspace *m_workspace;
    PolicyDialogs m_dialogs;
    PolicyListModel *m_model;
    quint64 m_generation = 0; // bumped per org; answers of an older one are dropped
    int m_busy = 0;
    bool m_deployed = false;
    bool m_mayEdit = false;
    QString m_selectedId;
    int m_selectedRow = -1;
    bool m_selecting = false;

    QLabel *m_banner = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLabel *m_titleLabel = nullptr;
    PolicyForm *m_form = nullptr;
    WhatIfChart *m_whatIf = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_saveAction = nullptr;
};

} // namespace lr::ui
