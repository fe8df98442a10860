#include "core/secrets/secretindex.h"

#include "core/common/apppaths.h"
#include "core/common/logging.h"
#include "core/secrets/secretcodes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

constexpr int kIndexVersion = 1;
constexpr qint64 kMaxIndexBytes = 4 * 1024 * 1024;
constexpr int kLockWaitMs = 2000;

Error indexError(QString message, QString detail = {})
{
    return Error::make(
        Error::Kind::Storage, QString(SecretCode::StoreFailed), std::move(message), detail);
}

QStringList sortedStrings(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue &value : array) {
        if (value.isString()) {
            list.append(value.toString());
        }
    }
    list.sort();
    return list;
}

} // namespace

SecretIndex::SecretIndex(QString path, QString scope)
    : m_path(std::move(path))
    , m_scope(std::move(scope))
{ }

QString SecretIndex::defaultPath()
{
    return AppPaths::dataDirectory() + u"/secrets-index.json"_s;
}

QStringList SecretIndex::keys(const QString &connection) const
{
    return sortedStrings(scopeObject().value(connection).toArray());
}

QStringList SecretIndex::connections() const
{
    QStringList names = scopeObject().keys();
    names.sort();
    return names;
}

bool SecretIndex::contains(const QString &connection, const QString &key) const
{
    return keys(connection).contains(key);
}

Result<void> SecretIndex::add(const QString &connection, const QString &key)
{
    return update([&](QJsonObject &scope) {
        QStringList names = sortedStrings(scope.value(connection).toArray());
        if (!names.contains(key)) {
            names.append(key);
            names.sort();
        }
        scope.insert(connection, QJsonArray::fromStringList(names));
    });
}

Result<void> SecretIndex::remove(const QString &connection, const QString &key)
{
    return update([&](QJsonObject &scope) {
        QStringList names = sortedStrings(scope.value(connection).toArray());
        names.removeAll(key);
        if (names.isEmpty()) {
            scope.remove(connection);
        } else {
            scope.insert(connection, QJsonArray::fromStringList(names));
        }
    });
}

QJsonObject SecretIndex::scopeObject() const
{
    Result<QJsonObject> document = load();
    if (!document) {
        qCWarning(lcSecrets).noquote() << document.error().toString() << document.error().detail;
        return {};
    }
    return document->value(u"scopes"_s).toObject().value(m_scope).toObject();
}

Result<QJsonObject> SecretIndex::load() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return QJsonObject{};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return indexError(tr("Could not read the index of stored secrets %1: %2")
                              .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    if (file.size() > kMaxIndexBytes) {
        return indexError(tr("The index of stored secrets %1 is too large to be an index.")
                              .arg(QDir::toNativeSeparators(m_path)));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return indexError(tr("The index of stored secrets %1 is damaged. The secrets themselves "
                             "are unaffected; move the file aside and sign in again to rebuild "
                             "it.")
                              .arg(QDir::toNativeSeparators(m_path)),
                          parseError.errorString());
    }
    return document.object();
}

Result<void> SecretIndex::save(const QJsonObject &document) const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return indexError(tr("Could not write the index of stored secrets %1: %2")
                              .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    // Names only, but they still say which orgs this account is connected to.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(document).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return indexError(tr("Could not write the index of stored secrets %1: %2")
                              .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    }
    return {};
}

template <typename Change>
Result<void> SecretIndex::update(Change change)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + u".lock"_s);
    if (!lock.tryLock(kLockWaitMs)) {
        return indexError(tr("The index of stored secrets %1 is locked by another process.")
                              .arg(QDir::toNativeSeparators(m_path)));
    }
    Result<QJsonObject> document = load();
    if (!document) {
        return document.error();
    }
    QJsonObject scopes = document->value(u"scopes"_s).toObject();
    QJsonObject scope = scopes.value(m_scope).toObject();
    change(scope);
    if (scope.isEmpty()) {
        scopes.remove(m_scope);
    } else {
        scopes.insert(m_scope, scope);
    }
    document->insert(u"version"_s, kIndexVersion);
    document->insert(u"scopes"_s, scopes);
    return save(*document);
}

} // namespace lr::secrets
