#pragma once

#include <QStyledItemDelegate>

namespace lr::ui {

// Draws a license's utilization as a bar behind its percentage: a glance tells which
// licenses are nearly full and which carry idle seats.
class UtilizationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UtilizationDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace lr::ui
