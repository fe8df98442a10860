#include "core/demo/schema/customobjectreader.h"

#include "core/demo/schema/metadataelement.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

const QStringList kFieldCommon = {
    u"fullName"_s, u"label"_s, u"type"_s, u"description"_s, u"inlineHelpText"_s};
const QStringList kFieldIgnored = {
    u"trackHistory"_s, u"trackTrending"_s, u"trackFeedHistory"_s, u"externalId"_s};

SObjectField standardField(const QString &name, FieldType type, const QString &label)
{
    SObjectField field;
    field.name = name;
    field.type = type;
    field.label = label;
    if (type == FieldType::Id || type == FieldType::Reference) {
        field.length = 18;
    }
    return field;
}

SObjectField referenceField(const QString &name, const QString &label, const QString &relationship)
{
    SObjectField field = standardField(name, FieldType::Reference, label);
    field.referenceTo = u"User"_s;
    field.relationshipName = relationship;
    return field;
}

// The fields Salesforce gives every custom object, in describe order.
void addStandardFields(SObjectType &type, const QString &nameLabel)
{
    SObjectField id = standardField(u"Id"_s, FieldType::Id, u"Record ID"_s);
    id.nillable = false;
    id.defaultedOnCreate = true;
    type.addField(id);

    SObjectField owner = referenceField(u"OwnerId"_s, u"Owner ID"_s, u"Owner"_s);
    owner.nillable = false;
    owner.createable = true;
    owner.updateable = true;
    owner.defaultedOnCreate = true;
    type.addField(owner);

    // Without a Name, Salesforce names a new record after its id; so Name is defaulted on
    // create although it can never be blank.
    SObjectField name = standardField(u"Name"_s, FieldType::String, nameLabel);
    name.length = 80;
    name.nillable = false;
    name.createable = true;
    name.updateable = true;
    name.defaultedOnCreate = true;
    type.addField(name);

    type.addField(standardField(u"CreatedDate"_s, FieldType::DateTime, u"Created Date"_s));
    type.addField(referenceField(u"CreatedById"_s, u"Created By ID"_s, u"CreatedBy"_s));
    type.addField(
        standardField(u"LastModifiedDate"_s, FieldType::DateTime, u"Last Modified Date"_s));
    type.addField(
        referenceField(u"LastModifiedById"_s, u"Last Modified By ID"_s, u"LastModifiedBy"_s));
    type.addField(standardField(u"SystemModstamp"_s, FieldType::DateTime, u"System Modstamp"_s));
}

// The files `pattern` matches in `directory`, by name.
QStringList filesIn(const QString &directory, const QString &pattern)
{
    return QDir(directory).entryList({pattern}, QDir::Files, QDir::Name);
}

Result<QString> stemOf(const MetadataElement &root, const QString &fileName, const QString &suffix)
{
    const QString stem = fileName.chopped(suffix.size());
    Result<QString> fullName = root.requiredText(u"fullName");
    if (!fullName) {
        return fullName;
    }
    if (fullName.value() != stem) {
        return root.child(u"fullName")
            ->error(u"'%1' does not match the file name '%2'"_s.arg(fullName.value(), stem));
    }
    return stem;
}

struct TypeSpec
{
    const char *metadataType;
    FieldType type;
    QStringList elements; // what the type allows beyond kFieldCommon
};

const QList<TypeSpec> &typeSpecs()
{
    static const QList<TypeSpec> specs = {
        {"Text",
         FieldType::String,
         {u"length"_s, u"required"_s, u"unique"_s, u"caseSensitive"_s, u"defaultValue"_s}},
        {"TextArea", FieldType::TextArea, {u"required"_s, u"defaultValue"_s}},
        {"LongTextArea", FieldType::TextArea, {u"length"_s, u"visibleLines"_s, u"required"_s}},
        {"Email", FieldType::Email, {u"required"_s, u"unique"_s, u"defaultValue"_s}},
        {"Phone", FieldType::Phone, {u"required"_s, u"defaultValue"_s}},
        {"Url", FieldType::Url, {u"required"_s, u"defaultValue"_s}},
        {"Number",
         FieldType::Double,
         {u"precision"_s, u"scale"_s, u"required"_s, u"unique"_s, u"defaultValue"_s}},
        {"Currency",
         FieldType::Currency,
         {u"precision"_s, u"scale"_s, u"required"_s, u"defaultValue"_s}},
        {"Percent",
         FieldType::Percent,
         {u"precision"_s, u"scale"_s, u"required"_s, u"defaultValue"_s}},
        {"Checkbox", FieldType::Boolean, {u"defaultValue"_s}},
        {"Date", FieldType::Date, {u"required"_s}},
        {"DateTime", FieldType::DateTime, {u"required"_s}},
        {"Picklist", FieldType::Picklist, {u"required"_s, u"valueSet"_s}},
        {"MultiselectPicklist",
         FieldType::MultiPicklist,
         {u"required"_s, u"valueSet"_s, u"visibleLines"_s}},
        {"Lookup",
         FieldType::Reference,
         {u"required"_s,
          u"referenceTo"_s,
          u"relationshipName"_s,
          u"relationshipLabel"_s,
          u"deleteConstraint"_s}},
    };
    return specs;
}

