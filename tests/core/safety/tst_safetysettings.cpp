#include "core/safety/safetysettings.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using lr::safety::SafetySettings;

using Change = std::function<void(SafetySettings &)>;
Q_DECLARE_METATYPE(Change)

class TestSafetySettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
};

void TestSafetySettings::validate_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("defaults") << Change([](SafetySettings &) {}) << QStringList();
    QTest::newRow("custom-patterns-and-owners") << Change([](SafetySettings &s) {
        s.serviceAccountPatterns = {u"^etl[-_]"_s, u"\\bbot\\b"_s};
        s.defaultOwners = {u"workflow@acme.com"_s, u"005000000000001"_s};
        s.recordOwnerThreshold = 10;
        s.newUserDays = 0;
    }) << QStringList();
    QTest::newRow("invalid-pattern-named")
        << Change([](SafetySettings &s) { s.serviceAccountPatterns.append(u"svc-(x"_s); })
        << QStringList{u"The service-account pattern “svc-(x” is not a valid regular expression: "
                       u"missing closing parenthesis at character 7."_s};
    QTest::newRow("pattern-matching-everything")
        << Change([](SafetySettings &s) {
               s.serviceAccountPatterns = {u"a*"_s, QString()};
           })
        << QStringList{u"The service-account pattern “a*” matches an empty text, so it would mark "
                       u"every user as a service account."_s,
                       u"The service-account pattern “” matches an empty text, so it would mark "
                       u"every user as a service account."_s};
    QTest::newRow("negative-record-owner-threshold")
        << Change([](SafetySettings &s) { s.recordOwnerThreshold = -1; })
        << QStringList{u"The record-owner threshold must be between 0 and 1000000 open records; "
                       u"it is -1."_s};
    QTest::newRow("new-user-window-too-long")
        << Change([](SafetySettings &s) { s.newUserDays = 3651; })
        << QStringList{u"The new-user window must be between 0 and 3650 days; it is 3651."_s};
    QTest::newRow("empty-default-owner")
        << Change([](SafetySettings &s) { s.defaultOwners = {u"  "_s}; })
        << QStringList{u"A default owner is empty: enter a user id or a username."_s};
}

void TestSafetySettings::validate()
{
    QFETCH(Change, change);
    QFETCH(QStringList, problems);
    SafetySettings settings;
    change(settings);
    QCOMPARE(settings.validate(), problems);
}

QTEST_GUILESS_MAIN(TestSafetySettings)
#include "tst_safetysettings.moc"
