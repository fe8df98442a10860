#include "core/demo/schema/salesforcemetadataloader.h"

#include "core/demo/schema/customobjectreader.h"
#include "core/demo/schema/permissionsetreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error loadError(const QString &message)
{
    return Error::make(Error::Kind::Internal, u"LR_METADATA_INVALID"_s, message);
}

// The default package directory's main/default folder, relative to the project.
Result<QString> packageDirectory(const QString &projectDirectory)
{
    QFile file(projectDirectory + u"/sfdx-project.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return loadError(u"%1/sfdx-project.json: cannot be read: %2"_s.arg(projectDirectory,
                                                                           file.errorString()));
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonArray packages = json.object().value(u"packageDirectories"_s).toArray();
    QString path;
    for (const QJsonValue &package : packages) {
        if (path.isEmpty() || package.toObject().value(u"default"_s).toBool()) {
            path = package.toObject().value(u"path"_s).toString();
        }
    }
    if (parseError.error != QJsonParseError::NoError || path.isEmpty()) {
        return loadError(u"sfdx-project.json: names no package directory"_s);
    }
    return QString(path + u"/main/default"_s);
}

Result<void> checkLookups(const SalesforceMetadata &metadata, const QString &package)
{
    for (const SObjectType &type : metadata.objects) {
        for (const SObjectField &field : type.fields()) {
            if (field.isReference() && field.name.endsWith(u"__c"_s) && field.referenceTo != u"User"
                && !metadata.object(field.referenceTo)) {
                return loadError(u"%1/objects/%2/fields/%3.field-meta.xml: <referenceTo>: "
                                 u"%2.%3 points to %4, which the metadata does not define"_s.arg(
                                     package, type.name(), field.name, field.referenceTo));
            }
        }
    }
    return {};
}

Result<void> checkPermissionSet(const SalesforceMetadata &metadata,
                                const PermissionSetDefinition &set,
                                const QString &display)
{
    for (const PermissionSetDefinition::FieldAccess &access : set.fields) {
        const QString objectName = access.field.section(u'.', 0, 0);
        const SObjectType *type = metadata.object(objectName);
        if (!type) {
            return loadError(u"%1: field permission %2: %3 is not defined by the metadata"_s.arg(
                display, access.field, objectName));
        }
        const SObjectField *field = type->field(access.field.section(u'.', 1));
        if (!field) {
            return loadError(
                u"%1: field permission %2: no such field"_s.arg(display, access.field));
        }
        // Salesforce refuses field permissions on required fields: they are always visible.
        // (A checkbox is never null, but it is not required.)
        if (!field->nillable && field->type != FieldType::Boolean) {
            return loadError(u"%1: field permission %2: a required field cannot have field "
                             u"permissions"_s.arg(display, access.field));
        }
        const PermissionSetDefinition::ObjectAccess *object = set.objectAccess(objectName);
        if (!object || !object->read) {
            return loadError(u"%1: field permission %2 without read access to %3"_s.arg(
                display, access.field, objectName));
        }
    }
    return {};
}

} // namespace

QString SalesforceMetadataLoader::keyPrefix(int index)
{
    static const QString digits =
        u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;
    const int base = static_cast<int>(digits.size());
    const QString second = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
    return u"a"_s + second.at((index / base) % second.size()) + digits.at(index % base);
}

Result<SalesforceMetadata> SalesforceMetadataLoader::load(const QString &projectDirectory)
{
    Result<QString> package = packageDirectory(projectDirectory);
    if (!package) {
        return package.error();
    }
    const QString root = projectDirectory + u'/' + package.value();
    if (!QFileInfo(root).isDir()) {
        return loadError(u"%1: no such directory"_s.arg(package.value()));
    }
    SalesforceMetadata metadata;
    metadata.directory = projectDirectory;
    const QString objects = root + u"/objects"_s;
    const QStringList objectNames =
        QDir(objects).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : objectNames) {
        Result<SObjectType> type =
            CustomObjectReader::read(objects + u'/' + name,
                                     package.value() + u"/objects/"_s + name,
                                     keyPrefix(static_cast<int>(metadata.objects.size())));
        if (!type) {
            return type.error();
        }
        metadata.objects.append(std::move(type.value()));
    }
    if (auto r = checkLookups(metadata, package.value()); !r) {
        return r.error();
    }
    const QString suffix = u".permissionset-meta.xml"_s;
    const QString sets = root + u"/permissionsets"_s;
    for (const QString &file : QDir(sets).entryList({u"*"_s + suffix}, QDir::Files, QDir::Name)) {
        const QString display = package.value() + u"/permissionsets/"_s + file;
        Result<PermissionSetDefinition> set =
            PermissionSetReader::read(sets + u'/' + file, display);
        if (!set) {
            return set.error();
        }
        if (auto r = checkPermissionSet(metadata, set.value(), display); !r) {
            return r.error();
        }
        metadata.permissionSets.append(std::move(set.value()));
    }
    return metadata;
}

QString SalesforceMetadataLoader::shippedDirectory()
{
    const QString embedded = u":/lr/salesforce"_s;
    if (QFileInfo::exists(embedded + u"/sfdx-project.json"_s)) {
        return embedded;
    }
#ifdef LR_SALESFORCE_METADATA_DIR
    return QStringLiteral(LR_SALESFORCE_METADATA_DIR);
#else
    return embedded;
#endif
}

const Result<SalesforceMetadata> &SalesforceMetadataLoader::shipped()
{
    static const Result<SalesforceMetadata> metadata = load(shippedDirectory());
    return metadata;
}

} // namespace lr::demo