Result<void> readLength(const MetadataElement &root, SObjectField &field, int min, int max)
{
    Result<int> length = root.integer(u"length", 0);
    if (!length) {
        return length.error();
    }
    if (length.value() < min || length.value() > max) {
        return root.error(
            u"<length> must be from %1 to %2"_s.arg(QString::number(min), QString::number(max)));
    }
    field.length = length.value();
    return {};
}

Result<void> readNumber(const MetadataElement &root, SObjectField &field)
{
    Result<int> precision = root.integer(u"precision", 0);
    Result<int> scale = root.integer(u"scale", -1);
    if (!precision) {
        return precision.error();
    }
    if (!scale) {
        return scale.error();
    }
    if (precision.value() < 1 || precision.value() > 18) {
        return root.error(u"needs a <precision> from 1 to 18"_s);
    }
    if (scale.value() < 0 || scale.value() > precision.value()) {
        return root.error(u"needs a <scale> from 0 to the precision"_s);
    }
    field.precision = precision.value();
    field.scale = scale.value();
    return {};
}

Result<void> readValueSet(const MetadataElement &root, SObjectField &field)
{
    const MetadataElement *valueSet = root.child(u"valueSet");
    if (!valueSet) {
        return root.error(u"a picklist needs a <valueSet>"_s);
    }
    if (auto r = valueSet->checkChildren({u"restricted"_s, u"valueSetDefinition"_s}); !r) {
        return r;
    }
    Result<bool> restricted = valueSet->boolean(u"restricted", false);
    if (!restricted) {
        return restricted.error();
    }
    field.restrictedPicklist = restricted.value();
    const MetadataElement *definition = valueSet->child(u"valueSetDefinition");
    if (!definition) {
        return valueSet->error(u"needs a <valueSetDefinition> (global value sets are not "
                               u"supported)"_s);
    }
    if (auto r = definition->checkChildren({u"sorted"_s, u"value"_s}, {}, {u"value"_s}); !r) {
        return r;
    }
    QStringList defaults;
    for (const MetadataElement *value : definition->children(u"value")) {
        if (auto r = value->checkChildren({u"fullName"_s, u"default"_s, u"label"_s},
                                          {u"color"_s, u"description"_s, u"isActive"_s});
            !r) {
            return r;
        }
        Result<QString> name = value->requiredText(u"fullName");
        Result<bool> isDefault = value->boolean(u"default", false);
        if (!name) {
            return name.error();
        }
        if (!isDefault) {
            return isDefault.error();
        }
        if (field.picklistValues.contains(name.value())) {
            return value->error(u"'%1' is listed twice"_s.arg(name.value()));
        }
        field.picklistValues.append(name.value());
        if (isDefault.value()) {
            defaults.append(name.value());
        }
    }
    if (field.picklistValues.isEmpty()) {
        return definition->error(u"lists no <value>"_s);
    }
    Result<bool> sorted = definition->boolean(u"sorted", false);
    if (!sorted) {
        return sorted.error();
    }
    if (sorted.value()) {
        field.picklistValues.sort(Qt::CaseInsensitive);
    }
    if (defaults.size() > 1 && field.type == FieldType::Picklist) {
        return definition->error(u"a picklist can have only one default value"_s);
    }
    if (!defaults.isEmpty()) {
        field.defaultValue = defaults.join(u';');
        field.defaultedOnCreate = true;
    }
    return {};
}

