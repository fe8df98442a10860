#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace lr::ui {

// Filters and sorts a CandidateTableModel: hides the users kept safe unless asked, keeps the
// rows whose text contains every word of the filter (case-insensitive), and sorts names
// naturally ("User 9" before "User 10") and numbers numerically.
class CandidateFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandidateFilterProxyModel)

public:
    explicit CandidateFilterProxyModel(QObject *parent = nullptr);

    // Words separated by white space; a row matches when its user, username, license,
    // department or findings contain each of them.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_words.join(QLatin1Char(' ')); }

    void setShowBlocked(bool show);
    [[nodiscard]] bool showBlocked() const { return m_showBlocked; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    bool m_showBlocked = false;
    QCollator m_collator;
};

} // namespace lr::ui
