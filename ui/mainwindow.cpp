#include "ui/mainwindow.h"

#include "core/org/openedorg.h"
#include "core/org/orgchoice.h"
#include "ui/connections/connectionspage.h"
#include "ui/orgheader.h"
#include "ui/orgworkspace.h"
#include "ui/overview/overviewpage.h"
#include "ui/policies/policiespage.h"
#include "ui/preview/previewpage.h"

#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace lr::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(new OrgWorkspace(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("License Reclaim"));
    setupUi();
    connect(m_workspace, &OrgWorkspace::opening, m_header, &OrgHeader::showOpening);
    connect(m_workspace, &OrgWorkspace::failed, m_header, &OrgHeader::showFailure);
    connect(m_workspace, &OrgWorkspace::opened, this, [this](const org::OrgIdentity &identity) {
        const org::OpenedOrg *opened = m_workspace->openedOrg();
        m_header->showOrg(identity, opened->description(), opened->isDemo());
        setWindowTitle(tr("%1 — License Reclaim").arg(identity.name));
    });
    connect(m_workspace, &OrgWorkspace::apiUsageChanged, this, &MainWindow::showApiUsage);
    // Another org's usage, or none when the org is closed: never the last one's.
    connect(m_workspace, &OrgWorkspace::opening, m_apiUsage, &QLabel::clear);
}

MainWindow::~MainWindow() = default;

void MainWindow::setupUi()
{
    m_header = new OrgHeader(this);

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setStyleSheet(QStringLiteral("QListWidget::item { padding: 8px 12px; }"));

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pageStack"));
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::navigate);

    m_overview = new OverviewPage(m_workspace, this);
    addPage(m_overview, tr("Overview"));
    m_preview = new PreviewPage(m_workspace, this);
    addPage(m_preview, tr("Preview"));
    m_policies = new PoliciesPage(m_workspace, this);
    addPage(m_policies, tr("Policies"));
    connect(m_policies, &PoliciesPage::scanRequested, this, [this] {
        showPage(m_preview);
        m_preview->scan();
    });
    m_connections = new ConnectionsPage(m_workspace, this);
    addPage(m_connections, tr("Connections"));
    m_navigation->setCurrentRow(0);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(rule);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_apiUsage = new QLabel(this);
    m_apiUsage->setObjectName(QStringLiteral("apiUsageLabel"));
    statusBar()->addPermanentWidget(m_apiUsage);
    // Room for the Policies form beside its list, within a small laptop's screen.
    QSize size(1280, 800);
    if (const QScreen *screen = this->screen()) {
        size = size.boundedTo(screen->availableGeometry().size() * 0.92);
    }
    resize(size);
}

void MainWindow::addPage(QWidget *page, const QString &title)
{
    m_pages->addWidget(page);
    m_navigation->addItem(title);
}

void MainWindow::navigate(int row)
{
    // Leaving the Policies page with unsaved edits: stay until the user has decided.
    if (m_policies && m_pages->currentWidget() == m_policies && m_pages->widget(row) != m_policies
        && m_policies->hasUnsavedEdits()) {
        {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(m_pages->indexOf(m_policies));
        }
        m_policies->requestLeave([this, row] { m_navigation->setCurrentRow(row); });
        return;
    }
    m_pages->setCurrentIndex(row);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeApproved || !m_policies || !m_policies->hasUnsavedEdits()) {
        event->accept();
        return;
    }
    event->ignore();
    m_policies->requestLeave([this] {
        m_closeApproved = true;
        close();
    });
}

void MainWindow::openOrg(const org::OrgChoice &choice)
{
    m_workspace->open(choice);
}

void MainWindow::showPage(QWidget *page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0) {
        m_navigation->setCurrentRow(index);
    }
}

void MainWindow::showApiUsage(const org::ApiUsage &usage)
{
    const QLocale locale;
    m_apiUsage->setText(tr("API calls today: %1 of %2")
                            .arg(locale.toString(usage.used), locale.toString(usage.limit)));
}

} // namespace lr::ui
