// The price book: the shipped default reads and is labelled an estimate; malformed or hostile
// files give one clear error naming what is wrong, never a half-read book.
#include "core/savings/pricebook.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lr::savings::PriceBook;

class TestPriceBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultBookIsAListPriceEstimate();
    void contractBookIsNotAnEstimate();
    void unknownLicenseHasNoPrice();
    void malformed_data();
    void malformed();
};

void TestPriceBook::defaultBookIsAListPriceEstimate()
{
    const lr::Result<PriceBook> book = PriceBook::loadDefault();
    QVERIFY2(book, qPrintable(book ? QString() : book.error().toString()));
    QVERIFY(book->isEstimate());
    QCOMPARE(book->currency(), u"USD"_s);
    QVERIFY(!book->note().isEmpty());
    QCOMPARE(book->monthlyPrice(u"Salesforce"_s), 165.0);
    QCOMPARE(book->monthlyPrice(u"Salesforce Platform"_s), 25.0);
    QCOMPARE(book->monthlyPrice(u"Customer Community Login"_s), 2.0);
    QCOMPARE(book->monthlyPrice(u"Partner Community"_s), 10.0);
    QCOMPARE(book->monthlyPrice(u"Chatter Free"_s), 0.0);
    QCOMPARE(book->monthlyPrice(u"Identity"_s), 0.0);
    QCOMPARE(book->monthlyPrice(u"Salesforce Integration"_s), 10.0);
    // Every license the demo org generates has a price.
    QCOMPARE(book->licenses().size(), 8);
}

void TestPriceBook::contractBookIsNotAnEstimate()
{
    const lr::Result<PriceBook> book = PriceBook::fromJson(
        R"({"format":"license-reclaim-pricebook/1","currency":"EUR","basis":"contract",
            "monthlyPrices":{"Salesforce":120.5}})");
    QVERIFY(book);
    QVERIFY(!book->isEstimate());
    QCOMPARE(book->currency(), u"EUR"_s);
    QCOMPARE(book->monthlyPrice(u"Salesforce"_s), 120.5);
}

void TestPriceBook::unknownLicenseHasNoPrice()
{
    const lr::Result<PriceBook> book = PriceBook::loadDefault();
    QVERIFY(book);
    QVERIFY(!book->monthlyPrice(u"Work.com"_s).has_value());
    QVERIFY(!book->monthlyPrice(u"salesforce"_s).has_value()); // names are exact
}

void TestPriceBook::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says"); // part of the message

    const QByteArray head = R"({"format":"license-reclaim-pricebook/1","currency":"USD",)"
                            R"("basis":"list-price-estimate",)";
    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("truncated") << QByteArray(head + R"("monthlyPrices":{"Salesforce":)")
                               << u"not valid JSON"_s;
    QTest::newRow("invalid-utf8") << QByteArray("{\"format\":\"\xff\xfe\"}") << u"cannot be read"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"must be a JSON object"_s;
    QTest::newRow("no-format") << QByteArray(R"({"currency":"USD"})") << u"format"_s;
    QTest::newRow("wrong-format") << QByteArray(R"({"format":"pricebook/2"})") << u"format"_s;
    QTest::newRow("currency") << QByteArray(
        R"({"format":"license-reclaim-pricebook/1","currency":"dollars"})")
                              << u"currency"_s;
    QTest::newRow("basis") << QByteArray(R"({"format":"license-reclaim-pricebook/1",)"
                                         R"("currency":"USD","basis":"guess"})")
                           << u"basis"_s;
    QTest::newRow("no-prices") << QByteArray(head + R"("x":1})") << u"monthlyPrices"_s;
    QTest::newRow("empty-prices") << QByteArray(head + R"("monthlyPrices":{}})")
                                  << u"monthlyPrices"_s;
    QTest::newRow("string-price") << QByteArray(head + R"("monthlyPrices":{"Salesforce":"165"}})")
                                  << u"monthlyPrices.Salesforce"_s;
    QTest::newRow("negative-price") << QByteArray(head + R"("monthlyPrices":{"Salesforce":-1}})")
                                    << u"monthlyPrices.Salesforce: a price is a number from 0"_s;
    QTest::newRow("huge-price") << QByteArray(head + R"("monthlyPrices":{"Salesforce":1e300}})")
                                << u"monthlyPrices.Salesforce"_s;
    QTest::newRow("blank-license")
        << QByteArray(head + R"("monthlyPrices":{" ":1}})") << u"license name is empty"_s;
    QTest::newRow("too-big") << QByteArray(2 * 1024 * 1024, ' ') << u"more than"_s;
}

void TestPriceBook::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    const lr::Result<PriceBook> book = PriceBook::fromJson(json);
    QVERIFY(!book);
    QCOMPARE(book.error().kind, lr::Error::Kind::Usage);
    QCOMPARE(book.error().code, u"BAD_PRICE_BOOK"_s);
    QVERIFY2(book.error().message.startsWith(u"The price book cannot be read: "_s),
             qPrintable(book.error().message));
    QVERIFY2(book.error().message.contains(says), qPrintable(book.error().message));
}

QTEST_GUILESS_MAIN(TestPriceBook)
#include "tst_pricebook.moc"
