#include "ui/policies/policydialogs.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace lr::ui {

namespace {

class Texts
{
    Q_DECLARE_TR_FUNCTIONS(lr::ui::PolicyDialogs)

public:
    static QString title(PolicyDialogs::Question question)
    {
        switch (question) {
        case PolicyDialogs::Question::UnsavedEdits:
            return tr("Unsaved changes");
        case PolicyDialogs::Question::Conflict:
            return tr("Policy changed by someone else");
        case PolicyDialogs::Question::NameConflict:
            return tr("Name taken");
        case PolicyDialogs::Question::ConfirmDelete:
            return tr("Delete policy");
        }
        return {};
    }
};

PolicyDialogs::Answer
askWithBox(QWidget *parent, PolicyDialogs::Question question, const QString &message)
{
    using Answer = PolicyDialogs::Answer;
    using Question = PolicyDialogs::Question;
    QMessageBox box(parent);
    box.setWindowTitle(Texts::title(question));
    box.setText(message);
    box.setIcon(question == Question::UnsavedEdits ? QMessageBox::Question : QMessageBox::Warning);
    QList<QPair<QAbstractButton *, Answer>> buttons;
    const auto add = [&](QAbstractButton *button, Answer answer) {
        buttons.append({button, answer});
    };
    switch (question) {
    case Question::UnsavedEdits:
        add(box.addButton(QMessageBox::Save), Answer::Save);
        add(box.addButton(QMessageBox::Discard), Answer::Discard);
        add(box.addButton(QMessageBox::Cancel), Answer::Cancel);
        box.setDefaultButton(QMessageBox::Save);
        break;
    case Question::Conflict:
        add(box.addButton(Texts::tr("&Reload"), QMessageBox::AcceptRole), Answer::Reload);
        add(box.addButton(Texts::tr("&Overwrite"), QMessageBox::DestructiveRole),
            Answer::Overwrite);
        add(box.addButton(QMessageBox::Cancel), Answer::Cancel);
        box.setDefaultButton(qobject_cast<QPushButton *>(buttons.first().first));
        break;
    case Question::NameConflict:
        add(box.addButton(QMessageBox::Ok), Answer::Cancel);
        break;
    case Question::ConfirmDelete:
        add(box.addButton(Texts::tr("&Delete"), QMessageBox::DestructiveRole), Answer::Delete);
        add(box.addButton(QMessageBox::Cancel), Answer::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        break;
    }
    box.exec();
    for (const auto &[button, answer] : buttons) {
        if (box.clickedButton() == button) {
            return answer;
        }
    }
    return Answer::Cancel;
}

} // namespace

PolicyDialogs PolicyDialogs::interactive(QWidget *parent)
{
    QPointer<QWidget> owner(parent);
    PolicyDialogs dialogs;
    dialogs.ask = [owner](Question question, const QString &message) {
        return askWithBox(owner, question, message);
    };
    dialogs.askName = [owner](const QString &title,
                              const QString &initial) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(
            owner, title, Texts::tr("Policy &name:"), QLineEdit::Normal, initial, &ok);
        if (!ok) {
            return std::nullopt;
        }
        return name;
    };
    return dialogs;
}

} // namespace lr::ui
