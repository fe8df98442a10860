#include "core/demo/soql/soqldateliteral.h"
#include "core/demo/soql/soqllexer.h"
#include "core/demo/soql/soqlparser.h"
#include "core/demo/store/fieldvaluecodec.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace lr::demo;

namespace {

QString functionName(SoqlFunction function)
{
    switch (function) {
    case SoqlFunction::Count:
        return u"COUNT"_s;
    case SoqlFunction::CountDistinct:
        return u"COUNT_DISTINCT"_s;
    case SoqlFunction::Max:
        return u"MAX"_s;
    case SoqlFunction::Min:
        return u"MIN"_s;
    case SoqlFunction::Sum:
        return u"SUM"_s;
    case SoqlFunction::Avg:
        return u"AVG"_s;
    case SoqlFunction::None:
        break;
    }
    return {};
}

QString render(const SoqlOperand &operand)
{
    if (!operand.isAggregate()) {
        return operand.path.text();
    }
    return functionName(operand.function) + u'(' + operand.path.text() + u')';
}

// Values are tagged with their kind so a test sees what the parser made of them.
QString render(const SoqlValue &value)
{
    switch (value.kind) {
    case SoqlValue::Kind::Null:
        return u"null"_s;
    case SoqlValue::Kind::Boolean:
        return value.boolean ? u"true"_s : u"false"_s;
    case SoqlValue::Kind::Number:
        return u"#"_s + value.text;
    case SoqlValue::Kind::String:
        return u'\'' + value.text + u'\'';
    case SoqlValue::Kind::Date:
        return u"date:"_s + value.date.toString(Qt::ISODate);
    case SoqlValue::Kind::DateTime:
        return u"datetime:"_s + FieldValueCodec::formatDateTime(value.dateTime);
    case SoqlValue::Kind::DateLiteral:
        return u"literal:"_s + value.dateLiteral.text();
    }
    return {};
}

QString render(const SoqlCondition &condition);

QString render(const SoqlSubquery &subquery)
{
    QString text = u"SELECT "_s + subquery.field.text() + u" FROM "_s + subquery.object;
    if (subquery.where) {
        text += u" WHERE "_s + render(*subquery.where);
    }
    return text;
}

QString render(const SoqlCondition &condition)
{
    static const QStringList kOperators = {
        u"="_s, u"!="_s, u"<"_s, u"<="_s, u">"_s, u">="_s, u"LIKE"_s};
    switch (condition.kind) {
    case SoqlCondition::Kind::And:
    case SoqlCondition::Kind::Or: {
        QStringList parts;
        for (const SoqlCondition &child : condition.children) {
            parts.append(render(child));
        }
        const bool isAnd = condition.kind == SoqlCondition::Kind::And;
        return u'(' + parts.join(isAnd ? u" AND "_s : u" OR "_s) + u')';
    }
    case SoqlCondition::Kind::Not:
        return u"NOT "_s + render(condition.children.front());
    case SoqlCondition::Kind::Comparison:
        return render(condition.operand) + u' ' + kOperators.at(static_cast<int>(condition.op))
               + u' ' + render(condition.values.first());
    case SoqlCondition::Kind::In: {
        QStringList values;
        for (const SoqlValue &value : condition.values) {
            values.append(render(value));
        }
        return render(condition.operand) + (condition.negated ? u" NOT IN ("_s : u" IN ("_s)
               + values.join(u", "_s) + u')';
    }
    case SoqlCondition::Kind::SemiJoin:
        return render(condition.operand) + (condition.negated ? u" NOT IN ("_s : u" IN ("_s)
               + render(*condition.subquery) + u')';
    }
    return {};
}

// The statement in a normalised SOQL-like form.
QString render(const SoqlStatement &statement)
{
    QStringList items;
    for (const SoqlSelectItem &item : statement.select) {
        items.append(render(item.operand) + (item.alias.isEmpty() ? QString() : u' ' + item.alias));
    }
    QString text = u"SELECT "_s + items.join(u", "_s) + u" FROM "_s + statement.object;
    if (!statement.objectAlias.isEmpty()) {
        text += u' ' + statement.objectAlias;
    }
    if (statement.where) {
        text += u" WHERE "_s + render(*statement.where);
    }
    if (!statement.groupBy.isEmpty()) {
        QStringList paths;
        for (const SoqlFieldPath &path : statement.groupBy) {
            paths.append(path.text());
        }
        text += u" GROUP BY "_s + paths.join(u", "_s);
    }
    if (statement.having) {
        text += u" HAVING "_s + render(*statement.having);
    }
    if (!statement.orderBy.isEmpty()) {
        QStringList parts;
        for (const SoqlOrderItem &item : statement.orderBy) {
            QString part = render(item.operand) + (item.ascending ? u" ASC"_s : u" DESC"_s);
            if (item.nullsFirst) {
                part += *item.nullsFirst ? u" NULLS FIRST"_s : u" NULLS LAST"_s;
            }
            parts.append(part);
        }
        text += u" ORDER BY "_s + parts.join(u", "_s);
    }
    if (statement.limit) {
        text += u" LIMIT "_s + QString::number(*statement.limit);
    }
    if (statement.offset) {
        text += u" OFFSET "_s + QString::number(*statement.offset);
    }
    return text;
}

} // namespace

class TestSoqlParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValidStatements_data();
    void parsesValidStatements();
    void rejectsMalformedStatements_data();
    void rejectsMalformedStatements();
    void errorMessageHasSalesforceLayout();
    void multiLineErrorsCountRowsAndColumns();
    void decodesStringEscapes_data();
    void decodesStringEscapes();
    void keepsOffsetsForErrors();
    void resolvesDateLiterals_data();
    void resolvesDateLiterals();
};

void TestSoqlParser::parsesValidStatements_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain fields") << u"SELECT Id, Name FROM User"_s
                                  << u"SELECT Id, Name FROM User"_s;
    QTest::newRow("keywords in any case") << u"select Id, NAME from User where IsActive = TRUE"_s
                                          << u"SELECT Id, NAME FROM User WHERE IsActive = true"_s;
    QTest::newRow("relationship paths")
        << u"SELECT Profile.UserLicense.Name, Manager.IsActive, Group.Type FROM User"_s
        << u"SELECT Profile.UserLicense.Name, Manager.IsActive, Group.Type FROM User"_s;
    QTest::newRow("reserved words as object and path")
        << u"SELECT Id FROM Group WHERE Id IN (SELECT GroupId FROM GroupMember WHERE "
           u"Group.Type = 'Queue')"_s
        << u"SELECT Id FROM Group WHERE Id IN (SELECT GroupId FROM GroupMember WHERE "
           u"Group.Type = 'Queue')"_s;
    QTest::newRow("object alias") << u"SELECT u.Name FROM User u WHERE u.IsActive = false"_s
                                  << u"SELECT u.Name FROM User u WHERE u.IsActive = false"_s;
    QTest::newRow("count only") << u"SELECT COUNT() FROM User WHERE IsActive = true"_s
                                << u"SELECT COUNT() FROM User WHERE IsActive = true"_s;
    QTest::newRow("aggregates with and without aliases")
        << u"SELECT UserId, MAX(LoginTime) lastAny, COUNT(Id), count_distinct(SourceIp) ips "
           u"FROM LoginHistory GROUP BY UserId"_s
        << u"SELECT UserId, MAX(LoginTime) lastAny, COUNT(Id), COUNT_DISTINCT(SourceIp) ips "
           u"FROM LoginHistory GROUP BY UserId"_s;
    QTest::newRow("sum min avg") << u"SELECT SUM(Amount), MIN(CloseDate), AVG(Amount) a FROM X"_s
                                 << u"SELECT SUM(Amount), MIN(CloseDate), AVG(Amount) a FROM X"_s;
    QTest::newRow("and chain") << u"SELECT Id FROM User WHERE A = 1 AND B = 'x' AND C != null"_s
                               << u"SELECT Id FROM User WHERE (A = #1 AND B = 'x' AND C != null)"_s;
    QTest::newRow("or inside and with parentheses")
        << u"SELECT Id FROM User WHERE IsActive = true AND (Department = 'Sales' OR "
           u"Department = 'Ops')"_s
        << u"SELECT Id FROM User WHERE (IsActive = true AND (Department = 'Sales' OR "
           u"Department = 'Ops'))"_s;
    QTest::newRow("not first") << u"SELECT Id FROM User WHERE NOT Name = 'x'"_s
                               << u"SELECT Id FROM User WHERE NOT Name = 'x'"_s;
    QTest::newRow("not opening parentheses")
        << u"SELECT Id FROM User WHERE Name != null AND (NOT IsActive = true)"_s
        << u"SELECT Id FROM User WHERE (Name != null AND NOT IsActive = true)"_s;
    QTest::newRow("every operator")
        << u"SELECT Id FROM X WHERE A = 1 AND B != 2 AND C <> 3 AND D < 4 AND E <= 5 AND "
           u"F > 6 AND G >= 7 AND H LIKE 'x%'"_s
        << u"SELECT Id FROM X WHERE (A = #1 AND B != #2 AND C != #3 AND D < #4 AND E <= #5 AND "
           u"F > #6 AND G >= #7 AND H LIKE 'x%')"_s;
    QTest::newRow("operators without spaces") << u"SELECT Id FROM X WHERE A>=1 AND B!='x'"_s
                                              << u"SELECT Id FROM X WHERE (A >= #1 AND B != 'x')"_s;
    QTest::newRow("in and not in")
        << u"SELECT Id FROM User WHERE UserType IN ('Standard', 'PowerPartner') AND "
           u"Department NOT IN ('Ops', null)"_s
        << u"SELECT Id FROM User WHERE (UserType IN ('Standard', 'PowerPartner') AND "
           u"Department NOT IN ('Ops', null))"_s;
    QTest::newRow("semi-join")
        << u"SELECT Id FROM User WHERE Id IN (SELECT AssigneeId FROM PermissionSetAssignment "
           u"WHERE PermissionSet.IsOwnedByProfile = false)"_s
        << u"SELECT Id FROM User WHERE Id IN (SELECT AssigneeId FROM PermissionSetAssignment "
           u"WHERE PermissionSet.IsOwnedByProfile = false)"_s;
    QTest::newRow("anti-join")
        << u"SELECT Id FROM User WHERE Id NOT IN (SELECT UserOrGroupId FROM GroupMember)"_s
        << u"SELECT Id FROM User WHERE Id NOT IN (SELECT UserOrGroupId FROM GroupMember)"_s;
    QTest::newRow("dates and datetimes")
        << u"SELECT Id FROM X WHERE A = 2026-01-31 AND B > 2026-01-31T10:00:00Z AND "
           u"C < 2026-01-31T10:00:00.123+02:00 AND D >= 2026-01-31T10:00:00-05:30"_s
        << u"SELECT Id FROM X WHERE (A = date:2026-01-31 AND "
           u"B > datetime:2026-01-31T10:00:00.000+0000 AND "
           u"C < datetime:2026-01-31T08:00:00.123+0000 AND "
           u"D >= datetime:2026-01-31T15:30:00.000+0000)"_s;
    QTest::newRow("relative date literals")
        << u"SELECT Id FROM X WHERE A = TODAY OR A = yesterday OR A = TOMORROW OR "
           u"A < LAST_N_DAYS:90 OR A = NEXT_N_DAYS:7 OR A = N_DAYS_AGO : 3 OR A = THIS_MONTH OR "
           u"A = LAST_MONTH OR A = THIS_YEAR"_s
        << u"SELECT Id FROM X WHERE (A = literal:TODAY OR A = literal:YESTERDAY OR "
           u"A = literal:TOMORROW OR A < literal:LAST_N_DAYS:90 OR A = literal:NEXT_N_DAYS:7 OR "
           u"A = literal:N_DAYS_AGO:3 OR A = literal:THIS_MONTH OR A = literal:LAST_MONTH OR "
           u"A = literal:THIS_YEAR)"_s;
    QTest::newRow("signed and decimal numbers")
        << u"SELECT Id FROM X WHERE A > -2.5 AND B < 10 AND C = +3"_s
        << u"SELECT Id FROM X WHERE (A > #-2.5 AND B < #10 AND C = #+3)"_s;
    QTest::newRow("group by having order by")
        << u"SELECT UserId, COUNT(Id) FROM LoginHistory GROUP BY UserId HAVING COUNT(Id) > 1 "
           u"ORDER BY COUNT(Id) DESC NULLS LAST"_s
        << u"SELECT UserId, COUNT(Id) FROM LoginHistory GROUP BY UserId HAVING COUNT(Id) > #1 "
           u"ORDER BY COUNT(Id) DESC NULLS LAST"_s;
    QTest::newRow("order by several with nulls")
        << u"SELECT Id FROM User ORDER BY LastLoginDate ASC NULLS FIRST, Profile.Name DESC, Id"_s
        << u"SELECT Id FROM User ORDER BY LastLoginDate ASC NULLS FIRST, Profile.Name DESC, "
           u"Id ASC"_s;
    QTest::newRow("limit and offset") << u"SELECT Id FROM User LIMIT 10 OFFSET 20"_s
                                      << u"SELECT Id FROM User LIMIT 10 OFFSET 20"_s;
    QTest::newRow("spread over lines")
        << u"SELECT Id,\n       Name\nFROM User\r\nWHERE Name = 'x'\n"_s
        << u"SELECT Id, Name FROM User WHERE Name = 'x'"_s;
    QTest::newRow("the candidate scan")
        << u"SELECT Id, Username, Profile.UserLicense.LicenseDefinitionKey FROM User "
           u"WHERE IsActive = true AND UserType = 'Standard' AND ((LastLoginDate < "
           u"LAST_N_DAYS:90) OR (LastLoginDate = null AND CreatedDate < LAST_N_DAYS:90))"_s
        << u"SELECT Id, Username, Profile.UserLicense.LicenseDefinitionKey FROM User "
           u"WHERE (IsActive = true AND UserType = 'Standard' AND (LastLoginDate < "
           u"literal:LAST_N_DAYS:90 OR (LastLoginDate = null AND CreatedDate < "
           u"literal:LAST_N_DAYS:90)))"_s;
}

