#pragma once

#include "core/common/result.h"

#include <QCoroTask>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace lr::connections {
class ConnectionManager;
struct Connection;
} // namespace lr::connections

namespace lr::ui {

class OrgWorkspace;

// The Connections page: the named orgs this user signed in to. Add one (alias, login host,
// consumer key; signing in happens in the system browser), rename, remove, sign out, and
// open one in the workspace. For the selected connection it shows who is signed in to which
// org, production or sandbox, the instance, today's API usage, and which of the permissions
// License Reclaim needs the user lacks and what that disables. Without a secure secrets
// store it says so and refuses to sign in: tokens are never kept in plain text.
class ConnectionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPage)

public:
    explicit ConnectionsPage(OrgWorkspace *workspace, QWidget *parent = nullptr);
    ~ConnectionsPage() override;

    // The alias selected in the list; empty when none is.
    [[nodiscard]] QString selectedAlias() const;
    void selectAlias(const QString &alias);

    // Asks before Remove forgets a connection; a message box unless a test answers instead.
    void setRemoveConfirmation(std::function<bool(const QString &question)> confirm);

Q_SIGNALS:
    // The selected connection's details (including the live check) are shown.
    void detailsShown(const QString &alias);
    // A sign-in or sign-out finished (successfully or not); `message` is what the page shows.
    void operationFinished(bool ok, const QString &message);

protected:
    // Asks the secrets store whether it works the first time the page is shown, not before:
    // a console that never opens this page never touches the keychain.
    void showEvent(QShowEvent *event) override;

private:
    void setupUi();
    QWidget *createAddForm();
    QWidget *createDetails();
    void reload();
    void showSelected();
    void updateHostField();
    void setStatus(const QString &text, bool error);
    void signIn();
    void signOut();
    void remove();
    void rename();
    void openSelected();
    QCoro::Task<> checkStore();
    QCoro::Task<> runSignIn();
    QCoro::Task<> runSignOut(QString alias, bool forget);
    QCoro::Task<> readLiveDetails(QString alias);

    OrgWorkspace *m_workspace;
    connections::ConnectionManager *m_connections;
    std::function<bool(const QString &question)> m_confirmRemove;
    bool m_storeUsable = false;
    bool m_storeChecked = false;

    QLabel *m_storeWarning = nullptr;
    QTreeWidget *m_list = nullptr;
    QLineEdit *m_alias = nullptr;
    QComboBox *m_host = nullptr;
    QLineEdit *m_hostUrl = nullptr;
    QLineEdit *m_consumerKey = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_status = nullptr;

    QLabel *m_user = nullptr;
    QLabel *m_org = nullptr;
    QLabel *m_kind = nullptr;
    QLabel *m_instance = nullptr;
    QLabel *m_apiUsage = nullptr;
    QLabel *m_permissions = nullptr;
    QLineEdit *m_newAlias = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_signOut = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace lr::ui
