#pragma once

#include <QStyledItemDelegate>

namespace lr::ui {

// Paints a user's findings as small chips, one per check: red for a check that blocks the
// reclaim, amber for one that warns. Chips that do not fit end in "+N".
class FindingChipsDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingChipsDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const override;
};

} // namespace lr::ui
