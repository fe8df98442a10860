#include "core/demo/schema/permissionsetreader.h"

#include "core/demo/schema/metadataelement.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

template <typename T>
bool take(Result<T> result, T &target, Error &error)
{
    if (!result) {
        error = result.error();
        return false;
    }
    target = result.value();
    return true;
}

Result<PermissionSetDefinition::ObjectAccess> readObject(const MetadataElement &element)
{
    if (auto r = element.checkChildren({u"allowCreate"_s,
                                        u"allowDelete"_s,
                                        u"allowEdit"_s,
                                        u"allowRead"_s,
                                        u"modifyAllRecords"_s,
                                        u"object"_s,
                                        u"viewAllRecords"_s});
        !r) {
        return r.error();
    }
    PermissionSetDefinition::ObjectAccess access;
    Error error;
    if (!take(element.requiredText(u"object"), access.object, error)
        || !take(element.boolean(u"allowRead", false), access.read, error)
        || !take(element.boolean(u"allowCreate", false), access.create, error)
        || !take(element.boolean(u"allowEdit", false), access.edit, error)
        || !take(element.boolean(u"allowDelete", false), access.remove, error)
        || !take(element.boolean(u"viewAllRecords", false), access.viewAll, error)
        || !take(element.boolean(u"modifyAllRecords", false), access.modifyAll, error)) {
        return error;
    }
    if ((access.create || access.edit || access.viewAll) && !access.read) {
        return element.error(u"%1: create, edit and View All need allowRead"_s.arg(access.object));
    }
    if (access.remove && !access.edit) {
        return element.error(u"%1: allowDelete needs allowEdit"_s.arg(access.object));
    }
    if (access.modifyAll && (!access.viewAll || !access.remove)) {
        return element.error(
            u"%1: modifyAllRecords needs viewAllRecords and allowDelete"_s.arg(access.object));
    }
    return access;
}

Result<PermissionSetDefinition::FieldAccess> readField(const MetadataElement &element)
{
    if (auto r = element.checkChildren({u"editable"_s, u"field"_s, u"readable"_s}); !r) {
        return r.error();
    }
    PermissionSetDefinition::FieldAccess access;
    Error error;
    if (!take(element.requiredText(u"field"), access.field, error)
        || !take(element.boolean(u"readable", false), access.readable, error)
        || !take(element.boolean(u"editable", false), access.editable, error)) {
        return error;
    }
    if (access.field.count(u'.') != 1) {
        return element.error(u"'%1' is not Object.Field"_s.arg(access.field));
    }
    if (access.editable && !access.readable) {
        return element.error(u"%1: an editable field must be readable"_s.arg(access.field));
    }
    return access;
}

} // namespace

Result<PermissionSetDefinition> PermissionSetReader::read(const QString &path,
                                                          const QString &displayPath)
{
    Result<MetadataElement> parsed =
        MetadataElement::parseFile(path, displayPath, u"PermissionSet"_s);
    if (!parsed) {
        return parsed.error();
    }
    const MetadataElement &root = parsed.value();
    const QStringList repeatable = {
        u"objectPermissions"_s, u"fieldPermissions"_s, u"userPermissions"_s};
    if (auto r = root.checkChildren(
            QStringList{u"label"_s, u"description"_s, u"hasActivationRequired"_s} + repeatable,
            {u"license"_s},
            repeatable);
        !r) {
        return r.error();
    }
    PermissionSetDefinition set;
    set.name = QFileInfo(path).fileName().section(u'.', 0, 0);
    Result<QString> label = root.requiredText(u"label");
    if (!label) {
        return label.error();
    }
    set.label = label.value();
    set.description = root.text(u"description");
    if (Result<bool> activation = root.boolean(u"hasActivationRequired", false); !activation) {
        return activation.error();
    } else if (activation.value()) {
        return root.child(u"hasActivationRequired")
            ->error(u"session-activated permission sets are not supported"_s);
    }
    for (const MetadataElement *element : root.children(u"userPermissions")) {
        if (auto r = element->checkChildren({u"enabled"_s, u"name"_s}); !r) {
            return r.error();
        }
        Result<QString> name = element->requiredText(u"name");
        Result<bool> enabled = element->boolean(u"enabled", false);
        if (!name) {
            return name.error();
        }
        if (!enabled) {
            return enabled.error();
        }
        if (enabled.value()) {
            set.userPermissions.append(name.value());
        }
    }
    for (const MetadataElement *element : root.children(u"objectPermissions")) {
        Result<PermissionSetDefinition::ObjectAccess> access = readObject(*element);
        if (!access) {
            return access.error();
        }
        if (set.objectAccess(access->object)) {
            return element->error(u"%1 is listed twice"_s.arg(access->object));
        }
        set.objects.append(access.value());
    }
    for (const MetadataElement *element : root.children(u"fieldPermissions")) {
        Result<PermissionSetDefinition::FieldAccess> access = readField(*element);
        if (!access) {
            return access.error();
        }
        if (set.fieldAccess(access->field)) {
            return element->error(u"%1 is listed twice"_s.arg(access->field));
        }
        set.fields.append(access.value());
    }
    return set;
}

} // namespace lr::demo
