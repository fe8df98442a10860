#pragma once

#include "core/auth/loginhost.h"
#include "core/common/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace lr::connections {

// One named org connection: where its people sign in, which External Client App (consumer
// key) they sign in through, and who signed in to which org. Never a token: those live only
// in the secrets store, under secretsName().
struct Connection
{
    Q_DECLARE_TR_FUNCTIONS(lr::connections::Connection)

public:
    // The secrets store key that holds the serialized auth::TokenSet.
    static constexpr QStringView kTokensKey = u"oauth_tokens";

    QString alias; // what people type: --org ALIAS
    QString id;    // stable across renames; scopes the secrets and the local cache
    auth::LoginHost::Kind loginKind = auth::LoginHost::Kind::Production;
    QUrl loginUrl; // the login host's address (My Domain and custom hosts need it)
    QString consumerKey;
    // Known once signed in (kept after sign-out, so people see what the alias was).
    QUrl instanceUrl;
    QString username;
    QString userId;
    QString orgId;
    QString orgName;
    bool sandbox = false;
    QDateTime signedInAt; // UTC

    [[nodiscard]] Result<auth::LoginHost> loginHost() const;
    void setLoginHost(const auth::LoginHost &host);
    // The name the secrets store files this connection's secrets under.
    [[nodiscard]] QString secretsName() const { return id; }
    // "production", "sandbox", "My Domain" or "custom", for people.
    [[nodiscard]] QString loginKindText() const;

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static Result<Connection> fromJson(const QJsonObject &object);
    // A fresh id ("org-<uuid>"), valid as a secrets store connection name.
    [[nodiscard]] static QString newId();
};

} // namespace lr::connections
