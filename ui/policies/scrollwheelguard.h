#pragma once

#include <QObject>

class QWidget;

namespace lr::ui {

// Keeps the mouse wheel from changing a value the person is only scrolling past: on a long
// form in a scroll area, a spin box or combo box under the pointer would otherwise take the
// wheel and silently edit the policy. Until such a field has the focus (clicked or tabbed
// into), its wheel events go to the scroll area, which scrolls.
class ScrollWheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScrollWheelGuard)

public:
    explicit ScrollWheelGuard(QObject *parent = nullptr);

    // Guards every spin box and combo box inside `form` (now; call again for fields added
    // later, as a guarded field is not guarded twice).
    void guard(QWidget *form);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace lr::ui
