#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace lr::org {
struct ApiUsage;
struct OrgChoice;
} // namespace lr::org

namespace lr::ui {

class ConnectionsPage;
class OrgHeader;
class OrgWorkspace;
class OverviewPage;
class PoliciesPage;
class PreviewPage;

// The console's window: the org header on top, a navigation list of the pages that work on
// the left, the current page on the right, and today's API usage in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void openOrg(const org::OrgChoice &choice);
    // Makes `page` (one of the window's pages) the current one, as if picked in the list.
    void showPage(QWidget *page);

    [[nodiscard]] OrgWorkspace *workspace() const { return m_workspace; }
    [[nodiscard]] OverviewPage *overviewPage() const { return m_overview; }
    [[nodiscard]] PreviewPage *previewPage() const { return m_preview; }
    [[nodiscard]] PoliciesPage *policiesPage() const { return m_policies; }
    [[nodiscard]] OrgHeader *header() const { return m_header; }
    [[nodiscard]] ConnectionsPage *connectionsPage() const { return m_connections; }

protected:
    // Asks before unsaved policy edits are lost.
    void closeEvent(QCloseEvent *event) override;

private:
    void setupUi();
    void navigate(int row);
    void addPage(QWidget *page, const QString &title);
    void showApiUsage(const org::ApiUsage &usage);

    OrgWorkspace *m_workspace;
    OrgHeader *m_header = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    OverviewPage *m_overview = nullptr;
    PreviewPage *m_preview = nullptr;
    PoliciesPage *m_policies = nullptr;
    bool m_closeApproved = false;
    QLabel *m_apiUsage = nullptr;
    ConnectionsPage *m_connections = nullptr;
};

} // namespace lr::ui
