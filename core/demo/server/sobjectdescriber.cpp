#include "core/demo/server/sobjectdescriber.h"

#include "core/demo/schema/orgschema.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QJsonObject summary(const SObjectType &type, const QString &apiVersion)
{
    const QString base = u"/services/data/v%1/sobjects/%2"_s.arg(apiVersion, type.name());
    return QJsonObject{{u"name"_s, type.name()},
                       {u"label"_s, type.label()},
                       {u"keyPrefix"_s, type.keyPrefix()},
                       {u"custom"_s, type.isCustom()},
                       {u"queryable"_s, true},
                       {u"retrieveable"_s, true},
                       {u"searchable"_s, false},
                       {u"createable"_s, type.isCreateable()},
                       {u"updateable"_s, type.isUpdateable()},
                       {u"deletable"_s, type.isDeletable()},
                       {u"urls"_s,
                        QJsonObject{{u"sobject"_s, base},
                                    {u"describe"_s, QString(base + u"/describe"_s)},
                                    {u"rowTemplate"_s, QString(base + u"/{ID}"_s)}}}};
}

// A custom field's default is a formula; describe shows it as defaultValueFormula, except a
// checkbox's, which is defaultValue.
QJsonValue defaultFormula(const SObjectField &field)
{
    if (!field.defaultValue.isValid() || field.type == FieldType::Boolean
        || field.type == FieldType::Picklist || field.type == FieldType::MultiPicklist) {
        return QJsonValue::Null;
    }
    if (isNumericType(field.type)) {
        return QString::number(field.defaultValue.toDouble(), 'g', 17);
    }
    return QString(u'"' + field.defaultValue.toString() + u'"');
}

QJsonObject describeField(const SObjectField &field)
{
    const QStringList defaults =
        field.type == FieldType::Picklist || field.type == FieldType::MultiPicklist
            ? field.defaultValue.toString().split(u';')
            : QStringList();
    QJsonArray picklist;
    for (const QString &value : field.picklistValues) {
        picklist.append(QJsonObject{{u"value"_s, value},
                                    {u"label"_s, value},
                                    {u"active"_s, true},
                                    {u"defaultValue"_s, defaults.contains(value)}});
    }
    QJsonArray referenceTo;
    if (!field.referenceTo.isEmpty()) {
        referenceTo.append(field.referenceTo);
    }
    return QJsonObject{
        {u"name"_s, field.name},
        {u"label"_s, field.label},
        {u"type"_s, fieldTypeName(field.type)},
        {u"length"_s, field.length},
        {u"precision"_s, field.precision},
        {u"scale"_s, field.scale},
        {u"nillable"_s, field.nillable},
        {u"createable"_s, field.createable},
        {u"updateable"_s, field.updateable},
        {u"defaultedOnCreate"_s, field.defaultedOnCreate},
        {u"externalId"_s, field.externalId},
        {u"unique"_s, field.unique},
        {u"custom"_s, field.name.endsWith(u"__c"_s)},
        {u"filterable"_s, true},
        {u"sortable"_s, field.type != FieldType::TextArea},
        {u"groupable"_s, field.type != FieldType::TextArea && field.type != FieldType::Double},
        {u"referenceTo"_s, referenceTo},
        {u"relationshipName"_s,
         field.relationshipName.isEmpty() ? QJsonValue() : QJsonValue(field.relationshipName)},
        {u"restrictedPicklist"_s, field.restrictedPicklist && !field.picklistValues.isEmpty()},
        {u"picklistValues"_s, picklist},
        {u"caseSensitive"_s, field.caseSensitive},
        {u"defaultValue"_s,
         field.type == FieldType::Boolean && field.defaultValue.isValid()
             ? QJsonValue(field.defaultValue.toInt() != 0)
             : QJsonValue()},
        {u"defaultValueFormula"_s, defaultFormula(field)},
        {u"inlineHelpText"_s,
         field.inlineHelpText.isEmpty() ? QJsonValue() : QJsonValue(field.inlineHelpText)},
    };
}

} // namespace

QJsonObject SObjectDescriber::global(const OrgSchema &schema, const QString &apiVersion)
{
    QJsonArray objects;
    for (const SObjectType &type : schema.objects()) {
        objects.append(summary(type, apiVersion));
    }
    return QJsonObject{
        {u"encoding"_s, u"UTF-8"_s}, {u"maxBatchSize"_s, 200}, {u"sobjects"_s, objects}};
}

QJsonObject SObjectDescriber::basic(const SObjectType &type, const QString &apiVersion)
{
    return QJsonObject{{u"objectDescribe"_s, summary(type, apiVersion)},
                       {u"recentItems"_s, QJsonArray()}};
}

QJsonObject SObjectDescriber::describe(const SObjectType &type, const QString &apiVersion)
{
    QJsonObject json = summary(type, apiVersion);
    QJsonArray fields;
    for (const SObjectField &field : type.fields()) {
        fields.append(describeField(field));
    }
    json.insert(u"fields"_s, fields);
    return json;
}

} // namespace lr::demo
