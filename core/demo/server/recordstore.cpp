#include "core/demo/server/recordstore.h"

#include "core/demo/schema/orgschema.h"
#include "core/demo/server/callerpermissions.h"
#include "core/demo/server/democlock.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/salesforceid.h"

#include <QSqlError>
#include <QSqlQuery>

#include <functional>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error recordError(const QString &code, const QString &message, const QStringList &fields = {})
{
    Error e = Error::make(Error::Kind::Remote, code, message);
    e.fields = fields;
    return e;
}

RecordStore::SaveResult failed(const QString &id, Error error)
{
    return {id, {std::move(error)}};
}

Error insufficientAccess()
{
    return recordError(u"INSUFFICIENT_ACCESS_OR_READONLY"_s,
                       u"insufficient access rights on object id"_s);
}

Error invalidCrossReference(const QStringList &fields = {})
{
    return recordError(u"INVALID_CROSS_REFERENCE_KEY"_s, u"invalid cross reference id"_s, fields);
}

QString quote(const QString &identifier)
{
    return OrgDatabase::quote(identifier);
}

// The field that decides record ownership for write permissions.
QString ownerField(const SObjectType &type)
{
    if (type.field(u"OwnerId")) {
        return u"OwnerId"_s;
    }
    if (type.name() == u"OauthToken") {
        return u"UserId"_s;
    }
    return {};
}

} // namespace

RecordStore::RecordStore(OrgDatabase database, const OrgSchema &schema, const DemoClock &clock)
    : m_database(database)
    , m_schema(schema)
    , m_clock(clock)
    , m_rules(std::move(database), schema)
{ }

Result<void> RecordStore::exec(const QString &sql, const QVariantList &params) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(sql);
    for (const QVariant &param : params) {
        query.addBindValue(param);
    }
    if (!query.exec()) {
        return Error::make(Error::Kind::Storage,
                           u"UNKNOWN_EXCEPTION"_s,
                           u"The demo org could not save the record."_s,
                           query.lastError().text());
    }
    return {};
}

Result<void> RecordStore::begin()
{
    return exec(u"BEGIN IMMEDIATE"_s);
}

Result<void> RecordStore::commit()
{
    return exec(u"COMMIT"_s);
}

void RecordStore::rollback()
{
    (void)exec(u"ROLLBACK"_s);
}

Result<void> RecordStore::savepoint(const QString &name)
{
    return exec(u"SAVEPOINT "_s + quote(name));
}

void RecordStore::rollbackTo(const QString &name)
{
    (void)exec(u"ROLLBACK TO "_s + quote(name));
}

void RecordStore::release(const QString &name)
{
    (void)exec(u"RELEASE "_s + quote(name));
}

RecordStore::SaveResult RecordStore::checkFields(const SObjectType &type,
                                                 const QJsonObject &record,
                                                 bool creating,
                                                 QList<QPair<QString, QVariant>> *values) const
{
    SaveResult result;
    QStringList notWritable;
    for (auto it = record.begin(); it != record.end(); ++it) {
        const QString key = it.key();
        if (key == u"attributes" || key.compare(u"Id", Qt::CaseInsensitive) == 0) {
            continue;
        }
        const SObjectField *field = type.field(key);
        if (!field) {
            result.errors.append(
                recordError(u"INVALID_FIELD"_s,
                            u"No such column '%1' on sobject of type %2"_s.arg(key, type.name()),
                            {key}));
            continue;
        }
        if (creating ? !field->createable : !field->updateable) {
            notWritable.append(field->name);
            continue;
        }
        Result<QVariant> value = FieldValueCodec::fromJson(*field, it.value());
        if (!value) {
            result.errors.append(value.error());
            continue;
        }
        if (field->isReference() && !value.value().isNull()) {
            if (auto bad =
                    checkReference(field->referenceTo, field->name, value.value().toString())) {
                result.errors.append(*bad);
                continue;
            }
            value = QVariant(SalesforceId::to18(value.value().toString()));
        }
        values->append({field->name, value.value()});
    }
    if (!notWritable.isEmpty()) {
        result.errors.append(recordError(
            creating ? u"INVALID_FIELD_FOR_INSERT_UPDATE"_s : u"INVALID_FIELD_FOR_INSERT_UPDATE"_s,
            u"Unable to create/update fields: %1. Please check the security settings "
            u"of this field and verify that it is read/write for your profile or "
            u"permission set."_s.arg(notWritable.join(u", "_s)),
            notWritable));
    }
    if (creating) {
        QStringList missing;
        for (const SObjectField &field : type.fields()) {
            if (field.createable && !field.nillable && !field.defaultedOnCreate
                && !record.contains(field.name) && field.name != u"OwnerId") {
                missing.append(field.name);
            }
        }
        if (!missing.isEmpty()) {
            result.errors.append(
                recordError(u"REQUIRED_FIELD_MISSING"_s,
                            u"Required fields are missing: [%1]"_s.arg(missing.join(u", "_s)),
                            missing));
        }
    }
    return result;
}