Result<void> readDefault(const MetadataElement &root, SObjectField &field)
{
    const MetadataElement *element = root.child(u"defaultValue");
    if (!element) {
        return {};
    }
    const QString text = element->text();
    switch (field.type) {
    case FieldType::Boolean:
        if (text != u"true" && text != u"false") {
            return element->error(u"a checkbox default must be true or false"_s);
        }
        field.defaultValue = text == u"true" ? 1 : 0;
        break;
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok) {
            return element->error(u"only a number literal is supported as a default, not "
                                  u"'%1'"_s.arg(text));
        }
        field.defaultValue = number;
        break;
    }
    default:
        if (text.size() < 2 || text.front() != text.back()
            || (text.front() != u'"' && text.front() != u'\'')) {
            return element->error(u"only a quoted text literal is supported as a default, not "
                                  u"'%1'"_s.arg(text));
        }
        field.defaultValue = text.sliced(1, text.size() - 2);
        break;
    }
    field.defaultedOnCreate = true;
    return {};
}

Result<void> readLookup(const MetadataElement &root, SObjectField &field)
{
    Result<QString> target = root.requiredText(u"referenceTo");
    if (!target) {
        return target.error();
    }
    if (Result<QString> children = root.requiredText(u"relationshipName"); !children) {
        return children.error();
    }
    field.referenceTo = target.value();
    field.length = 18;
    // The child-to-parent path SOQL uses: Policy__c -> Policy__r.
    field.relationshipName = field.name.chopped(3) + u"__r"_s;
    const QString constraint = root.text(u"deleteConstraint", u"SetNull"_s);
    if (constraint == u"Restrict") {
        field.deleteConstraint = DeleteConstraint::Restrict;
    } else if (constraint != u"SetNull") {
        return root.child(u"deleteConstraint")
            ->error(u"only SetNull and Restrict are supported, not '%1'"_s.arg(constraint));
    }
    if (field.deleteConstraint == DeleteConstraint::SetNull && !field.nillable) {
        return root.error(u"a required lookup cannot use deleteConstraint SetNull"_s);
    }
    return {};
}

Result<void>
readTypeDetails(const MetadataElement &root, const QString &metadataType, SObjectField &field)
{
    if (metadataType == u"Text") {
        return readLength(root, field, 1, 255);
    }
    if (metadataType == u"LongTextArea") {
        if (!root.child(u"visibleLines")) {
            return root.error(u"a LongTextArea needs <visibleLines>"_s);
        }
        return readLength(root, field, 256, 131072);
    }
    switch (field.type) {
    case FieldType::TextArea:
    case FieldType::Url:
        field.length = 255;
        return {};
    case FieldType::Email:
        field.length = 80;
        return {};
    case FieldType::Phone:
        field.length = 40;
        return {};
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        return readNumber(root, field);
    case FieldType::Picklist:
        field.length = 255;
        return readValueSet(root, field);
    case FieldType::MultiPicklist:
        field.length = 4099;
        if (!root.child(u"visibleLines")) {
            return root.error(u"a MultiselectPicklist needs <visibleLines>"_s);
        }
        return readValueSet(root, field);
    case FieldType::Reference:
        return readLookup(root, field);
    default:
        return {};
    }
}

Result<SObjectField> readField(const MetadataElement &root, const QString &name)
{
    Result<QString> metadataType = root.requiredText(u"type");
    Result<QString> label = root.requiredText(u"label");
    if (!metadataType) {
        return metadataType.error();
    }
    if (!label) {
        return label.error();
    }
    if (!name.endsWith(u"__c"_s)) {
        return root.error(u"custom field '%1' must end in __c"_s.arg(name));
    }
    const TypeSpec *spec = nullptr;
    for (const TypeSpec &candidate : typeSpecs()) {
        if (metadataType.value() == QLatin1StringView(candidate.metadataType)) {
            spec = &candidate;
        }
    }
    if (!spec) {
        return root.child(u"type")->error(
            u"field type '%1' is not supported by the demo org"_s.arg(metadataType.value()));
    }
    if (auto r = root.checkChildren(kFieldCommon + spec->elements, kFieldIgnored); !r) {
        return r.error();
    }
    SObjectField field;
    field.name = name;
    field.type = spec->type;
    field.label = label.value();
    field.description = root.text(u"description");
    field.inlineHelpText = root.text(u"inlineHelpText");
    field.createable = true;
    field.updateable = true;
    Result<bool> required = root.boolean(u"required", false);
    Result<bool> unique = root.boolean(u"unique", false);
    Result<bool> caseSensitive = root.boolean(u"caseSensitive", false);
    Result<bool> externalId = root.boolean(u"externalId", false);
    for (const Result<bool> *flag : {&required, &unique, &caseSensitive, &externalId}) {
        if (!*flag) {
            return flag->error();
        }
    }
    field.nillable = field.type != FieldType::Boolean && !required.value();
    field.unique = unique.value();
    field.caseSensitive = caseSensitive.value();
    field.externalId = externalId.value();
    if (field.type == FieldType::Boolean) {
        field.defaultedOnCreate = true;
        if (!root.child(u"defaultValue")) {
            return root.error(u"a Checkbox needs a <defaultValue>"_s);
        }
    }
    if (auto r = readTypeDetails(root, metadataType.value(), field); !r) {
        return r.error();
    }
    if (auto r = readDefault(root, field); !r) {
        return r.error();
    }
    return field;
}

