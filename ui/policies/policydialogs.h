#pragma once

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace lr::ui {

// The questions the Policies page asks, behind one seam: the console shows message boxes and
// an input dialog; tests answer without any window.
struct PolicyDialogs
{
    enum class Question {
        UnsavedEdits,  // Save, Discard or Cancel
        Conflict,      // Reload, Overwrite or Cancel
        NameConflict,  // only Cancel: the name is taken
        ConfirmDelete, // Delete or Cancel
    };
    enum class Answer {
        Save,
        Discard,
        Cancel,
        Reload,
        Overwrite,
        Delete,
    };

    // `message` is the full sentence to show (who changed the policy and when, …).
    std::function<Answer(Question question, const QString &message)> ask;
    // A policy name: nullopt when cancelled.
    std::function<std::optional<QString>(const QString &title, const QString &initial)> askName;

    // Message boxes and QInputDialog, parented to `parent`.
    [[nodiscard]] static PolicyDialogs interactive(QWidget *parent);
};

} // namespace lr::ui
