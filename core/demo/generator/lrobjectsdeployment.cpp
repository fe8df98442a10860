#include "core/demo/generator/lrobjectsdeployment.h"

#include "core/demo/generator/orggenerator.h"
#include "core/demo/schema/orgschema.h"
#include "core/demo/schema/salesforcemetadataloader.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/orgdatabase.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// Which permission sets each demo principal gets (installer/lr-objects-contract.md).
const QList<std::pair<QString, QString>> kAssignments = {
    {u"admin"_s, u"LR_Admin"_s},
    {u"admin"_s, u"LR_Integration"_s},
    {u"analyst"_s, u"LR_Operator"_s},
    {u"viewer"_s, u"LR_Viewer"_s},
};

const QStringList kObjectPermissionColumns = {u"PermissionsRead"_s,
                                              u"PermissionsCreate"_s,
                                              u"PermissionsEdit"_s,
                                              u"PermissionsDelete"_s,
                                              u"PermissionsViewAllRecords"_s,
                                              u"PermissionsModifyAllRecords"_s};

Error deployError(const QString &message, const QString &detail = {})
{
    return Error::make(Error::Kind::Storage, u"DEMO_ORG_LR_DEPLOY"_s, message, detail);
}

// Runs the statements of one deployment against one connection.
class Deployer
{
public:
    Deployer(const OrgDatabase &database, const OrgSchema &schema, const GeneratedOrg &org)
        : m_database(database)
        , m_schema(schema)
        , m_org(org)
        , m_now(FieldValueCodec::formatDateTime(QDateTime::currentDateTimeUtc()))
    { }

    Result<void> permissionSets(const SalesforceMetadata &metadata)
    {
        for (const PermissionSetDefinition &set : metadata.permissionSets) {
            bool created = false;
            Result<QString> id = permissionSet(set, &created);
            if (!id) {
                return id.error();
            }
            for (const PermissionSetDefinition::ObjectAccess &access : set.objects) {
                if (auto r = objectPermissions(id.value(), set, access); !r) {
                    return r;
                }
            }
            if (created) {
                if (auto r = assign(set.name, id.value()); !r) {
                    return r;
                }
            }
        }
        return {};
    }

    Result<void> settings(int version)
    {
        const SObjectType *type = m_schema.object(u"LR_Settings__c");
        if (!type) {
            return {};
        }
        QSqlQuery found = query(u"SELECT \"Id\", \"Schema_Version__c\" FROM \"LR_Settings__c\" "
                                u"WHERE \"Name\" = 'Default' ORDER BY \"CreatedDate\" LIMIT 1"_s,
                                {});
        if (found.isActive() && found.next()) {
            if (found.value(1).isNull() || found.value(1).toInt() != version) {
                return exec(u"UPDATE \"LR_Settings__c\" SET \"Schema_Version__c\" = ?, "
                            u"\"LastModifiedDate\" = ?, \"SystemModstamp\" = ? WHERE \"Id\" = ?"_s,
                            {version, m_now, m_now, found.value(0)});
            }
            return {};
        }
        QStringList columns = {u"Id"_s,
                               u"Name"_s,
                               u"OwnerId"_s,
                               u"CreatedDate"_s,
                               u"CreatedById"_s,
                               u"LastModifiedDate"_s,
                               u"LastModifiedById"_s,
                               u"SystemModstamp"_s,
                               u"Schema_Version__c"_s};
        QVariantList values = {m_database.nextId(type->keyPrefix()),
                               u"Default"_s,
                               adminId(),
                               m_now,
                               adminId(),
                               m_now,
                               adminId(),
                               m_now,
                               version};
        for (const SObjectField &field : type->fields()) {
            if (field.defaultValue.isValid() && !columns.contains(field.name)) {
                columns.append(field.name);
                values.append(field.defaultValue);
            }
        }
        return insert(u"LR_Settings__c"_s, columns, values);
    }

private:
    QString adminId() const
    {
        for (const DemoPrincipal &principal : m_org.principals) {
            if (principal.role == u"admin") {
                return principal.userId;
            }
        }
        return {};
    }

    QSqlQuery query(const QString &sql, const QVariantList &params) const
    {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        for (const QVariant &param : params) {
            query.addBindValue(param);
        }
        query.exec();
        return query;
    }

