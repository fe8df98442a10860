#include "core/demo/soql/soqlfiltercompiler.h"

#include "core/demo/schema/orgschema.h"
#include "core/demo/soql/soqlerror.h"
#include "core/demo/soql/soqlscope.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/salesforceid.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Salesforce allows two semi-joins or anti-joins in one statement.
constexpr int kMaxSemiJoins = 2;

QString sqlOperator(SoqlOperator op)
{
    switch (op) {
    case SoqlOperator::Equal:
        return u" = "_s;
    case SoqlOperator::NotEqual:
        return u" <> "_s;
    case SoqlOperator::Less:
        return u" < "_s;
    case SoqlOperator::LessOrEqual:
        return u" <= "_s;
    case SoqlOperator::Greater:
        return u" > "_s;
    case SoqlOperator::GreaterOrEqual:
        return u" >= "_s;
    case SoqlOperator::Like:
        return u" LIKE "_s;
    }
    return {};
}

// The type name Salesforce uses in "must be of type X" (recalled, not documented).
QString typeNameForMessage(FieldType type)
{
    switch (type) {
    case FieldType::Id:
    case FieldType::Reference:
        return u"id"_s;
    case FieldType::Boolean:
        return u"boolean"_s;
    case FieldType::Int:
        return u"integer"_s;
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        return u"double"_s;
    case FieldType::Date:
        return u"date"_s;
    case FieldType::DateTime:
        return u"dateTime"_s;
    default:
        return u"string"_s;
    }
}

bool isIdType(FieldType type)
{
    return type == FieldType::Id || type == FieldType::Reference;
}

// An id literal in the stored (canonical 18-character) form, or empty when it is no id. An
// 18-character id's suffix says which of its first 15 characters are upper case, so Salesforce
// accepts it in any case; a 15-character id is case-sensitive.
QString canonicalId(const QString &literal)
{
    if (literal.size() == 15) {
        return SalesforceId::to18(literal);
    }
    if (literal.size() != 18) {
        return {};
    }
    static constexpr QLatin1StringView kSuffix("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
    QString id15 = literal.left(15);
    for (int block = 0; block < 3; ++block) {
        const qsizetype bits = kSuffix.indexOf(literal.at(15 + block).toUpper());
        if (bits < 0) {
            return {};
        }
        for (int i = 0; i < 5; ++i) {
            QChar &c = id15[block * 5 + i];
            c = (bits & (1 << i)) ? c.toUpper() : c.toLower();
        }
    }
    return SalesforceId::to18(id15);
}

Error topLevelOnly(QStringView soql, qsizetype offset)
{
    // Salesforce's wording, as reported by users of OR-ed semi-joins.
    return SoqlError::at(soql,
                         offset,
                         SoqlError::kMalformedQuery,
                         u"Semi join sub-selects are only allowed at the top level WHERE "
                         u"expressions and not in nested WHERE expressions."_s);
}

} // namespace

SoqlFilterCompiler::SoqlFilterCompiler(QStringView soql,
                                       const SoqlContext &context,
                                       SoqlScope &scope,
                                       Clause clause)
    : m_soql(soql)
    , m_context(context)
    , m_scope(scope)
    , m_clause(clause)
{ }

ReadAccess SoqlFilterCompiler::accessTo(const SoqlContext &context, const SObjectType &type)
{
    return context.access ? context.access(type) : ReadAccess();
}

QString SoqlFilterCompiler::rowFilterSql(const ReadAccess &access, const QString &alias)
{
    if (access.rowFilter.isEmpty()) {
        return {};
    }
    QString sql = access.rowFilter;
    sql.replace(u"%1"_s, alias);
    return sql;
}

Result<void>
SoqlFilterCompiler::compile(const SoqlCondition &condition, QString &sql, QVariantList &params)
{
    m_params = &params;
    return node(condition, true, sql);
}

Result<void> SoqlFilterCompiler::node(const SoqlCondition &condition, bool topLevel, QString &sql)
{
    switch (condition.kind) {
    case SoqlCondition::Kind::And:
    case SoqlCondition::Kind::Or: {
        const bool isAnd = condition.kind == SoqlCondition::Kind::And;
        sql += u'(';
        for (std::size_t i = 0; i < condition.children.size(); ++i) {
            if (i > 0) {
                sql += isAnd ? u" AND "_s : u" OR "_s;
            }
            if (auto r = node(condition.children.at(i), topLevel && isAnd, sql); !r) {
                return r;
            }
        }
        sql += u')';
        return {};
    }
    case SoqlCondition::Kind::Not: {
        // SOQL's logic has two values: NOT of a comparison with a null field is true.
        sql += u'(';
        if (auto r = node(condition.children.front(), false, sql); !r) {
            return r;
        }
        sql += u") IS NOT 1"_s;
        return {};
    }
    case SoqlCondition::Kind::Comparison:
        return comparison(condition, sql);
    case SoqlCondition::Kind::In:
        return inList(condition, sql);
    case SoqlCondition::Kind::SemiJoin:
        return semiJoin(condition, topLevel, sql);
    }
    return {};
}