std::optional<Error> RecordStore::checkReference(const QString &objectName,
                                                 const QString &fieldName,
                                                 const QString &id) const
{
    const QString id18 = SalesforceId::to18(id);
    if (id18.isEmpty()) {
        return recordError(u"MALFORMED_ID"_s,
                           u"%1: id value of incorrect type: %2"_s.arg(fieldName, id.left(40)),
                           {fieldName});
    }
    // Polymorphic references (UserOrGroupId, OwnerId) are resolved by the id's key prefix.
    const SObjectType *target = m_schema.objectByKeyPrefix(QStringView(id18).first(3));
    if (!target || (target->name() != objectName && target->name() != u"Group")) {
        return invalidCrossReference({fieldName});
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT 1 FROM %1 WHERE \"Id\" = ?"_s.arg(quote(target->tableName())));
    query.addBindValue(id18);
    if (!query.exec() || !query.next()) {
        return invalidCrossReference({fieldName});
    }
    return std::nullopt;
}

QString RecordStore::nextId(const SObjectType &type) const
{
    return m_database.nextId(type.keyPrefix());
}

QList<Error> RecordStore::checkRules(const SObjectType &type,
                                     const QString &id,
                                     const QList<QPair<QString, QVariant>> &values,
                                     bool creating) const
{
    // Salesforce runs the validation rules first; a unique index refuses the row on save.
    const RecordRules::Row prior = creating || type.validationRules().isEmpty()
                                       ? RecordRules::Row()
                                       : m_rules.storedRecord(type, id);
    QList<Error> errors = m_rules.validate(type, prior, values, creating);
    if (errors.isEmpty()) {
        if (auto duplicate = m_rules.checkUnique(type, id, values)) {
            errors.append(*duplicate);
        }
    }
    return errors;
}

std::optional<Error> RecordStore::checkUserRules(const QString &userId,
                                                 const QList<QPair<QString, QVariant>> &values,
                                                 bool creating) const
{
    QSqlDatabase db = m_database.connection();
    QString profileId;
    bool active = true;
    bool wasActive = false;
    QString oldProfileId;
    if (!creating) {
        QSqlQuery current(db);
        current.prepare(u"SELECT \"ProfileId\", \"IsActive\" FROM \"User\" WHERE \"Id\" = ?"_s);
        current.addBindValue(userId);
        if (current.exec() && current.next()) {
            oldProfileId = profileId = current.value(0).toString();
            wasActive = active = current.value(1).toInt() != 0;
        }
    }
    for (const auto &[name, value] : values) {
        if (name == u"ProfileId") {
            profileId = value.toString();
        } else if (name == u"IsActive") {
            active = value.toInt() != 0;
        } else if (name == u"Username") {
            QSqlQuery taken(db);
            taken.prepare(u"SELECT 1 FROM \"User\" WHERE lower(\"Username\") = lower(?) "
                          u"AND \"Id\" <> ?"_s);
            taken.addBindValue(value);
            taken.addBindValue(userId);
            if (taken.exec() && taken.next()) {
                return recordError(u"DUPLICATE_USERNAME"_s,
                                   u"Duplicate Username.<br>The username already exists in this "
                                   u"or another Salesforce organization. Usernames must be unique "
                                   u"across all Salesforce organizations."_s,
                                   {u"Username"_s});
            }
        }
    }
    const bool takesSeat = active && (!wasActive || profileId != oldProfileId);
    if (!takesSeat) {
        return std::nullopt;
    }
    // A seat of the profile's license must be free, unless the license has no ceiling.
    QSqlQuery seats(db);
    seats.prepare(
        u"SELECT l.\"TotalLicenses\", (SELECT COUNT(*) FROM \"User\" u JOIN \"Profile\" p "
        u"ON p.\"Id\" = u.\"ProfileId\" WHERE p.\"UserLicenseId\" = l.\"Id\" "
        u"AND u.\"IsActive\" = 1 AND u.\"Id\" <> ?) FROM \"Profile\" pr "
        u"JOIN \"UserLicense\" l ON l.\"Id\" = pr.\"UserLicenseId\" WHERE pr.\"Id\" = ?"_s);
    seats.addBindValue(userId);
    seats.addBindValue(profileId);
    if (seats.exec() && seats.next()) {
        const qint64 total = seats.value(0).toLongLong();
        const qint64 used = seats.value(1).toLongLong();
        if (total >= 0 && used + 1 > total) {
            return recordError(
                u"LICENSE_LIMIT_EXCEEDED"_s, u"License Limit Exceeded"_s, {u"ProfileId"_s});
        }
    }
    return std::nullopt;
}

