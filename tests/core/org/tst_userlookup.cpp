// UserLookup against the demo org over real HTTP: a person finds the owner of a policy by
// the start of a name or username, only active users are offered, whatever is typed stays a
// value (quotes, backslashes and LIKE wildcards cannot change the query), and an id reads
// back as the user it names.
#include "core/org/orgclient.h"
#include "core/org/userlookup.h"
#include "support/demoorgfixture.h"
#include "support/policysession.h"

#include <QCoroTask>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::org::OrgClient;
using lr::org::UserLookup;
using lr::org::UserMatch;

class TestUserLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void findsByTheStartOfANameOrUsername();
    void offersOnlyActiveUsers();
    void shortTextAsksNothing();
    void typedTextStaysAValue_data();
    void typedTextStaysAValue();
    void idReadsBackAsTheUser();

private:
    [[nodiscard]] QList<UserMatch> search(const QString &text);
    [[nodiscard]] QJsonObject firstUser(const QString &where);

    lr::test::DemoOrgFixture m_org;
    lr::test::PolicySession m_analyst;
    OrgClient *m_client = nullptr;
};

void TestUserLookup::initTestCase()
{
    QVERIFY(m_org.start(800, 3));
    m_analyst = lr::test::PolicySession::as(m_org, u"analyst"_s);
    m_client = m_analyst.client.get();
    QVERIFY(m_client);
}

QList<UserMatch> TestUserLookup::search(const QString &text)
{
    const auto found = QCoro::waitFor(UserLookup::search(m_client, text));
    if (!found) {
        qWarning() << "search failed:" << found.error().toString();
        return {};
    }
    return found.value();
}

QJsonObject TestUserLookup::firstUser(const QString &where)
{
    const auto r = m_org.query(
        u"SELECT Id, Name, Username, IsActive FROM User WHERE %1 ORDER BY Username LIMIT 1"_s.arg(
            where));
    return r.json()[u"records"_s][0].toObject();
}

void TestUserLookup::findsByTheStartOfANameOrUsername()
{
    const QJsonObject user = firstUser(u"IsActive = true AND Name LIKE 'A%'"_s);
    QVERIFY(!user.isEmpty());
    const QString id = user[u"Id"_s].toString();
    const auto contains = [&id](const QList<UserMatch> &matches) {
        return std::any_of(
            matches.cbegin(), matches.cend(), [&id](const UserMatch &m) { return m.id == id; });
    };
    const QString name = user[u"Name"_s].toString();
    const QString username = user[u"Username"_s].toString();
    // The whole name and the whole username find the user; so does their start in any case.
    QVERIFY(contains(search(name)));
    QVERIFY(contains(search(username)));
    QVERIFY(contains(search(username.left(username.indexOf(u'@')).toUpper())));
    const QList<UserMatch> byName = search(name);
    const auto it = std::find_if(
        byName.cbegin(), byName.cend(), [&id](const UserMatch &m) { return m.id == id; });
    QCOMPARE(it->name, name);
    QCOMPARE(it->username, username);
    QVERIFY(it->active);
    QCOMPARE(it->display(), u"%1 (%2)"_s.arg(name, username));

    // Every match starts with the text, ordered by name, and there are never too many.
    const QList<UserMatch> many = search(name.left(2));
    QVERIFY(!many.isEmpty());
    QVERIFY(many.size() <= UserLookup::kMaxMatches);
    for (qsizetype i = 0; i < many.size(); ++i) {
        const UserMatch &m = many.at(i);
        QVERIFY2(m.name.startsWith(name.left(2), Qt::CaseInsensitive)
                     || m.username.startsWith(name.left(2), Qt::CaseInsensitive),
                 qPrintable(m.display()));
        if (i > 0) {
            QVERIFY(many.at(i - 1).name.compare(m.name, Qt::CaseInsensitive) <= 0);
        }
    }
    // A text in the middle of a name is no start.
    QVERIFY(!contains(search(name.mid(2))));
}