Result<SoqlExpression> SoqlFilterCompiler::operand(const SoqlCondition &condition)
{
    auto left = m_scope.resolve(condition.operand);
    if (left && m_clause == Clause::Having && !condition.operand.isAggregate()
        && !m_grouped.contains(left->sql)) {
        return SoqlError::at(
            m_soql,
            condition.operand.offset,
            SoqlError::kMalformedQuery,
            u"Field must be grouped or aggregated: %1"_s.arg(condition.operand.text),
            condition.operand.text);
    }
    return left;
}

Result<void> SoqlFilterCompiler::comparison(const SoqlCondition &condition, QString &sql)
{
    auto left = operand(condition);
    if (!left) {
        return left.error();
    }
    const SoqlValue &value = condition.values.first();
    const QString collate = SoqlScope::collation(left->type);
    if (value.kind == SoqlValue::Kind::Null) {
        if (condition.op == SoqlOperator::Equal) {
            sql += left->sql + u" IS NULL"_s;
        } else if (condition.op == SoqlOperator::NotEqual) {
            sql += left->sql + u" IS NOT NULL"_s;
        } else {
            sql += u"0"_s; // nothing is less or greater than null
        }
        return {};
    }
    if (condition.op == SoqlOperator::Like) {
        if (!isTextType(left->type) || isIdType(left->type)) {
            // Recalled from Salesforce ("invalid operator on id field").
            return SoqlError::at(m_soql,
                                 condition.operand.offset,
                                 SoqlError::kInvalidFilterOperator,
                                 u"invalid operator on %1 field"_s.arg(fieldTypeName(left->type)),
                                 left->name);
        }
        if (value.kind != SoqlValue::Kind::String) {
            return typeMismatch(left.value(), condition);
        }
        // SQLite's LIKE folds ASCII case, as SOQL's LIKE ignores case.
        sql += left->sql + u" LIKE ? ESCAPE '\\'"_s;
        m_params->append(value.likePattern);
        return {};
    }
    if (value.kind == SoqlValue::Kind::DateLiteral) {
        return dateRange(left.value(), condition, value, condition.op, sql);
    }
    auto bound = bind(left.value(), condition, value);
    if (!bound) {
        return bound.error();
    }
    m_params->append(bound.value());
    if (condition.op == SoqlOperator::NotEqual) {
        sql += u"(%1%2 <> ? OR %1 IS NULL)"_s.arg(left->sql, collate);
    } else {
        sql += left->sql + collate + sqlOperator(condition.op) + u'?';
    }
    return {};
}

Result<void> SoqlFilterCompiler::dateRange(const SoqlExpression &left,
                                           const SoqlCondition &condition,
                                           const SoqlValue &value,
                                           SoqlOperator op,
                                           QString &sql)
{
    const QDateTime now = m_context.now.isValid() ? m_context.now : QDateTime::currentDateTimeUtc();
    const SoqlDateLiteral::Range range = value.dateLiteral.resolve(now);
    QString start;
    QString end; // exclusive: the day after the range
    if (left.type == FieldType::Date) {
        start = FieldValueCodec::formatDate(range.first);
        end = FieldValueCodec::formatDate(range.last.addDays(1));
    } else if (left.type == FieldType::DateTime) {
        const QTime midnight(0, 0);
        start = FieldValueCodec::formatDateTime(QDateTime(range.first, midnight, QTimeZone::utc()));
        end = FieldValueCodec::formatDateTime(
            QDateTime(range.last.addDays(1), midnight, QTimeZone::utc()));
    } else {
        return typeMismatch(left, condition);
    }
    const QString &l = left.sql;
    switch (op) {
    case SoqlOperator::Equal:
        sql += u"(%1 >= ? AND %1 < ?)"_s.arg(l);
        *m_params << start << end;
        break;
    case SoqlOperator::NotEqual:
        sql += u"(%1 < ? OR %1 >= ? OR %1 IS NULL)"_s.arg(l);
        *m_params << start << end;
        break;
    case SoqlOperator::Less:
        sql += l + u" < ?"_s;
        *m_params << start;
        break;
    case SoqlOperator::LessOrEqual:
        sql += l + u" < ?"_s;
        *m_params << end;
        break;
    case SoqlOperator::Greater:
        sql += l + u" >= ?"_s;
        *m_params << end;
        break;
    case SoqlOperator::GreaterOrEqual:
    case SoqlOperator::Like:
        sql += l + u" >= ?"_s;
        *m_params << start;
        break;
    }
    return {};
}

