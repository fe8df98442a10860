#include "ui/policies/policiespage.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/org/orgoverview.h"
#include "core/policy/policyeditaccess.h"
#include "core/policy/policyrepository.h"
#include "ui/orgworkspace.h"
#include "ui/policies/policyform.h"
#include "ui/policies/policylistmodel.h"
#include "ui/policies/whatifchart.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lr::ui {

using policy::Policy;
using policy::PolicyConflict;
using policy::PolicyWriteOutcome;

// What refresh() reads in one task.
struct PoliciesPage::PageState
{
    policy::DeploymentStatus deployment;
    QList<policy::PolicySummary> policies;
    QStringList licenses;
    bool mayEdit = true;
    QString accessNote; // why editing is off, when it is
};

namespace {

QCoro::Task<Result<PoliciesPage::PageState>> readState(policy::PolicyRepository *repository,
                                                       org::OrgClient *client);

} // namespace

PoliciesPage::PoliciesPage(OrgWorkspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_dialogs(PolicyDialogs::interactive(this))
    , m_model(new PolicyListModel(this))
{
    setObjectName(u"policiesPage"_s);
    setupUi();
    createActions();
    connect(m_workspace, &OrgWorkspace::opened, this, [this] {
        m_form->setUserDirectory(m_workspace->client());
        refresh();
    });
    connect(m_workspace, &OrgWorkspace::opening, this, [this] {
        ++m_generation;
        m_busy = 0;
        m_model->setPolicies({});
        m_form->setUserDirectory(nullptr);
        m_form->setPolicy(Policy::builtInDefault());
        updateState();
    });
    connect(m_workspace, &OrgWorkspace::snapshotChanged, this, [this] {
        QHash<QString, QString> users;
        if (const auto snapshot = m_workspace->lastSnapshot()) {
            for (const scan::ScannedUser &user : snapshot->users) {
                users.insert(user.username, user.id);
            }
        }
        m_form->setKnownUsers(users);
    });
    connect(m_form, &PolicyForm::edited, this, [this] {
        m_whatIf->setPolicy(m_form->policy());
        updateState();
    });
    connect(m_whatIf, &WhatIfChart::scanRequested, this, &PoliciesPage::scanRequested);
    m_form->setPolicy(Policy::builtInDefault());
    m_form->setUserDirectory(m_workspace->isOpen() ? m_workspace->client() : nullptr);
    updateState();
}

PoliciesPage::~PoliciesPage() = default;

void PoliciesPage::setDialogs(PolicyDialogs dialogs)
{
    m_dialogs = std::move(dialogs);
}

void PoliciesPage::setupUi()
{
    m_banner = new QLabel(this);
    m_banner->setObjectName(u"policyBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(u"QLabel { background: #fff4e5; border: 1px solid #f0b35b; "
                            "padding: 8px; color: #5c3b00; }"_s);
    m_banner->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createListPanel());
    splitter->addWidget(createFormPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({250, 850});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
}

QWidget *PoliciesPage::createListPanel()
{
    auto *panel = new QWidget(this);
    m_table = new QTableView(panel);
    m_table->setObjectName(u"policyTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumWidth(220);
    m_table->setAccessibleName(tr("Policies"));
    connect(m_table->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this](const QModelIndex &current) { selectionChanged(current.row()); });

    const auto button = [panel](const QString &text, const QString &name) {
        auto *b = new QPushButton(text, panel);
        b->setObjectName(name);
        return b;
    };
    m_newButton = button(tr("&New…"), u"newPolicyButton"_s);
    m_duplicateButton = button(tr("D&uplicate"), u"duplicatePolicyButton"_s);
    m_renameButton = button(tr("Rena&me…"), u"renamePolicyButton"_s);
    m_pauseButton = button(tr("&Pause"), u"pausePolicyButton"_s);
    m_deleteButton = button(tr("De&lete…"), u"deletePolicyButton"_s);
    connect(m_newButton, &QPushButton::clicked, this, &PoliciesPage::createPolicy);
    connect(m_duplicateButton, &QPushButton::clicked, this, &PoliciesPage::duplicatePolicy);
    connect(m_renameButton, &QPushButton::clicked, this, &PoliciesPage::renamePolicy);
    connect(m_pauseButton, &QPushButton::clicked, this, &PoliciesPage::togglePaused);
    connect(m_deleteButton, &QPushButton::clicked, this, &PoliciesPage::deletePolicy);

    auto *buttons = new QGridLayout;
    buttons->addWidget(m_newButton, 0, 0);
    buttons->addWidget(m_duplicateButton, 0, 1);
    buttons->addWidget(m_renameButton, 0, 2);
    buttons->addWidget(m_pauseButton, 1, 0);
    buttons->addWidget(m_deleteButton, 1, 1);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    return panel;
}

QWidget *PoliciesPage::createFormPanel()
{
    auto *panel = new QWidget(this);
    m_titleLabel = new QLabel(panel);
    m_titleLabel->setObjectName(u"policyTitleLabel"_s);
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont title = m_titleLabel->font();
    title.setPointSizeF(title.pointSizeF() * 1.3);
    title.setBold(true);
    m_titleLabel->setFont(title);

    m_form = new PolicyForm(panel);
    m_whatIf = new WhatIfChart(m_workspace, panel);
    m_form->setThresholdCompanion(m_whatIf);
    auto *scroll = new QScrollArea(panel);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded); // never clip a field

    m_saveButton = new QPushButton(tr("&Save"), panel);
    m_saveButton->setObjectName(u"savePolicyButton"_s);
    m_saveButton->setToolTip(tr("Save the policy to the org (Ctrl+S)"));
    m_revertButton = new QPushButton(tr("Re&vert"), panel);
    m_revertButton->setObjectName(u"revertPolicyButton"_s);
    m_status = new QLabel(panel);
    m_status->setObjectName(u"policyStatusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_saveButton, &QPushButton::clicked, this, &PoliciesPage::save);
    connect(m_revertButton, &QPushButton::clicked, this, &PoliciesPage::revert);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_revertButton);
    bar->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_titleLabel);
    layout->addWidget(scroll, 1);
    layout->addLayout(bar);
    return panel;
}

