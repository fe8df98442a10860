#include "core/demo/soql/soqlcompiler.h"

#include "core/demo/schema/orgschema.h"
#include "core/demo/soql/soqlerror.h"
#include "core/demo/soql/soqlfiltercompiler.h"
#include "core/demo/soql/soqlparser.h"
#include "core/demo/soql/soqlscope.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Salesforce rejects an OFFSET above 2,000 rows.
constexpr qint64 kMaxOffset = 2000;

// One compilation: the statement, its scope and the SQL being assembled.
class Compilation
{
public:
    Compilation(QStringView soql, const SoqlContext &context, const SoqlStatement &statement)
        : m_soql(soql)
        , m_context(context)
        , m_statement(statement)
    { }

    Result<CompiledSoql> run()
    {
        const SObjectType *root = m_context.schema->object(m_statement.object);
        m_access = root ? SoqlFilterCompiler::accessTo(m_context, *root) : ReadAccess();
        if (!root || !m_access.readable) {
            return SoqlError::unsupportedType(m_soql, m_statement.objectOffset, m_statement.object);
        }
        m_scope = std::make_unique<SoqlScope>(
            m_soql, *m_context.schema, *root, u"t"_s, m_statement.objectAlias);
        m_result.rootType = root->name();
        m_result.isCountOnly =
            m_statement.select.size() == 1 && m_statement.select.first().operand.isCountAll();
        // HAVING filters groups, so it makes the statement an aggregate one too.
        m_result.isAggregate =
            !m_statement.groupBy.isEmpty() || m_statement.having.has_value()
            || std::any_of(m_statement.select.cbegin(),
                           m_statement.select.cend(),
                           [](const SoqlSelectItem &item) {
                               return item.operand.isAggregate() && !item.operand.isCountAll();
                           });
        for (auto step : {&Compilation::groupBy,
                          &Compilation::selectList,
                          &Compilation::where,
                          &Compilation::having,
                          &Compilation::orderBy,
                          &Compilation::limits}) {
            if (auto r = (this->*step)(); !r) {
                return r.error();
            }
        }
        assemble();
        return std::move(m_result);
    }

private:
    Result<void> groupBy()
    {
        for (const SoqlFieldPath &path : m_statement.groupBy) {
            auto expression = m_scope->resolve(path);
            if (!expression) {
                return expression.error();
            }
            m_grouped.append(expression->sql);
            m_groupSql.append(expression->sql + SoqlScope::collation(expression->type));
        }
        return {};
    }

    int column(const QString &sql)
    {
        auto it = m_columnIndex.constFind(sql);
        if (it != m_columnIndex.cend()) {
            return *it;
        }
        const int index = static_cast<int>(m_columns.size());
        m_columns.append(sql);
        m_columnIndex.insert(sql, index);
        return index;
    }

    Result<void> selectList()
    {
        auto shape = std::make_shared<RecordShape>();
        m_result.shape = shape;
        if (m_result.isAggregate || m_result.isCountOnly) {
            shape->typeName = u"AggregateResult"_s;
            return m_result.isCountOnly ? Result<void>() : aggregateItems(*shape);
        }
        shape->typeName = m_scope->root().name();
        shape->idColumn = column(m_scope->idColumn(0));
        QSet<QString> selected;
        for (const SoqlSelectItem &item : m_statement.select) {
            if (item.operand.isAggregate()) {
                return SoqlError::unexpectedToken(m_soql, item.operand.offset, item.operand.text);
            }
            auto expression = m_scope->resolve(item.operand.path);
            if (!expression) {
                return expression.error();
            }
            const QString key =
                (expression->relationships + QStringList{expression->name}).join(u'.').toLower();
            if (selected.contains(key)) {
                // Recalled from Salesforce, not documented.
                return SoqlError::at(m_soql,
                                     item.operand.offset,
                                     SoqlError::kMalformedQuery,
                                     u"duplicate field selected: %1"_s.arg(item.operand.text),
                                     item.operand.text);
            }
            selected.insert(key);
            addField(*shape, expression.value());
        }
        return {};
    }

