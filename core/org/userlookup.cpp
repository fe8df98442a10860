#include "core/org/userlookup.h"

#include "core/org/orgclient.h"
#include "core/org/recordid.h"
#include "core/org/soqlliteral.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

const QString kFields = u"Id, Name, Username, IsActive"_s; // what matchOf() reads

UserMatch matchOf(const QJsonObject &record)
{
    return {record.value(u"Id"_s).toString(),
            record.value(u"Name"_s).toString(),
            record.value(u"Username"_s).toString(),
            record.value(u"IsActive"_s).toBool()};
}

} // namespace

QString UserMatch::display() const
{
    return name.isEmpty() ? username : u"%1 (%2)"_s.arg(name, username);
}

QCoro::Task<Result<QList<UserMatch>>> UserLookup::search(OrgClient *client, QString text)
{
    QList<UserMatch> matches;
    text = text.simplified();
    if (text.size() < kMinSearchLength) {
        co_return matches;
    }
    const QString prefix = SoqlLiteral::startsWith(text.left(80));
    Result<QueryResult> rows = co_await client->query(
        u"SELECT %1 FROM User WHERE IsActive = true AND (Name LIKE %2 OR Username LIKE %2) "
        u"ORDER BY Name LIMIT %3"_s.arg(kFields, prefix)
            .arg(kMaxMatches));
    if (!rows) {
        co_return rows.error();
    }
    for (const QJsonValue &value : std::as_const(rows->records)) {
        matches.append(matchOf(value.toObject()));
    }
    co_return matches;
}

QCoro::Task<Result<UserMatch>> UserLookup::byId(OrgClient *client, QString id)
{
    if (!RecordId::isOf(id, RecordId::kUserPrefix)) {
        co_return Error::make(
            Error::Kind::Usage, u"NOT_FOUND"_s, tr("%1 is not a user id.").arg(id.left(40)));
    }
    co_return co_await one(
        client, u"Id = '%1'"_s.arg(id), tr("There is no user with the id %1 in this org.").arg(id));
}

QCoro::Task<Result<UserMatch>> UserLookup::byUsername(OrgClient *client, QString username)
{
    username = username.trimmed().left(80);
    co_return co_await one(client,
                           u"Username = %1"_s.arg(SoqlLiteral::text(username)),
                           tr("There is no user with the username %1 in this org.").arg(username));
}

QCoro::Task<Result<UserMatch>>
UserLookup::one(OrgClient *client, QString condition, QString notFound)
{
    Result<QueryResult> rows =
        co_await client->query(u"SELECT %1 FROM User WHERE %2 LIMIT 1"_s.arg(kFields, condition));
    if (!rows) {
        co_return rows.error();
    }
    if (rows->records.isEmpty()) {
        co_return Error::make(Error::Kind::Remote, u"NOT_FOUND"_s, notFound);
    }
    co_return matchOf(rows->records.first().toObject());
}

} // namespace lr::org
