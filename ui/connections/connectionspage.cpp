#include "ui/connections/connectionspage.h"

#include "core/auth/orgsessionkeeper.h"
#include "core/connections/connectionmanager.h"
#include "core/org/openedorg.h"
#include "core/org/orgclient.h"
#include "core/org/userpermissions.h"
#include "core/secrets/secretstore.h"
#include "ui/orgworkspace.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lr::ui {

namespace {

enum HostChoice {
    Production,
    Sandbox,
    OtherHost,
};

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

} // namespace

ConnectionsPage::ConnectionsPage(OrgWorkspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_connections(workspace->connections())
{
    setupUi();
    connect(m_connections,
            &connections::ConnectionManager::connectionsChanged,
            this,
            &ConnectionsPage::reload);
    connect(m_connections,
            &connections::ConnectionManager::authorizeWithBrowser,
            this,
            [this](const QUrl &url) {
                if (!QDesktopServices::openUrl(url)) {
                    setStatus(tr("Open this address in your browser to sign in: %1")
                                  .arg(url.toString(QUrl::FullyEncoded)),
                              false);
                }
            });
    reload();
}

ConnectionsPage::~ConnectionsPage() = default;

void ConnectionsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_storeChecked) {
        m_storeChecked = true;
        m_signIn->setEnabled(false);
        setStatus(tr("Checking the keychain…"), false);
        checkStore();
    }
}

void ConnectionsPage::setupUi()
{
    m_storeWarning = new QLabel(this);
    m_storeWarning->setObjectName(u"storeWarningLabel"_s);
    m_storeWarning->setWordWrap(true);
    m_storeWarning->setStyleSheet(
        u"QLabel { background: #fdecea; color: #8a1c12; padding: 8px; border-radius: 4px; }"_s);
    m_storeWarning->hide();

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"connectionsTreeWidget"_s);
    m_list->setHeaderLabels({tr("Alias"), tr("Status"), tr("Org")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ConnectionsPage::showSelected);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(createAddForm());
    columns->addLayout(left, 1);
    columns->addWidget(createDetails(), 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_storeWarning);
    layout->addLayout(columns, 1);
}

QWidget *ConnectionsPage::createAddForm()
{
    auto *box = new QGroupBox(tr("Add an org"), this);
    m_alias = new QLineEdit(box);
    m_alias->setObjectName(u"aliasLineEdit"_s);
    m_alias->setPlaceholderText(tr("e.g. prod"));
    m_host = new QComboBox(box);
    m_host->setObjectName(u"loginHostComboBox"_s);
    m_host->addItem(tr("Production (login.salesforce.com)"));
    m_host->addItem(tr("Sandbox (test.salesforce.com)"));
    m_host->addItem(tr("My Domain or other address"));
    m_hostUrl = new QLineEdit(box);
    m_hostUrl->setObjectName(u"hostUrlLineEdit"_s);
    m_hostUrl->setPlaceholderText(u"https://acme.my.salesforce.com"_s);
    m_consumerKey = new QLineEdit(box);
    m_consumerKey->setObjectName(u"consumerKeyLineEdit"_s);
    m_consumerKey->setPlaceholderText(tr("Consumer key of your External Client App"));
    m_signIn = new QPushButton(tr("&Sign in with browser"), box);
    m_signIn->setObjectName(u"signInPushButton"_s);
    m_cancel = new QPushButton(tr("Cancel sign-in"), box);
    m_cancel->setObjectName(u"cancelSignInPushButton"_s);
    m_cancel->hide();
    m_status = new QLabel(box);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_host, &QComboBox::currentIndexChanged, this, &ConnectionsPage::updateHostField);
    connect(m_signIn, &QPushButton::clicked, this, &ConnectionsPage::signIn);
    connect(
        m_cancel, &QPushButton::clicked, m_connections, [this] { m_connections->cancelSignIn(); });

    auto *form = new QFormLayout(box);
    form->addRow(tr("&Alias:"), m_alias);
    form->addRow(tr("&Login host:"), m_host);
    form->addRow(tr("&Address:"), m_hostUrl);
    form->addRow(tr("&Consumer key:"), m_consumerKey);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    form->addRow(buttons);
    form->addRow(m_status);
    updateHostField();
    return box;
}