Result<void> RecordStore::afterUserWrite(const QString &userId, bool created) const
{
    const QString now = FieldValueCodec::formatDateTime(m_clock.now());
    if (auto r =
            exec(u"UPDATE \"User\" SET \"UserType\" = (SELECT p.\"UserType\" FROM \"Profile\" p "
                 u"WHERE p.\"Id\" = \"User\".\"ProfileId\") WHERE \"Id\" = ?"_s,
                 {userId});
        !r) {
        return r;
    }
    if (created) {
        const SObjectType *login = m_schema.object(u"UserLogin");
        const SObjectType *assignment = m_schema.object(u"PermissionSetAssignment");
        if (auto r = exec(u"INSERT INTO \"UserLogin\" (\"Id\", \"UserId\", \"IsFrozen\", "
                          u"\"IsPasswordLocked\", \"LastModifiedDate\") VALUES (?, ?, 0, 0, ?)"_s,
                          {nextId(*login), userId, now});
            !r) {
            return r;
        }
        if (auto r =
                exec(u"INSERT INTO \"PermissionSetAssignment\" (\"Id\", \"AssigneeId\", "
                     u"\"PermissionSetId\", \"SystemModstamp\") SELECT ?, u.\"Id\", ps.\"Id\", ? "
                     u"FROM \"User\" u JOIN \"PermissionSet\" ps ON ps.\"ProfileId\" = "
                     u"u.\"ProfileId\" AND ps.\"IsOwnedByProfile\" = 1 WHERE u.\"Id\" = ?"_s,
                     {nextId(*assignment), now, userId});
            !r) {
            return r;
        }
    } else {
        // The profile-owned permission set follows a profile change.
        if (auto r = exec(
                u"UPDATE \"PermissionSetAssignment\" SET \"PermissionSetId\" = (SELECT ps.\"Id\" "
                u"FROM \"PermissionSet\" ps JOIN \"User\" u ON ps.\"ProfileId\" = "
                u"u.\"ProfileId\" WHERE u.\"Id\" = ? AND ps.\"IsOwnedByProfile\" = 1) "
                u"WHERE \"AssigneeId\" = ? AND \"PermissionSetId\" IN (SELECT \"Id\" FROM "
                u"\"PermissionSet\" WHERE \"IsOwnedByProfile\" = 1)"_s,
                {userId, userId});
            !r) {
            return r;
        }
    }
    return exec(
        u"UPDATE \"UserLicense\" SET \"UsedLicenses\" = (SELECT COUNT(*) FROM \"User\" u "
        u"JOIN \"Profile\" p ON p.\"Id\" = u.\"ProfileId\" WHERE p.\"UserLicenseId\" = "
        u"\"UserLicense\".\"Id\" AND u.\"IsActive\" = 1), \"UsedLicensesLastUpdated\" = ?"_s,
        {now});
}

static Result<void>
deriveFields(const SObjectType &type,
             const QString &id,
             const std::function<Result<void>(const QString &, const QVariantList &)> &run)
{
    const QString name = type.name();
    if (name == u"User" || name == u"Lead") {
        return run(u"UPDATE %1 SET \"Name\" = TRIM(COALESCE(\"FirstName\", '') || ' ' || "
                   u"COALESCE(\"LastName\", '')) WHERE \"Id\" = ?"_s.arg(quote(name)),
                   {id});
    }
    if (name == u"Opportunity") {
        return run(u"UPDATE \"Opportunity\" SET \"IsClosed\" = (\"StageName\" LIKE 'Closed%'), "
                   u"\"IsWon\" = (\"StageName\" = 'Closed Won') WHERE \"Id\" = ?"_s,
                   {id});
    }
    if (name == u"Case") {
        return run(u"UPDATE \"Case\" SET \"IsClosed\" = (\"Status\" = 'Closed') WHERE \"Id\" = ?"_s,
                   {id});
    }
    return {};
}

