#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyproblem.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace lr::org {
class OrgClient;
}

namespace lr::ui {

// The exemption list of a policy: user, reason and expiry per row, with Add and Remove. A
// user is given by user id (005…) or by a username the form knows; an expiry is a date
// (yyyy-MM-dd) or empty for none.
class ExemptionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExemptionEditor)

public:
    explicit ExemptionEditor(QWidget *parent = nullptr);

    void setKnownUsers(const QHash<QString, QString> &idsByUsername);
    // The org a username that the known users lack is looked up in (null: none). Not owned.
    void setUserDirectory(org::OrgClient *client);
    void setExemptions(const QList<policy::Exemption> &exemptions);
    // The rows as exemptions; rows the editor cannot read keep what it could.
    [[nodiscard]] QList<policy::Exemption> exemptions() const;
    // Rows it cannot read: an unknown username, a date that is not one.
    [[nodiscard]] QList<policy::PolicyProblem> problems() const;
    void setEditable(bool editable);

    [[nodiscard]] QTableWidget *table() const { return m_table; }

public Q_SLOTS:
    void addRow();
    void removeSelectedRows();

Q_SIGNALS:
    void exemptionsChanged();

private:
    enum Column {
        UserColumn,
        ReasonColumn,
        ExpiresColumn,
        ColumnCount,
    };
    [[nodiscard]] QString userIdOf(const QString &text) const;
    void updateButtons();
    // Asks the org for a username typed into a user cell that no one knows yet.
    void lookUp(const QString &username);

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QHash<QString, QString> m_idsByUsername;
    QPointer<org::OrgClient> m_client;
    QHash<QString, QString> m_foundIds; // lower-case username -> id, from the org
    QSet<QString> m_lookingUp;          // lower-case usernames asked for
    QSet<QString> m_notInOrg;           // lower-case usernames the org does not have
    quint64 m_directoryGeneration = 0;
    bool m_filling = false;
    bool m_editable = true;
};

} // namespace lr::ui
