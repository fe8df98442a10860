#include "core/demo/server/recordrules.h"

#include "core/demo/schema/orgschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error recordError(const QString &code, const QString &message, const QStringList &fields = {})
{
    Error e = Error::make(Error::Kind::Remote, code, message);
    e.fields = fields;
    return e;
}

Error storageError(const QSqlQuery &query)
{
    return Error::make(Error::Kind::Storage,
                       u"UNKNOWN_EXCEPTION"_s,
                       u"The demo org could not check the record."_s,
                       query.lastError().text());
}

QString quote(const QString &identifier)
{
    return OrgDatabase::quote(identifier);
}

bool names(const RecordRules::Values &values, const QString &field)
{
    return std::any_of(
        values.cbegin(), values.cend(), [&field](const auto &v) { return v.first == field; });
}

} // namespace

RecordRules::RecordRules(OrgDatabase database, const OrgSchema &schema)
    : m_database(std::move(database))
    , m_schema(schema)
{ }

void RecordRules::applyDefaults(const SObjectType &type, Values *values)
{
    for (const SObjectField &field : type.fields()) {
        if (field.defaultValue.isValid() && !names(*values, field.name)) {
            values->append({field.name, field.defaultValue});
        }
    }
}

RecordRules::Row RecordRules::storedRecord(const SObjectType &type, const QString &id) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT * FROM %1 WHERE \"Id\" = ?"_s.arg(quote(type.tableName())));
    query.addBindValue(id);
    Row row;
    if (!query.exec() || !query.next()) {
        return row;
    }
    const QSqlRecord columns = query.record();
    for (int i = 0; i < columns.count(); ++i) {
        if (const SObjectField *field = type.field(columns.fieldName(i))) {
            row.insert(field->name, query.value(i));
        }
    }
    return row;
}

QList<Error> RecordRules::validate(const SObjectType &type,
                                   const Row &prior,
                                   const Values &values,
                                   bool creating) const
{
    QList<Error> errors;
    if (type.validationRules().isEmpty()) {
        return errors;
    }
    Formula::Record record;
    record.isNew = creating;
    record.prior = prior;
    record.current = prior;
    for (const auto &[name, value] : values) {
        record.current.insert(name, value);
    }
    for (const ValidationRule &rule : type.validationRules()) {
        if (rule.active && rule.condition.evaluate(record).isTrue()) {
            QStringList fields;
            if (!rule.errorDisplayField.isEmpty()) {
                fields.append(rule.errorDisplayField);
            }
            errors.append(
                recordError(u"FIELD_CUSTOM_VALIDATION_EXCEPTION"_s, rule.errorMessage, fields));
        }
    }
    return errors;
}

std::optional<Error>
RecordRules::checkUnique(const SObjectType &type, const QString &id, const Values &values) const
{
    for (const auto &[name, value] : values) {
        const SObjectField *field = type.field(name);
        if (!field || !field->unique || value.isNull()) {
            continue;
        }
        QSqlQuery query(m_database.connection());
        const bool textual = isTextType(field->type);
        // Case-insensitive text is compared in C++, which folds case beyond ASCII.
        query.prepare(u"SELECT \"Id\", %1 FROM %2 WHERE \"Id\" <> ? AND %1 IS NOT NULL%3"_s.arg(
            quote(field->name),
            quote(type.tableName()),
            textual && !field->caseSensitive ? QString()
                                             : u" AND %1 = ?"_s.arg(quote(field->name))));
        query.addBindValue(id);
        if (!textual || field->caseSensitive) {
            query.addBindValue(value);
        }
        if (!query.exec()) {
            return storageError(query);
        }
        while (query.next()) {
            if (textual && !field->caseSensitive
                && query.value(1).toString().compare(value.toString(), Qt::CaseInsensitive) != 0) {
                continue;
            }
            return recordError(u"DUPLICATE_VALUE"_s,
                               u"duplicate value found: %1 duplicates value on record with id: "
                               u"%2"_s.arg(field->name, query.value(0).toString()));
        }
    }
    return std::nullopt;
}

QList<RecordRules::Lookup> RecordRules::lookupsTo(const SObjectType &type,
                                                  DeleteConstraint constraint) const
{
    QList<Lookup> lookups;
    for (const SObjectType &child : m_schema.objects()) {
        for (const SObjectField &field : child.fields()) {
            if (field.referenceTo == type.name() && field.deleteConstraint == constraint) {
                lookups.append({&child, &field});
            }
        }
    }
    return lookups;
}

std::optional<Error> RecordRules::checkDeleteRestrictions(const SObjectType &type,
                                                          const QString &id) const
{
    for (const auto &[child, field] : lookupsTo(type, DeleteConstraint::Restrict)) {
        QSqlQuery query(m_database.connection());
        const bool named = child->field(u"Name") != nullptr;
        query.prepare(u"SELECT %1 FROM %2 WHERE %3 = ? LIMIT 3"_s.arg(
            named ? u"\"Name\""_s : u"\"Id\""_s, quote(child->tableName()), quote(field->name)));
        query.addBindValue(id);
        if (!query.exec()) {
            return storageError(query);
        }
        QStringList holders;
        while (query.next()) {
            holders.append(query.value(0).toString());
        }
        if (holders.isEmpty()) {
            continue;
        }
        const QString name = storedRecord(type, id).value(u"Name"_s, id).toString();
        return recordError(u"DELETE_FAILED"_s,
                           u"Your attempt to delete %1 could not be completed because it is "
                           u"associated with the following %2.: %3"_s.arg(
                               name,
                               child->pluralLabel().isEmpty() ? child->label().toLower()
                                                              : child->pluralLabel().toLower(),
                               holders.join(u", "_s)));
    }
    return std::nullopt;
}

std::optional<Error> RecordRules::clearSetNullReferences(const SObjectType &type,
                                                         const QString &id) const
{
    for (const auto &[child, field] : lookupsTo(type, DeleteConstraint::SetNull)) {
        if (!field->name.endsWith(u"__c")) {
            continue;
        }
        QSqlQuery query(m_database.connection());
        query.prepare(u"UPDATE %1 SET %2 = NULL WHERE %2 = ?"_s.arg(quote(child->tableName()),
                                                                    quote(field->name)));
        query.addBindValue(id);
        if (!query.exec()) {
            return storageError(query);
        }
    }
    return std::nullopt;
}

} // namespace lr::demo