Result<ValidationRule>
readRule(const MetadataElement &root, const QString &name, const SObjectType &type)
{
    if (auto r = root.checkChildren({u"fullName"_s,
                                     u"active"_s,
                                     u"description"_s,
                                     u"errorConditionFormula"_s,
                                     u"errorDisplayField"_s,
                                     u"errorMessage"_s});
        !r) {
        return r.error();
    }
    ValidationRule rule;
    rule.name = name;
    rule.description = root.text(u"description");
    Result<QString> formula = root.requiredText(u"errorConditionFormula");
    Result<QString> message = root.requiredText(u"errorMessage");
    Result<bool> active = root.boolean(u"active", false);
    if (!root.child(u"active")) {
        return root.error(u"needs <active>"_s);
    }
    if (!formula) {
        return formula.error();
    }
    if (!message) {
        return message.error();
    }
    if (!active) {
        return active.error();
    }
    if (message.value().size() > 255) {
        return root.child(u"errorMessage")->error(u"is longer than 255 characters"_s);
    }
    rule.active = active.value();
    rule.errorMessage = message.value();
    rule.errorDisplayField = root.text(u"errorDisplayField");
    if (!rule.errorDisplayField.isEmpty()) {
        const SObjectField *field = type.field(rule.errorDisplayField);
        if (!field) {
            return root.child(u"errorDisplayField")
                ->error(u"'%1' is no field of %2"_s.arg(rule.errorDisplayField, type.name()));
        }
        rule.errorDisplayField = field->name;
    }
    Result<Formula> condition = Formula::compile(formula.value(), type);
    if (!condition) {
        return root.child(u"errorConditionFormula")
            ->error(u"%1: %2"_s.arg(condition.error().code, condition.error().message));
    }
    if (condition->resultType() != FormulaType::Boolean) {
        return root.child(u"errorConditionFormula")
            ->error(u"must give a Boolean (true when the record is invalid), not %1"_s.arg(
                formulaTypeName(condition->resultType())));
    }
    rule.condition = condition.value();
    return rule;
}

SharingModel sharingModelOf(const QString &text, bool *ok)
{
    *ok = true;
    if (text == u"ReadWrite") {
        return SharingModel::ReadWrite;
    }
    if (text == u"Read") {
        return SharingModel::Read;
    }
    *ok = text == u"Private";
    return SharingModel::Private;
}

