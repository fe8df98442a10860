#include "ui/preview/previewpage.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/pipeline/previewcsv.h"
#include "ui/orgworkspace.h"
#include "ui/preview/candidatedetailsview.h"
#include "ui/preview/candidatefilterproxymodel.h"
#include "ui/preview/candidatetablemodel.h"
#include "ui/preview/findingchipsdelegate.h"
#include "ui/preview/previewscan.h"
#include "ui/preview/scansourcewarning.h"

#include <QCheckBox>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace lr::ui {

namespace {

constexpr int kMaxInitialColumnWidth = 220;

} // namespace

PreviewPage::PreviewPage(OrgWorkspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_policy(workspace->currentPolicy())
    , m_model(new CandidateTableModel(this))
    , m_proxy(new CandidateFilterProxyModel(this))
{
    setObjectName(QStringLiteral("previewPage"));
    m_proxy->setSourceModel(m_model);
    setupUi();
    connect(m_workspace, &OrgWorkspace::opening, this, [this] {
        // A scan of the org being replaced must not land on the new one.
        delete m_run;
        m_run = nullptr;
        m_scanned = false;
        m_model->clear();
        m_progress->hide();
        m_scanButton->setEnabled(false);
        m_status->setText(tr("Opening the org…"));
        updateEmptyState();
    });
    connect(m_workspace, &OrgWorkspace::opened, this, &PreviewPage::scan);
    connect(m_workspace, &OrgWorkspace::failed, this, [this](const QString &message) {
        m_status->setText(tr("No org is open: %1").arg(message));
        updateEmptyState();
    });
    connect(m_scanButton, &QPushButton::clicked, this, &PreviewPage::scan);
    connect(m_exportButton, &QPushButton::clicked, this, &PreviewPage::chooseCsvFile);
    connect(m_workspace, &OrgWorkspace::currentPolicyChanged, this, &PreviewPage::applyPolicy);
    applyPolicy(m_policy);
}

PreviewPage::~PreviewPage() = default;

void PreviewPage::setupUi()
{
    m_status = new QLabel(tr("Opening the org…"), this);
    m_status->setObjectName(QStringLiteral("previewStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("scanProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_progress->hide();

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummaryLabel"));
    m_summary->setTextFormat(Qt::RichText);
    QFont summaryFont = m_summary->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.1);
    m_summary->setFont(summaryFont);

    m_sourceWarnings = new QLabel(this);
    m_sourceWarnings->setObjectName(QStringLiteral("sourceWarningsLabel"));
    m_sourceWarnings->setWordWrap(true);
    // Both colours fixed, so the note reads the same on light and dark palettes.
    m_sourceWarnings->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #4d3800; border: 1px solid #ffb300; "
                       "border-radius: 4px; padding: 6px; }"));
    m_sourceWarnings->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createTopBar());
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(m_sourceWarnings);
    layout->addLayout(createFilterBar());
    layout->addWidget(createSplitter(), 1);
    layout->addWidget(m_status);
    updateEmptyState();
}

QLayout *PreviewPage::createTopBar()
{
    auto *title = new QLabel(tr("Preview"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_policyLabel = new QLabel(this);
    m_policyLabel->setObjectName(QStringLiteral("policyLabel"));
    m_policyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_scanButton = new QPushButton(tr("&Scan"), this);
    m_scanButton->setObjectName(QStringLiteral("scanButton"));
    m_scanButton->setToolTip(tr("Read the org again and rebuild the preview."));
    m_scanButton->setEnabled(false);

    m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportButton->setToolTip(tr("Save the candidates, and the blocked users with their "
                                  "reasons, as a CSV file for Excel."));
    m_exportButton->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addSpacing(12);
    bar->addWidget(m_policyLabel, 1);
    bar->addWidget(m_exportButton);
    bar->addWidget(m_scanButton);
    return bar;
}

QLayout *PreviewPage::createFilterBar()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, username, license, department or finding"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateEmptyState();
    });

    // "Show" adds the blocked users to the candidates rather than replacing them: an analyst
    // asking "why is Jane not on the list?" types her name and finds her either way, and the
    // red chips already tell the two kinds apart. A separate list would hide that answer
    // behind a mode the analyst has to remember to switch.
    m_showBlocked = new QCheckBox(tr("Show &blocked users too"), this);
    m_showBlocked->setObjectName(QStringLiteral("showBlockedCheckBox"));
    m_showBlocked->setToolTip(tr("Also list the users kept safe by a red finding, with the "
                                 "reason."));
    connect(m_showBlocked, &QCheckBox::toggled, this, [this](bool show) {
        m_proxy->setShowBlocked(show);
        updateEmptyState();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_showBlocked);
    return bar;
}

