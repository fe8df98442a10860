#include "ui/policies/scrollwheelguard.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace lr::ui {

namespace {

constexpr const char *kGuarded = "lrScrollWheelGuarded";

} // namespace

ScrollWheelGuard::ScrollWheelGuard(QObject *parent)
    : QObject(parent)
{ }

void ScrollWheelGuard::guard(QWidget *form)
{
    QList<QWidget *> fields;
    for (QAbstractSpinBox *spin : form->findChildren<QAbstractSpinBox *>()) {
        fields.append(spin);
    }
    for (QComboBox *combo : form->findChildren<QComboBox *>()) {
        fields.append(combo);
    }
    for (QWidget *field : std::as_const(fields)) {
        if (field->property(kGuarded).toBool()) {
            continue;
        }
        field->setProperty(kGuarded, true);
        // The wheel alone no longer gives focus, so it cannot start an edit either.
        field->setFocusPolicy(Qt::StrongFocus);
        field->installEventFilter(this);
    }
}

bool ScrollWheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        auto *field = qobject_cast<QWidget *>(watched);
        if (field && !field->hasFocus()) {
            event->ignore(); // the parent, and so the scroll area, gets it
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace lr::ui