void PoliciesPage::createActions()
{
    m_saveAction = new QAction(tr("Save policy"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_saveAction, &QAction::triggered, this, &PoliciesPage::save);
    addAction(m_saveAction);
}

bool PoliciesPage::hasUnsavedEdits() const
{
    return isWritable() && m_form->loadedPolicy().isStored() && m_form->isDirty();
}

bool PoliciesPage::isWritable() const
{
    return m_deployed && m_mayEdit && m_workspace->policies() != nullptr;
}

void PoliciesPage::updateState()
{
    const Policy &loaded = m_form->loadedPolicy();
    const bool stored = loaded.isStored();
    const bool idle = m_busy == 0;
    const bool editable = isWritable() && stored;
    const QList<policy::PolicyProblem> problems = m_form->problems();
    m_form->showProblems(problems);
    if (m_form->isReadOnly() == editable) {
        m_form->setReadOnly(!editable);
    }
    const bool dirty = editable && m_form->isDirty();
    m_saveButton->setEnabled(idle && dirty && problems.isEmpty());
    m_saveAction->setEnabled(m_saveButton->isEnabled());
    m_revertButton->setEnabled(idle && dirty);
    m_newButton->setEnabled(idle && isWritable());
    m_duplicateButton->setEnabled(idle && editable);
    m_renameButton->setEnabled(idle && editable);
    m_pauseButton->setEnabled(idle && editable);
    m_pauseButton->setText(loaded.active ? tr("&Pause") : tr("&Resume"));
    m_deleteButton->setEnabled(idle && editable);
    m_table->setEnabled(idle || m_model->rowCount() > 0);
    QString title = loaded.name;
    if (!stored) {
        title = tr("%1 (built in, read-only)").arg(loaded.name);
    } else if (dirty) {
        title = tr("%1 (unsaved changes)").arg(loaded.name);
    }
    m_titleLabel->setText(title);
}

void PoliciesPage::setStatus(const QString &text)
{
    m_status->setText(text);
}

void PoliciesPage::showError(const Error &error)
{
    qCWarning(lcUi).noquote() << "policies:" << error.toString();
    if (error.kind == Error::Kind::Refused && error.code.startsWith(u"INSUFFICIENT_ACCESS"_s)) {
        m_mayEdit = false;
        m_banner->setText(error.message);
        m_banner->show();
    }
    setStatus(error.message);
}

void PoliciesPage::beginBusy()
{
    ++m_busy;
    updateState();
}

void PoliciesPage::endBusy(bool ok)
{
    m_busy = std::max(0, m_busy - 1);
    updateState();
    Q_EMIT operationFinished(ok);
}

// ---- reading ------------------------------------------------------------------------------

namespace {

QCoro::Task<Result<PoliciesPage::PageState>> readState(policy::PolicyRepository *repository,
                                                       org::OrgClient *client)
{
    PoliciesPage::PageState state;
    Result<policy::DeploymentStatus> deployment = co_await repository->deploymentStatus(true);
    if (!deployment) {
        co_return deployment.error();
    }
    state.deployment = deployment.value();
    Result<QList<policy::PolicySummary>> list = co_await repository->list();
    if (!list) {
        co_return list.error();
    }
    state.policies = list.value();
    Result<org::OrgOverview> overview = co_await org::OrgOverview::load(*client);
    if (overview) {
        for (const org::LicenseSeats &license : overview->licenses) {
            state.licenses.append(license.name);
        }
    } else {
        qCWarning(lcUi).noquote() << "license list:" << overview.error().toString();
    }
    if (state.deployment.isDeployed()) {
        Result<policy::PolicyEditAccess> access = co_await policy::PolicyEditAccess::load(*client);
        // When the org will not say, the writes will: the form stays editable.
        state.mayEdit = !access || access->mayEdit();
    }
    co_return state;
}

} // namespace

void PoliciesPage::refresh()
{
    policy::PolicyRepository *repository = m_workspace->policies();
    if (!repository) {
        return;
    }
    const quint64 generation = m_generation;
    const QString selectId = m_form->loadedPolicy().isStored() ? m_form->loadedPolicy().id
                                                               : m_workspace->currentPolicy().id;
    beginBusy();
    QCoro::connect(readState(repository, m_workspace->client()),
                   this,
                   [this, generation, selectId](const Result<PageState> &state) {
                       if (generation != m_generation) {
                           return;
                       }
                       showState(state, selectId);
                       endBusy(state.hasValue());
                   });
}

void PoliciesPage::showState(const Result<PageState> &state, const QString &selectId)
{
    if (!state) {
        setStatus(tr("Cannot read the policies: %1").arg(state.error().message));
        return;
    }
    m_deployed = state->deployment.isDeployed();
    m_mayEdit = state->mayEdit;
    if (!m_deployed) {
        m_banner->setText(state->deployment.message(
            m_workspace->policies() ? m_workspace->policies()->orgAlias() : QString()));
    } else if (!m_mayEdit) {
        m_banner->setText(tr("You can read these policies but not change them: editing needs "
                             "the LR Operator or LR Admin permission set in this org."));
    }
    m_banner->setVisible(!m_deployed || !m_mayEdit);
    m_form->setLicenses(state->licenses);
    m_model->setPolicies(state->policies);
    const int row = std::max(0, m_model->rowOf(selectId));
    if (m_model->rowCount() > 0) {
        selectRow(row);
        if (m_model->summary(row).id == m_form->loadedPolicy().id
            && m_form->loadedPolicy().isStored()) {
            Q_EMIT policiesShown(); // the same policy stays in the form, edits and all
        } else {
            selectionChanged(row);
        }
    }
    updateState();
}

void PoliciesPage::selectRow(int row)
{
    m_selecting = true;
    m_table->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_selectedRow = row;
    m_selecting = false;
}

void PoliciesPage::selectionChanged(int row)
{
    if (m_selecting || row < 0 || row >= m_model->rowCount()) {
        return;
    }
    const QString id = m_model->summary(row).id;
    if (id == m_form->loadedPolicy().id && row == m_selectedRow && !id.isEmpty()) {
        return;
    }
    const int previous = m_selectedRow;
    if (hasUnsavedEdits()) {
        // Back to the edited policy while the user decides.
        selectRow(previous);
        requestLeave([this, row] {
            selectRow(row);
            loadPolicy(m_model->summary(row).id);
        });
        return;
    }
    m_selectedRow = row;
    loadPolicy(id);
}

void PoliciesPage::loadPolicy(const QString &id)
{
    if (id.isEmpty()) {
        showPolicy(Policy::builtInDefault());
        return;
    }
    const quint64 generation = m_generation;
    beginBusy();
    QCoro::connect(
        m_workspace->policies()->load(id), this, [this, generation](const Result<Policy> &policy) {
            if (generation != m_generation) {
                return;
            }
            if (!policy) {
                showError(policy.error());
            } else {
                showPolicy(policy.value());
            }
            endBusy(policy.hasValue());
        });
}

void PoliciesPage::showPolicy(const Policy &policy)
{
    m_selectedId = policy.id;
    m_form->setPolicy(policy);
    m_workspace->setCurrentPolicy(policy);
    const int row = m_model->rowOf(policy.id);
    if (row >= 0) {
        selectRow(row);
    }
    setStatus(policy.isStored() && policy.lastModifiedAt.isValid()
                  ? tr("Version %1, saved by %2 on %3.")
                        .arg(QString::number(policy.version),
                             policy.lastModifiedBy,
                             QLocale().toString(policy.lastModifiedAt.toLocalTime(),
                                                QLocale::ShortFormat))
                  : QString());
    updateState();
    Q_EMIT policiesShown();
}

// ---- writing ------------------------------------------------------------------------------

void PoliciesPage::runWrite(QCoro::Task<Result<PolicyWriteOutcome>> task,
                            const std::function<void()> &afterSuccess)
{
    const quint64 generation = m_generation;
    beginBusy();
    setStatus(tr("Saving…"));
    QCoro::connect(std::move(task),
                   this,
                   [this, generation, afterSuccess](const Result<PolicyWriteOutcome> &outcome) {
                       if (generation != m_generation) {
                           return;
                       }
                       handleOutcome(outcome, afterSuccess);
                       endBusy(outcome.hasValue() && !outcome->hasConflict());
                   });
}

void PoliciesPage::handleOutcome(const Result<PolicyWriteOutcome> &outcome,
                                 const std::function<void()> &afterSuccess)
{
    if (!outcome) {
        showError(outcome.error());
        return;
    }
    if (outcome->hasConflict()) {
        setStatus(outcome->conflict->message());
        handleConflict(*outcome->conflict);
        return;
    }
    if (outcome->policy) {
        showPolicy(*outcome->policy);
        setStatus(tr("Saved: version %1.").arg(outcome->policy->version));
    } else {
        setStatus(tr("Deleted."));
    }
    refresh();
    if (afterSuccess) {
        afterSuccess();
    }
}

void PoliciesPage::handleConflict(const PolicyConflict &conflict)
{
    if (conflict.reason == PolicyConflict::Reason::NameTaken) {
        (void)m_dialogs.ask(PolicyDialogs::Question::NameConflict, conflict.message());
        return;
    }
    const PolicyDialogs::Answer answer =
        m_dialogs.ask(PolicyDialogs::Question::Conflict, conflict.message());
    if (answer == PolicyDialogs::Answer::Reload) {
        loadPolicy(m_form->loadedPolicy().id);
    } else if (answer == PolicyDialogs::Answer::Overwrite) {
        runWrite(m_workspace->policies()->overwrite(m_form->policy()));
    }
}

void PoliciesPage::save()
{
    if (!m_saveButton->isEnabled()) {
        return;
    }
    runWrite(m_workspace->policies()->save(m_form->policy()));
}

void PoliciesPage::revert()
{
    m_form->setPolicy(m_form->loadedPolicy());
    setStatus(tr("Changes reverted."));
}

void PoliciesPage::requestLeave(const std::function<void()> &proceed)
{
    if (!hasUnsavedEdits()) {
        proceed();
        return;
    }
    const PolicyDialogs::Answer answer =
        m_dialogs.ask(PolicyDialogs::Question::UnsavedEdits,
                      tr("The policy \"%1\" has changes that are not saved. Save them?")
                          .arg(m_form->loadedPolicy().name));
    if (answer == PolicyDialogs::Answer::Discard) {
        m_form->setPolicy(m_form->loadedPolicy());
        proceed();
    } else if (answer == PolicyDialogs::Answer::Save) {
        if (!m_form->problems().isEmpty()) {
            setStatus(tr("Fix the problems shown under the fields before saving."));
            return;
        }
        runWrite(m_workspace->policies()->save(m_form->policy()), proceed);
    }
}

bool PoliciesPage::guardEdits()
{
    if (!hasUnsavedEdits()) {
        return true;
    }
    setStatus(tr("Save or revert your changes first."));
    return false;
}

void PoliciesPage::createPolicy()
{
    if (!isWritable() || !guardEdits()) {
        return;
    }
    const std::optional<QString> name = m_dialogs.askName(tr("New policy"), QString());
    if (!name || name->trimmed().isEmpty()) {
        return;
    }
    Policy policy = Policy::builtInDefault();
    policy.name = name->trimmed();
    policy.active = false; // a new policy runs only once someone resumes it
    runWrite(m_workspace->policies()->create(policy));
}

void PoliciesPage::duplicatePolicy()
{
    if (guardEdits()) {
        runWrite(m_workspace->policies()->duplicate(m_form->loadedPolicy()));
    }
}

void PoliciesPage::renamePolicy()
{
    if (!guardEdits()) {
        return;
    }
    const Policy &loaded = m_form->loadedPolicy();
    const std::optional<QString> name = m_dialogs.askName(tr("Rename policy"), loaded.name);
    if (!name || name->trimmed().isEmpty() || name->trimmed() == loaded.name) {
        return;
    }
    runWrite(m_workspace->policies()->rename(loaded, name->trimmed()));
}

void PoliciesPage::togglePaused()
{
    if (guardEdits()) {
        const Policy &loaded = m_form->loadedPolicy();
        runWrite(m_workspace->policies()->setActive(loaded, !loaded.active));
    }
}

void PoliciesPage::deletePolicy()
{
    if (!guardEdits()) {
        return;
    }
    const Policy loaded = m_form->loadedPolicy();
    const PolicyDialogs::Answer answer = m_dialogs.ask(
        PolicyDialogs::Question::ConfirmDelete,
        tr("Delete the policy \"%1\" and its exemptions from the org? Other consoles and the "
           "agent stop using it at once. A policy with open cases cannot be deleted; pause it "
           "instead.")
            .arg(loaded.name));
    if (answer != PolicyDialogs::Answer::Delete) {
        return;
    }
    runWrite(m_workspace->policies()->remove(loaded), [this] {
        m_form->setPolicy(Policy::builtInDefault());
        m_workspace->setCurrentPolicy(Policy::builtInDefault());
    });
}

} // namespace lr::ui
