// HttpLogRedactor: every credential-bearing header, parameter and field, and Bearer text, is
// replaced by [REDACTED] wherever it appears; everything else passes untouched.

#include "core/secrets/httplogredactor.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lr::secrets;

class TestLogRedaction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redactText_data();
    void redactText();
    void ordinaryTextPassesUntouched_data();
    void ordinaryTextPassesUntouched();
    void headers_data();
    void headers();
    void urls_data();
    void urls();
    void requestSummary();
    void responseSummary();
    void longBodiesAreRedactedBeforeTheyAreCut();
    void binaryBodies();
};

void TestLogRedaction::redactText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Every sensitive name as a form field, in a query string and as a JSON string.
    const QStringList names{u"access_token"_s,
                            u"refresh_token"_s,
                            u"id_token"_s,
                            u"code"_s,
                            u"code_verifier"_s,
                            u"client_secret"_s,
                            u"client_assertion"_s,
                            u"assertion"_s,
                            u"token"_s,
                            u"password"_s,
                            u"secret"_s,
                            u"signature"_s,
                            u"sid"_s,
                            u"api_key"_s,
                            u"apikey"_s};
    for (const QString &name : names) {
        QTest::addRow("form %s", qPrintable(name))
            << u"grant_type=x&%1=s3cr3t-VALUE.1~2&client_id=abc"_s.arg(name)
            << u"grant_type=x&%1=[REDACTED]&client_id=abc"_s.arg(name);
        QTest::addRow("query %s", qPrintable(name))
            << u"GET /services/oauth2/callback?%1=s3cr3t%2FVALUE&state=xyz"_s.arg(name)
            << u"GET /services/oauth2/callback?%1=[REDACTED]&state=xyz"_s.arg(name);
        QTest::addRow("json %s", qPrintable(name))
            << u"{\"%1\": \"s3cr3t \\\"quoted\\\" VALUE\", \"instance_url\": \"https://x\"}"_s.arg(
                   name)
            << u"{\"%1\": \"[REDACTED]\", \"instance_url\": \"https://x\"}"_s.arg(name);
    }
    QTest::newRow("upper-case name")
        << u"ACCESS_TOKEN=abc&Code=123"_s << u"ACCESS_TOKEN=[REDACTED]&Code=[REDACTED]"_s;
    QTest::newRow("first of a form") << u"password=hunter2"_s << u"password=[REDACTED]"_s;
    QTest::newRow("empty value") << u"code=&state=1"_s << u"code=[REDACTED]&state=1"_s;
    QTest::newRow("fragment (implicit grant)")
        << u"https://app/cb#access_token=00D!AQ.x&instance_url=https%3A%2F%2Fx&token_type=Bearer"_s
        << u"https://app/cb#access_token=[REDACTED]&instance_url=https%3A%2F%2Fx"
           "&token_type=Bearer"_s;
    QTest::newRow("after a space")
        << u"sending token=abc123 to the server"_s << u"sending token=[REDACTED] to the server"_s;
    QTest::newRow("json number") << u"{\"code\": 123456, \"ok\": true}"_s
                                 << u"{\"code\": \"[REDACTED]\", \"ok\": true}"_s;
    QTest::newRow("json without spaces")
        << u"{\"access_token\":\"00D5g!AQ4AQ.abc\",\"signature\":\"sig=\",\"id\":\"https://x\"}"_s
        << u"{\"access_token\":\"[REDACTED]\",\"signature\":\"[REDACTED]\",\"id\":\"https://x\"}"_s;
    QTest::newRow("json cut off inside a token")
        << u"{\"refresh_token\": \"5Aep861TSESvWeug_xvFHRBTTbf"_s
        << u"{\"refresh_token\": \"[REDACTED]\""_s;
    QTest::newRow("json authorization header")
        << u"{\"Authorization\": \"Bearer 00D!abc\", \"Accept\": \"json\"}"_s
        << u"{\"Authorization\": \"[REDACTED]\", \"Accept\": \"json\"}"_s;
    QTest::newRow("bearer") << u"Bearer 00D5g000004!AQ4AQ.x_y-z~w+v/u="_s << u"Bearer [REDACTED]"_s;
    QTest::newRow("bearer in a sentence") << u"retrying with bearer 00Dabc!xyz, after 401"_s
                                          << u"retrying with bearer [REDACTED], after 401"_s;
    QTest::newRow("authorization line")
        << u"POST /x\nAuthorization: Basic dXNlcjpwYXNz\nAccept: */*"_s
        << u"POST /x\nAuthorization: [REDACTED]\nAccept: */*"_s;
    QTest::newRow("cookie line") << u"Cookie: sid=00D!abc; BrowserId=xyz"_s
                                 << u"Cookie: [REDACTED]"_s;
    QTest::newRow("set-cookie line")
        << u"Set-Cookie: sid=00D!abc; Path=/; Secure"_s << u"Set-Cookie: [REDACTED]"_s;
    QTest::newRow("proxy-authorization line")
        << u"Proxy-Authorization: Basic abc"_s << u"Proxy-Authorization: [REDACTED]"_s;
    QTest::newRow("xml session id")
        << u"<result><sessionId>00D!AQ.abc</sessionId><userId>005x</userId></result>"_s
        << u"<result><sessionId>[REDACTED]</sessionId><userId>005x</userId></result>"_s;
    QTest::newRow("xml password") << u"<password>hunter2</password>"_s
                                  << u"<password>[REDACTED]</password>"_s;
    QTest::newRow("several at once")
        << u"code=abc&code_verifier=def&client_secret=ghi&redirect_uri=http%3A%2F%2F127.0.0.1"_s
        << u"code=[REDACTED]&code_verifier=[REDACTED]&client_secret=[REDACTED]"
           "&redirect_uri=http%3A%2F%2F127.0.0.1"_s;
    QTest::newRow("already redacted stays so") << u"token=[REDACTED]"_s << u"token=[REDACTED]"_s;
}

