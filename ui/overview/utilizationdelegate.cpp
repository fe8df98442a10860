#include "ui/overview/utilizationdelegate.h"

#include "ui/overview/licensetablemodel.h"

#include <QApplication>
#include <QPainter>

namespace lr::ui {

void UtilizationDelegate::paint(QPainter *painter,
                                const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    const double fraction = index.data(LicenseTableModel::FractionRole).toDouble();
    if (fraction < 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);

    const QRect bar = option.rect.adjusted(4, 5, -4, -5);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.color(QPalette::Midlight));
    painter->drawRoundedRect(bar, 3, 3);
    QRect filled = bar;
    filled.setWidth(static_cast<int>(bar.width() * std::min(fraction, 1.0)));
    // Full licenses are amber: no seat is left for the next hire.
    painter->setBrush(fraction >= 0.97 ? QColor(0xd9, 0x8c, 0x1f)
                                       : option.palette.color(QPalette::Highlight));
    painter->drawRoundedRect(filled, 3, 3);
    painter->setPen(option.palette.color(QPalette::Text));
    painter->drawText(bar.adjusted(0, 0, -4, 0),
                      Qt::AlignRight | Qt::AlignVCenter,
                      index.data(Qt::DisplayRole).toString());
    painter->restore();
}

} // namespace lr::ui
