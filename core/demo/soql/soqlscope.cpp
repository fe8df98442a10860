#include "core/demo/soql/soqlscope.h"

#include "core/demo/schema/orgschema.h"
#include "core/demo/soql/soqlerror.h"
#include "core/demo/store/orgdatabase.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Salesforce allows five levels of child-to-parent relationships in one path.
constexpr qsizetype kMaxRelationshipLevels = 5;

QString functionSql(SoqlFunction function)
{
    switch (function) {
    case SoqlFunction::Count:
    case SoqlFunction::CountDistinct:
        return u"COUNT"_s;
    case SoqlFunction::Max:
        return u"MAX"_s;
    case SoqlFunction::Min:
        return u"MIN"_s;
    case SoqlFunction::Sum:
        return u"SUM"_s;
    case SoqlFunction::Avg:
        return u"AVG"_s;
    case SoqlFunction::None:
        break;
    }
    return {};
}

} // namespace

SoqlScope::SoqlScope(QStringView soql,
                     const OrgSchema &schema,
                     const SObjectType &root,
                     const QString &aliasPrefix,
                     const QString &objectAlias)
    : m_soql(soql)
    , m_schema(schema)
    , m_aliasPrefix(aliasPrefix)
    , m_objectAlias(objectAlias)
{
    Table table;
    table.alias = aliasPrefix + u'0';
    table.type = &root;
    table.filtered = true;
    m_tables.append(table);
}

QString SoqlScope::idColumn(int table) const
{
    return alias(table) + u".\"Id\""_s;
}

QString SoqlScope::fromClause(bool filterOnly) const
{
    QString sql = OrgDatabase::quote(root().tableName()) + u' ' + alias(0);
    for (qsizetype i = 1; i < m_tables.size(); ++i) {
        const Table &table = m_tables.at(i);
        if (filterOnly && !table.filtered) {
            continue;
        }
        sql += u" LEFT JOIN %1 %2 ON %2.\"Id\" = %3.%4"_s.arg(
            OrgDatabase::quote(table.type->tableName()),
            table.alias,
            alias(table.parent),
            OrgDatabase::quote(table.via->name));
    }
    return sql;
}

int SoqlScope::join(int parent, const SObjectField &reference, const SObjectType &type)
{
    const QString key = QString::number(parent) + u'/' + reference.relationshipName.toLower();
    int index = m_joinByKey.value(key, -1);
    if (index < 0) {
        Table table;
        table.alias = m_aliasPrefix + QString::number(m_tables.size());
        table.type = &type;
        table.parent = parent;
        table.via = &reference;
        index = static_cast<int>(m_tables.size());
        m_tables.append(table);
        m_joinByKey.insert(key, index);
    }
    if (m_filtering) {
        m_tables[index].filtered = true;
    }
    return index;
}

Result<SoqlExpression> SoqlScope::resolve(const SoqlFieldPath &path)
{
    QStringList segments = path.segments;
    if (segments.size() > 1 && !m_objectAlias.isEmpty()
        && segments.first().compare(m_objectAlias, Qt::CaseInsensitive) == 0) {
        segments.removeFirst();
    }
    if (segments.size() - 1 > kMaxRelationshipLevels) {
        // Our wording: Salesforce's message for a sixth level is not documented.
        return SoqlError::at(m_soql,
                             path.offset,
                             SoqlError::kMalformedQuery,
                             u"The relationship path '%1' has more than %2 levels of parent "
                             u"relationships."_s.arg(path.text())
                                 .arg(kMaxRelationshipLevels),
                             path.text());
    }
    SoqlExpression expression;
    int table = 0;
    expression.tables.append(table);
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        const SObjectType &type = *m_tables.at(table).type;
        const SObjectField *reference = type.fieldByRelationship(segments.at(i));
        const SObjectType *parent = reference ? m_schema.object(reference->referenceTo) : nullptr;
        if (!parent) {
            return SoqlError::unknownRelationship(m_soql, path.offset, segments.at(i));
        }
        table = join(table, *reference, *parent);
        expression.tables.append(table);
        expression.relationships.append(reference->relationshipName);
    }
    const SObjectType &type = *m_tables.at(table).type;
    const SObjectField *field = type.field(segments.last());
    if (!field) {
        return SoqlError::noSuchColumn(m_soql, path.offset, segments.last(), type.name());
    }
    expression.sql = m_tables.at(table).alias + u'.' + OrgDatabase::quote(field->name);
    expression.field = field;
    expression.type = field->type;
    expression.name = field->name;
    return expression;
}

Result<SoqlExpression> SoqlScope::resolve(const SoqlOperand &operand)
{
    if (!operand.isAggregate()) {
        return resolve(operand.path);
    }
    SoqlExpression expression;
    if (operand.isCountAll()) {
        expression.sql = u"COUNT(*)"_s;
    } else {
        auto argument = resolve(operand.path);
        if (!argument) {
            return argument.error();
        }
        expression = std::move(argument).value();
        const bool numeric = isNumericType(expression.type);
        if ((operand.function == SoqlFunction::Sum || operand.function == SoqlFunction::Avg)
            && !numeric) {
            // Recalled from Salesforce, not documented.
            return SoqlError::at(m_soql,
                                 operand.offset,
                                 SoqlError::kMalformedQuery,
                                 u"field %1 does not support aggregate operator %2"_s.arg(
                                     operand.path.text(), functionSql(operand.function)),
                                 operand.path.text());
        }
        const QString distinct =
            operand.function == SoqlFunction::CountDistinct ? u"DISTINCT "_s : QString();
        const QString collate =
            operand.function == SoqlFunction::Count ? QString() : collation(expression.type);
        expression.sql =
            functionSql(operand.function) + u'(' + distinct + expression.sql + collate + u')';
    }
    expression.function = operand.function;
    expression.name = operand.text;
    switch (operand.function) {
    case SoqlFunction::Count:
    case SoqlFunction::CountDistinct:
        expression.type = FieldType::Int;
        break;
    case SoqlFunction::Avg:
        expression.type = FieldType::Double;
        break;
    default:
        break; // MAX, MIN and SUM keep the field's type
    }
    return expression;
}

QString SoqlScope::collation(FieldType type)
{
    if (type == FieldType::Id || type == FieldType::Reference || !isTextType(type)) {
        return {};
    }
    return u" COLLATE NOCASE"_s;
}

} // namespace lr::demo