    Result<void> exec(const QString &sql, const QVariantList &params) const
    {
        QSqlQuery q = query(sql, params);
        if (!q.isActive()) {
            return deployError(u"The LR objects could not be deployed into the demo org"_s,
                               q.lastError().text());
        }
        return {};
    }

    Result<void>
    insert(const QString &table, const QStringList &columns, const QVariantList &values)
    {
        QStringList quoted;
        for (const QString &column : columns) {
            quoted.append(OrgDatabase::quote(column));
        }
        QStringList marks(columns.size(), u"?"_s);
        return exec(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
                        OrgDatabase::quote(table), quoted.join(u", "_s), marks.join(u", "_s)),
                    values);
    }

    // The PermissionSet row of `set`, created or brought up to date; its id.
    Result<QString> permissionSet(const PermissionSetDefinition &set, bool *created)
    {
        QStringList columns;
        QVariantList values;
        for (const SObjectField &field : m_schema.object(u"PermissionSet")->fields()) {
            if (field.name.startsWith(u"Permissions"_s)) {
                columns.append(field.name);
                values.append(set.userPermissions.contains(field.name.mid(11)) ? 1 : 0);
            }
        }
        columns += {u"Label"_s, u"Description"_s};
        values += {set.label, set.description.left(255)};
        QSqlQuery found = query(u"SELECT \"Id\" FROM \"PermissionSet\" WHERE \"Name\" = ? AND "
                                u"\"IsOwnedByProfile\" = 0"_s,
                                {set.name});
        if (found.isActive() && found.next()) {
            const QString id = found.value(0).toString();
            QStringList assignments;
            for (const QString &column : std::as_const(columns)) {
                assignments.append(OrgDatabase::quote(column) + u" = ?"_s);
            }
            if (auto r = exec(u"UPDATE \"PermissionSet\" SET %1 WHERE \"Id\" = ?"_s.arg(
                                  assignments.join(u", "_s)),
                              values + QVariantList{id});
                !r) {
                return r.error();
            }
            return id;
        }
        const QString id = m_database.nextId(u"0PS"_s);
        columns += {u"Id"_s,
                    u"Name"_s,
                    u"IsOwnedByProfile"_s,
                    u"IsCustom"_s,
                    u"CreatedDate"_s,
                    u"CreatedById"_s,
                    u"LastModifiedDate"_s,
                    u"LastModifiedById"_s};
        values += {id, set.name, 0, 1, m_now, adminId(), m_now, adminId()};
        if (auto r = insert(u"PermissionSet"_s, columns, values); !r) {
            return r.error();
        }
        *created = true;
        return id;
    }

    Result<void> objectPermissions(const QString &setId,
                                   const PermissionSetDefinition &set,
                                   const PermissionSetDefinition::ObjectAccess &access)
    {
        const SObjectType *type = m_schema.object(access.object);
        if (!type) {
            return deployError(u"%1 grants access to %2, an object the demo org does not "
                               u"have"_s.arg(set.name, access.object));
        }
        const QVariantList flags = {access.read,
                                    access.create,
                                    access.edit,
                                    access.remove,
                                    access.viewAll,
                                    access.modifyAll};
        QVariantList values;
        for (const QVariant &flag : flags) {
            values.append(flag.toBool() ? 1 : 0);
        }
        QSqlQuery found = query(u"SELECT \"Id\" FROM \"ObjectPermissions\" WHERE \"ParentId\" = ? "
                                u"AND \"SobjectType\" = ?"_s,
                                {setId, type->name()});
        if (found.isActive() && found.next()) {
            QStringList assignments;
            for (const QString &column : kObjectPermissionColumns) {
                assignments.append(OrgDatabase::quote(column) + u" = ?"_s);
            }
            return exec(u"UPDATE \"ObjectPermissions\" SET %1 WHERE \"Id\" = ?"_s.arg(
                            assignments.join(u", "_s)),
                        values + QVariantList{found.value(0)});
        }
        QStringList columns = kObjectPermissionColumns;
        columns += {u"Id"_s,
                    u"ParentId"_s,
                    u"SobjectType"_s,
                    u"CreatedDate"_s,
                    u"CreatedById"_s,
                    u"LastModifiedDate"_s,
                    u"LastModifiedById"_s};
        values +=
            {m_database.nextId(u"110"_s), setId, type->name(), m_now, adminId(), m_now, adminId()};
        return insert(u"ObjectPermissions"_s, columns, values);
    }

    Result<void> assign(const QString &setName, const QString &setId)
    {
        for (const auto &[role, name] : kAssignments) {
            if (name != setName) {
                continue;
            }
            for (const DemoPrincipal &principal : m_org.principals) {
                if (principal.role != role) {
                    continue;
                }
                QSqlQuery held = query(u"SELECT 1 FROM \"PermissionSetAssignment\" WHERE "
                                       u"\"AssigneeId\" = ? AND \"PermissionSetId\" = ?"_s,
                                       {principal.userId, setId});
                if (held.isActive() && held.next()) {
                    continue;
                }
                if (auto r = insert(
                        u"PermissionSetAssignment"_s,
                        {u"Id"_s, u"AssigneeId"_s, u"PermissionSetId"_s, u"SystemModstamp"_s},
                        {m_database.nextId(u"0Pa"_s), principal.userId, setId, m_now});
                    !r) {
                    return r;
                }
            }
        }
        return {};
    }

    const OrgDatabase &m_database;
    const OrgSchema &m_schema;
    const GeneratedOrg &m_org;
    QString m_now;
};