QSplitter *PreviewPage::createSplitter()
{
    setupTable();
    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);

    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_emptyLabel);

    // Below the table rather than beside it: the table keeps the width its six columns
    // need, and the details lay their findings and facts out side by side.
    m_details = new CandidateDetailsView(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("previewSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tableStack);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({300, 200});
    return splitter;
}

void PreviewPage::setupTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("candidateTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(static_cast<int>(CandidateTableModel::Column::DaysInactive),
                          Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 4);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: measuring every row of a large org would stall
    // the window for longer than the preview takes to build.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setItemDelegateForColumn(static_cast<int>(CandidateTableModel::Column::Findings),
                                      new FindingChipsDelegate(m_table));
    connect(m_table->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &PreviewPage::showSelectedUser);
}

void PreviewPage::applyPolicy(const policy::Policy &policy)
{
    m_policy = policy;
    //: "Policy: Salesforce licenses, 90 days · dry run"
    m_policyLabel->setText(
        tr("Policy: %1 · %2")
            .arg(m_policy.name, m_policy.dryRun ? tr("dry run") : tr("live actions")));
    const QString licenses = m_policy.includeLicenses.isEmpty()
                                 ? tr("every license")
                                 : QLocale().createSeparatedList(m_policy.includeLicenses);
    m_policyLabel->setToolTip(tr("Users of %1 who have not logged in for %Ln day(s) (or the "
                                 "policy's threshold for their license). The preview writes "
                                 "nothing to the org.",
                                 "",
                                 m_policy.defaultThresholdDays)
                                  .arg(licenses));
    if (m_run) {
        // Once the run ends, also when it is the org's first scan, which was started with
        // the policy before this one.
        m_rebuildPending = true;
        return;
    }
    if (!m_scanned) {
        return;
    }
    startRun(true);
}

void PreviewPage::scan()
{
    if (m_run || !m_workspace->client()) {
        return;
    }
    m_rebuildPending = false;
    startRun(false);
}

void PreviewPage::startRun(bool rebuild)
{
    if (const QList<policy::PolicyProblem> problems = m_policy.validate(); !problems.isEmpty()) {
        m_status->setText(tr("The policy “%1” is not valid, so it is not run: %2 Correct it on "
                             "the Policies page.")
                              .arg(m_policy.name, problems.first().message));
        m_scanButton->setEnabled(m_workspace->client() != nullptr);
        return;
    }
    // A new policy over the last snapshot needs only the checks; a scan reads the org again.
    m_rebuilding = rebuild;
    m_scanButton->setEnabled(false);
    m_exportButton->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    m_scanClock.start();

    m_run = new PreviewScan(this);
    connect(m_run, &PreviewScan::progressChanged, this, &PreviewPage::showProgress);
    connect(m_run, &PreviewScan::checking, this, [this](int users) {
        m_progress->setValue(m_progress->maximum());
        m_progress->setFormat(tr("Running the safety checks on %Ln user(s)…", "", users));
    });
    connect(m_run, &PreviewScan::finished, this, &PreviewPage::showPreview);
    connect(m_run, &PreviewScan::failed, this, &PreviewPage::failScan);
    updateEmptyState();
    if (m_rebuilding) {
        m_status->setText(tr("Previewing “%1” over the last scan.").arg(m_policy.name));
        m_run->rebuild(m_model->snapshot(), m_policy);
        return;
    }
    m_progress->setFormat(tr("Starting the scan…"));
    m_status->setText(tr("Scanning the org. Nothing is changed in it."));
    Q_EMIT scanStarted();
    m_run->start(m_workspace->client(), m_policy);
}

void PreviewPage::endRun()
{
    m_run->deleteLater();
    m_run = nullptr;
    m_scanButton->setEnabled(true);
    m_progress->hide();
}

void PreviewPage::runPendingRebuild()
{
    // The policy changed while the run worked for the one before it.
    if (std::exchange(m_rebuildPending, false) && m_scanned && !m_run) {
        startRun(true);
    }
}

void PreviewPage::chooseCsvFile()
{
    const QString base = m_policy.name.isEmpty() ? tr("preview") : m_policy.name;
    QString suggested = tr("%1 %2.csv").arg(base, QDate::currentDate().toString(Qt::ISODate));
    suggested.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|])")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(
        this,
        tr("Export the preview"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(suggested),
        tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        (void)exportCsv(path);
    }
}

bool PreviewPage::exportCsv(const QString &path)
{
    if (!m_scanned) {
        return false;
    }
    const QByteArray csv = pipeline::PreviewCsv::write(m_model->preview(), m_model->snapshot());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        m_status->setText(tr("The preview could not be saved to %1: %2")
                              .arg(QDir::toNativeSeparators(path), file.errorString()));
        qCWarning(lcUi).noquote() << "CSV export failed:" << file.errorString();
        return false;
    }
    const pipeline::ReclaimPreview &preview = m_model->preview();
    m_status->setText(tr("Saved %Ln row(s) to %1.",
                         "",
                         static_cast<int>(preview.candidates.size() + preview.blocked.size()))
                          .arg(QDir::toNativeSeparators(path)));
    return true;
}

