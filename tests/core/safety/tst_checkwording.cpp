#include "core/common/translations.h"
#include "core/safety/checkwording.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lr::safety::CheckWording;

class TestCheckWording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nameList_data();
    void nameList();
    void joined_data();
    void joined();
    void daysAgo_data();
    void daysAgo();
    void dates();
};

void TestCheckWording::initTestCase()
{
    lr::Translations::install(*QCoreApplication::instance());
}

void TestCheckWording::nameList_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("shown");
    QTest::addColumn<QString>("expected");

    QTest::newRow("none") << QStringList() << 2 << QString();
    QTest::newRow("one") << QStringList{u"A"_s} << 2 << u"A"_s;
    QTest::newRow("two") << QStringList{u"A"_s, u"B"_s} << 2 << u"A and B"_s;
    QTest::newRow("three-cut-after-two")
        << QStringList{u"A"_s, u"B"_s, u"C"_s} << 2 << u"A, B and 1 more"_s;
    QTest::newRow("five-cut-after-two")
        << QStringList{u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s} << 2 << u"A, B and 3 more"_s;
    QTest::newRow("three-all-shown") << QStringList{u"A"_s, u"B"_s, u"C"_s} << 3 << u"A, B and C"_s;
    QTest::newRow("blank-name") << QStringList{u" "_s, u"B"_s} << 2 << u"(no name) and B"_s;
    QTest::newRow("shown-at-least-one") << QStringList{u"A"_s, u"B"_s} << 0 << u"A and 1 more"_s;
}

void TestCheckWording::nameList()
{
    QFETCH(QStringList, names);
    QFETCH(int, shown);
    QFETCH(QString, expected);
    QCOMPARE(CheckWording::nameList(names, shown), expected);
}

void TestCheckWording::joined_data()
{
    QTest::addColumn<QStringList>("parts");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("one") << QStringList{u"A"_s} << u"A"_s;
    QTest::newRow("two") << QStringList{u"A"_s, u"B"_s} << u"A and B"_s;
    QTest::newRow("four") << QStringList{u"A"_s, u"B"_s, u"C"_s, u"D"_s} << u"A, B, C and D"_s;
}

void TestCheckWording::joined()
{
    QFETCH(QStringList, parts);
    QFETCH(QString, expected);
    QCOMPARE(CheckWording::joined(parts), expected);
}

void TestCheckWording::daysAgo_data()
{
    QTest::addColumn<qint64>("days");
    QTest::addColumn<QString>("expected");
    QTest::newRow("future") << qint64(-3) << u"today"_s;
    QTest::newRow("today") << qint64(0) << u"today"_s;
    QTest::newRow("yesterday") << qint64(1) << u"yesterday"_s;
    QTest::newRow("two") << qint64(2) << u"2 days ago"_s;
    QTest::newRow("many") << qint64(365) << u"365 days ago"_s;
}

void TestCheckWording::daysAgo()
{
    QFETCH(qint64, days);
    QFETCH(QString, expected);
    QCOMPARE(CheckWording::daysAgo(days), expected);
}

void TestCheckWording::dates()
{
    QCOMPARE(CheckWording::date(QDate(2026, 5, 2)), u"2026-05-02"_s);
    QCOMPARE(CheckWording::dateAndAge(QDate(2026, 5, 2), 12), u"2026-05-02 (12 days ago)"_s);
}

QTEST_GUILESS_MAIN(TestCheckWording)
#include "tst_checkwording.moc"