void TestLogRedaction::redactText()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(HttpLogRedactor::redactText(input), expected);
    // Redacting twice changes nothing more.
    QCOMPARE(HttpLogRedactor::redactText(expected), expected);
}

void TestLogRedaction::ordinaryTextPassesUntouched_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("soql")
        << u"SELECT Id, Username, LastLoginDate FROM User WHERE IsActive = true"_s;
    QTest::newRow("rest path") << u"GET /services/data/v66.0/query?q=SELECT+Id+FROM+User -> 200"_s;
    QTest::newRow("names inside longer names")
        << u"error_code=42&statusCode=500&zip_code=10115&tokenizer=on&passwordless=true"_s;
    QTest::newRow("json error")
        << u"[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]"_s;
    QTest::newRow("json other fields")
        << u"{\"token_type\": \"Bearer\", \"instance_url\": \"https://acme.my.salesforce.com\", "
           "\"issued_at\": \"1714000000000\"}"_s;
    QTest::newRow("limit header") << u"Sforce-Limit-Info: api-usage=25/15000"_s;
    QTest::newRow("prose") << u"The token expired; sign in again. Password rules apply."_s;
    QTest::newRow("unicode") << u"Gr\u00fc\u00dfe, \u00e4\u00f6\u00fc \u20ac 100"_s;
    QTest::newRow("empty") << QString();
}

void TestLogRedaction::ordinaryTextPassesUntouched()
{
    QFETCH(QString, text);
    QCOMPARE(HttpLogRedactor::redactText(text), text);
}