QWidget *ConnectionsPage::createDetails()
{
    auto *box = new QGroupBox(tr("Selected org"), this);
    m_user = valueLabel(u"userLabel"_s, box);
    m_org = valueLabel(u"orgLabel"_s, box);
    m_kind = valueLabel(u"kindLabel"_s, box);
    m_instance = valueLabel(u"instanceLabel"_s, box);
    m_apiUsage = valueLabel(u"apiUsageLabel"_s, box);
    m_permissions = valueLabel(u"permissionsLabel"_s, box);
    m_newAlias = new QLineEdit(box);
    m_newAlias->setObjectName(u"newAliasLineEdit"_s);
    m_rename = new QPushButton(tr("&Rename"), box);
    m_rename->setObjectName(u"renamePushButton"_s);
    m_open = new QPushButton(tr("&Open in workspace"), box);
    m_open->setObjectName(u"openPushButton"_s);
    m_signOut = new QPushButton(tr("Sign &out"), box);
    m_signOut->setObjectName(u"signOutPushButton"_s);
    m_remove = new QPushButton(tr("Re&move"), box);
    m_remove->setObjectName(u"removePushButton"_s);
    connect(m_rename, &QPushButton::clicked, this, &ConnectionsPage::rename);
    connect(m_open, &QPushButton::clicked, this, &ConnectionsPage::openSelected);
    connect(m_signOut, &QPushButton::clicked, this, &ConnectionsPage::signOut);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsPage::remove);

    auto *form = new QFormLayout(box);
    form->addRow(tr("Signed in as:"), m_user);
    form->addRow(tr("Org:"), m_org);
    form->addRow(tr("Type:"), m_kind);
    form->addRow(tr("Instance:"), m_instance);
    form->addRow(tr("API calls today:"), m_apiUsage);
    form->addRow(tr("Missing permissions:"), m_permissions);
    auto *renameRow = new QHBoxLayout;
    renameRow->addWidget(m_newAlias, 1);
    renameRow->addWidget(m_rename);
    auto *renameLabel = new QLabel(tr("&New alias:"), box);
    renameLabel->setBuddy(m_newAlias);
    form->addRow(renameLabel, renameRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_signOut);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    form->addRow(buttons);
    return box;
}

QCoro::Task<> ConnectionsPage::checkStore()
{
    QPointer<ConnectionsPage> self(this);
    secrets::SecretStore *store = m_connections->secrets();
    Result<void> available = Error::make(Error::Kind::Refused, u"NO_SECURE_STORE"_s, {});
    if (store && store->isSecure()) {
        available = co_await store->checkAvailable();
    }
    if (!self) {
        co_return;
    }
    m_storeUsable = bool(available);
    if (!m_storeUsable) {
        m_storeWarning->setText(
            tr("No secure place for sign-in tokens was found on this computer (no unlocked "
               "keychain), so signing in to orgs is turned off. Tokens are never kept in "
               "plain text. The demo org and Preview still work. %1")
                .arg(available.error().message));
        m_storeWarning->show();
    }
    m_signIn->setEnabled(m_storeUsable);
    setStatus(QString(), false);
}

void ConnectionsPage::updateHostField()
{
    m_hostUrl->setEnabled(m_host->currentIndex() == OtherHost);
}

void ConnectionsPage::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #8a1c12;"_s : QString());
}

QString ConnectionsPage::selectedAlias() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void ConnectionsPage::selectAlias(const QString &alias)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, Qt::UserRole).toString() == alias) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return;
        }
    }
}

void ConnectionsPage::reload()
{
    const QString selected = selectedAlias();
    m_list->clear();
    const Result<QList<connections::Connection>> list = m_connections->registry().list();
    if (!list) {
        setStatus(list.error().message, true);
        return;
    }
    for (const connections::Connection &connection : list.value()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, connection.alias);
        item->setData(0, Qt::UserRole, connection.alias);
        item->setText(1,
                      m_connections->isSignedIn(connection) ? tr("signed in") : tr("signed out"));
        item->setText(2, connection.orgName);
    }
    selectAlias(selected);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    showSelected();
}

