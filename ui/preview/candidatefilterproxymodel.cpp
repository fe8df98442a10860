#include "ui/preview/candidatefilterproxymodel.h"

#include "ui/preview/candidatetablemodel.h"

namespace lr::ui {

CandidateFilterProxyModel::CandidateFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CandidateTableModel::SortRole);
    // The C locale's collator compares code points and ignores numeric mode, which would
    // put "User 10" before "User 2" on a machine without a configured locale.
    if (m_collator.locale().language() == QLocale::C) {
        m_collator.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    m_collator.setNumericMode(true);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
}

void CandidateFilterProxyModel::setFilterText(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words) {
        return;
    }
    m_words = words;
    invalidateFilter();
}

void CandidateFilterProxyModel::setShowBlocked(bool show)
{
    if (show == m_showBlocked) {
        return;
    }
    m_showBlocked = show;
    invalidateFilter();
}

bool CandidateFilterProxyModel::filterAcceptsRow(int sourceRow,
                                                 const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showBlocked && index.data(CandidateTableModel::BlockedRole).toBool()) {
        return false;
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString text = index.data(CandidateTableModel::FilterTextRole).toString();
    return std::all_of(m_words.cbegin(), m_words.cend(), [&text](const QString &word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

bool CandidateFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
        return m_collator.compare(a.toString(), b.toString()) < 0;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace lr::ui