    // Adds a field to the record shape, nested under one parent record per relationship level.
    void addField(RecordShape &root, const SoqlExpression &expression)
    {
        RecordShape *target = &root;
        for (qsizetype level = 0; level < expression.relationships.size(); ++level) {
            const int table = expression.tables.at(level + 1);
            std::shared_ptr<RecordShape> &parent = m_parentShapes[table];
            if (!parent) {
                parent = std::make_shared<RecordShape>();
                parent->typeName = m_scope->type(table).name();
                parent->idColumn = column(m_scope->idColumn(table));
                RecordShape::Entry entry;
                entry.key = expression.relationships.at(level);
                entry.parent = parent;
                target->entries.append(entry);
            }
            target = parent.get();
        }
        RecordShape::Entry entry;
        entry.key = expression.name;
        entry.column = column(expression.sql);
        entry.field = expression.field;
        target->entries.append(entry);
    }

    Result<void> aggregateItems(RecordShape &shape)
    {
        int unnamed = 0;
        QSet<QString> aliases;
        for (const SoqlSelectItem &item : m_statement.select) {
            auto expression = m_scope->resolve(item.operand);
            if (!expression) {
                return expression.error();
            }
            RecordShape::Entry entry;
            entry.column = column(expression->sql);
            if (!item.operand.isAggregate()) {
                if (!m_grouped.contains(expression->sql)) {
                    return notGrouped(u"Field must be grouped or aggregated: %1"_s, item.operand);
                }
                entry.key = expression->name;
                entry.field = expression->field;
            } else {
                entry.key = item.alias.isEmpty() ? u"expr%1"_s.arg(unnamed++) : item.alias;
                const bool keepsType = item.operand.function == SoqlFunction::Max
                                       || item.operand.function == SoqlFunction::Min;
                entry.field = keepsType ? expression->field : nullptr;
            }
            if (aliases.contains(entry.key.toLower())) {
                // Recalled from Salesforce, not documented.
                return SoqlError::at(m_soql,
                                     item.operand.offset,
                                     SoqlError::kMalformedQuery,
                                     u"duplicate alias: %1"_s.arg(entry.key));
            }
            aliases.insert(entry.key.toLower());
            shape.entries.append(entry);
        }
        return {};
    }

    Error notGrouped(const QString &sentence, const SoqlOperand &operand) const
    {
        return SoqlError::at(m_soql,
                             operand.offset,
                             SoqlError::kMalformedQuery,
                             sentence.arg(operand.text),
                             operand.text);
    }

    Result<void> where()
    {
        if (const QString filter = SoqlFilterCompiler::rowFilterSql(m_access, m_scope->alias(0));
            !filter.isEmpty()) {
            m_whereParts.append(u'(' + filter + u')');
            m_whereParams << m_access.rowFilterParams;
        }
        if (!m_statement.where) {
            return {};
        }
        QString sql;
        m_scope->setFiltering(true);
        SoqlFilterCompiler compiler(m_soql, m_context, *m_scope, SoqlFilterCompiler::Clause::Where);
        auto compiled = compiler.compile(*m_statement.where, sql, m_whereParams);
        m_scope->setFiltering(false);
        if (!compiled) {
            return compiled;
        }
        m_whereParts.append(sql);
        return {};
    }

    Result<void> having()
    {
        if (!m_statement.having) {
            return {};
        }
        SoqlFilterCompiler compiler(
            m_soql, m_context, *m_scope, SoqlFilterCompiler::Clause::Having);
        compiler.setGroupedColumns(m_grouped);
        return compiler.compile(*m_statement.having, m_havingSql, m_havingParams);
    }