RecordStore::SaveResult RecordStore::create(const SObjectType &type,
                                            const QJsonObject &record,
                                            const CallerPermissions &caller)
{
    if (!type.isCreateable()) {
        return failed(
            {}, recordError(u"INVALID_TYPE_FOR_OPERATION"_s, u"entity type cannot be inserted"_s));
    }
    QList<QPair<QString, QVariant>> values;
    SaveResult checked = checkFields(type, record, true, &values);
    if (!checked.success()) {
        return checked;
    }
    RecordRules::applyDefaults(type, &values);
    QString owner;
    if (const QString field = ownerField(type); !field.isEmpty()) {
        const auto it = std::find_if(
            values.cbegin(), values.cend(), [&](const auto &v) { return v.first == field; });
        owner = it != values.cend() ? it->second.toString() : caller.userId();
        if (it == values.cend() && type.field(field)->createable) {
            values.append({field, caller.userId()});
        }
    }
    if (!caller.mayWrite(type, CallerPermissions::Write::Create, owner)) {
        return failed({}, insufficientAccess());
    }
    const QString id = nextId(type);
    if (type.name() == u"User") {
        if (auto bad = checkUserRules(id, values, true)) {
            return failed({}, *bad);
        }
    }
    if (type.isCustom() && type.field(u"Name")
        && std::none_of(
            values.cbegin(), values.cend(), [](const auto &v) { return v.first == u"Name"; })) {
        values.append({u"Name"_s, id}); // Salesforce names a record without a Name by its id
    }
    const QString now = FieldValueCodec::formatDateTime(m_clock.now());
    for (const char *field : {"CreatedDate", "LastModifiedDate", "SystemModstamp"}) {
        if (type.field(QString::fromLatin1(field))) {
            values.append({QString::fromLatin1(field), now});
        }
    }
    for (const char *field : {"CreatedById", "LastModifiedById"}) {
        if (type.field(QString::fromLatin1(field))) {
            values.append({QString::fromLatin1(field), caller.userId()});
        }
    }
    for (const SObjectField &field : type.fields()) {
        const bool given = std::any_of(
            values.cbegin(), values.cend(), [&](const auto &v) { return v.first == field.name; });
        if (field.type == FieldType::Boolean && !given) {
            values.append({field.name, 0});
        }
    }
    if (type.name() == u"Case") {
        values.append({u"CaseNumber"_s, id.mid(8, 8)});
    }
    if (QList<Error> errors = checkRules(type, id, values, true); !errors.isEmpty()) {
        return {{}, errors};
    }
    QStringList columns{quote(u"Id"_s)};
    QStringList marks{u"?"_s};
    QVariantList params{id};
    for (const auto &[name, value] : std::as_const(values)) {
        columns.append(quote(name));
        marks.append(u"?"_s);
        params.append(value);
    }
    if (auto r = exec(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
                          quote(type.tableName()), columns.join(u", "_s), marks.join(u", "_s)),
                      params);
        !r) {
        return failed({}, r.error());
    }
    if (auto r = deriveFields(
            type, id, [this](const QString &s, const QVariantList &p) { return exec(s, p); });
        !r) {
        return failed({}, r.error());
    }
    if (type.name() == u"User") {
        if (auto r = afterUserWrite(id, true); !r) {
            return failed({}, r.error());
        }
    }
    return {id, {}};
}

