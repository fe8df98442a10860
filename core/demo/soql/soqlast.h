#pragma once

#include "core/demo/soql/soqldateliteral.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

// The syntax tree SoqlParser produces and SoqlCompiler consumes: plain data, names exactly as
// written (resolution against the schema happens in the compiler). Every node keeps the UTF-16
// offset of its first character so errors can point at it.

namespace lr::demo {

// A dotted field reference: Name, Profile.UserLicense.Name, or u.Name after `FROM User u`.
struct SoqlFieldPath
{
    QStringList segments;
    qsizetype offset = 0;

    [[nodiscard]] QString text() const { return segments.join(u'.'); }
};

enum class SoqlFunction {
    None, // a plain field
    Count,
    CountDistinct,
    Max,
    Min,
    Sum,
    Avg,
};

// A field, or an aggregate function applied to one. COUNT() has no path.
struct SoqlOperand
{
    SoqlFunction function = SoqlFunction::None;
    SoqlFieldPath path;
    qsizetype offset = 0;
    QString text; // as written, e.g. "MAX(LoginTime)"

    [[nodiscard]] bool isAggregate() const { return function != SoqlFunction::None; }
    [[nodiscard]] bool isCountAll() const
    {
        return function == SoqlFunction::Count && path.segments.isEmpty();
    }
};

struct SoqlSelectItem
{
    SoqlOperand operand;
    QString alias; // aggregates only; empty when none
};

// A literal on the right-hand side of a comparison.
struct SoqlValue
{
    enum class Kind {
        Null,
        Boolean,
        Number,
        String,
        Date,
        DateTime,
        DateLiteral, // a relative range: TODAY, LAST_N_DAYS:n ...
    };

    Kind kind = Kind::Null;
    qsizetype offset = 0;
    QString text;        // strings: the decoded value; numbers: as written; others: as written
    QString likePattern; // strings: the value as a SQLite LIKE pattern with ESCAPE '\'
    bool boolean = false;
    QDate date;
    QDateTime dateTime; // UTC
    SoqlDateLiteral dateLiteral;
};

enum class SoqlOperator {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Like,
};

struct SoqlSubquery;

// One node of a WHERE or HAVING expression.
struct SoqlCondition
{
    enum class Kind {
        And,        // children, two or more
        Or,         // children, two or more
        Not,        // one child
        Comparison, // operand op values[0]
        In,         // operand [NOT] IN (values)
        SemiJoin,   // operand [NOT] IN (subquery)
    };

    Kind kind = Kind::Comparison;
    qsizetype offset = 0;
    std::vector<SoqlCondition> children;
    SoqlOperand operand;
    SoqlOperator op = SoqlOperator::Equal;
    bool negated = false; // NOT IN
    QList<SoqlValue> values;
    std::shared_ptr<const SoqlSubquery> subquery;
};

// The subquery of a semi-join or anti-join: SELECT <one field> FROM <object> [WHERE ...].
struct SoqlSubquery
{
    qsizetype offset = 0; // the SELECT keyword
    SoqlFieldPath field;
    QString object;
    qsizetype objectOffset = 0;
    std::optional<SoqlCondition> where;
};

struct SoqlOrderItem
{
    SoqlOperand operand;
    bool ascending = true;
    std::optional<bool> nullsFirst; // unset: Salesforce's default, nulls first
};

struct SoqlStatement
{
    QList<SoqlSelectItem> select;
    QString object;
    qsizetype objectOffset = 0;
    QString objectAlias;
    std::optional<SoqlCondition> where;
    QList<SoqlFieldPath> groupBy;
    std::optional<SoqlCondition> having;
    QList<SoqlOrderItem> orderBy;
    std::optional<qint64> limit;
    std::optional<qint64> offset;
    qsizetype offsetOffset = 0; // where the OFFSET value is written
};

} // namespace lr::demo
