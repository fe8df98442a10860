// The formula evaluator behind the demo org's validation rules: Salesforce's formula language,
// the subset the shipped rules use, and loud refusal of everything else.
#include "core/demo/formula/formula.h"
#include "core/demo/schema/sobjecttype.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lr::demo::FieldType;
using lr::demo::Formula;
using lr::demo::FormulaType;
using lr::demo::FormulaValue;
using lr::demo::SObjectField;
using lr::demo::SObjectType;

namespace {

SObjectField field(const QString &name, FieldType type, const QStringList &picklist = {})
{
    SObjectField f;
    f.name = name;
    f.type = type;
    f.label = name;
    f.picklistValues = picklist;
    return f;
}

// An object with one field of every type the formulas here read.
const SObjectType &testObject()
{
    static const SObjectType type = [] {
        SObjectType t(u"Test__c"_s, u"Test"_s, u"a0Z"_s);
        t.addField(field(u"Id"_s, FieldType::Id));
        t.addField(field(u"Name"_s, FieldType::String));
        t.addField(field(u"Num__c"_s, FieldType::Double));
        t.addField(field(u"Other__c"_s, FieldType::Double));
        t.addField(field(u"Text__c"_s, FieldType::String));
        t.addField(field(u"Pick__c"_s, FieldType::Picklist, {u"A"_s, u"B"_s}));
        t.addField(field(u"Multi__c"_s, FieldType::MultiPicklist, {u"X"_s, u"Y"_s, u"Z"_s}));
        t.addField(field(u"Flag__c"_s, FieldType::Boolean));
        t.addField(field(u"Day__c"_s, FieldType::Date));
        t.addField(field(u"Owner__c"_s, FieldType::Reference));
        return t;
    }();
    return type;
}

QHash<QString, QVariant> hashOf(const QVariantMap &map)
{
    QHash<QString, QVariant> hash;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        hash.insert(it.key(), it.value());
    }
    return hash;
}

// A stored record: every field blank unless given.
QVariantMap record(std::initializer_list<std::pair<const char *, QVariant>> values)
{
    QVariantMap map;
    for (const auto &[name, value] : values) {
        map.insert(QString::fromLatin1(name), value);
    }
    return map;
}

} // namespace

class TestFormula : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data();
    void evaluates();
    void resultTypes_data();
    void resultTypes();
    void refusesWhatItCannotEvaluate_data();
    void refusesWhatItCannotEvaluate();
    void fieldNamesAreCaseInsensitive();
};