// Adds the metadata's objects to `schema`. An object keeps the key prefix it was first given
// in this org; a new object takes the loader's prefix unless that is taken.
Result<void>
addObjects(OrgSchema &schema, const OrgDatabase &database, const SalesforceMetadata &metadata)
{
    QSet<QString> taken;
    for (const SObjectType &type : schema.objects()) {
        taken.insert(type.keyPrefix());
    }
    QHash<QString, QString> prefixes;
    for (const SObjectType &type : metadata.objects) {
        const QString stored = database.meta(u"lrKeyPrefix."_s + type.name());
        if (!stored.isEmpty()) {
            prefixes.insert(type.name(), stored);
            taken.insert(stored);
        }
    }
    for (SObjectType type : metadata.objects) {
        QString prefix = prefixes.value(type.name());
        if (prefix.isEmpty()) {
            prefix = type.keyPrefix();
            for (int i = 0; taken.contains(prefix); ++i) {
                prefix = SalesforceMetadataLoader::keyPrefix(i);
            }
            taken.insert(prefix);
            if (auto r = database.setMeta(u"lrKeyPrefix."_s + type.name(), prefix); !r) {
                return r;
            }
        }
        type.setKeyPrefix(prefix);
        schema.addObject(std::move(type));
    }
    return database.createTables(schema);
}

} // namespace

QString lrSchemaName(LrSchema schema)
{
    switch (schema) {
    case LrSchema::Current:
        return u"current"_s;
    case LrSchema::None:
        return u"none"_s;
    case LrSchema::Old:
        return u"old"_s;
    }
    return {};
}

std::optional<LrSchema> lrSchemaFromName(QStringView name)
{
    for (LrSchema schema : {LrSchema::Current, LrSchema::None, LrSchema::Old}) {
        if (name.compare(lrSchemaName(schema), Qt::CaseInsensitive) == 0) {
            return schema;
        }
    }
    return std::nullopt;
}

Result<void> LrObjectsDeployment::apply(OrgSchema &schema,
                                        const OrgDatabase &database,
                                        const GeneratedOrg &org,
                                        LrSchema state)
{
    if (state == LrSchema::None) {
        return {};
    }
    const Result<SalesforceMetadata> &metadata = SalesforceMetadataLoader::shipped();
    if (!metadata) {
        return metadata.error();
    }
    QSqlDatabase db = database.connection();
    if (!db.transaction()) {
        return deployError(u"The demo org database cannot start a transaction"_s,
                           db.lastError().text());
    }
    Deployer deployer(database, schema, org);
    Result<void> done = addObjects(schema, database, metadata.value());
    if (done) {
        done = deployer.permissionSets(metadata.value());
    }
    if (done) {
        done = deployer.settings(state == LrSchema::Old ? 0 : kSchemaVersion);
    }
    if (!done || !db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        return done ? deployError(u"The demo org cannot commit the LR objects"_s, detail) : done;
    }
    return {};
}

} // namespace lr::demo
