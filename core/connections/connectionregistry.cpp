#include "core/connections/connectionregistry.h"

#include "core/common/apppaths.h"
#include "core/common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::connections {

namespace {

Error storageError(const QString &message, const QString &detail = {})
{
    return Error::make(Error::Kind::Storage, u"CONNECTIONS_FILE"_s, message, detail);
}

} // namespace

ConnectionRegistry::ConnectionRegistry(QString path)
    : m_path(path.isEmpty() ? defaultPath() : std::move(path))
{ }

QString ConnectionRegistry::defaultPath()
{
    return AppPaths::dataDirectory() + u"/connections.json"_s;
}

QString ConnectionRegistry::cacheDirectory(const Connection &connection)
{
    return AppPaths::dataDirectory() + u"/cache/"_s + connection.id;
}

Result<void> ConnectionRegistry::checkAlias(const QString &alias)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$"_s);
    if (!pattern.match(alias).hasMatch()) {
        return Error::make(Error::Kind::Usage,
                           u"INVALID_ALIAS"_s,
                           tr("'%1' is not a valid alias: use 1 to 64 letters, digits and "
                              ". _ - @ +, starting with a letter or digit.")
                               .arg(alias));
    }
    return {};
}

Result<QJsonObject> ConnectionRegistry::load() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QJsonObject{{u"version"_s, 1}, {u"connections"_s, QJsonArray()}};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return storageError(tr("Cannot read the connections file %1.").arg(m_path),
                            file.errorString());
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject() || document.object().value(u"version"_s).toInt() != 1) {
        return storageError(tr("The connections file %1 is damaged.").arg(m_path),
                            parseError.errorString());
    }
    return document.object();
}

Result<QList<Connection>> ConnectionRegistry::list() const
{
    const Result<QJsonObject> document = load();
    if (!document) {
        return document.error();
    }
    QList<Connection> connections;
    const QJsonArray array = document->value(u"connections"_s).toArray();
    for (const QJsonValue &value : array) {
        Result<Connection> connection = Connection::fromJson(value.toObject());
        if (!connection) {
            qCWarning(lcOrg).noquote()
                << "skipping a saved connection:" << connection.error().toString();
            continue;
        }
        connections.append(connection.value());
    }
    std::sort(connections.begin(), connections.end(), [](const auto &a, const auto &b) {
        return a.alias.compare(b.alias, Qt::CaseInsensitive) < 0;
    });
    return connections;
}

Result<Connection> ConnectionRegistry::find(const QString &alias) const
{
    Result<QList<Connection>> connections = list();
    if (!connections) {
        return connections.error();
    }
    for (const Connection &connection : std::as_const(connections.value())) {
        if (connection.alias == alias) {
            return connection;
        }
    }
    return Error::make(Error::Kind::Usage,
                       u"UNKNOWN_ALIAS"_s,
                       tr("There is no org connection named '%1'. 'lrctl orgs' lists them; "
                          "'lrctl login --alias %1' adds one.")
                           .arg(alias));
}

Result<void> ConnectionRegistry::store(const QList<Connection> &connections) const
{
    QJsonArray array;
    for (const Connection &connection : connections) {
        array.append(connection.toJson());
    }
    const QJsonObject document{{u"version"_s, 1}, {u"connections"_s, array}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return storageError(tr("Cannot write the connections file %1.").arg(m_path),
                            file.errorString());
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(document).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return storageError(tr("Cannot write the connections file %1.").arg(m_path),
                            file.errorString());
    }
    return {};
}

template <typename Change>
Result<void> ConnectionRegistry::update(Change change)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + u".lock"_s);
    if (!lock.tryLock(5000)) {
        return storageError(tr("Another program keeps the connections file locked."));
    }
    Result<QList<Connection>> connections = list();
    if (!connections) {
        return connections.error();
    }
    Result<void> changed = change(connections.value());
    if (!changed) {
        return changed;
    }
    return store(connections.value());
}

Result<void> ConnectionRegistry::save(const Connection &connection)
{
    if (Result<void> valid = checkAlias(connection.alias); !valid) {
        return valid;
    }
    return update([&connection](QList<Connection> &connections) -> Result<void> {
        for (const Connection &other : std::as_const(connections)) {
            if (other.alias == connection.alias && other.id != connection.id) {
                return Error::make(
                    Error::Kind::Usage,
                    u"ALIAS_TAKEN"_s,
                    tr("Another connection is already named '%1'.").arg(connection.alias));
            }
        }
        auto same = std::find_if(connections.begin(), connections.end(), [&](const auto &c) {
            return c.id == connection.id;
        });
        if (same != connections.end()) {
            *same = connection;
        } else {
            connections.append(connection);
        }
        return {};
    });
}

Result<void> ConnectionRegistry::rename(const QString &alias, const QString &newAlias)
{
    if (Result<void> valid = checkAlias(newAlias); !valid) {
        return valid;
    }
    return update([&](QList<Connection> &connections) -> Result<void> {
        Connection *renamed = nullptr;
        for (Connection &connection : connections) {
            if (connection.alias == newAlias && alias != newAlias) {
                return Error::make(Error::Kind::Usage,
                                   u"ALIAS_TAKEN"_s,
                                   tr("Another connection is already named '%1'.").arg(newAlias));
            }
            if (connection.alias == alias) {
                renamed = &connection;
            }
        }
        if (!renamed) {
            return find(alias).error();
        }
        renamed->alias = newAlias;
        return {};
    });
}

Result<void> ConnectionRegistry::remove(const QString &alias)
{
    return update([&](QList<Connection> &connections) -> Result<void> {
        const auto removed = connections.removeIf([&](const auto &c) { return c.alias == alias; });
        if (removed == 0) {
            return find(alias).error();
        }
        return {};
    });
}

} // namespace lr::connections
