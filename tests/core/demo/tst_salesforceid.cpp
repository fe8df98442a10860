#include "core/demo/store/salesforceid.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lr::demo::SalesforceId;

class TestSalesforceId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksumMatchesSalesforce_data();
    void checksumMatchesSalesforce();
    void madeIdsAreValidAndDistinct();
    void rejectsMalformedIds_data();
    void rejectsMalformedIds();
};

void TestSalesforceId::checksumMatchesSalesforce_data()
{
    QTest::addColumn<QString>("id15");
    QTest::addColumn<QString>("id18");
    // Suffixes worked out by hand: one bit per upper-case letter in each block of five.
    QTest::newRow("user") << u"005D0000001B5ht"_s << u"005D0000001B5htIAC"_s;
    QTest::newRow("account") << u"001A0000006Vm9r"_s << u"001A0000006Vm9rIAC"_s;
    QTest::newRow("all-lower") << u"00a000000000000"_s << u"00a000000000000AAA"_s;
}

void TestSalesforceId::checksumMatchesSalesforce()
{
    QFETCH(QString, id15);
    QFETCH(QString, id18);
    QCOMPARE(SalesforceId::to18(id15), id18);
    QVERIFY(SalesforceId::isValid(id18));
}

void TestSalesforceId::madeIdsAreValidAndDistinct()
{
    QSet<QString> seen;
    for (quint64 serial : {0ULL, 1ULL, 61ULL, 62ULL, 99999ULL, 13537086546263551ULL}) {
        const QString id = SalesforceId::make(u"005", serial);
        QCOMPARE(id.size(), 18);
        QVERIFY2(SalesforceId::isValid(id), qPrintable(id));
        QVERIFY(id.startsWith(u"005"_s));
        QVERIFY(!seen.contains(id));
        seen.insert(id);
    }
}

void TestSalesforceId::rejectsMalformedIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("empty") << QString();
    QTest::newRow("short") << u"005D0000001B5h"_s;
    QTest::newRow("sixteen") << u"005D0000001B5htI"_s;
    QTest::newRow("bad-char") << u"005D0000001B5h-"_s;
    QTest::newRow("wrong-suffix") << u"005D0000001B5htAAA"_s;
}

void TestSalesforceId::rejectsMalformedIds()
{
    QFETCH(QString, id);
    QVERIFY(!SalesforceId::isValid(id));
    QVERIFY(SalesforceId::to18(id).isEmpty());
}

QTEST_GUILESS_MAIN(TestSalesforceId)
#include "tst_salesforceid.moc"