void PreviewPage::showProgress(double fraction, const QString &stage)
{
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100.0));
    // The stage is data, not a format: a '%' in it must not become a placeholder.
    QString text = stage;
    text.replace(QLatin1Char('%'), QStringLiteral("%%"));
    m_progress->setFormat(tr("%1 (%p%)").arg(text));
}

void PreviewPage::failScan(const Error &error)
{
    endRun();
    m_exportButton->setEnabled(m_scanned);
    qCWarning(lcUi).noquote() << "preview scan failed:" << error.toString();
    m_status->setText(tr("The scan failed: %1").arg(error.message));
    updateEmptyState();
    Q_EMIT scanFailed(error.message);
    runPendingRebuild();
}

void PreviewPage::showPreview(const PreviewScan::Outcome &outcome)
{
    endRun();
    const qint64 scanMs = m_scanClock.elapsed();
    // Copies share the lists' data: nothing per user is copied here.
    m_model->setPreview(outcome.snapshot, outcome.preview);
    m_exportButton->setEnabled(true);
    if (!m_rebuilding) {
        m_workspace->setLastSnapshot(std::make_shared<const scan::OrgSnapshot>(outcome.snapshot));
    }
    if (!std::exchange(m_scanned, true)) {
        // Widths from the first preview of an org only: a rescan keeps the analyst's widths.
        m_table->resizeColumnsToContents();
        for (int column = 0; column < static_cast<int>(CandidateTableModel::Column::Findings);
             ++column) {
            m_table->setColumnWidth(column,
                                    std::min(m_table->columnWidth(column), kMaxInitialColumnWidth));
        }
    }
    const QLocale locale;
    const QString takenAt =
        locale.toString(m_model->snapshot().takenAt.toLocalTime(), QLocale::ShortFormat);
    if (m_rebuilding) {
        m_status->setText(tr("Previewed “%1” over the scan of %2, without reading the org "
                             "again. Nothing was changed in the org.")
                              .arg(m_policy.name, takenAt));
    } else {
        m_status->setText(tr("Scanned %1 in %2 s with %Ln API call(s). Nothing was changed in "
                             "the org.",
                             "",
                             m_model->snapshot().apiCalls)
                              .arg(takenAt, locale.toString(double(scanMs) / 1000.0, 'f', 1)));
    }
    showSummary();
    showSourceWarnings();
    updateEmptyState();
    // The first row's details, so the pane explains something from the start.
    if (m_proxy->rowCount() > 0) {
        m_table->selectRow(0);
    }
    showSelectedUser();
    Q_EMIT previewReady();
    runPendingRebuild();
}

void PreviewPage::showSummary()
{
    const pipeline::ReclaimPreview &preview = m_model->preview();
    const int candidates = static_cast<int>(preview.candidates.size());
    const int blocked = static_cast<int>(preview.blocked.size());
    // The scan reads only users idle for kMinimumInactiveDays or more, so "in scope" says so:
    // next to the Overview's seat counts a bare "400 users in scope" would look wrong.
    //: "412 candidates of 1,830 users in scope (inactive 30 days or more) · 266 kept safe"
    m_summary->setText(
        tr("<b>%1</b> of %2 · <b>%3</b>")
            .arg(tr("%Ln candidate(s)", "", candidates),
                 tr("%Ln user(s) in scope (inactive %1 days or more)", "", preview.inScope)
                     .arg(scan::OrgSnapshot::kMinimumInactiveDays),
                 tr("%Ln kept safe", "", blocked)));
    const int belowThreshold = preview.inScope - candidates - blocked;
    m_summary->setToolTip(
        tr("Candidates have no red finding; users kept safe have at least one. %Ln more "
           "user(s) in scope have not been inactive for as long as the policy's threshold.",
           "",
           belowThreshold));
}

void PreviewPage::showSourceWarnings()
{
    const QString text = ScanSourceWarning::text(m_model->snapshot());
    m_sourceWarnings->setText(text);
    m_sourceWarnings->setVisible(!text.isEmpty());
}

void PreviewPage::showSelectedUser()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->showHint(m_scanned ? tr("Select a user to see every finding and the facts "
                                           "the checks weighed.")
                                      : QString());
        return;
    }
    m_details->showUser(*m_model, m_proxy->mapToSource(rows.first()).row());
}

void PreviewPage::updateEmptyState()
{
    QString text;
    if (!m_scanned) {
        text = m_run ? tr("Scanning the org…") : m_status->text();
    } else if (m_proxy->rowCount() == 0) {
        const pipeline::ReclaimPreview &preview = m_model->preview();
        if (!m_proxy->filterText().isEmpty()) {
            text = tr("No user matches “%1”.").arg(m_filter->text().trimmed());
        } else if (!preview.blocked.isEmpty()) {
            text = tr("No candidates: every user past the threshold is kept safe. Turn on "
                      "“Show blocked users too” to see why.");
        } else {
            text = tr("No candidates: no user in the policy's scope is past its inactivity "
                      "threshold.");
        }
    }
    m_emptyLabel->setText(text);
    m_tableStack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_table) : m_emptyLabel);
}

} // namespace lr::ui