void TestSoqlParser::parsesValidStatements()
{
    QFETCH(QString, soql);
    QFETCH(QString, expected);
    const auto statement = SoqlParser::parse(soql);
    QVERIFY2(statement, qPrintable(statement ? QString() : statement.error().message));
    QCOMPARE(render(statement.value()), expected);
}

void TestSoqlParser::rejectsMalformedStatements_data()
{
    QTest::addColumn<QString>("soql");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("misspelt FROM")
        << u"SELECT Id FORM User"_s << 11 << u"unexpected token: 'FORM'"_s;
    QTest::newRow("missing object") << u"SELECT Id FROM"_s << 15 << u"unexpected token: '<EOF>'"_s;
    QTest::newRow("empty select list")
        << u"SELECT FROM User"_s << 8 << u"unexpected token: 'FROM'"_s;
    QTest::newRow("AND then OR without parentheses")
        << u"SELECT Id FROM User WHERE IsActive = true AND Name = 'a' OR Name = 'b'"_s << 58
        << u"unexpected token: 'OR'"_s;
    QTest::newRow("OR then AND without parentheses")
        << u"SELECT Id FROM User WHERE Name = 'a' OR Name = 'b' AND IsActive = true"_s << 52
        << u"unexpected token: 'AND'"_s;
    QTest::newRow("NOT after AND")
        << u"SELECT Id FROM User WHERE Name != null AND NOT (IsActive = true)"_s << 44
        << u"unexpected token: 'NOT'"_s;
    QTest::newRow("child relationship subquery")
        << u"SELECT Id, (SELECT Id FROM Contacts) FROM Account"_s << 12
        << u"The demo org does not support child relationship subqueries in SELECT; query the "
           u"child object instead."_s;
    QTest::newRow("apex bind variable") << u"SELECT Id FROM User WHERE Id = :userId"_s << 32
                                        << u"Bind variables only allowed in Apex code"_s;
    QTest::newRow("unterminated string") << u"SELECT Id FROM User WHERE Name = 'abc"_s << 38
                                         << u"mismatched character '<EOF>' expecting '''"_s;
    QTest::newRow("illegal escape")
        << u"SELECT Id FROM User WHERE Name = 'a\\qb'"_s << 34
        << u"Invalid string literal 'a\\qb'. Illegal character sequence '\\q' in string literal."_s;
    QTest::newRow("LIKE escape outside LIKE")
        << u"SELECT Id FROM User WHERE Name = 'a\\%'"_s << 34
        << u"Invalid string literal 'a\\%'. Illegal character sequence '\\%' in string literal."_s;
    QTest::newRow("stray character")
        << u"SELECT Id FROM User WHERE Name = 'x' #"_s << 38 << u"unexpected token: '#'"_s;
    QTest::newRow("alias on a plain field")
        << u"SELECT Name n FROM User"_s << 13 << u"unexpected token: 'n'"_s;
    QTest::newRow("COUNT() with a field")
        << u"SELECT COUNT(), Id FROM User"_s << 15 << u"unexpected token: ','"_s;
    QTest::newRow("COUNT() after a field")
        << u"SELECT Id, COUNT() FROM User"_s << 12 << u"unexpected token: 'COUNT'"_s;
    QTest::newRow("aggregate in WHERE")
        << u"SELECT Id FROM User WHERE COUNT(Id) > 1"_s << 32 << u"unexpected token: '('"_s;
    QTest::newRow("date literal without its number")
        << u"SELECT Id FROM User WHERE CreatedDate = LAST_N_DAYS"_s << 52
        << u"unexpected token: '<EOF>'"_s;
    QTest::newRow("bare word as a value")
        << u"SELECT Id FROM User WHERE Name = Bob"_s << 34 << u"unexpected token: 'Bob'"_s;
    QTest::newRow("unknown function") << u"SELECT FORMAT(Name) FROM User"_s << 8
                                      << u"The demo org does not support the function 'FORMAT'."_s;
    QTest::newRow("negative LIMIT")
        << u"SELECT Id FROM User LIMIT -1"_s << 27 << u"unexpected token: '-1'"_s;
    QTest::newRow("quoted LIMIT") << u"SELECT Id FROM User LIMIT 'x'"_s << 27
                                  << u"unexpected token: ''x''"_s;
    QTest::newRow("impossible date") << u"SELECT Id FROM Opportunity WHERE CloseDate = 2026-13-40"_s
                                     << 46 << u"unexpected token: '2026-13-40'"_s;
    QTest::newRow("trailing token")
        << u"SELECT Id FROM User LIMIT 5 5"_s << 29 << u"unexpected token: '5'"_s;
    QTest::newRow("NULLS without FIRST or LAST")
        << u"SELECT Id FROM User ORDER BY Name NULLS"_s << 40 << u"unexpected token: '<EOF>'"_s;
    QTest::newRow("LIKE without a value")
        << u"SELECT Id FROM User WHERE Name LIKE"_s << 36 << u"unexpected token: '<EOF>'"_s;
    QTest::newRow("semi-join selecting two fields")
        << u"SELECT Id FROM User WHERE Id IN (SELECT Id, Name FROM User)"_s << 43
        << u"unexpected token: ','"_s;
    QTest::newRow("unclosed parenthesis")
        << u"SELECT Id FROM User WHERE (Name = 'a'"_s << 38 << u"unexpected token: '<EOF>'"_s;
    QTest::newRow("empty IN list")
        << u"SELECT Id FROM User WHERE Name IN ()"_s << 36 << u"unexpected token: ')'"_s;
    QTest::newRow("LIKE with a number")
        << u"SELECT Id FROM User WHERE Name LIKE 5"_s << 37 << QString();
}

