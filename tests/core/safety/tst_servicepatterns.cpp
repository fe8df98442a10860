#include "core/safety/requiredliteral.h"
#include "core/safety/servicepatterns.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using lr::safety::RequiredLiteral;
using lr::safety::ServicePatterns;
using lr::scan::ScannedUser;

class TestServicePatterns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requiredLiteral_data();
    void requiredLiteral();
    void matchesExactlyLikeTheRegex_data();
    void matchesExactlyLikeTheRegex();
    void reportsEachFieldWithItsFirstPattern();
    void skipsInvalidPatterns();
    void emptyFieldsNeverMatch();
};

void TestServicePatterns::requiredLiteral_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("atStart");

    // The defaults.
    QTest::newRow("svc") << u"^svc[-_.]"_s << u"svc"_s << true;
    QTest::newRow("api") << u"^api[-_.]"_s << u"api"_s << true;
    QTest::newRow("integration") << u"(^|[^a-z])integration@"_s << u"integration@"_s << false;

    QTest::newRow("folds-case") << u"SvC"_s << u"svc"_s << false;
    QTest::newRow("escaped-punctuation") << u"svc\\.bot"_s << u"svc.bot"_s << false;
    QTest::newRow("dot-breaks-run") << u"svc.bot"_s << u"svc"_s << false;
    QTest::newRow("first-of-equal-runs") << u"^ab.cd"_s << u"ab"_s << true;
    QTest::newRow("optional-char-dropped") << u"ab?cd"_s << u"cd"_s << false;
    QTest::newRow("star-char-dropped") << u"abc*de"_s << u"ab"_s << false;
    QTest::newRow("plus-keeps-char") << u"abc+de"_s << u"abc"_s << false;
    QTest::newRow("lazy-and-possessive") << u"ab+?cd++e"_s << u"ab"_s << false;
    QTest::newRow("counted-quantifier") << u"^ab{2}cde"_s << u"cde"_s << false;
    QTest::newRow("anchored-run-cut-by-quantifier") << u"^ab?"_s << u"a"_s << true;
    QTest::newRow("class-breaks-run") << u"sv[cx]bot"_s << u"bot"_s << false;
    QTest::newRow("paren-inside-class") << u"[)(]svc"_s << u"svc"_s << false;
    QTest::newRow("bracket-first-in-class") << u"[]x]svc"_s << u"svc"_s << false;
    QTest::newRow("group-with-alternation") << u"(?:a|b)svc"_s << u"svc"_s << false;
    QTest::newRow("nested-groups") << u"((a)(b|c))svc((d))"_s << u"svc"_s << false;
    QTest::newRow("named-group") << u"(?<tag>x)svc"_s << u"svc"_s << false;
    QTest::newRow("lookbehind") << u"(?<![a-z])svc"_s << u"svc"_s << false;
    QTest::newRow("comment") << u"(?#not(svc)literal"_s << u"literal"_s << false;
    QTest::newRow("plain-escapes") << u"\\d+svc-bot\\b"_s << u"svc-bot"_s << false;
    QTest::newRow("dollar") << u"bot$"_s << u"bot"_s << false;
    QTest::newRow("non-ascii-breaks-run") << u"é-svc"_s << u"-svc"_s << false;

    // Anything the reader does not fully understand gives no literal at all.
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("dot-star") << u".*"_s << QString() << false;
    QTest::newRow("top-alternation") << u"svc|api"_s << QString() << false;
    QTest::newRow("quoting") << u"\\Qsvc\\E"_s << QString() << false;
    QTest::newRow("verb") << u"(*UTF)svc"_s << QString() << false;
    QTest::newRow("accept-verb") << u"(a(*ACCEPT))svc"_s << QString() << false;
    QTest::newRow("extended-option") << u"(?x)s v c"_s << QString() << false;
    QTest::newRow("scoped-option") << u"(?i:a)svc"_s << QString() << false;
    QTest::newRow("conditional") << u"(a)?(?(1)b|c)svc"_s << QString() << false;
    QTest::newRow("property-escape") << u"\\p{L}svc"_s << QString() << false;
    QTest::newRow("hex-escape") << u"\\x{41}svc"_s << QString() << false;
    QTest::newRow("backreference") << u"(a)\\1svc"_s << QString() << false;
    QTest::newRow("posix-class") << u"[[:alpha:]]svc"_s << QString() << false;
    QTest::newRow("control-escape-in-class") << u"[\\c]abc]"_s << QString() << false;
    QTest::newRow("unbalanced-group") << u"(svc"_s << QString() << false;
    QTest::newRow("trailing-backslash") << u"svc\\"_s << QString() << false;
}

