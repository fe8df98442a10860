#include "core/demo/server/sobjectcollections.h"

#include "core/demo/demoorg.h"
#include "core/demo/server/apierror.h"
#include "core/demo/server/callerpermissions.h"
#include "core/demo/server/querycursors.h"
#include "core/demo/server/recordstore.h"
#include "core/demo/store/salesforceid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

constexpr qsizetype kMaxRecords = 200;

Error itemError(const QString &code, const QString &message, const QStringList &fields = {})
{
    Error e = Error::make(Error::Kind::Remote, code, message);
    e.fields = fields;
    return e;
}

QJsonObject errorJson(const Error &error)
{
    return QJsonObject{{u"statusCode"_s, error.code},
                       {u"message"_s, error.message},
                       {u"fields"_s, QJsonArray::fromStringList(error.fields)}};
}

HttpResponse tooMany()
{
    return ApiError::response(400,
                              u"EXCEEDED_ID_LIMIT"_s,
                              u"record limit reached. cannot submit more than 200 records into "
                              u"this call"_s);
}

bool isValidFieldList(const QString &fields)
{
    static const QRegularExpression pattern(
        uR"(^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*(,\s*[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*)*$)"_s);
    return pattern.match(fields).hasMatch();
}

} // namespace

struct SObjectCollections::Item
{
    const SObjectType *type = nullptr;
    QString id;
    QJsonObject fields;
    enum class Op {
        Create,
        Update,
        Delete,
    } op = Op::Update;
    QList<Error> errors; // set before processing when the item is malformed
    QString resultId;
    bool succeeded = false;
};

SObjectCollections::SObjectCollections(DemoOrg &org, RecordStore &store, QueryCursors &cursors)
    : m_org(org)
    , m_store(store)
    , m_cursors(cursors)
{ }