void TestSoqlParser::rejectsMalformedStatements()
{
    QFETCH(QString, soql);
    QFETCH(int, column);
    QFETCH(QString, sentence);
    const auto statement = SoqlParser::parse(soql);
    if (sentence.isEmpty()) {
        // Syntactically fine: the compiler, which knows the field's type, rejects it.
        QVERIFY(statement);
        return;
    }
    QVERIFY2(!statement, qPrintable(soql));
    const lr::Error &error = statement.error();
    QCOMPARE(error.code, u"MALFORMED_QUERY"_s);
    QCOMPARE(error.kind, lr::Error::Kind::Remote);
    QCOMPARE(error.httpStatus, 400);
    const QStringList lines = error.message.split(u'\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(3), u"ERROR at Row:1:Column:%1"_s.arg(column));
    QCOMPARE(lines.at(4), sentence);
    QCOMPARE(lines.at(2), QString(column - 1, u' ') + u'^');
}

void TestSoqlParser::errorMessageHasSalesforceLayout()
{
    const auto statement = SoqlParser::parse(u"SELECT Id FORM User"_s);
    QVERIFY(!statement);
    QCOMPARE(statement.error().message,
             u"\nSELECT Id FORM User\n          ^\nERROR at Row:1:Column:11\n"
             u"unexpected token: 'FORM'"_s);
    QCOMPARE(statement.error().toString(),
             u"MALFORMED_QUERY: \nSELECT Id FORM User\n          ^\nERROR at Row:1:Column:11\n"
             u"unexpected token: 'FORM'"_s);
}

void TestSoqlParser::multiLineErrorsCountRowsAndColumns()
{
    const QString soql =
        u"SELECT Id\nFROM User\r\nWHERE Name = 'a' AND Title = 'b' OR Title = 'c'"_s;
    const auto statement = SoqlParser::parse(soql);
    QVERIFY(!statement);
    QCOMPARE(statement.error().message,
             u"\nWHERE Name = 'a' AND Title = 'b' OR Title = 'c'\n"
             u"                                 ^\nERROR at Row:3:Column:34\n"
             u"unexpected token: 'OR'"_s);
}

void TestSoqlParser::decodesStringEscapes_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("likePattern");

    QTest::newRow("quote") << u"'O\\'Brien'"_s << u"O'Brien"_s << u"O'Brien"_s;
    QTest::newRow("double quote") << u"'say \\\"hi\\\"'"_s << u"say \"hi\""_s << u"say \"hi\""_s;
    QTest::newRow("backslash") << u"'a\\\\b'"_s << u"a\\b"_s << u"a\\\\b"_s;
    QTest::newRow("controls, either case")
        << u"'\\n\\R\\t\\B\\f'"_s << u"\n\r\t\x08\x0c"_s << u"\n\r\t\x08\x0c"_s;
    QTest::newRow("unicode") << u"'caf\\u00e9'"_s << u"café"_s << u"café"_s;
    QTest::newRow("wildcards stay wildcards") << u"'Ter%_'"_s << u"Ter%_"_s << u"Ter%_"_s;
    QTest::newRow("escaped wildcards") << u"'Ter\\%\\_'"_s << u"Ter\\%\\_"_s << u"Ter\\%\\_"_s;
}

