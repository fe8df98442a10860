#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace lr::secrets {

// Turns an HTTP request or response summary into a string that is safe to log: credentials
// become "[REDACTED]" wherever they appear.
//
// - Headers Authorization, Proxy-Authorization, Cookie, Set-Cookie, and any header whose name
//   mentions a token, secret, signature, password, session or API key: the whole value.
// - Query parameters, fragments and form fields (name=value) and JSON fields ("name": value)
//   named access_token, refresh_token, id_token, code, code_verifier, client_secret,
//   client_assertion, assertion, token, password, secret, signature, sid, api_key, apikey;
//   in JSON also authorization and cookie. Names match whole and ignore case, so
//   "error_code" or "statusCode" pass untouched.
// - Any "Bearer <credential>" text, and "Authorization: …" / "Cookie: …" text to the end of
//   the line, wherever it appears; XML elements with those names (and sessionId).
// - A URL's password.
// Bodies are redacted first and shortened after, so a cut can never expose half a token.
// For the OAuth code and the org client's debug logging (category lr.http).
class HttpLogRedactor
{
public:
    struct Summary
    {
        QByteArray method; // GET, POST …
        QUrl url;
        int status = 0; // 0 for a request not yet answered
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;       // logged when not empty
        qint64 elapsedMs = -1; // logged when not negative
    };

    static constexpr qsizetype kMaxBodyChars = 2000;

    [[nodiscard]] static QString toLogString(const Summary &summary);
    [[nodiscard]] static QString redactUrl(const QUrl &url);
    // The header's value as it may be logged.
    [[nodiscard]] static QString redactHeaderValue(QByteArrayView name, QByteArrayView value);
    [[nodiscard]] static bool isSensitiveHeader(QByteArrayView name);
    // Redacts free text: form data, JSON, query strings, Bearer credentials, header lines.
    [[nodiscard]] static QString redactText(const QString &text);
    [[nodiscard]] static QString redacted();
};

} // namespace lr::secrets
