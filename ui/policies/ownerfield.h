#pragma once

#include "core/org/userlookup.h"
#include "core/policy/policyproblem.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace lr::org {
class OrgClient;
}

namespace lr::ui {

// A policy's owner, picked by name or username: typing two letters or more offers the org's
// active users whose name or username starts with them, and the choice is kept by user id.
// A user id typed or pasted is taken as it is. A stored owner shows by name once the org has
// answered. Without an org (or before it answers) the field holds ids only.
class OwnerField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OwnerField)

public:
    explicit OwnerField(QWidget *parent = nullptr);
    ~OwnerField() override;

    // The org the users come from; null for none. Not owned.
    void setClient(org::OrgClient *client);
    // Shows the owner with this id (empty: none); ownerChanged() is not emitted.
    void setOwnerId(const QString &id);
    // The chosen user's id, an id as typed, or the text itself when it names no user (which
    // problem() then describes and the policy's validation refuses).
    [[nodiscard]] QString ownerId() const;
    // Why the text names no user, for the form's problem list; nothing when it is fine.
    [[nodiscard]] std::optional<policy::PolicyProblem> problem() const;

    [[nodiscard]] QLineEdit *lineEdit() const { return m_edit; }
    [[nodiscard]] QCompleter *completer() const { return m_completer; }

Q_SIGNALS:
    // The person changed the owner, or a search answered and the text now reads differently.
    void ownerChanged();

private:
    void textEdited();
    void search();
    void choose(const QString &display);
    void describe(const QString &id);
    [[nodiscard]] const org::UserMatch *matchFor(const QString &text) const;
    void updateNote();

    QPointer<org::OrgClient> m_client;
    QLineEdit *m_edit = nullptr;
    QLabel *m_note = nullptr;
    QCompleter *m_completer = nullptr;
    QStringListModel *m_suggestions = nullptr;
    QTimer m_searchDelay;
    QString m_id;     // the owner chosen or loaded
    QString m_idText; // the text that stands for m_id in the line edit
    bool m_idInactive = false;
    QList<org::UserMatch> m_matches; // the last search's answer
    QString m_searched;              // the text that search was for
    bool m_searchFailed = false;
    quint64 m_generation = 0; // answers to an older request are dropped
};

} // namespace lr::ui
