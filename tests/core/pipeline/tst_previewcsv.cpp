// Preview results as CSV for Excel: RFC 4180 quoting of names with commas, quotes and line
// breaks, non-Latin text in UTF-8 behind a byte order mark, and formula-like cells defused.
#include "core/pipeline/previewcsv.h"

#include <QTest>

using namespace Qt::StringLiterals;
using lr::pipeline::PreviewCsv;
using lr::pipeline::PreviewEntry;
using lr::pipeline::ReclaimPreview;
using lr::safety::Finding;
using lr::scan::OrgSnapshot;
using lr::scan::ScannedUser;

namespace {

ScannedUser user(const QString &name, const QString &username, const QString &department)
{
    ScannedUser u;
    u.id = u"005000000000001AAA"_s;
    u.name = name;
    u.username = username;
    u.department = department;
    u.licenseName = u"Salesforce"_s;
    return u;
}

PreviewEntry entry(int index, int days, QList<Finding> findings = {})
{
    PreviewEntry e;
    e.userIndex = index;
    e.daysInactive = days;
    e.thresholdDays = 90;
    e.findings = std::move(findings);
    return e;
}

Finding finding(const QString &check, Finding::Severity severity, const QString &message)
{
    Finding f;
    f.check = check;
    f.severity = severity;
    f.message = message;
    return f;
}

// A minimal RFC 4180 reader: fields, with quoted fields unquoted.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestPreviewCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesSurviveQuotingAndEncoding();
    void formulaCellsAreDefused();
    void byteOrderMarkIsOptional();
};

void TestPreviewCsv::namesSurviveQuotingAndEncoding()
{
    OrgSnapshot snapshot;
    snapshot.users = {user(u"Lopez, Ana"_s, u"ana@acme.com"_s, u"Sales, EMEA"_s),
                      user(u"Dwayne \"The Rock\" J."_s, u"rock@acme.com"_s, u"Ops"_s),
                      user(u"Line\nBreak"_s, u"lb@acme.com"_s, u"R&D\r\nLab"_s),
                      user(u"山田 太郎"_s, u"taro@acme.co.jp"_s, u"営業部"_s),
                      user(u"Ангелина Петрова"_s, u"a.petrova@acme.ru"_s, u"Продажи"_s)};
    ReclaimPreview preview;
    preview.candidates = {entry(0, 120), entry(1, 95), entry(3, 400), entry(4, 91)};
    preview.blocked = {
        entry(2,
              200,
              {finding(u"admin"_s, Finding::Severity::Red, u"Has Modify All Data."_s),
               finding(u"manager"_s,
                       Finding::Severity::Amber,
                       u"Has 2 active direct reports, \"Bo\" and Li."_s)})};
    const QByteArray csv = PreviewCsv::write(preview, snapshot);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.endsWith("\r\n"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.mid(3)));
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.at(0),
             QStringList({u"status"_s,
                          u"user"_s,
                          u"username"_s,
                          u"license"_s,
                          u"department"_s,
                          u"days inactive"_s,
                          u"findings"_s}));
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), 7);
    }
    QCOMPARE(rows.at(1).mid(0, 6),
             QStringList({u"candidate"_s,
                          u"Lopez, Ana"_s,
                          u"ana@acme.com"_s,
                          u"Salesforce"_s,
                          u"Sales, EMEA"_s,
                          u"120"_s}));
    QCOMPARE(rows.at(2).at(1), u"Dwayne \"The Rock\" J."_s);
    QCOMPARE(rows.at(3).at(1), u"山田 太郎"_s);
    QCOMPARE(rows.at(3).at(4), u"営業部"_s);
    QCOMPARE(rows.at(4).at(1), u"Ангелина Петрова"_s);
    QCOMPARE(rows.at(5).at(0), u"blocked"_s);
    QCOMPARE(rows.at(5).at(1), u"Line\nBreak"_s);
    QCOMPARE(rows.at(5).at(4), u"R&D\r\nLab"_s);
    QCOMPARE(rows.at(5).at(6),
             u"admin (red): Has Modify All Data.\nmanager (amber): Has 2 active direct "
             u"reports, \"Bo\" and Li."_s);
    QVERIFY(rows.at(1).at(6).isEmpty());
}

void TestPreviewCsv::formulaCellsAreDefused()
{
    OrgSnapshot snapshot;
    snapshot.users = {user(u"=HYPERLINK(\"http://evil\",\"x\")"_s, u"+1@acme.com"_s, u"-2+3"_s),
                      user(u"@SUM(A1)"_s, u"eve@acme.com"_s, u"\tTab"_s)};
    ReclaimPreview preview;
    preview.candidates = {entry(0, 100), entry(1, 100)};
    const QList<QStringList> rows =
        parseCsv(QString::fromUtf8(PreviewCsv::write(preview, snapshot).mid(3)));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(1).at(1), u"'=HYPERLINK(\"http://evil\",\"x\")"_s);
    QCOMPARE(rows.at(1).at(2), u"'+1@acme.com"_s);
    QCOMPARE(rows.at(1).at(4), u"'-2+3"_s);
    QCOMPARE(rows.at(2).at(1), u"'@SUM(A1)"_s);
    QCOMPARE(rows.at(2).at(4), u"'\tTab"_s);
}

void TestPreviewCsv::byteOrderMarkIsOptional()
{
    OrgSnapshot snapshot;
    ReclaimPreview preview;
    const QByteArray csv = PreviewCsv::write(preview, snapshot, PreviewCsv::ByteOrderMark::Omit);
    QCOMPARE(csv, QByteArray("status,user,username,license,department,days inactive,findings\r\n"));
}

QTEST_GUILESS_MAIN(TestPreviewCsv)
#include "tst_previewcsv.moc"