void TestServicePatterns::requiredLiteral()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    QFETCH(bool, atStart);
    const RequiredLiteral literal = RequiredLiteral::of(pattern);
    QCOMPARE(literal.text, text);
    QCOMPARE(literal.atStart, atStart);
}

void TestServicePatterns::matchesExactlyLikeTheRegex_data()
{
    QTest::addColumn<QString>("pattern");

    const QStringList patterns{
        u"(^|[^a-z])integration@"_s,
        u"^api[-_.]"_s,
        u"^svc[-_.]"_s,
        u"(?<![a-z])integration@"_s,
        u"svc"_s,
        u"^kate"_s,
        u"straße"_s,
        u"bot$"_s,
        u"\\bbot\\b"_s,
        u"ab?cd"_s,
        u"a+b"_s,
        u"^ab{2}c"_s,
        u"[)(]x"_s,
        u"(?:x|y)z@"_s,
        u"(?#c)lit"_s,
        u"\\d+-svc"_s,
        u"svc|api"_s,
        u"é"_s,
        u"^$"_s,
        u".*"_s,
    };
    for (const QString &pattern : patterns) {
        QTest::newRow(qPrintable(pattern)) << pattern;
    }
}

// The literal only ever saves work: for every value the answer is the regex's own.
void TestServicePatterns::matchesExactlyLikeTheRegex()
{
    QFETCH(QString, pattern);
    const QStringList values{
        u"jane.doe@acme.com"_s,
        u"integration@acme.com"_s,
        u"sf.integration@acme.com"_s,
        u"reintegration@acme.com"_s,
        u"INTEGRATION@ACME.COM"_s,
        u"api-user"_s,
        u"API_user"_s,
        u"apis"_s,
        u"svc.bot"_s,
        u"my-svc"_s,
        u"Kate Smith"_s,
        u"\u212Aate Smith"_s, // KELVIN SIGN, which PCRE folds to k
        u"STRASSE"_s,
        u"Straße"_s,
        u"Sync Bot"_s,
        u"robot"_s,
        u"acd"_s,
        u"abcd"_s,
        u"aab"_s,
        u"abbc"_s,
        u"(x"_s,
        u"yz@"_s,
        u"literal"_s,
        u"42-svc"_s,
        u"José Núñez"_s,
        u"a"_s,
        u"\u017Fvc-bot"_s,      // LATIN SMALL LETTER LONG S, which PCRE folds to s
        u"x@y integration@z"_s, // the anchor '@' twice, the literal at the second
        u"integratioN\u00E9@acme.com"_s,
        u"api"_s,
    };
    QRegularExpression regex(pattern, QRegularExpression::CaseInsensitiveOption);
    QVERIFY(regex.isValid());
    const ServicePatterns patterns({pattern});
    for (const QString &value : values) {
        ScannedUser user;
        user.name = value;
        const bool expected = regex.match(value).hasMatch();
        QVERIFY2(patterns.matches(user).isEmpty() != expected, qPrintable(value));
    }
}

void TestServicePatterns::reportsEachFieldWithItsFirstPattern()
{
    ScannedUser user;
    user.username = u"svc-etl@acme.com"_s;
    user.email = u"integration@acme.com"_s;
    user.alias = u"jdoe"_s;
    user.name = u"svc ETL"_s;
    const ServicePatterns patterns({u"etl"_s, u"^svc[-_.]"_s, u"integration@"_s});

    const QList<ServicePatterns::Match> matches = patterns.matches(user);
    QCOMPARE(matches.size(), 3);
    QCOMPARE(matches.at(0).field, ServicePatterns::Field::Username);
    QCOMPARE(matches.at(0).pattern, u"etl"_s);
    QCOMPARE(matches.at(0).value, u"svc-etl@acme.com"_s);
    QCOMPARE(matches.at(1).field, ServicePatterns::Field::Email);
    QCOMPARE(matches.at(1).pattern, u"integration@"_s);
    QCOMPARE(matches.at(2).field, ServicePatterns::Field::Name);
    QCOMPARE(matches.at(2).pattern, u"etl"_s);
}

void TestServicePatterns::skipsInvalidPatterns()
{
    const ServicePatterns patterns({u"svc-("_s, u"[z-a]"_s, u"^svc"_s});
    QCOMPARE(patterns.validPatterns(), QStringList{u"^svc"_s});
    ScannedUser user;
    user.username = u"svc-(x"_s;
    QCOMPARE(patterns.matches(user).size(), 1);
}

void TestServicePatterns::emptyFieldsNeverMatch()
{
    const ServicePatterns patterns({u"^$"_s, u".*"_s});
    QVERIFY(patterns.matches(ScannedUser()).isEmpty());
}

QTEST_GUILESS_MAIN(TestServicePatterns)
#include "tst_servicepatterns.moc"
