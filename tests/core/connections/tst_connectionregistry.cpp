// The connection registry: a JSON file without secrets, shared between processes.
#include "core/connections/connectionregistry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::auth::LoginHost;
using lr::connections::Connection;
using lr::connections::ConnectionRegistry;

class TestConnectionRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void savesListsRenamesAndRemoves();
    void keepsNoSecretAndOnlyTheOwnerReadsIt();
    void refusesBadAndTakenAliases_data();
    void refusesBadAndTakenAliases();
    void damagedFileIsAnErrorNotAnEmptyList();
    void loginHostsRoundTrip();

private:
    [[nodiscard]] static Connection connection(const QString &alias);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestConnectionRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"connections.json"_s);
}

Connection TestConnectionRegistry::connection(const QString &alias)
{
    Connection c;
    c.alias = alias;
    c.id = Connection::newId();
    c.setLoginHost(LoginHost::myDomain(u"acme"_s).value());
    c.consumerKey = u"3MVG9consumer"_s;
    c.instanceUrl = QUrl(u"https://acme.my.salesforce.com"_s);
    c.username = u"ana@acme.com"_s;
    c.orgId = u"00D000000000001"_s;
    c.sandbox = true;
    return c;
}

void TestConnectionRegistry::savesListsRenamesAndRemoves()
{
    ConnectionRegistry registry(m_path);
    QVERIFY(registry.list()->isEmpty());
    QVERIFY(registry.save(connection(u"prod"_s)));
    QVERIFY(registry.save(connection(u"uat"_s)));
    // Another process sees the same file.
    ConnectionRegistry other(m_path);
    QCOMPARE(other.list()->size(), 2);
    const auto uat = other.find(u"uat"_s);
    QVERIFY(uat);
    QCOMPARE(uat->username, u"ana@acme.com"_s);
    QVERIFY(uat->sandbox);

    QVERIFY(registry.rename(u"uat"_s, u"staging"_s));
    const auto staging = other.find(u"staging"_s);
    QVERIFY(staging);
    QCOMPARE(staging->id, uat->id); // secrets and cache stay with the id
    QCOMPARE(other.find(u"uat"_s).error().code, u"UNKNOWN_ALIAS"_s);

    QVERIFY(registry.remove(u"prod"_s));
    QCOMPARE(other.list()->size(), 1);
    QCOMPARE(registry.remove(u"prod"_s).error().code, u"UNKNOWN_ALIAS"_s);
}

void TestConnectionRegistry::keepsNoSecretAndOnlyTheOwnerReadsIt()
{
    ConnectionRegistry registry(m_path);
    QVERIFY(registry.save(connection(u"prod"_s)));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll().toLower();
    for (const char *word : {"token", "secret", "password", "verifier"}) {
        QVERIFY2(!content.contains(word), word);
    }
    QCOMPARE(file.permissions() & 0x0077, QFileDevice::Permissions());
}

void TestConnectionRegistry::refusesBadAndTakenAliases_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString() << u"INVALID_ALIAS"_s;
    QTest::newRow("space") << u"my org"_s << u"INVALID_ALIAS"_s;
    QTest::newRow("path") << u"../x"_s << u"INVALID_ALIAS"_s;
    QTest::newRow("too long") << QString(65, u'a') << u"INVALID_ALIAS"_s;
    QTest::newRow("taken") << u"prod"_s << u"ALIAS_TAKEN"_s;
}

void TestConnectionRegistry::refusesBadAndTakenAliases()
{
    QFETCH(QString, alias);
    QFETCH(QString, code);
    ConnectionRegistry registry(m_path);
    QVERIFY(registry.save(connection(u"prod"_s)));
    const auto saved = registry.save(connection(alias));
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, code);
    QVERIFY(!registry.rename(u"prod"_s, alias) || alias == u"prod"_s);
    QCOMPARE(registry.list()->size(), 1);
}

void TestConnectionRegistry::damagedFileIsAnErrorNotAnEmptyList()
{
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    ConnectionRegistry registry(m_path);
    QVERIFY(!registry.list());
    QVERIFY(!registry.save(connection(u"prod"_s))); // never overwrites what it cannot read
}

void TestConnectionRegistry::loginHostsRoundTrip()
{
    ConnectionRegistry registry(m_path);
    Connection custom = connection(u"demo"_s);
    custom.setLoginHost(LoginHost::custom(QUrl(u"http://127.0.0.1:4321"_s)).value());
    Connection sandbox = connection(u"uat"_s);
    sandbox.setLoginHost(LoginHost::sandbox());
    QVERIFY(registry.save(custom));
    QVERIFY(registry.save(sandbox));
    QVERIFY(registry.save(connection(u"prod"_s)));
    QCOMPARE(registry.find(u"demo"_s)->loginHost()->url(), QUrl(u"http://127.0.0.1:4321"_s));
    QCOMPARE(registry.find(u"uat"_s)->loginHost()->kind(), LoginHost::Kind::Sandbox);
    QCOMPARE(registry.find(u"prod"_s)->loginHost()->url(),
             QUrl(u"https://acme.my.salesforce.com"_s));
}

QTEST_GUILESS_MAIN(TestConnectionRegistry)
#include "tst_connectionregistry.moc"
