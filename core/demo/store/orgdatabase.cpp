#include "core/demo/store/orgdatabase.h"

#include "core/common/logging.h"
#include "core/demo/schema/orgschema.h"
#include "core/demo/store/fieldvaluecodec.h"
#include "core/demo/store/salesforceid.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error storageError(const QString &what, const QSqlError &error)
{
    return Error::make(Error::Kind::Storage,
                       u"DEMO_ORG_STORAGE"_s,
                       u"The demo org database failed: %1"_s.arg(what),
                       error.text());
}

Result<void> exec(QSqlDatabase db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        return storageError(sql.left(80), query.lastError());
    }
    return {};
}

} // namespace

Result<OrgDatabase> OrgDatabase::open(const QString &path, const OrgSchema &schema)
{
    OrgDatabase db;
    db.m_path = path;
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    db.m_connectionPrefix = u"lr-demo-"_s + id;
    db.m_databaseName =
        path.isEmpty() ? u"file:lr-demo-%1?mode=memory&cache=shared"_s.arg(id) : path;
    QSqlDatabase connection = db.connection();
    if (!connection.isOpen()) {
        return storageError(u"cannot open %1"_s.arg(path.isEmpty() ? u"memory"_s : path),
                            connection.lastError());
    }
    if (auto created = db.createTables(schema); !created) {
        return created.error();
    }
    return db;
}

static QString threadConnectionName(const QString &prefix)
{
    // One connection per thread; the name ties it to this database and this thread.
    return prefix + u'-'
           + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

void OrgDatabase::releaseConnection() const
{
    const QString name = threadConnectionName(m_connectionPrefix);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
}

QSqlDatabase OrgDatabase::connection() const
{
    const QString name = threadConnectionName(m_connectionPrefix);
    if (QSqlDatabase::contains(name)) {
        return QSqlDatabase::database(name);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_databaseName);
    db.setConnectOptions(m_path.isEmpty() ? u"QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=10000"_s
                                          : u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        qCWarning(lcDemo) << "cannot open the demo org database:" << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    if (!m_path.isEmpty()) {
        pragma.exec(u"PRAGMA journal_mode=WAL"_s);
        pragma.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    pragma.exec(u"PRAGMA foreign_keys=OFF"_s);
    return db;
}

Result<void> OrgDatabase::createTables(const OrgSchema &schema) const
{
    QSqlDatabase db = connection();
    if (auto r = exec(db,
                      u"CREATE TABLE IF NOT EXISTS lr_demo_meta "
                      u"(key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s);
        !r) {
        return r;
    }
    for (const SObjectType &type : schema.objects()) {
        QStringList columns;
        QStringList indexes;
        for (const SObjectField &field : type.fields()) {
            QString column = quote(field.name) + u' ' + FieldValueCodec::sqlType(field.type);
            if (field.type == FieldType::Id) {
                column += u" PRIMARY KEY"_s;
            }
            columns.append(column);
            if (field.isReference()) {
                indexes.append(u"CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)"_s.arg(
                    quote(type.name() + u'_' + field.name),
                    quote(type.tableName()),
                    quote(field.name)));
            }
        }
        const QString create = u"CREATE TABLE IF NOT EXISTS %1 (%2)"_s.arg(quote(type.tableName()),
                                                                           columns.join(u", "_s));
        if (auto r = exec(db, create); !r) {
            return r;
        }
        // A table made by an older schema gains the columns added since.
        QSqlQuery info(db);
        info.exec(u"PRAGMA table_info(%1)"_s.arg(quote(type.tableName())));
        QSet<QString> existing;
        while (info.next()) {
            existing.insert(info.value(1).toString().toLower());
        }
        for (const SObjectField &field : type.fields()) {
            if (!existing.contains(field.name.toLower())) {
                const QString alter =
                    u"ALTER TABLE %1 ADD COLUMN %2 %3"_s.arg(quote(type.tableName()),
                                                             quote(field.name),
                                                             FieldValueCodec::sqlType(field.type));
                if (auto r = exec(db, alter); !r) {
                    return r;
                }
            }
        }
        for (const QString &index : std::as_const(indexes)) {
            if (auto r = exec(db, index); !r) {
                return r;
            }
        }
    }
    return {};
}

QString OrgDatabase::meta(const QString &key, const QString &fallback) const
{
    QSqlQuery query(connection());
    query.prepare(u"SELECT value FROM lr_demo_meta WHERE key = ?"_s);
    query.addBindValue(key);
    if (query.exec() && query.next()) {
        return query.value(0).toString();
    }
    return fallback;
}

Result<void> OrgDatabase::setMeta(const QString &key, const QString &value) const
{
    QSqlQuery query(connection());
    query.prepare(u"INSERT INTO lr_demo_meta (key, value) VALUES (?, ?) "
                  u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec()) {
        return storageError(u"cannot write %1"_s.arg(key), query.lastError());
    }
    return {};
}

bool OrgDatabase::isGenerated() const
{
    return !meta(u"generated"_s).isEmpty();
}

QString OrgDatabase::nextId(const QString &keyPrefix) const
{
    const QString key = u"serial."_s + keyPrefix;
    const quint64 serial = meta(key, u"1000000000"_s).toULongLong() + 1;
    (void)setMeta(key, QString::number(serial));
    return SalesforceId::make(keyPrefix, serial);
}

QString OrgDatabase::quote(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(u'"', u"\"\""_s);
    return u'"' + escaped + u'"';
}

} // namespace lr::demo
