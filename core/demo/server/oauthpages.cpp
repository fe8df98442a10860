#include "core/demo/server/oauthpages.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QString escaped(const QString &text)
{
    // toHtmlEscaped() covers < > & and "; the single quote is escaped too so that a value
    // stays inert in any attribute.
    return text.toHtmlEscaped().replace(u'\'', u"&#39;"_s);
}

QString page(const QString &title, const QString &body)
{
    return u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           u"<meta name=\"referrer\" content=\"no-referrer\">"
           u"<title>"_s
           + escaped(title) + u"</title></head>\n<body>\n"_s + body + u"</body></html>\n"_s;
}

} // namespace

QByteArray OAuthPages::consent(const Consent &consent)
{
    QString body = u"<h1>Demo org: allow access?</h1>\n<p><strong>"_s + escaped(consent.appName)
                   + u"</strong> asks for: "_s + escaped(consent.scopes.join(u", "_s))
                   + u".</p>\n<form method=\"post\" action=\"/services/oauth2/authorize\">\n"_s;
    for (const auto &[name, value] : consent.hiddenFields) {
        body += u"<input type=\"hidden\" name=\""_s + escaped(name) + u"\" value=\""_s
                + escaped(value) + u"\">\n"_s;
    }
    body += u"<fieldset><legend>Sign in as</legend>\n"_s;
    bool first = true;
    for (const Person &person : consent.people) {
        body += u"<label><input type=\"radio\" name=\"user\" value=\""_s + escaped(person.role)
                + u"\""_s + (first ? u" checked"_s : QString()) + u"> "_s + escaped(person.username)
                + u" ("_s + escaped(person.role) + u")</label><br>\n"_s;
        first = false;
    }
    body += u"</fieldset>\n<button type=\"submit\" name=\"action\" value=\"allow\">Allow</button>\n"
            u"<button type=\"submit\" name=\"action\" value=\"deny\">Deny</button>\n</form>\n"_s;
    return page(u"Allow access"_s, body).toUtf8();
}

QByteArray OAuthPages::error(const QString &error, const QString &description)
{
    return page(u"OAuth error"_s,
                u"<h1>The sign-in request cannot be completed</h1>\n<p><code>"_s + escaped(error)
                    + u"</code>: "_s + escaped(description) + u"</p>\n"_s)
        .toUtf8();
}

} // namespace lr::demo
