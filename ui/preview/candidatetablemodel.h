#pragma once

#include "core/pipeline/reclaimpreview.h"
#include "core/safety/finding.h"
#include "core/scan/orgsnapshot.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>

namespace lr::ui {

// The users a policy's preview looked at, one row each: first the candidates (no red
// finding), then the users kept safe (at least one red finding), each with its findings.
// The model holds both; CandidateFilterProxyModel decides whether the blocked rows show.
// SortRole gives raw values so days and findings sort numerically.
class CandidateTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandidateTableModel)

public:
    enum class Column {
        User,
        Username,
        License,
        Department,
        DaysInactive,
        Findings,
        Count,
    };
    Q_ENUM(Column)

    static constexpr int SortRole = Qt::UserRole + 1;
    // bool: the row's user is kept safe by at least one red finding.
    static constexpr int BlockedRole = Qt::UserRole + 2;
    // QList<safety::Finding>, red ones first: what FindingChipsDelegate paints.
    static constexpr int FindingsRole = Qt::UserRole + 3;
    // Everything the text filter searches, in one string.
    static constexpr int FilterTextRole = Qt::UserRole + 4;

    explicit CandidateTableModel(QObject *parent = nullptr);

    // Replaces every row at once (one model reset).
    void setPreview(scan::OrgSnapshot snapshot, pipeline::ReclaimPreview preview);
    void clear();

    [[nodiscard]] const scan::OrgSnapshot &snapshot() const { return m_snapshot; }
    [[nodiscard]] const pipeline::ReclaimPreview &preview() const { return m_preview; }
    [[nodiscard]] bool isBlocked(int row) const { return row >= m_preview.candidates.size(); }
    [[nodiscard]] const pipeline::PreviewEntry &entry(int row) const;
    [[nodiscard]] const scan::ScannedUser &user(int row) const;
    // The manager's name when the snapshot holds them, else their id; empty without one.
    [[nodiscard]] QString managerName(const scan::ScannedUser &user) const;

    // The colour of a finding of that severity: a red and an amber that stay legible under
    // white text (red) or black text (amber) on light and dark palettes alike.
    [[nodiscard]] static QColor severityColor(safety::Finding::Severity severity);
    [[nodiscard]] static QColor severityTextColor(safety::Finding::Severity severity);
    // The findings with red ones first, keeping the checks' order otherwise.
    [[nodiscard]] static QList<safety::Finding> ordered(const QList<safety::Finding> &findings);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant
    headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QVariant display(int row, Column column) const;
    [[nodiscard]] QVariant sortValue(int row, Column column) const;
    [[nodiscard]] QVariant toolTip(int row, Column column) const;
    [[nodiscard]] QVariant foreground(int row, Column column) const;
    [[nodiscard]] QString filterText(int row) const;

    scan::OrgSnapshot m_snapshot;
    pipeline::ReclaimPreview m_preview;
    QHash<QString, int> m_userById; // index into m_snapshot.users
};

} // namespace lr::ui
