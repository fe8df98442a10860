#pragma once

#include "core/common/result.h"
#include "core/connections/connection.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace lr::connections {

// The named org connections of this user, shared by the console and lrctl: one JSON file
// (AppPaths::dataDirectory()/connections.json by default), mode 0600, written atomically
// under a lock file and read afresh by every call, so both programs see each other's
// changes:
//   {"version":1,"connections":[{"alias":"prod","id":"org-…","loginHost":"mydomain", …}]}
// It holds no secret of any kind — tokens are in the secrets store, under the connection's
// id. Each connection also has a local cache directory (cacheDirectory()) for what is kept
// of its org on this machine; sign-out deletes it.
class ConnectionRegistry
{
    Q_DECLARE_TR_FUNCTIONS(lr::connections::ConnectionRegistry)

public:
    // An empty path means defaultPath().
    explicit ConnectionRegistry(QString path = {});

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] static QString defaultPath();

    // By alias. An unreadable file is an error, not an empty list.
    [[nodiscard]] Result<QList<Connection>> list() const;
    // The connection, UNKNOWN_ALIAS (a usage error saying how to add it), or the file's error.
    [[nodiscard]] Result<Connection> find(const QString &alias) const;
    // Adds the connection, or replaces the one with its id.
    [[nodiscard]] Result<void> save(const Connection &connection);
    // ALIAS_TAKEN when newAlias names another connection.
    [[nodiscard]] Result<void> rename(const QString &alias, const QString &newAlias);
    [[nodiscard]] Result<void> remove(const QString &alias);

    // 1–64 of A–Z a–z 0–9 . _ - @ +, starting with a letter or digit; INVALID_ALIAS otherwise.
    [[nodiscard]] static Result<void> checkAlias(const QString &alias);
    // <data dir>/cache/<connection id>; not created here.
    [[nodiscard]] static QString cacheDirectory(const Connection &connection);

private:
    [[nodiscard]] Result<QJsonObject> load() const;
    [[nodiscard]] Result<void> store(const QList<Connection> &connections) const;
    template <typename Change>
    [[nodiscard]] Result<void> update(Change change);

    QString m_path;
};

} // namespace lr::connections