void TestLogRedaction::headers_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");
    const QString redacted = u"[REDACTED]"_s;
    QTest::newRow("Authorization")
        << QByteArray("Authorization") << QByteArray("Bearer 00D!x") << redacted;
    QTest::newRow("authorization lower case")
        << QByteArray("authorization") << QByteArray("Basic abc") << redacted;
    QTest::newRow("Proxy-Authorization")
        << QByteArray("Proxy-Authorization") << QByteArray("Basic abc") << redacted;
    QTest::newRow("Cookie") << QByteArray("Cookie") << QByteArray("sid=00D!x; a=b") << redacted;
    QTest::newRow("Set-Cookie") << QByteArray("Set-Cookie") << QByteArray("sid=00D!x; Path=/")
                                << redacted;
    QTest::newRow("X-Api-Key") << QByteArray("X-Api-Key") << QByteArray("k") << redacted;
    QTest::newRow("X-Auth-Token") << QByteArray("X-Auth-Token") << QByteArray("t") << redacted;
    QTest::newRow("X-SFDC-Session") << QByteArray("X-SFDC-Session") << QByteArray("s") << redacted;
    QTest::newRow("X-Hub-Signature-256")
        << QByteArray("X-Hub-Signature-256") << QByteArray("sha256=abc") << redacted;
    QTest::newRow("webhook-signature")
        << QByteArray("webhook-signature") << QByteArray("v1,abc=") << redacted;
    QTest::newRow("Stripe-Signature")
        << QByteArray("Stripe-Signature") << QByteArray("t=1,v1=abc") << redacted;
    QTest::newRow("X-Client-Secret")
        << QByteArray("X-Client-Secret") << QByteArray("c") << redacted;
    QTest::newRow("bearer in another header")
        << QByteArray("X-Forwarded-Credential") << QByteArray("Bearer 00D!x")
        << u"Bearer [REDACTED]"_s;
    QTest::newRow("Content-Type untouched")
        << QByteArray("Content-Type") << QByteArray("application/json") << u"application/json"_s;
    QTest::newRow("Sforce-Limit-Info untouched")
        << QByteArray("Sforce-Limit-Info") << QByteArray("api-usage=25/15000")
        << u"api-usage=25/15000"_s;
    QTest::newRow("Location with a code")
        << QByteArray("Location") << QByteArray("http://127.0.0.1:5555/cb?code=aPrx123&state=s")
        << u"http://127.0.0.1:5555/cb?code=[REDACTED]&state=s"_s;
}

void TestLogRedaction::headers()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QCOMPARE(HttpLogRedactor::redactHeaderValue(name, value), expected);
}

void TestLogRedaction::urls_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("authorize")
        << QUrl(u"https://login.salesforce.com/services/oauth2/authorize?response_type=code"
                "&client_id=3MVG9&redirect_uri=http://127.0.0.1:5555/cb&code_challenge=abc"
                "&state=s1"_s)
        << u"https://login.salesforce.com/services/oauth2/authorize?response_type=code"
           "&client_id=3MVG9&redirect_uri=http://127.0.0.1:5555/cb&code_challenge=abc&state=s1"_s;
    QTest::newRow("callback") << QUrl(u"http://127.0.0.1:5555/cb?code=aPrx%3D%3D&state=s1"_s)
                              << u"http://127.0.0.1:5555/cb?code=[REDACTED]&state=s1"_s;
    QTest::newRow("frontdoor")
        << QUrl(u"https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=00D!AQ.x&retURL=/home"_s)
        << u"https://acme.my.salesforce.com/secur/frontdoor.jsp?sid=[REDACTED]&retURL=/home"_s;
    QTest::newRow("password in the URL") << QUrl(u"https://user:hunter2@proxy.example:8080/x"_s)
                                         << u"https://user@proxy.example:8080/x"_s;
    QTest::newRow("value with a space") << QUrl(u"https://x.example/cb?token=two words&a=1"_s)
                                        << u"https://x.example/cb?token=[REDACTED]&a=1"_s;
    QTest::newRow("plain") << QUrl(u"https://acme.my.salesforce.com/services/data/v66.0/limits"_s)
                           << u"https://acme.my.salesforce.com/services/data/v66.0/limits"_s;
}

void TestLogRedaction::urls()
{
    QFETCH(QUrl, url);
    QFETCH(QString, expected);
    QCOMPARE(HttpLogRedactor::redactUrl(url), expected);
}

