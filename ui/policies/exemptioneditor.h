#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyproblem.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QPushButton;
class QTableWidget;

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

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QHash<QString, QString> m_idsByUsername;
    bool m_filling = false;
    bool m_editable = true;
};

} // namespace lr::ui
