#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lr::secrets {

// The names of the secrets a store holds, per connection: never a value. The keychain cannot
// be listed, so this is how removeConnection() finds every key of a signed-out org.
//
// One JSON file (AppPaths::dataDirectory()/secrets-index.json by default) shared by the
// console, lrctl and the agent, grouped by backend scope:
//   {"version":1,"scopes":{"keychain:License Reclaim":{"prod":["access_token", …]}}}
// Every call reads the file afresh, and changes are read-modify-write under a lock file, so
// several processes can share it and it survives restarts. Written atomically, mode 0600.
class SecretIndex
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::SecretIndex)

public:
    SecretIndex(QString path, QString scope);

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] static QString defaultPath();

    // Sorted. An unreadable index reads as empty (and logs why).
    [[nodiscard]] QStringList keys(const QString &connection) const;
    [[nodiscard]] QStringList connections() const;
    [[nodiscard]] bool contains(const QString &connection, const QString &key) const;

    [[nodiscard]] Result<void> add(const QString &connection, const QString &key);
    [[nodiscard]] Result<void> remove(const QString &connection, const QString &key);

private:
    [[nodiscard]] Result<QJsonObject> load() const;
    [[nodiscard]] Result<void> save(const QJsonObject &document) const;
    [[nodiscard]] QJsonObject scopeObject() const;
    // Applies change (to this scope's {connection: [keys]} object) under the lock file.
    template <typename Change>
    [[nodiscard]] Result<void> update(Change change);

    QString m_path;
    QString m_scope;
};

} // namespace lr::secrets
