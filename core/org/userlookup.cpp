#include "core/org/userlookup.h"

#include "core/org/orgclient.h"
#include "core/org/soqlliteral.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

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
        u"SELECT Id, Name, Username, IsActive FROM User WHERE IsActive = true AND "
        u"(Name LIKE %1 OR Username LIKE %1) ORDER BY Name LIMIT %2"_s.arg(prefix)
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
    static const QRegularExpression userId(u"^005[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$"_s);
    if (!userId.match(id).hasMatch()) {
        co_return Error::make(
            Error::Kind::Usage, u"NOT_FOUND"_s, tr("%1 is not a user id.").arg(id.left(40)));
    }
    Result<QueryResult> rows = co_await client->query(
        u"SELECT Id, Name, Username, IsActive FROM User WHERE Id = '%1'"_s.arg(id));
    if (!rows) {
        co_return rows.error();
    }
    if (rows->records.isEmpty()) {
        co_return Error::make(Error::Kind::Remote,
                              u"NOT_FOUND"_s,
                              tr("There is no user with the id %1 in this org.").arg(id));
    }
    co_return matchOf(rows->records.first().toObject());
}

QCoro::Task<Result<UserMatch>> UserLookup::byUsername(OrgClient *client, QString username)
{
    username = username.trimmed();
    Result<QueryResult> rows = co_await client->query(
        u"SELECT Id, Name, Username, IsActive FROM User WHERE Username = %1"_s.arg(
            SoqlLiteral::text(username.left(80))));
    if (!rows) {
        co_return rows.error();
    }
    if (rows->records.isEmpty()) {
        co_return Error::make(
            Error::Kind::Remote,
            u"NOT_FOUND"_s,
            tr("There is no user with the username %1 in this org.").arg(username.left(80)));
    }
    co_return matchOf(rows->records.first().toObject());
}

} // namespace lr::org