void TestSoqlParser::decodesStringEscapes()
{
    QFETCH(QString, literal);
    QFETCH(QString, value);
    QFETCH(QString, likePattern);
    const auto tokens = SoqlLexer::tokenize(literal);
    QVERIFY2(tokens, qPrintable(tokens ? QString() : tokens.error().message));
    QCOMPARE(tokens->size(), 2);
    const SoqlToken &token = tokens->first();
    QCOMPARE(token.kind, SoqlToken::Kind::String);
    QCOMPARE(token.text, value);
    QCOMPARE(token.likePattern, likePattern);
    QCOMPARE(token.length, literal.size());
}

void TestSoqlParser::keepsOffsetsForErrors()
{
    const QString soql = u"SELECT Profile.Name, MAX(LoginTime) FROM User u WHERE u.Name = 'x'"_s;
    const auto statement = SoqlParser::parse(soql);
    QVERIFY(statement);
    QCOMPARE(statement->select.at(0).operand.path.offset, soql.indexOf(u"Profile"));
    QCOMPARE(statement->select.at(1).operand.offset, soql.indexOf(u"MAX"));
    QCOMPARE(statement->select.at(1).operand.text, u"MAX(LoginTime)"_s);
    QCOMPARE(statement->objectOffset, soql.indexOf(u"User"));
    QCOMPARE(statement->where->operand.offset, soql.indexOf(u"u.Name"));
    QCOMPARE(statement->where->values.first().offset, soql.indexOf(u"'x'"));
}