void TestFormula::evaluates_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<bool>("isNew");
    QTest::addColumn<QVariantMap>("current");
    QTest::addColumn<QVariantMap>("prior");
    QTest::addColumn<QVariant>("expected"); // bool, double or QString; invalid = blank

    const QVariantMap none;
    const auto row = [](const char *name) { return &QTest::newRow(name); };
    *row("number literal") << u"1 + 2 * 3"_s << false << none << none << QVariant(7.0);
    *row("parentheses") << u"(1 + 2) * 3"_s << false << none << none << QVariant(9.0);
    *row("unary minus") << u"-Num__c + 1"_s << false << record({{"Num__c", 4}}) << none
                        << QVariant(-3.0);
    *row("division") << u"Num__c / 4"_s << false << record({{"Num__c", 10}}) << none
                     << QVariant(2.5);
    *row("division by zero is blank")
        << u"ISBLANK(Num__c / 0)"_s << false << record({{"Num__c", 10}}) << none << QVariant(true);
    *row("power") << u"2 ^ 10"_s << false << none << none << QVariant(1024.0);
    *row("text concatenation") << u"Text__c & '!' + '?'"_s << false
                               << record({{"Text__c", u"hi"_s}}) << none << QVariant(u"hi!?"_s);
    *row("double-quoted text") << u"\"it's\""_s << false << none << none << QVariant(u"it's"_s);
    *row("escaped quote") << u"'it\\'s'"_s << false << none << none << QVariant(u"it's"_s);
    *row("comment") << u"/* the answer */ 42"_s << false << none << none << QVariant(42.0);

    *row("AND all true") << u"AND(TRUE, 1 = 1, Flag__c)"_s << false << record({{"Flag__c", 1}})
                         << none << QVariant(true);
    *row("AND one false") << u"AND(TRUE, Flag__c)"_s << false << record({{"Flag__c", 0}}) << none
                          << QVariant(false);
    *row("OR") << u"OR(FALSE, Num__c > 3)"_s << false << record({{"Num__c", 4}}) << none
               << QVariant(true);
    *row("NOT") << u"NOT(Flag__c)"_s << false << record({{"Flag__c", 0}}) << none << QVariant(true);
    *row("&& and ||") << u"Flag__c && (Num__c = 1 || Num__c = 2)"_s << false
                      << record({{"Flag__c", 1}, {"Num__c", 2}}) << none << QVariant(true);
    *row("! operator") << u"!Flag__c"_s << false << record({{"Flag__c", 1}}) << none
                       << QVariant(false);
    *row("IF") << u"IF(Num__c > 5, 'big', 'small')"_s << false << record({{"Num__c", 9}}) << none
               << QVariant(u"big"_s);

    *row("= on numbers") << u"Num__c = 3"_s << false << record({{"Num__c", 3.0}}) << none
                         << QVariant(true);
    *row("== is =") << u"Num__c == 3"_s << false << record({{"Num__c", 3}}) << none
                    << QVariant(true);
    *row("<> on numbers") << u"Num__c <> 3"_s << false << record({{"Num__c", 3}}) << none
                          << QVariant(false);
    *row("!= is <>") << u"Num__c != 4"_s << false << record({{"Num__c", 3}}) << none
                     << QVariant(true);
    *row("<") << u"Num__c < 30"_s << false << record({{"Num__c", 29}}) << none << QVariant(true);
    *row("<= at the edge") << u"Num__c <= 30"_s << false << record({{"Num__c", 30}}) << none
                           << QVariant(true);
    *row(">") << u"Num__c > 365"_s << false << record({{"Num__c", 365}}) << none << QVariant(false);
    *row(">= between fields") << u"Num__c >= Other__c"_s << false
                              << record({{"Num__c", 7}, {"Other__c", 7}}) << none << QVariant(true);
    *row("text = is case-sensitive") << u"Text__c = 'abc'"_s << false
                                     << record({{"Text__c", u"ABC"_s}}) << none << QVariant(false);
    *row("text ordering") << u"Text__c < 'b'"_s << false << record({{"Text__c", u"a"_s}}) << none
                          << QVariant(true);
    *row("date comparison") << u"Day__c > Day__c"_s << false
                            << record({{"Day__c", u"2026-01-31"_s}}) << none << QVariant(false);

    *row("blank number < is false") << u"Num__c < 30"_s << false << none << none << QVariant(false);
    *row("blank number > is false") << u"Num__c > 30"_s << false << none << none << QVariant(false);
    *row("blank number = blank") << u"Num__c = Other__c"_s << false << none << none
                                 << QVariant(true);
    *row("blank number <> value") << u"Num__c <> 1"_s << false << none << none << QVariant(true);
    *row("blank arithmetic is blank")
        << u"ISBLANK(Num__c + 1)"_s << false << none << none << QVariant(true);
    *row("= NULL") << u"Num__c = NULL"_s << false << none << none << QVariant(true);
    *row("blank text equals empty") << u"Text__c = ''"_s << false << none << none << QVariant(true);

    *row("ISBLANK number") << u"ISBLANK(Num__c)"_s << false << record({{"Num__c", 0}}) << none
                           << QVariant(false);
    *row("ISBLANK null text") << u"ISBLANK(Text__c)"_s << false << none << none << QVariant(true);
    *row("ISBLANK empty text") << u"ISBLANK(Text__c)"_s << false << record({{"Text__c", u""_s}})
                               << none << QVariant(true);
    *row("ISBLANK picklist") << u"ISBLANK(Pick__c)"_s << false << record({{"Pick__c", u"A"_s}})
                             << none << QVariant(false);
    *row("ISNULL") << u"ISNULL(Num__c)"_s << false << none << none << QVariant(true);
    *row("BLANKVALUE") << u"BLANKVALUE(Num__c, 14)"_s << false << none << none << QVariant(14.0);

    *row("ISNEW on create") << u"ISNEW()"_s << true << none << none << QVariant(true);
    *row("ISNEW on update") << u"ISNEW()"_s << false << none << none << QVariant(false);
    *row("ISCHANGED changed") << u"ISCHANGED(Num__c)"_s << false << record({{"Num__c", 2}})
                              << record({{"Num__c", 1}}) << QVariant(true);
    *row("ISCHANGED same") << u"ISCHANGED(Text__c)"_s << false << record({{"Text__c", u"a"_s}})
                           << record({{"Text__c", u"a"_s}}) << QVariant(false);
    *row("ISCHANGED from blank") << u"ISCHANGED(Num__c)"_s << false << record({{"Num__c", 0}})
                                 << none << QVariant(true);
    *row("ISCHANGED on create") << u"ISCHANGED(Num__c)"_s << true << record({{"Num__c", 2}}) << none
                                << QVariant(false);
    *row("PRIORVALUE") << u"PRIORVALUE(Num__c) + 1"_s << false << record({{"Num__c", 9}})
                       << record({{"Num__c", 3}}) << QVariant(4.0);
    *row("PRIORVALUE on create is current")
        << u"PRIORVALUE(Num__c)"_s << true << record({{"Num__c", 9}}) << none << QVariant(9.0);
    *row("compare-and-set accepts next")
        << u"Num__c <> PRIORVALUE(Num__c) + 1"_s << false << record({{"Num__c", 4}})
        << record({{"Num__c", 3}}) << QVariant(false);
    *row("compare-and-set refuses stale")
        << u"Num__c <> PRIORVALUE(Num__c) + 1"_s << false << record({{"Num__c", 4}})
        << record({{"Num__c", 4}}) << QVariant(true);

    *row("BEGINS") << u"BEGINS(Text__c, 'http')"_s << false << record({{"Text__c", u"https://x"_s}})
                   << none << QVariant(true);
    *row("BEGINS is case-sensitive")
        << u"BEGINS(Text__c, 'http')"_s << false << record({{"Text__c", u"HTTPS://x"_s}}) << none
        << QVariant(false);
    *row("BEGINS of blank") << u"BEGINS(Text__c, 'http')"_s << false << none << none
                            << QVariant(false);
    *row("CONTAINS") << u"CONTAINS(Text__c, 'ook')"_s << false << record({{"Text__c", u"hooks"_s}})
                     << none << QVariant(true);
    *row("LEN") << u"LEN(Text__c)"_s << false << record({{"Text__c", u"Ünïcode"_s}}) << none
                << QVariant(7.0);
    *row("LEN of blank") << u"LEN(Text__c)"_s << false << none << none << QVariant(0.0);
    *row("LOWER") << u"LOWER(Text__c)"_s << false << record({{"Text__c", u"ÄBC"_s}}) << none
                  << QVariant(u"äbc"_s);
    *row("UPPER") << u"UPPER('abc')"_s << false << none << none << QVariant(u"ABC"_s);
    *row("TRIM spaces and tabs") << u"TRIM(Text__c)"_s << false
                                 << record({{"Text__c", u" \tx y\t "_s}}) << none
                                 << QVariant(u"x y"_s);
    *row("INCLUDES") << u"INCLUDES(Multi__c, 'Y')"_s << false << record({{"Multi__c", u"X;Y"_s}})
                     << none << QVariant(true);
    *row("INCLUDES not") << u"INCLUDES(Multi__c, 'Z')"_s << false
                         << record({{"Multi__c", u"X;Y"_s}}) << none << QVariant(false);
    *row("INCLUDES of blank") << u"INCLUDES(Multi__c, 'X')"_s << false << none << none
                              << QVariant(false);
    *row("INCLUDES PRIORVALUE") << u"INCLUDES(PRIORVALUE(Multi__c), 'Z')"_s << false
                                << record({{"Multi__c", u"X"_s}}) << record({{"Multi__c", u"Z"_s}})
                                << QVariant(true);
    *row("ISPICKVAL") << u"ISPICKVAL(Pick__c, 'B')"_s << false << record({{"Pick__c", u"B"_s}})
                      << none << QVariant(true);
    *row("ISPICKVAL of blank") << u"ISPICKVAL(Pick__c, 'B')"_s << false << none << none
                               << QVariant(false);
    *row("ISPICKVAL PRIORVALUE") << u"ISPICKVAL(PRIORVALUE(Pick__c), 'A')"_s << false
                                 << record({{"Pick__c", u"B"_s}}) << record({{"Pick__c", u"A"_s}})
                                 << QVariant(true);
    *row("TEXT of picklist") << u"TEXT(Pick__c) & '!'"_s << false << record({{"Pick__c", u"A"_s}})
                             << none << QVariant(u"A!"_s);
    *row("TEXT of number") << u"TEXT(Num__c)"_s << false << record({{"Num__c", 90}}) << none
                           << QVariant(u"90"_s);
    *row("reference as text") << u"ISBLANK(Owner__c)"_s << false << none << none << QVariant(true);
    *row("case-insensitive functions")
        << u"and(not(isnew()), true)"_s << false << none << none << QVariant(true);
}

