#include "consentbrowser.h"

#include "core/common/deletelater.h"

#include <QCoroNetworkReply>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace lr::test {

namespace {

struct Page
{
    int status = 0;
    QByteArray location;
    QByteArray body;
};

QCoro::Task<Page>
fetch(QNetworkAccessManager *network, QUrl url, QByteArray method = "GET", QByteArray body = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(30000);
    if (!body.isEmpty()) {
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    }
    // Deleted later: the coroutine resumes inside the reply's finished() emission.
    lr::LaterPtr<QNetworkReply> reply(network->sendCustomRequest(request, method, body));
    co_await reply.get();
    co_return Page{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                   reply->rawHeader("Location"),
                   reply->readAll()};
}

QString htmlUnescape(QString text)
{
    return text.replace(u"&quot;"_s, u"\""_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&amp;"_s, u"&"_s);
}

} // namespace

ConsentBrowser::ConsentBrowser(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_role(u"admin"_s)
{ }

void ConsentBrowser::setAnswer(Answer answer, const QString &role)
{
    m_answer = answer;
    m_role = role;
}

void ConsentBrowser::open(const QUrl &url)
{
    ++m_openCount;
    m_lastAuthorizeUrl = url;
    m_redirectStatus = 0;
    m_failure.clear();
    if (m_answer != Answer::Ignore) {
        browse(url); // runs on by itself; the test waits for the sign-in
    }
}

QCoro::Task<> ConsentBrowser::browse(QUrl url)
{
    QPointer<ConsentBrowser> self(this);
    QNetworkAccessManager *network = m_network;
    const Page page = co_await fetch(network, url);
    if (!self) {
        co_return;
    }
    if (page.status != 200) {
        m_failure = u"authorize page: HTTP %1"_s.arg(page.status);
        co_return;
    }
    static const QRegularExpression input(
        uR"re(<input type="hidden" name="([^"]*)" value="([^"]*)">)re"_s);
    QUrlQuery form;
    auto it = input.globalMatch(QString::fromUtf8(page.body));
    while (it.hasNext()) {
        const auto match = it.next();
        form.addQueryItem(htmlUnescape(match.captured(1)), htmlUnescape(match.captured(2)));
    }
    form.addQueryItem(u"user"_s, m_role);
    form.addQueryItem(u"action"_s, m_answer == Answer::Deny ? u"deny"_s : u"allow"_s);
    QByteArray body;
    for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded)) {
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '='
                + QUrl::toPercentEncoding(value);
    }
    QUrl action = url;
    action.setQuery(QString());
    const Page decided = co_await fetch(network, action, "POST", body);
    if (!self) {
        co_return;
    }
    if (decided.status != 302) {
        m_failure = u"consent form: HTTP %1"_s.arg(decided.status);
        co_return;
    }
    QUrl redirect = QUrl::fromEncoded(decided.location);
    if (m_answer == Answer::WrongState) {
        QUrlQuery query(redirect);
        query.removeAllQueryItems(u"state"_s);
        query.addQueryItem(u"state"_s, u"not-the-state-that-was-sent"_s);
        redirect.setQuery(query);
    }
    if (m_beforeRedirect) {
        m_beforeRedirect(
            QUrl(QUrlQuery(url).queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded)));
    }
    const Page landed = co_await fetch(network, redirect);
    if (self) {
        m_redirectStatus = landed.status;
    }
}

} // namespace lr::test