// A list holding a relative date: each element is its own `=` range.
Result<void> SoqlFilterCompiler::dateRangeList(const SoqlCondition &condition, QString &sql)
{
    sql += u'(';
    for (qsizetype i = 0; i < condition.values.size(); ++i) {
        sql += i > 0 ? u" OR "_s : QString();
        SoqlCondition element = condition;
        element.kind = SoqlCondition::Kind::Comparison;
        element.op = SoqlOperator::Equal;
        element.values = {condition.values.at(i)};
        if (auto r = comparison(element, sql); !r) {
            return r;
        }
    }
    sql += condition.negated ? u") IS NOT 1"_s : u")"_s;
    return {};
}

Result<void> SoqlFilterCompiler::inList(const SoqlCondition &condition, QString &sql)
{
    auto left = operand(condition);
    if (!left) {
        return left.error();
    }
    const bool hasRange =
        std::any_of(condition.values.cbegin(), condition.values.cend(), [](const SoqlValue &v) {
            return v.kind == SoqlValue::Kind::DateLiteral;
        });
    if (hasRange) {
        return dateRangeList(condition, sql);
    }
    QStringList placeholders;
    bool hasNull = false;
    for (const SoqlValue &value : condition.values) {
        if (value.kind == SoqlValue::Kind::Null) {
            hasNull = true;
            continue;
        }
        auto bound = bind(left.value(), condition, value);
        if (!bound) {
            return bound.error();
        }
        m_params->append(bound.value());
        placeholders.append(u"?"_s);
    }
    const QString &l = left->sql;
    const QString list = l + SoqlScope::collation(left->type)
                         + (condition.negated ? u" NOT IN ("_s : u" IN ("_s)
                         + placeholders.join(u", "_s) + u')';
    if (placeholders.isEmpty()) {
        sql += l + (condition.negated ? u" IS NOT NULL"_s : u" IS NULL"_s);
    } else if (condition.negated) {
        // NOT IN matches null values, unless null is in the list.
        sql += hasNull ? u"(%1 AND %2 IS NOT NULL)"_s.arg(list, l)
                       : u"(%1 OR %2 IS NULL)"_s.arg(list, l);
    } else {
        sql += hasNull ? u"(%1 OR %2 IS NULL)"_s.arg(list, l) : list;
    }
    return {};
}

Result<void>
SoqlFilterCompiler::semiJoin(const SoqlCondition &condition, bool topLevel, QString &sql)
{
    const SoqlSubquery &subquery = *condition.subquery;
    if (m_clause == Clause::SubqueryWhere) {
        // Recalled from Salesforce; its docs say semi-joins cannot be nested.
        return SoqlError::at(m_soql,
                             subquery.offset,
                             SoqlError::kMalformedQuery,
                             u"Nesting of semi join sub-selects is not supported"_s);
    }
    if (m_clause != Clause::Where || !topLevel) {
        return topLevelOnly(m_soql, subquery.offset);
    }
    if (++m_semiJoins > kMaxSemiJoins) {
        // Recalled from Salesforce; its docs allow two IN or NOT IN subqueries per WHERE.
        return SoqlError::at(
            m_soql,
            subquery.offset,
            SoqlError::kMalformedQuery,
            u"Maximum of %1 semi join sub-selects are allowed"_s.arg(kMaxSemiJoins));
    }
    auto left = operand(condition);
    if (!left) {
        return left.error();
    }
    if (!isIdType(left->type)) {
        // Our wording for a documented rule: the left operand is an Id or reference field.
        return SoqlError::at(m_soql,
                             condition.operand.offset,
                             SoqlError::kMalformedQuery,
                             u"Semi join and anti-join filters need an Id or reference field on "
                             u"the left: %1"_s.arg(condition.operand.text),
                             condition.operand.text);
    }
    auto select = subquerySql(subquery);
    if (!select) {
        return select.error();
    }
    if (condition.negated) {
        sql += u"(%1 NOT IN (%2) OR %1 IS NULL)"_s.arg(left->sql, select.value());
    } else {
        sql += u"%1 IN (%2)"_s.arg(left->sql, select.value());
    }
    return {};
}