void TestFormula::evaluates()
{
    QFETCH(QString, formula);
    QFETCH(bool, isNew);
    QFETCH(QVariantMap, current);
    QFETCH(QVariantMap, prior);
    QFETCH(QVariant, expected);
    const lr::Result<Formula> compiled = Formula::compile(formula, testObject());
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    Formula::Record record;
    record.isNew = isNew;
    record.current = hashOf(current);
    record.prior = hashOf(prior);
    const FormulaValue value = compiled->evaluate(record);
    switch (expected.typeId()) {
    case QMetaType::Bool:
        QCOMPARE(value.type, FormulaType::Boolean);
        QCOMPARE(value.isTrue(), expected.toBool());
        break;
    case QMetaType::Double:
        QCOMPARE(value.type, FormulaType::Number);
        QVERIFY(!value.blank);
        QCOMPARE(value.number, expected.toDouble());
        break;
    default:
        QCOMPARE(value.type, FormulaType::Text);
        QCOMPARE(value.text, expected.toString());
        break;
    }
}

void TestFormula::resultTypes_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<FormulaType>("type");
    QTest::newRow("comparison") << u"Num__c > 1"_s << FormulaType::Boolean;
    QTest::newRow("arithmetic") << u"Num__c * 2"_s << FormulaType::Number;
    QTest::newRow("text") << u"LOWER(Name)"_s << FormulaType::Text;
    QTest::newRow("checkbox field") << u"Flag__c"_s << FormulaType::Boolean;
    QTest::newRow("PRIORVALUE of a picklist") << u"PRIORVALUE(Pick__c)"_s << FormulaType::Picklist;
    QTest::newRow("IF with NULL") << u"IF(Flag__c, NULL, 3)"_s << FormulaType::Number;
}