void ConnectionsPage::showSelected()
{
    const QString alias = selectedAlias();
    const Result<connections::Connection> found = alias.isEmpty()
                                                      ? Result<connections::Connection>(Error())
                                                      : m_connections->registry().find(alias);
    const bool has = bool(found);
    for (QWidget *widget : {static_cast<QWidget *>(m_rename),
                            static_cast<QWidget *>(m_open),
                            static_cast<QWidget *>(m_signOut),
                            static_cast<QWidget *>(m_remove),
                            static_cast<QWidget *>(m_newAlias)}) {
        widget->setEnabled(has);
    }
    for (QLabel *label : {m_user, m_org, m_kind, m_instance, m_apiUsage, m_permissions}) {
        label->clear();
    }
    if (!has) {
        return;
    }
    const connections::Connection &connection = found.value();
    const bool signedIn = m_connections->isSignedIn(connection);
    m_user->setText(signedIn ? connection.username
                             : tr("%1 (signed out)").arg(connection.username));
    m_org->setText(tr("%1 (%2)").arg(connection.orgName, connection.orgId));
    m_kind->setText(connection.sandbox ? tr("Sandbox") : tr("Production"));
    m_instance->setText(connection.instanceUrl.toDisplayString());
    m_newAlias->setText(connection.alias);
    m_signOut->setEnabled(signedIn);
    m_open->setEnabled(signedIn);
    if (signedIn) {
        m_apiUsage->setText(tr("Reading…"));
        m_permissions->setText(tr("Reading…"));
        readLiveDetails(alias);
    } else {
        Q_EMIT detailsShown(alias);
    }
}

QCoro::Task<> ConnectionsPage::readLiveDetails(QString alias)
{
    QPointer<ConnectionsPage> self(this);
    connections::ConnectionManager *manager = m_connections;
    QPointer<connections::ConnectionManager> guard(manager);
    Result<connections::Connection> connection = manager->registry().find(alias);
    Result<std::unique_ptr<auth::OrgSessionKeeper>> keeper = co_await manager->resume(alias);
    if (!self || !guard || selectedAlias() != alias) {
        co_return;
    }
    if (!keeper || !connection) {
        const Error error = keeper ? connection.error() : keeper.error();
        m_apiUsage->setText(error.message);
        m_permissions->clear();
        Q_EMIT detailsShown(alias);
        co_return;
    }
    QNetworkAccessManager network;
    org::OrgClient client(&network, keeper.value()->orgSession());
    keeper.value()->attach(&client);
    Result<QString> version = co_await client.negotiateVersion();
    Result<org::UserPermissions> permissions =
        version.hasValue() ? Result<org::UserPermissions>() : version.error();
    if (version) {
        permissions = co_await org::UserPermissions::read(client, connection->userId);
    }
    if (!self || selectedAlias() != alias) {
        co_return;
    }
    if (const auto usage = client.apiUsage()) {
        m_apiUsage->setText(tr("%1 of %2 (%3%)")
                                .arg(QLocale().toString(usage->used),
                                     QLocale().toString(usage->limit),
                                     QString::number(qRound(usage->share() * 100))));
    } else {
        m_apiUsage->setText(tr("not reported"));
    }
    if (!permissions) {
        m_permissions->setText(permissions.error().message);
    } else if (permissions->missing().isEmpty()) {
        m_permissions->setText(tr("None: everything License Reclaim does is open to this user."));
    } else {
        QStringList lines;
        for (const auto &missing : permissions->missing()) {
            lines.append(u"<b>%1</b>: %2"_s.arg(missing.permission.toHtmlEscaped(),
                                                missing.disables.toHtmlEscaped()));
        }
        m_permissions->setText(lines.join(u"<br>"_s));
    }
    Q_EMIT detailsShown(alias);
}

void ConnectionsPage::signIn()
{
    if (!m_storeUsable || m_connections->isSigningIn()) {
        return;
    }
    runSignIn();
}