HttpResponse SObjectCollections::handle(const HttpRequest &request,
                                        const QString &subPath,
                                        const CallerPermissions &caller,
                                        const QString &apiVersion)
{
    if (subPath.isEmpty()) {
        if (request.method == "POST" || request.method == "PATCH") {
            return save(request, caller);
        }
        if (request.method == "DELETE") {
            return remove(request, caller);
        }
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    if (request.method != "GET") {
        return ApiError::methodNotAllowed(QString::fromLatin1(request.method));
    }
    return read(request, subPath, caller, apiVersion);
}

HttpResponse SObjectCollections::save(const HttpRequest &request, const CallerPermissions &caller)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return ApiError::malformedRequest(
            u"The request body is not a JSON object: %1 at offset %2"_s
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    const QJsonObject body = document.object();
    if (!body.value(u"records"_s).isArray()) {
        return ApiError::malformedRequest(u"The request body needs a 'records' array."_s);
    }
    if (body.contains(u"allOrNone"_s) && !body.value(u"allOrNone"_s).isBool()) {
        return ApiError::malformedRequest(u"'allOrNone' must be true or false."_s);
    }
    const QJsonArray records = body.value(u"records"_s).toArray();
    if (records.size() > kMaxRecords) {
        return tooMany();
    }
    const bool creating = request.method == "POST";
    QList<Item> items;
    for (qsizetype i = 0; i < records.size(); ++i) {
        if (!records.at(i).isObject()) {
            return ApiError::malformedRequest(u"records[%1] is not a JSON object."_s.arg(i));
        }
        Item item;
        item.op = creating ? Item::Op::Create : Item::Op::Update;
        item.fields = records.at(i).toObject();
        const QString typeName =
            item.fields.value(u"attributes"_s).toObject().value(u"type"_s).toString();
        if (typeName.isEmpty()) {
            return ApiError::malformedRequest(
                u"records[%1]: every record needs attributes.type, e.g. "
                u"{\"attributes\": {\"type\": \"User\"}, …}."_s.arg(i));
        }
        item.type = m_org.schema().object(typeName);
        if (!item.type) {
            item.errors.append(itemError(u"INVALID_TYPE"_s,
                                         u"sObject type '%1' is not supported."_s.arg(typeName)));
        }
        const QString id =
            item.fields.value(u"id"_s).toString(item.fields.value(u"Id"_s).toString());
        if (creating && !id.isEmpty()) {
            item.errors.append(
                itemError(u"INVALID_FIELD"_s, u"cannot specify Id in an insert call"_s, {u"Id"_s}));
        } else if (!creating && id.isEmpty()) {
            item.errors.append(
                itemError(u"MISSING_ARGUMENT"_s, u"Id not specified in an update call"_s));
        }
        item.id = id;
        items.append(std::move(item));
    }
    return process(request, items, body.value(u"allOrNone"_s).toBool(false), caller);
}

HttpResponse SObjectCollections::remove(const HttpRequest &request, const CallerPermissions &caller)
{
    const QString idList = request.queryValue(u"ids");
    if (idList.isEmpty()) {
        return ApiError::response(400, u"MISSING_ARGUMENT"_s, u"Missing parameter: ids"_s);
    }
    const QStringList ids = idList.split(u',', Qt::SkipEmptyParts);
    if (ids.size() > kMaxRecords) {
        return tooMany();
    }
    QList<Item> items;
    for (const QString &raw : ids) {
        Item item;
        item.op = Item::Op::Delete;
        item.id = raw.trimmed();
        const QString id18 = SalesforceId::to18(item.id);
        item.type =
            id18.isEmpty() ? nullptr : m_org.schema().objectByKeyPrefix(QStringView(id18).first(3));
        if (!item.type) {
            item.errors.append(
                itemError(u"MALFORMED_ID"_s, u"malformed id %1"_s.arg(item.id.left(40))));
        }
        items.append(std::move(item));
    }
    const QString allOrNone = request.queryValue(u"allOrNone");
    return process(request, items, allOrNone.compare(u"true", Qt::CaseInsensitive) == 0, caller);
}

HttpResponse SObjectCollections::process(const HttpRequest &request,
                                         QList<Item> &items,
                                         bool allOrNone,
                                         const CallerPermissions &caller)
{
    // Setup objects may not share a request with other objects.
    bool anySetup = false;
    bool anyOther = false;
    QString setupName;
    QString otherName;
    for (const Item &item : std::as_const(items)) {
        if (!item.type) {
            continue;
        }
        if (item.type->isSetupObject()) {
            anySetup = true;
            setupName = item.type->name();
        } else {
            anyOther = true;
            otherName = item.type->name();
        }
    }
    if (anySetup && anyOther) {
        // Salesforce documents the rule but not the error; this is its mixed-DML wording.
        for (Item &item : items) {
            item.errors.append(itemError(
                u"MIXED_DML_OPERATION"_s,
                u"DML operation on setup object is not permitted after you have updated a "
                u"non-setup object (or vice versa): %1, original object: %2"_s.arg(setupName,
                                                                                   otherName)));
        }
    }

    if (auto begun = m_store.begin(); !begun) {
        return ApiError::response(500, begun.error());
    }
    bool anyFailed = false;
    const QString path = request.path;
    for (qsizetype i = 0; i < items.size(); ++i) {
        Item &item = items[i];
        if (item.errors.isEmpty()) {
            if (auto fault = m_org.faults().takeRecordError(
                    QString::fromLatin1(request.method), path, static_cast<int>(i))) {
                item.errors.append(itemError(fault->errorCode, fault->message));
            }
        }
        if (item.errors.isEmpty()) {
            const QString savepoint = u"item%1"_s.arg(i);
            (void)m_store.savepoint(savepoint);
            RecordStore::SaveResult result;
            switch (item.op) {
            case Item::Op::Create:
                result = m_store.create(*item.type, item.fields, caller);
                break;
            case Item::Op::Update:
                result = m_store.update(*item.type, item.id, item.fields, caller);
                break;
            case Item::Op::Delete:
                result = m_store.remove(*item.type, item.id, caller);
                break;
            }
            if (result.success()) {
                m_store.release(savepoint);
            } else {
                m_store.rollbackTo(savepoint);
                m_store.release(savepoint);
            }
            item.resultId = result.id;
            item.errors = result.errors;
            item.succeeded = result.success();
        }
        anyFailed = anyFailed || !item.succeeded;
    }
    if (allOrNone && anyFailed) {
        m_store.rollback();
        for (Item &item : items) {
            if (item.succeeded) {
                item.succeeded = false;
                if (item.op == Item::Op::Create) {
                    item.resultId.clear();
                }
                item.errors = {itemError(u"ALL_OR_NONE_OPERATION_ROLLED_BACK"_s,
                                         u"Record rolled back because not all records were valid "
                                         u"and the request was using AllOrNone header"_s)};
            }
        }
    } else if (auto committed = m_store.commit(); !committed) {
        m_store.rollback();
        return ApiError::response(500, committed.error());
    }

    QJsonArray results;
    for (const Item &item : std::as_const(items)) {
        QJsonArray errors;
        for (const Error &error : item.errors) {
            errors.append(errorJson(error));
        }
        const QString id =
            item.resultId.isEmpty() && item.op != Item::Op::Create ? item.id : item.resultId;
        results.append(QJsonObject{{u"id"_s, id.isEmpty() ? QJsonValue() : QJsonValue(id)},
                                   {u"success"_s, item.succeeded},
                                   {u"errors"_s, errors}});
    }
    return HttpResponse::json(200, QJsonDocument(results).toJson(QJsonDocument::Compact));
}

HttpResponse SObjectCollections::read(const HttpRequest &request,
                                      const QString &typeName,
                                      const CallerPermissions &caller,
                                      const QString &apiVersion)
{
    const SObjectType *type = m_org.schema().object(typeName);
    if (!type) {
        return ApiError::notFound();
    }
    const QString fields = request.queryValue(u"fields");
    const QStringList ids = request.queryValue(u"ids").split(u',', Qt::SkipEmptyParts);
    if (fields.isEmpty() || ids.isEmpty()) {
        return ApiError::response(
            400, u"MISSING_ARGUMENT"_s, u"The ids and fields parameters are both required."_s);
    }
    if (ids.size() > 2000) {
        return ApiError::response(400, u"EXCEEDED_ID_LIMIT"_s, u"Too many ids: at most 2000"_s);
    }
    if (!isValidFieldList(fields)) {
        return ApiError::response(
            400, u"INVALID_FIELD"_s, u"Invalid field list: %1"_s.arg(fields.left(80)));
    }
    QStringList quoted;
    QList<QString> wanted;
    for (const QString &id : ids) {
        const QString id18 = SalesforceId::to18(id.trimmed());
        if (id18.isEmpty()) {
            return ApiError::response(
                400, u"MALFORMED_ID"_s, u"malformed id %1"_s.arg(id.left(40)));
        }
        quoted.append(u"'"_s + id18 + u"'"_s);
        wanted.append(id18);
    }
    QString select = fields;
    if (!fields.split(u',').contains(u"Id"_s)) {
        select = u"Id, "_s + fields;
    }
    qint64 count = 0;
    Result<QByteArray> found = m_cursors.records(
        u"SELECT %1 FROM %2 WHERE Id IN (%3)"_s.arg(select, type->name(), quoted.join(u',')),
        caller,
        apiVersion,
        &count);
    if (!found) {
        return ApiError::response(400, found.error());
    }
    // Answer in the order asked, with null for ids not found.
    QHash<QString, QJsonValue> byId;
    for (const QJsonValue &record : QJsonDocument::fromJson(found.value()).array()) {
        byId.insert(record.toObject().value(u"Id"_s).toString(), record);
    }
    QJsonArray ordered;
    for (const QString &id : wanted) {
        ordered.append(byId.value(id, QJsonValue()));
    }
    return HttpResponse::json(200, QJsonDocument(ordered).toJson(QJsonDocument::Compact));
}

} // namespace lr::demo
