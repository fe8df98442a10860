#include "ui/preview/findingchipsdelegate.h"

#include "ui/preview/candidatetablemodel.h"

#include <QApplication>
#include <QPainter>

namespace lr::ui {

using safety::Finding;

namespace {

constexpr int kPadding = 6; // inside a chip, left and right
constexpr int kSpacing = 4; // between chips
constexpr int kMargin = 4;  // between the cell's edge and the first chip

// One chip per check, with the worst severity that check reported.
QList<Finding> chips(const QModelIndex &index)
{
    QList<Finding> result;
    const auto findings = index.data(CandidateTableModel::FindingsRole).value<QList<Finding>>();
    for (const Finding &finding : findings) {
        const auto same = std::find_if(result.begin(), result.end(), [&](const Finding &chip) {
            return chip.check == finding.check;
        });
        if (same == result.end()) {
            result.append(finding);
        } else if (finding.isRed()) {
            same->severity = Finding::Severity::Red;
        }
    }
    return result;
}

QFont chipFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

} // namespace

void FindingChipsDelegate::paint(QPainter *painter,
                                 const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);

    painter->save();
    const QList<Finding> list = chips(index);
    if (list.isEmpty()) {
        painter->setPen(option.palette.color(option.state & QStyle::State_Selected
                                                 ? QPalette::HighlightedText
                                                 : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(kMargin + kPadding, 0, -kMargin, 0),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          index.data(Qt::DisplayRole).toString());
        painter->restore();
        return;
    }
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = chipFont(option.font);
    const QFontMetrics metrics(font);
    painter->setFont(font);
    const int height = std::min(metrics.height() + 4, option.rect.height() - 4);
    const int top = option.rect.top() + (option.rect.height() - height) / 2;
    const int right = option.rect.right() - kMargin;
    int x = option.rect.left() + kMargin;
    for (int i = 0; i < list.size(); ++i) {
        const Finding &finding = list.at(i);
        const int width = metrics.horizontalAdvance(finding.check) + 2 * kPadding;
        const QString more = QStringLiteral("+%1").arg(list.size() - i);
        const int moreWidth = metrics.horizontalAdvance(more);
        const bool last = i == list.size() - 1;
        if (x + width > right || (!last && x + width + kSpacing + moreWidth > right)) {
            painter->setPen(option.palette.color(option.state & QStyle::State_Selected
                                                     ? QPalette::HighlightedText
                                                     : QPalette::Text));
            painter->drawText(QRect(x, top, right - x, height), Qt::AlignVCenter, more);
            break;
        }
        const QRect chip(x, top, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(CandidateTableModel::severityColor(finding.severity));
        painter->drawRoundedRect(chip, 3, 3);
        painter->setPen(CandidateTableModel::severityTextColor(finding.severity));
        painter->drawText(chip, Qt::AlignCenter, finding.check);
        x += width + kSpacing;
    }
    painter->restore();
}

QSize FindingChipsDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(chipFont(option.font));
    int width = 2 * kMargin;
    for (const Finding &finding : chips(index)) {
        width += metrics.horizontalAdvance(finding.check) + 2 * kPadding + kSpacing;
    }
    size.setWidth(std::max(size.width(), width));
    size.setHeight(std::max(size.height(), metrics.height() + 8));
    return size;
}

} // namespace lr::ui
