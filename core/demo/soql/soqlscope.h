#pragma once

#include "core/common/result.h"
#include "core/demo/schema/sobjectfield.h"
#include "core/demo/soql/soqlast.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace lr::demo {

class OrgSchema;
class SObjectType;

// An operand resolved against the schema: the SQL that reads it and the type of its value.
struct SoqlExpression
{
    QString sql; // e.g. t1."Name" or MAX(t0."LoginTime")
    const SObjectField *field =
        nullptr;                     // the field read (an aggregate's argument); null for COUNT()
    FieldType type = FieldType::Int; // the value's type, which literals are checked against
    SoqlFunction function = SoqlFunction::None;
    QStringList relationships; // canonical relationship names along the path, e.g. {"Profile"}
    QList<int> tables;         // the table of each level of the path, the FROM object first
    QString name;              // for messages: the field's API name, or the aggregate as written
};

// The tables one FROM clause reads: the FROM object and the parent objects its relationship
// paths reach, each parent joined once per distinct path prefix (Profile and Profile.UserLicense
// share the Profile join). Table aliases are `<prefix>0`, `<prefix>1`, ... in join order.
class SoqlScope
{
public:
    // `objectAlias` is the alias written after the object (FROM User u), or empty.
    SoqlScope(QStringView soql,
              const OrgSchema &schema,
              const SObjectType &root,
              const QString &aliasPrefix,
              const QString &objectAlias);

    [[nodiscard]] const SObjectType &root() const { return *m_tables.first().type; }
    [[nodiscard]] const QString &alias(int table) const { return m_tables.at(table).alias; }
    [[nodiscard]] const SObjectType &type(int table) const { return *m_tables.at(table).type; }
    // `<alias>."Id"` of a table.
    [[nodiscard]] QString idColumn(int table) const;

    // The FROM clause with a LEFT JOIN per parent table, parents before children. With
    // `filterOnly`, only the joins that resolution reached while filtering was set.
    [[nodiscard]] QString fromClause(bool filterOnly = false) const;
    // While set, the tables resolve() reaches are marked as needed by the WHERE clause.
    void setFiltering(bool filtering) { m_filtering = filtering; }

    // Resolves a field path; INVALID_FIELD for an unknown relationship or field.
    [[nodiscard]] Result<SoqlExpression> resolve(const SoqlFieldPath &path);
    // Resolves a field or aggregate; INVALID_FIELD for SUM/AVG of a non-numeric field.
    [[nodiscard]] Result<SoqlExpression> resolve(const SoqlOperand &operand);

    // " COLLATE NOCASE" for the text types SOQL compares case-insensitively (not ids).
    [[nodiscard]] static QString collation(FieldType type);

private:
    struct Table
    {
        QString alias;
        const SObjectType *type = nullptr;
        int parent = -1;
        const SObjectField *via = nullptr; // the parent's reference field that reaches it
        bool filtered = false;
    };

    int join(int parent, const SObjectField &reference, const SObjectType &type);

    QStringView m_soql;
    const OrgSchema &m_schema;
    QString m_aliasPrefix;
    QString m_objectAlias;
    QList<Table> m_tables;
    QHash<QString, int> m_joinByKey; // "<parent>/<relationship, lower case>" -> table
    bool m_filtering = false;
};

} // namespace lr::demo