// The subquery's SELECT, with the access row filter and its own WHERE; parameters are appended
// in the order their placeholders appear.
Result<QString> SoqlFilterCompiler::subquerySql(const SoqlSubquery &subquery)
{
    const SObjectType *type = m_context.schema->object(subquery.object);
    const ReadAccess access = type ? accessTo(m_context, *type) : ReadAccess();
    if (!type || !access.readable) {
        return SoqlError::unsupportedType(m_soql, subquery.objectOffset, subquery.object);
    }
    if (type == &m_scope.root()) {
        // Salesforce documents that a subquery cannot select from the main query's object
        // (self semi-joins); the wording is Salesforce's as users report it.
        return SoqlError::at(m_soql,
                             subquery.objectOffset,
                             SoqlError::kMalformedQuery,
                             u"The inner and outer selects should not be on the same object "
                             u"type"_s);
    }
    SoqlScope scope(m_soql, *m_context.schema, *type, u"s%1t"_s.arg(m_semiJoins), QString());
    auto selected = scope.resolve(subquery.field);
    if (!selected) {
        return selected.error();
    }
    if (!selected->relationships.isEmpty() || !isIdType(selected->type)) {
        // Our wording for a documented rule: the subquery selects one Id or reference field.
        return SoqlError::at(m_soql,
                             subquery.field.offset,
                             SoqlError::kMalformedQuery,
                             u"A semi join or anti-join subquery must select an Id or reference "
                             u"field of %1, not %2"_s.arg(type->name(), subquery.field.text()),
                             subquery.field.text());
    }
    QString where = selected->sql + u" IS NOT NULL"_s;
    if (const QString filter = rowFilterSql(access, scope.alias(0)); !filter.isEmpty()) {
        where += u" AND (" + filter + u')';
        *m_params << access.rowFilterParams;
    }
    if (subquery.where) {
        where += u" AND "_s;
        SoqlFilterCompiler inner(m_soql, m_context, scope, Clause::SubqueryWhere);
        if (auto r = inner.compile(*subquery.where, where, *m_params); !r) {
            return r.error();
        }
    }
    return u"SELECT %1 FROM %2 WHERE %3"_s.arg(selected->sql, scope.fromClause(), where);
}

Result<QVariant> SoqlFilterCompiler::bind(const SoqlExpression &left,
                                          const SoqlCondition &condition,
                                          const SoqlValue &value) const
{
    using VK = SoqlValue::Kind;
    switch (left.type) {
    case FieldType::Boolean:
        if (value.kind == VK::Boolean) {
            return QVariant(value.boolean ? 1 : 0);
        }
        break;
    case FieldType::Int:
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        if (value.kind == VK::Number) {
            bool isInteger = false;
            const qlonglong integer = value.text.toLongLong(&isInteger);
            return isInteger ? QVariant(integer) : QVariant(value.text.toDouble());
        }
        break;
    case FieldType::Date:
        if (value.kind == VK::Date) {
            return QVariant(FieldValueCodec::formatDate(value.date));
        }
        break;
    case FieldType::DateTime:
        if (value.kind == VK::DateTime) {
            return QVariant(FieldValueCodec::formatDateTime(value.dateTime));
        }
        break;
    case FieldType::Id:
    case FieldType::Reference:
        if (value.kind == VK::String) {
            const QString id = canonicalId(value.text);
            if (id.isEmpty()) {
                // Salesforce's wording and code for a malformed id literal.
                return SoqlError::at(m_soql,
                                     value.offset,
                                     SoqlError::kInvalidFilterOperator,
                                     u"invalid ID field: %1"_s.arg(value.text),
                                     left.name);
            }
            return QVariant(id);
        }
        break;
    default:
        if (value.kind == VK::String) {
            return QVariant(value.text);
        }
        break;
    }
    return typeMismatch(left, condition);
}

Error SoqlFilterCompiler::typeMismatch(const SoqlExpression &left,
                                       const SoqlCondition &condition) const
{
    const bool quoted = isTextType(left.type);
    return SoqlError::at(m_soql,
                         condition.operand.offset,
                         SoqlError::kInvalidField,
                         u"value of filter criterion for field '%1' must be of type %2 and "
                         u"should %3be enclosed in quotes"_s.arg(left.name,
                                                                 typeNameForMessage(left.type),
                                                                 quoted ? QString() : u"not "_s),
                         left.name);
}

} // namespace lr::demo
