#include "core/connections/connection.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace lr::connections {

namespace {

QString kindName(auth::LoginHost::Kind kind)
{
    switch (kind) {
    case auth::LoginHost::Kind::Production:
        return u"production"_s;
    case auth::LoginHost::Kind::Sandbox:
        return u"sandbox"_s;
    case auth::LoginHost::Kind::MyDomain:
        return u"mydomain"_s;
    case auth::LoginHost::Kind::Custom:
        return u"custom"_s;
    }
    return u"production"_s;
}

std::optional<auth::LoginHost::Kind> kindFromName(const QString &name)
{
    for (auto kind : {auth::LoginHost::Kind::Production,
                      auth::LoginHost::Kind::Sandbox,
                      auth::LoginHost::Kind::MyDomain,
                      auth::LoginHost::Kind::Custom}) {
        if (kindName(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace

Result<auth::LoginHost> Connection::loginHost() const
{
    switch (loginKind) {
    case auth::LoginHost::Kind::Production:
        return auth::LoginHost::production();
    case auth::LoginHost::Kind::Sandbox:
        return auth::LoginHost::sandbox();
    case auth::LoginHost::Kind::MyDomain:
        return auth::LoginHost::myDomain(loginUrl.toString());
    case auth::LoginHost::Kind::Custom:
        return auth::LoginHost::custom(loginUrl);
    }
    return auth::LoginHost::production();
}

void Connection::setLoginHost(const auth::LoginHost &host)
{
    loginKind = host.kind();
    loginUrl = host.url();
}

QString Connection::loginKindText() const
{
    switch (loginKind) {
    case auth::LoginHost::Kind::Production:
        return tr("production");
    case auth::LoginHost::Kind::Sandbox:
        return tr("sandbox");
    case auth::LoginHost::Kind::MyDomain:
        return tr("My Domain");
    case auth::LoginHost::Kind::Custom:
        return tr("custom");
    }
    return {};
}

QJsonObject Connection::toJson() const
{
    return QJsonObject{
        {u"alias"_s, alias},
        {u"id"_s, id},
        {u"loginHost"_s, kindName(loginKind)},
        {u"loginUrl"_s, loginUrl.toString()},
        {u"consumerKey"_s, consumerKey},
        {u"instanceUrl"_s, instanceUrl.toString()},
        {u"username"_s, username},
        {u"userId"_s, userId},
        {u"orgId"_s, orgId},
        {u"orgName"_s, orgName},
        {u"sandbox"_s, sandbox},
        {u"signedInAt"_s, signedInAt.toUTC().toString(Qt::ISODate)},
    };
}

Result<Connection> Connection::fromJson(const QJsonObject &object)
{
    Connection connection;
    connection.alias = object.value(u"alias"_s).toString();
    connection.id = object.value(u"id"_s).toString();
    const auto kind = kindFromName(object.value(u"loginHost"_s).toString());
    if (connection.alias.isEmpty() || connection.id.isEmpty() || !kind) {
        return Error::make(Error::Kind::Storage,
                           u"BAD_CONNECTION"_s,
                           tr("A saved connection has no alias, id or login host."));
    }
    connection.loginKind = *kind;
    connection.loginUrl = QUrl(object.value(u"loginUrl"_s).toString());
    connection.consumerKey = object.value(u"consumerKey"_s).toString();
    connection.instanceUrl = QUrl(object.value(u"instanceUrl"_s).toString());
    connection.username = object.value(u"username"_s).toString();
    connection.userId = object.value(u"userId"_s).toString();
    connection.orgId = object.value(u"orgId"_s).toString();
    connection.orgName = object.value(u"orgName"_s).toString();
    connection.sandbox = object.value(u"sandbox"_s).toBool();
    connection.signedInAt =
        QDateTime::fromString(object.value(u"signedInAt"_s).toString(), Qt::ISODate);
    return connection;
}

QString Connection::newId()
{
    return u"org-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace lr::connections
