#pragma once

#include "core/common/result.h"
#include "core/demo/soql/soqlast.h"
#include "core/demo/soql/soqlquery.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace lr::demo {

class SoqlScope;
struct SoqlExpression;

// Compiles a WHERE or HAVING condition to SQLite SQL with every literal bound as a parameter,
// keeping SOQL's semantics where SQL differs:
// - text compares and LIKE case-insensitively (SQLite's NOCASE and LIKE fold ASCII only);
// - `!=` and NOT IN also match null values, and NOT(x) is true when x is null;
// - `= null` / `!= null` test for null;
// - literals must suit the field's type (INVALID_FIELD "value of filter criterion for field
//   'X' must be of type ..."), ids must be well-formed (15-character ids compare as their
//   18-character form);
// - relative date literals are ranges: `=` inside, `<` before the start, `>` after the end;
// - semi-joins and anti-joins (`Id [NOT] IN (SELECT AssigneeId FROM ...)`): only in the top
//   level of WHERE (AND only), at most two, not nested, selecting one Id or reference field.
// The caller's ReadAccess applies to semi-join objects: INVALID_TYPE when unreadable, and the
// row filter is ANDed onto the subquery's rows.
class SoqlFilterCompiler
{
public:
    enum class Clause {
        Where,
        Having,
        SubqueryWhere,
    };

    SoqlFilterCompiler(QStringView soql,
                       const SoqlContext &context,
                       SoqlScope &scope,
                       Clause clause);

    // For HAVING: the SQL of the GROUP BY columns. A plain field in HAVING must be one of them.
    void setGroupedColumns(const QStringList &columns) { m_grouped = columns; }

    // Appends the condition's SQL to `sql` and its parameters to `params`, in order.
    [[nodiscard]] Result<void>
    compile(const SoqlCondition &condition, QString &sql, QVariantList &params);

    // The access the context grants to `type` (everything when the context has no callback).
    [[nodiscard]] static ReadAccess accessTo(const SoqlContext &context, const SObjectType &type);
    // `access.rowFilter` with its table alias filled in; empty when there is none.
    [[nodiscard]] static QString rowFilterSql(const ReadAccess &access, const QString &alias);

private:
    Result<void> node(const SoqlCondition &condition, bool topLevel, QString &sql);
    Result<SoqlExpression> operand(const SoqlCondition &condition);
    Result<void> comparison(const SoqlCondition &condition, QString &sql);
    Result<void> dateRange(const SoqlExpression &left,
                           const SoqlCondition &condition,
                           const SoqlValue &value,
                           SoqlOperator op,
                           QString &sql);
    Result<void> inList(const SoqlCondition &condition, QString &sql);
    Result<void> dateRangeList(const SoqlCondition &condition, QString &sql);
    Result<void> semiJoin(const SoqlCondition &condition, bool topLevel, QString &sql);
    Result<QString> subquerySql(const SoqlSubquery &subquery);
    Result<QVariant>
    bind(const SoqlExpression &left, const SoqlCondition &condition, const SoqlValue &value) const;
    Error typeMismatch(const SoqlExpression &left, const SoqlCondition &condition) const;

    QStringView m_soql;
    const SoqlContext &m_context;
    SoqlScope &m_scope;
    Clause m_clause;
    QStringList m_grouped;
    QVariantList *m_params = nullptr;
    int m_semiJoins = 0;
};

} // namespace lr::demo