QCoro::Task<> ConnectionsPage::runSignIn()
{
    QPointer<ConnectionsPage> self(this);
    connections::ConnectionManager::SignInRequest request;
    request.alias = m_alias->text().trimmed();
    request.consumerKey = m_consumerKey->text().trimmed();
    if (m_host->currentIndex() == Sandbox) {
        request.host = auth::LoginHost::sandbox();
    } else if (m_host->currentIndex() == OtherHost) {
        const QString text = m_hostUrl->text().trimmed();
        Result<auth::LoginHost> host = text.contains(u".my.salesforce.com"_s)
                                           ? auth::LoginHost::myDomain(text)
                                           : auth::LoginHost::custom(QUrl(text));
        if (!host) {
            setStatus(host.error().message, true);
            co_return;
        }
        request.host = host.value();
    }
    setStatus(tr("Waiting for you to sign in in your browser…"), false);
    m_signIn->setEnabled(false);
    m_cancel->show();
    Result<connections::Connection> connection = co_await m_connections->signIn(request);
    if (!self) {
        co_return;
    }
    m_signIn->setEnabled(m_storeUsable);
    m_cancel->hide();
    if (!connection) {
        setStatus(connection.error().message, true);
        Q_EMIT operationFinished(false, connection.error().message);
        co_return;
    }
    const QString done =
        tr("Signed in to %1 as %2.").arg(connection->orgName, connection->username);
    setStatus(done, false);
    m_alias->clear();
    selectAlias(connection->alias);
    Q_EMIT operationFinished(true, done);
}

void ConnectionsPage::signOut()
{
    runSignOut(selectedAlias(), false);
}

void ConnectionsPage::setRemoveConfirmation(std::function<bool(const QString &)> confirm)
{
    m_confirmRemove = std::move(confirm);
}

void ConnectionsPage::remove()
{
    const QString alias = selectedAlias();
    if (alias.isEmpty()) {
        return;
    }
    const QString question = tr("Remove the connection %1? Its sign-in is revoked and its tokens "
                                "and cache are deleted; signing in again needs the browser.")
                                 .arg(alias);
    const bool confirmed = m_confirmRemove
                               ? m_confirmRemove(question)
                               : QMessageBox::question(this,
                                                       tr("Remove the connection"),
                                                       question,
                                                       QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel)
                                     == QMessageBox::Yes;
    if (confirmed) {
        runSignOut(alias, true);
    }
}

QCoro::Task<> ConnectionsPage::runSignOut(QString alias, bool forget)
{
    if (alias.isEmpty()) {
        co_return;
    }
    QPointer<ConnectionsPage> self(this);
    auto outcome =
        forget ? co_await m_connections->remove(alias) : co_await m_connections->signOut(alias);
    if (!self) {
        co_return;
    }
    if (!outcome) {
        setStatus(outcome.error().message, true);
        Q_EMIT operationFinished(false, outcome.error().message);
        co_return;
    }
    QString done;
    if (!outcome->revoked) {
        done = tr("Signed out of %1 here, but the org could not revoke the sign-in (%2).")
                   .arg(alias, outcome->revokeProblem);
    } else if (forget) {
        done = tr("Removed %1: the sign-in is revoked and its tokens and cache are deleted.")
                   .arg(alias);
    } else {
        done = tr("Signed out of %1: the sign-in is revoked and its tokens and cache are deleted.")
                   .arg(alias);
    }
    setStatus(done, !outcome->revoked);
    // The org on screen cannot be used without its tokens: close it rather than fail later.
    if (const org::OpenedOrg *open = m_workspace->openedOrg(); open && open->alias() == alias) {
        m_workspace->close(tr("Signed out of %1. Open an org on the Connections page.").arg(alias));
    }
    Q_EMIT operationFinished(outcome->revoked, done);
}

void ConnectionsPage::rename()
{
    const QString alias = selectedAlias();
    const QString newAlias = m_newAlias->text().trimmed();
    if (alias.isEmpty() || newAlias == alias) {
        return;
    }
    const Result<void> renamed = m_connections->rename(alias, newAlias);
    if (!renamed) {
        setStatus(renamed.error().message, true);
        return;
    }
    selectAlias(newAlias);
    setStatus(tr("Renamed %1 to %2.").arg(alias, newAlias), false);
}

void ConnectionsPage::openSelected()
{
    const QString alias = selectedAlias();
    if (alias.isEmpty()) {
        return;
    }
    org::OrgChoice choice;
    choice.kind = org::OrgChoice::Kind::Alias;
    choice.alias = alias;
    m_workspace->open(choice);
}

} // namespace lr::ui