    Result<void> orderBy()
    {
        const bool aggregate = m_result.isAggregate || m_result.isCountOnly;
        for (const SoqlOrderItem &item : m_statement.orderBy) {
            auto expression = m_scope->resolve(item.operand);
            if (!expression) {
                return expression.error();
            }
            if (aggregate && !item.operand.isAggregate() && !m_grouped.contains(expression->sql)) {
                // Recalled from Salesforce, not documented.
                return notGrouped(u"Ordered field must be grouped or aggregated: %1"_s,
                                  item.operand);
            }
            if (!aggregate && item.operand.isAggregate()) {
                return SoqlError::unexpectedToken(m_soql, item.operand.offset, item.operand.text);
            }
            // Salesforce sorts nulls first unless NULLS LAST is given, whatever the direction.
            const bool nullsFirst = item.nullsFirst.value_or(true);
            m_orderParts.append(
                u"(%1 IS NULL) %2"_s.arg(expression->sql, nullsFirst ? u"DESC"_s : u"ASC"_s));
            m_orderParts.append(expression->sql + SoqlScope::collation(expression->type)
                                + (item.ascending ? u" ASC"_s : u" DESC"_s));
        }
        return {};
    }

    Result<void> limits()
    {
        m_result.limit = m_statement.limit;
        m_result.offset = m_statement.offset;
        if (m_statement.offset && *m_statement.offset > kMaxOffset) {
            // Salesforce's wording (newer API versions name the object).
            return SoqlError::plain(
                SoqlError::kNumberOutsideRange,
                u"Maximum SOQL offset allowed for apiName %1 is %2"_s.arg(m_result.rootType)
                    .arg(kMaxOffset));
        }
        return {};
    }

    void assemble()
    {
        const QString where =
            m_whereParts.isEmpty() ? QString() : u" WHERE "_s + m_whereParts.join(u" AND "_s);
        QString grouping;
        if (!m_groupSql.isEmpty()) {
            grouping += u" GROUP BY "_s + m_groupSql.join(u", "_s);
        }
        if (!m_havingSql.isEmpty()) {
            grouping += u" HAVING "_s + m_havingSql;
        }
        const QString order =
            m_orderParts.isEmpty() ? QString() : u" ORDER BY "_s + m_orderParts.join(u", "_s);
        const QVariantList allParams = m_whereParams + m_havingParams;
        if (m_result.isAggregate || !m_groupSql.isEmpty()) {
            const QString columns = m_columns.isEmpty() ? u"1"_s : m_columns.join(u", "_s);
            m_result.sql = u"SELECT "_s + columns + u" FROM "_s + m_scope->fromClause() + where
                           + grouping + order;
            m_result.params = allParams;
            m_result.countSql = u"SELECT COUNT(*) FROM ("_s + m_result.sql + u')';
            m_result.countParams = allParams;
        } else {
            m_result.sql = u"SELECT "_s + m_columns.join(u", "_s) + u" FROM "_s
                           + m_scope->fromClause() + where + order;
            m_result.params = m_whereParams;
            m_result.countSql = u"SELECT COUNT(*) FROM "_s + m_scope->fromClause(true) + where;
            m_result.countParams = m_whereParams;
        }
        if (m_result.isCountOnly) {
            // COUNT() returns totalSize only; nothing is selected.
            m_result.sql = m_result.countSql;
            m_result.params = m_result.countParams;
        }
    }

    QStringView m_soql;
    const SoqlContext &m_context;
    const SoqlStatement &m_statement;
    ReadAccess m_access;
    std::unique_ptr<SoqlScope> m_scope;
    CompiledSoql m_result;
    QStringList m_columns;
    QHash<QString, int> m_columnIndex;
    QHash<int, std::shared_ptr<RecordShape>> m_parentShapes; // by table
    QStringList m_grouped;                                   // GROUP BY columns as selected
    QStringList m_groupSql; // GROUP BY columns with their collation
    QStringList m_whereParts;
    QVariantList m_whereParams;
    QString m_havingSql;
    QVariantList m_havingParams;
    QStringList m_orderParts;
};

} // namespace

Result<CompiledSoql> SoqlCompiler::compile(QStringView soql, const SoqlContext &context)
{
    if (!context.schema) {
        return Error::make(
            Error::Kind::Internal, u"INTERNAL"_s, u"The SOQL compiler was given no schema."_s);
    }
    auto statement = SoqlParser::parse(soql);
    if (!statement) {
        return statement.error();
    }
    return Compilation(soql, context, statement.value()).run();
}

} // namespace lr::demo