void TestUserLookup::offersOnlyActiveUsers()
{
    const QJsonObject inactive = firstUser(u"IsActive = false"_s);
    QVERIFY(!inactive.isEmpty());
    const QList<UserMatch> matches = search(inactive[u"Username"_s].toString());
    for (const UserMatch &match : matches) {
        QVERIFY(match.active);
        QVERIFY(match.id != inactive[u"Id"_s].toString());
    }
}

void TestUserLookup::shortTextAsksNothing()
{
    const int before = m_client->callCount();
    QVERIFY(search(u"a"_s).isEmpty());
    QVERIFY(search(u"  b  "_s).isEmpty());
    QCOMPARE(m_client->callCount(), before);
}

void TestUserLookup::typedTextStaysAValue_data()
{
    QTest::addColumn<QString>("name"); // stored as a user's name first, unless empty
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("found");
    QTest::newRow("apostrophe") << u"O'Brien Quill"_s << u"O'Brien"_s << 1;
    QTest::newRow("backslash") << u"Back\\slash Quill"_s << u"Back\\s"_s << 1;
    QTest::newRow("percent is literal") << u"100% Quill"_s << u"100%"_s << 1;
    QTest::newRow("percent alone") << QString() << u"%%"_s << 0;
    QTest::newRow("underscore is literal") << u"Under_score Quill"_s << u"Under_"_s << 1;
    QTest::newRow("underscore matches no other letter") << QString() << u"Under-"_s << 0;
    QTest::newRow("closing the literal") << QString() << u"x' OR Name != '"_s << 0;
    QTest::newRow("newline") << QString() << u"ab\ncd"_s << 0;
    QTest::newRow("non-Latin") << u"取締役 Quill"_s << u"取締"_s << 1;
}

void TestUserLookup::typedTextStaysAValue()
{
    QFETCH(QString, name);
    QFETCH(QString, typed);
    QFETCH(int, found);
    if (!name.isEmpty()) {
        const QJsonObject user = firstUser(u"IsActive = true AND Name LIKE 'C%'"_s);
        QVERIFY(m_org.execute(u"UPDATE \"User\" SET \"Name\" = ? WHERE \"Id\" = ?"_s,
                              {name, user[u"Id"_s].toString()}));
    }
    const auto result = QCoro::waitFor(UserLookup::search(m_client, typed));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->size(), qsizetype(found));
    if (found > 0) {
        QCOMPARE(result->first().name, name);
    }
}

void TestUserLookup::idReadsBackAsTheUser()
{
    const QJsonObject inactive = firstUser(u"IsActive = false"_s);
    const auto user = QCoro::waitFor(UserLookup::byId(m_client, inactive[u"Id"_s].toString()));
    QVERIFY(user);
    QCOMPARE(user->username, inactive[u"Username"_s].toString());
    QVERIFY(!user->active);
    // The 15-character form names the same user.
    const auto shortId =
        QCoro::waitFor(UserLookup::byId(m_client, inactive[u"Id"_s].toString().left(15)));
    QVERIFY(shortId);
    QCOMPARE(shortId->username, user->username);

    // By username too, whatever its case, and hostile text is only a username nobody has.
    const auto byName = QCoro::waitFor(
        UserLookup::byUsername(m_client, inactive[u"Username"_s].toString().toUpper()));
    QVERIFY(byName);
    QCOMPARE(byName->id, user->id);
    for (const QString &text : {u"nobody@acme.example"_s, u"x' OR Username != '"_s}) {
        const auto none = QCoro::waitFor(UserLookup::byUsername(m_client, text));
        QVERIFY(!none);
        QCOMPARE(none.error().code, u"NOT_FOUND"_s);
    }

    const auto nobody = QCoro::waitFor(UserLookup::byId(m_client, u"005000000000000AAA"_s));
    QVERIFY(!nobody);
    QCOMPARE(nobody.error().code, u"NOT_FOUND"_s);
    const auto notAnId = QCoro::waitFor(UserLookup::byId(m_client, u"005' OR Id != '"_s));
    QVERIFY(!notAnId);
    QCOMPARE(notAnId.error().kind, lr::Error::Kind::Usage);
}

QTEST_GUILESS_MAIN(TestUserLookup)
#include "tst_userlookup.moc"
