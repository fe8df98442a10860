#include "ui/overview/overviewpage.h"

#include "core/org/orgclient.h"
#include "core/org/orgoverview.h"
#include "ui/orgworkspace.h"
#include "ui/overview/licensetablemodel.h"
#include "ui/overview/utilizationdelegate.h"

#include <QCoroTask>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace lr::ui {

OverviewPage::OverviewPage(OrgWorkspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new LicenseTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(LicenseTableModel::SortRole);
    setupUi();
    connect(m_workspace, &OrgWorkspace::opened, this, &OverviewPage::reload);
    connect(m_refresh, &QPushButton::clicked, this, &OverviewPage::reload);
}

void OverviewPage::setupUi()
{
    auto *title = new QLabel(tr("Licenses"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);

    m_refresh = new QPushButton(tr("&Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_refresh);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("licenseTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(static_cast<int>(LicenseTableModel::Column::Purchased),
                          Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setItemDelegateForColumn(static_cast<int>(LicenseTableModel::Column::Utilization),
                                      new UtilizationDelegate(m_table));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setText(tr("Opening the org…"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
}

void OverviewPage::reload()
{
    org::OrgClient *client = m_workspace->client();
    if (!client) {
        return;
    }
    m_refresh->setEnabled(false);
    m_status->setText(tr("Reading the org's licenses…"));
    QCoro::connect(
        org::OrgOverview::load(*client), this, [this](const Result<org::OrgOverview> &overview) {
            m_refresh->setEnabled(true);
            if (!overview) {
                m_status->setText(
                    tr("The licenses could not be read: %1").arg(overview.error().message));
                return;
            }
            m_model->setLicenses(overview->licenses);
            m_status->setText(tr("Seat counts as Salesforce reports them (UserLicense). "
                                 "Available seats are purchased but not held by an active user."));
            showSummary();
            Q_EMIT loaded();
        });
}

void OverviewPage::showSummary()
{
    // Seats of different licenses cost very different amounts, so they are not added up;
    // the summary names the full Salesforce license, which is the one that costs most.
    const QLocale locale;
    QString text = tr("%n license type(s).", "", static_cast<int>(m_model->rowCount()));
    for (const org::LicenseSeats &seats : m_model->licenses()) {
        if (seats.definitionKey == QLatin1String("SFDC") && seats.purchased >= 0) {
            text += QLatin1Char(' ')
                    + tr("Salesforce: %1 of %2 seats in use, %3 available.")
                          .arg(locale.toString(seats.used),
                               locale.toString(seats.purchased),
                               locale.toString(seats.available()));
        }
    }
    m_summary->setText(text);
}

} // namespace lr::ui