Result<SObjectType>
readObject(const MetadataElement &root, const QString &name, const QString &keyPrefix)
{
    if (auto r = root.checkChildren({u"label"_s,
                                     u"pluralLabel"_s,
                                     u"description"_s,
                                     u"nameField"_s,
                                     u"sharingModel"_s,
                                     u"enableHistory"_s,
                                     u"deploymentStatus"_s},
                                    {u"allowInChatterGroups"_s,
                                     u"compactLayoutAssignment"_s,
                                     u"enableActivities"_s,
                                     u"enableBulkApi"_s,
                                     u"enableFeeds"_s,
                                     u"enableLicensing"_s,
                                     u"enableReports"_s,
                                     u"enableSearch"_s,
                                     u"enableSharing"_s,
                                     u"enableStreamingApi"_s,
                                     u"externalSharingModel"_s,
                                     u"visibility"_s});
        !r) {
        return r.error();
    }
    Result<QString> label = root.requiredText(u"label");
    Result<QString> sharing = root.requiredText(u"sharingModel");
    Result<bool> history = root.boolean(u"enableHistory", false);
    const MetadataElement *nameField = root.child(u"nameField");
    if (!label) {
        return label.error();
    }
    if (!sharing) {
        return sharing.error();
    }
    if (!history) {
        return history.error();
    }
    if (!nameField) {
        return root.error(u"needs a <nameField>"_s);
    }
    if (auto r = nameField->checkChildren({u"label"_s, u"type"_s}, {u"trackHistory"_s}); !r) {
        return r.error();
    }
    Result<QString> nameLabel = nameField->requiredText(u"label");
    if (!nameLabel) {
        return nameLabel.error();
    }
    if (nameField->text(u"type") != u"Text") {
        return nameField->error(
            u"only a Text name field is supported, not '%1'"_s.arg(nameField->text(u"type")));
    }
    bool knownModel = false;
    const SharingModel model = sharingModelOf(sharing.value(), &knownModel);
    if (!knownModel) {
        return root.child(u"sharingModel")
            ->error(u"'%1' is not supported (Private, Read, ReadWrite)"_s.arg(sharing.value()));
    }
    if (!name.endsWith(u"__c"_s)) {
        return root.error(u"custom object '%1' must end in __c"_s.arg(name));
    }
    SObjectType type(name, label.value(), keyPrefix);
    type.setPluralLabel(root.text(u"pluralLabel", label.value()));
    type.setDescription(root.text(u"description"));
    type.setSharingModel(model);
    type.setHistoryEnabled(history.value());
    type.setWritable(true, true, true);
    addStandardFields(type, nameLabel.value());
    return type;
}

} // namespace

Result<SObjectType> CustomObjectReader::read(const QString &directory,
                                             const QString &displayDirectory,
                                             const QString &keyPrefix)
{
    const QString name = QFileInfo(directory).fileName();
    const QString objectFile = name + u".object-meta.xml"_s;
    // Whatever else the folder holds (list views, record types ...) would be ignored.
    for (const QFileInfo &entry :
         QDir(directory).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const bool known =
            entry.isDir() ? entry.fileName() == u"fields" || entry.fileName() == u"validationRules"
                          : entry.fileName() == objectFile;
        if (!known) {
            return Error::make(
                Error::Kind::Internal,
                u"LR_METADATA_INVALID"_s,
                u"%1/%2: not supported by the demo org (only %3, fields/ and "
                u"validationRules/)"_s.arg(displayDirectory, entry.fileName(), objectFile));
        }
    }
    Result<MetadataElement> objectRoot = MetadataElement::parseFile(
        directory + u'/' + objectFile, displayDirectory + u'/' + objectFile, u"CustomObject"_s);
    if (!objectRoot) {
        return objectRoot.error();
    }
    Result<SObjectType> type = readObject(objectRoot.value(), name, keyPrefix);
    if (!type) {
        return type;
    }
    const QString fieldSuffix = u".field-meta.xml"_s;
    for (const QString &file : filesIn(directory + u"/fields"_s, u"*"_s + fieldSuffix)) {
        const QString display = displayDirectory + u"/fields/"_s + file;
        Result<MetadataElement> root =
            MetadataElement::parseFile(directory + u"/fields/"_s + file, display, u"CustomField"_s);
        if (!root) {
            return root.error();
        }
        Result<QString> fieldName = stemOf(root.value(), file, fieldSuffix);
        if (!fieldName) {
            return fieldName.error();
        }
        Result<SObjectField> field = readField(root.value(), fieldName.value());
        if (!field) {
            return field.error();
        }
        if (type->field(field->name)) {
            return root->error(u"%1 is defined twice"_s.arg(field->name));
        }
        type->addField(std::move(field.value()));
    }
    const QString ruleSuffix = u".validationRule-meta.xml"_s;
    for (const QString &file : filesIn(directory + u"/validationRules"_s, u"*"_s + ruleSuffix)) {
        const QString display = displayDirectory + u"/validationRules/"_s + file;
        Result<MetadataElement> root = MetadataElement::parseFile(
            directory + u"/validationRules/"_s + file, display, u"ValidationRule"_s);
        if (!root) {
            return root.error();
        }
        Result<QString> ruleName = stemOf(root.value(), file, ruleSuffix);
        if (!ruleName) {
            return ruleName.error();
        }
        Result<ValidationRule> rule = readRule(root.value(), ruleName.value(), type.value());
        if (!rule) {
            return rule.error();
        }
        type->addValidationRule(std::move(rule.value()));
    }
    return type;
}

} // namespace lr::demo