RecordStore::SaveResult RecordStore::update(const SObjectType &type,
                                            const QString &id,
                                            const QJsonObject &record,
                                            const CallerPermissions &caller)
{
    const QString id18 = SalesforceId::to18(id);
    if (id18.isEmpty() || !id18.startsWith(type.keyPrefix())) {
        return failed(id, recordError(u"MALFORMED_ID"_s, u"malformed id %1"_s.arg(id.left(40))));
    }
    if (!type.isUpdateable()) {
        return failed(
            id18, recordError(u"INVALID_TYPE_FOR_OPERATION"_s, u"entity type cannot be updated"_s));
    }
    // The record must exist and be visible to the caller.
    const ReadAccess access = caller.readAccess(type);
    const QString owner = ownerField(type);
    QSqlQuery existing(m_database.connection());
    QString sql = u"SELECT %1 FROM %2 t WHERE t.\"Id\" = ?"_s.arg(
        owner.isEmpty() ? u"''"_s : u"t."_s + quote(owner), quote(type.tableName()));
    if (access.readable && !access.rowFilter.isEmpty()) {
        sql += u" AND "_s + access.rowFilter.arg(u"t"_s);
    }
    existing.prepare(sql);
    existing.addBindValue(id18);
    for (const QVariant &param : access.rowFilterParams) {
        existing.addBindValue(param);
    }
    if (!access.readable || !existing.exec() || !existing.next()) {
        return failed(id18, invalidCrossReference());
    }
    if (!caller.mayWrite(type, CallerPermissions::Write::Edit, existing.value(0).toString())) {
        return failed(id18, insufficientAccess());
    }
    QList<QPair<QString, QVariant>> values;
    SaveResult checked = checkFields(type, record, false, &values);
    if (!checked.success()) {
        checked.id = id18;
        return checked;
    }
    if (type.name() == u"User") {
        if (auto bad = checkUserRules(id18, values, false)) {
            return failed(id18, *bad);
        }
    }
    if (type.field(u"LastModifiedDate")) {
        values.append({u"LastModifiedDate"_s, FieldValueCodec::formatDateTime(m_clock.now())});
    }
    if (type.field(u"LastModifiedById")) {
        values.append({u"LastModifiedById"_s, caller.userId()});
    }
    if (type.field(u"SystemModstamp") && type.isUpdateable()) {
        values.append({u"SystemModstamp"_s, FieldValueCodec::formatDateTime(m_clock.now())});
    }
    if (QList<Error> errors = checkRules(type, id18, values, false); !errors.isEmpty()) {
        return {id18, errors};
    }
    QStringList assignments;
    QVariantList params;
    for (const auto &[name, value] : std::as_const(values)) {
        assignments.append(quote(name) + u" = ?"_s);
        params.append(value);
    }
    params.append(id18);
    if (!assignments.isEmpty()) {
        if (auto r = exec(u"UPDATE %1 SET %2 WHERE \"Id\" = ?"_s.arg(quote(type.tableName()),
                                                                     assignments.join(u", "_s)),
                          params);
            !r) {
            return failed(id18, r.error());
        }
    }
    if (auto r = deriveFields(
            type, id18, [this](const QString &s, const QVariantList &p) { return exec(s, p); });
        !r) {
        return failed(id18, r.error());
    }
    if (type.name() == u"User") {
        if (auto r = afterUserWrite(id18, false); !r) {
            return failed(id18, r.error());
        }
    }
    return {id18, {}};
}

RecordStore::SaveResult
RecordStore::remove(const SObjectType &type, const QString &id, const CallerPermissions &caller)
{
    const QString id18 = SalesforceId::to18(id);
    if (id18.isEmpty() || !id18.startsWith(type.keyPrefix())) {
        return failed(id, recordError(u"MALFORMED_ID"_s, u"malformed id %1"_s.arg(id.left(40))));
    }
    if (!type.isDeletable()) {
        return failed(
            id18, recordError(u"INVALID_TYPE_FOR_OPERATION"_s, u"entity type cannot be deleted"_s));
    }
    const QString owner = ownerField(type);
    QSqlQuery existing(m_database.connection());
    existing.prepare(u"SELECT %1 FROM %2 WHERE \"Id\" = ?"_s.arg(
        owner.isEmpty() ? u"''"_s : quote(owner), quote(type.tableName())));
    existing.addBindValue(id18);
    if (!existing.exec() || !existing.next()) {
        return failed(id18, recordError(u"ENTITY_IS_DELETED"_s, u"entity is deleted"_s));
    }
    if (!caller.mayWrite(type, CallerPermissions::Write::Delete, existing.value(0).toString())) {
        return failed(id18, insufficientAccess());
    }
    if (auto restricted = m_rules.checkDeleteRestrictions(type, id18)) {
        return failed(id18, *restricted);
    }
    if (auto r = exec(u"DELETE FROM %1 WHERE \"Id\" = ?"_s.arg(quote(type.tableName())), {id18});
        !r) {
        return failed(id18, r.error());
    }
    if (auto cleared = m_rules.clearSetNullReferences(type, id18)) {
        return failed(id18, *cleared);
    }
    return {id18, {}};
}

} // namespace lr::demo