void TestSoqlParser::resolvesDateLiterals_data()
{
    QTest::addColumn<QString>("literal");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");

    // The clock reads 2026-03-15T23:30:00-05:00, which is already the 16th in UTC.
    QTest::newRow("TODAY is the UTC day") << u"TODAY"_s << QDate(2026, 3, 16) << QDate(2026, 3, 16);
    QTest::newRow("YESTERDAY") << u"YESTERDAY"_s << QDate(2026, 3, 15) << QDate(2026, 3, 15);
    QTest::newRow("TOMORROW") << u"TOMORROW"_s << QDate(2026, 3, 17) << QDate(2026, 3, 17);
    QTest::newRow("LAST_N_DAYS includes today")
        << u"LAST_N_DAYS:1"_s << QDate(2026, 3, 15) << QDate(2026, 3, 16);
    QTest::newRow("NEXT_N_DAYS starts tomorrow")
        << u"NEXT_N_DAYS:7"_s << QDate(2026, 3, 17) << QDate(2026, 3, 23);
    QTest::newRow("N_DAYS_AGO is one day")
        << u"N_DAYS_AGO:30"_s << QDate(2026, 2, 14) << QDate(2026, 2, 14);
    QTest::newRow("THIS_MONTH") << u"THIS_MONTH"_s << QDate(2026, 3, 1) << QDate(2026, 3, 31);
    QTest::newRow("LAST_MONTH") << u"LAST_MONTH"_s << QDate(2026, 2, 1) << QDate(2026, 2, 28);
    QTest::newRow("THIS_YEAR") << u"THIS_YEAR"_s << QDate(2026, 1, 1) << QDate(2026, 12, 31);
}

void TestSoqlParser::resolvesDateLiterals()
{
    QFETCH(QString, literal);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const QString name = literal.section(u':', 0, 0);
    auto parsed = SoqlDateLiteral::fromName(name);
    QVERIFY(parsed);
    if (parsed->takesNumber()) {
        parsed->setNumber(literal.section(u':', 1).toInt());
    }
    QCOMPARE(parsed->text(), literal);
    const QDateTime now(QDate(2026, 3, 15), QTime(23, 30), QTimeZone(-5 * 3600));
    const SoqlDateLiteral::Range range = parsed->resolve(now);
    QCOMPARE(range.first, first);
    QCOMPARE(range.last, last);
}

QTEST_GUILESS_MAIN(TestSoqlParser)
#include "tst_soqlparser.moc"