void TestLogRedaction::requestSummary()
{
    HttpLogRedactor::Summary request;
    request.method = "POST";
    request.url = QUrl(u"https://login.salesforce.com/services/oauth2/token"_s);
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Authorization", "Basic Y2xpZW50OnNlY3JldA=="},
                       {"Cookie", "BrowserId=abc"}};
    request.body = "grant_type=authorization_code&code=aPrxSECRET&client_id=3MVG9"
                   "&code_verifier=VERIFIERSECRET&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcb";
    const QString line = HttpLogRedactor::toLogString(request);
    QCOMPARE(line,
             u"POST https://login.salesforce.com/services/oauth2/token\n"
             "  Content-Type: application/x-www-form-urlencoded\n"
             "  Authorization: [REDACTED]\n"
             "  Cookie: [REDACTED]\n"
             "  body: grant_type=authorization_code&code=[REDACTED]&client_id=3MVG9"
             "&code_verifier=[REDACTED]&redirect_uri=http%3A%2F%2F127.0.0.1%3A5555%2Fcb"_s);
    QVERIFY(!line.contains(u"SECRET"_s));
    QVERIFY(!line.contains(u"Y2xpZW50"_s));
}

void TestLogRedaction::responseSummary()
{
    HttpLogRedactor::Summary response;
    response.method = "POST";
    response.url = QUrl(u"https://login.salesforce.com/services/oauth2/token"_s);
    response.status = 200;
    response.elapsedMs = 183;
    response.headers = {{"Set-Cookie", "BrowserId=abc; Path=/"},
                        {"Content-Type", "application/json;charset=UTF-8"}};
    response.body =
        R"({"access_token":"00D5g000004!AQ4AQSECRET","refresh_token":"5AepSECRET",)"
        R"("signature":"SIGSECRET=","scope":"api refresh_token","id_token":"eyJSECRET",)"
        R"("instance_url":"https://acme.my.salesforce.com","token_type":"Bearer"})";
    const QString line = HttpLogRedactor::toLogString(response);
    QVERIFY2(line.startsWith(u"POST https://login.salesforce.com/services/oauth2/token -> 200 "
                             "(183 ms)\n  Set-Cookie: [REDACTED]\n"_s),
             qPrintable(line));
    QVERIFY(line.contains(u"\"instance_url\":\"https://acme.my.salesforce.com\""_s));
    QVERIFY(line.contains(u"\"scope\":\"api refresh_token\""_s));
    QVERIFY(line.contains(u"\"token_type\":\"Bearer\""_s));
    QVERIFY2(!line.contains(u"SECRET"_s), qPrintable(line));
    QCOMPARE(line.count(u"[REDACTED]"_s), 5);
}

void TestLogRedaction::longBodiesAreRedactedBeforeTheyAreCut()
{
    // The token straddles the cut: cutting first would leave its first half in the log.
    const QByteArray padding(HttpLogRedactor::kMaxBodyChars - 30, 'x');
    HttpLogRedactor::Summary response;
    response.status = 200;
    response.body = "{\"pad\":\"" + padding + "\",\"access_token\":\"00D5g000004!"
                    + QByteArray(500, 'S') + "\"}";
    const QString line = HttpLogRedactor::toLogString(response);
    QVERIFY(!line.contains(u"00D5g000004"_s));
    QVERIFY(!line.contains(u"SSSS"_s));
    QVERIFY(line.contains(u"bytes in all)"_s));
}

void TestLogRedaction::binaryBodies()
{
    HttpLogRedactor::Summary response;
    response.status = 200;
    response.body = QByteArray("\x89PNG\r\n\x1a\n\0\0\0", 11);
    QCOMPARE(HttpLogRedactor::toLogString(response),
             u" -> 200\n  body: <11 bytes of binary data>"_s);
}

QTEST_GUILESS_MAIN(TestLogRedaction)

#include "tst_logredaction.moc"