void TestFormula::resultTypes()
{
    QFETCH(QString, formula);
    QFETCH(FormulaType, type);
    const lr::Result<Formula> compiled = Formula::compile(formula, testObject());
    QVERIFY2(compiled, qPrintable(compiled ? QString() : compiled.error().message));
    QCOMPARE(compiled->resultType(), type);
}

void TestFormula::refusesWhatItCannotEvaluate_data()
{
    QTest::addColumn<QString>("formula");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fragment"); // part of the message
    const QString syntax = u"FORMULA_SYNTAX"_s;
    const QString unsupported = u"FORMULA_UNSUPPORTED"_s;
    QTest::newRow("empty") << u"  "_s << syntax << u"empty"_s;
    QTest::newRow("unknown function")
        << u"REGEX(Name, 'a.*')"_s << unsupported << u"function REGEX is not supported"_s;
    QTest::newRow("TODAY is not in the subset")
        << u"Day__c < TODAY()"_s << unsupported << u"TODAY"_s;
    QTest::newRow("cross-object path")
        << u"ISBLANK(Owner__r.Name)"_s << unsupported << u"cross-object reference Owner__r.Name"_s;
    QTest::newRow("global variable")
        << u"$User.Id = Owner__c"_s << unsupported << u"global variable $User.Id"_s;
    QTest::newRow("date arithmetic") << u"Day__c + 1"_s << unsupported << u"date arithmetic"_s;
    QTest::newRow("unknown field")
        << u"Nope__c > 1"_s << syntax << u"Field Nope__c does not exist"_s;
    QTest::newRow("picklist compared")
        << u"Pick__c = 'A'"_s << syntax << u"Field Pick__c is a picklist field"_s;
    QTest::newRow("picklist in BEGINS")
        << u"BEGINS(Pick__c, 'A')"_s << syntax << u"picklist field"_s;
    QTest::newRow("multi-select in ISPICKVAL")
        << u"ISPICKVAL(Multi__c, 'X')"_s << syntax << u"Expected Picklist"_s;
    QTest::newRow("ISPICKVAL needs a literal")
        << u"ISPICKVAL(Pick__c, Text__c)"_s << syntax << u"text literal"_s;
    QTest::newRow("number with text") << u"Num__c = 'a'"_s << syntax << u"Expected Number"_s;
    QTest::newRow("text plus number") << u"Text__c + 1"_s << syntax << u"Expected Text"_s;
    QTest::newRow("AND of a number") << u"AND(Num__c, TRUE)"_s << syntax << u"Expected Boolean"_s;
    QTest::newRow("wrong argument count")
        << u"NOT(TRUE, FALSE)"_s << syntax << u"Incorrect number of parameters"_s;
    QTest::newRow("PRIORVALUE of an expression")
        << u"PRIORVALUE(Num__c + 1)"_s << syntax << u"needs a field"_s;
    QTest::newRow("unclosed parenthesis") << u"AND(TRUE, FALSE"_s << syntax << u"')'"_s;
    QTest::newRow("unclosed text") << u"'abc"_s << syntax << u"not closed"_s;
    QTest::newRow("trailing tokens") << u"1 2"_s << syntax << u"after the end"_s;
    QTest::newRow("stray character") << u"Num__c # 2"_s << syntax << u"character 8"_s;
}

void TestFormula::refusesWhatItCannotEvaluate()
{
    QFETCH(QString, formula);
    QFETCH(QString, code);
    QFETCH(QString, fragment);
    const lr::Result<Formula> compiled = Formula::compile(formula, testObject());
    QVERIFY(!compiled);
    QCOMPARE(compiled.error().code, code);
    QVERIFY2(compiled.error().message.contains(fragment), qPrintable(compiled.error().message));
}

void TestFormula::fieldNamesAreCaseInsensitive()
{
    const lr::Result<Formula> compiled = Formula::compile(u"num__C > 1"_s, testObject());
    QVERIFY(compiled);
    Formula::Record record;
    record.current.insert(u"Num__c"_s, 2); // values are keyed by the canonical name
    QVERIFY(compiled->evaluate(record).isTrue());
}

QTEST_GUILESS_MAIN(TestFormula)
#include "tst_formula.moc"
