#pragma once

#include "core/policy/policysummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace lr::ui {

// The org's policies as the Policies page lists them: name, active or paused, dry run and
// the default inactivity threshold. Rows are PolicySummary values, in the repository's order.
class PolicyListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyListModel)

public:
    enum class Column {
        Name,
        Status,
        DryRun,
        Threshold,
        Count,
    };
    Q_ENUM(Column)

    explicit PolicyListModel(QObject *parent = nullptr);

    void setPolicies(const QList<policy::PolicySummary> &policies);
    [[nodiscard]] const QList<policy::PolicySummary> &policies() const { return m_policies; }
    [[nodiscard]] const policy::PolicySummary &summary(int row) const { return m_policies.at(row); }
    // The row of the policy with this id ("" for the built-in default), or -1.
    [[nodiscard]] int rowOf(const QString &id) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant
    headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    [[nodiscard]] QVariant displayData(const policy::PolicySummary &summary, Column column) const;

    QList<policy::PolicySummary> m_policies;
};

} // namespace lr::ui
