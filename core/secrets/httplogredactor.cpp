#include "core/secrets/httplogredactor.h"

#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace lr::secrets {

namespace {

// Field names whose values are credentials, as a regular-expression alternation.
const QString &fieldNames()
{
    static const QString names = u"access_token|refresh_token|id_token|code_verifier|code|"
                                 "client_secret|client_assertion|assertion|token|password|"
                                 "secret|signature|sid|api_key|apikey"_s;
    return names;
}

const QRegularExpression &jsonStringField()
{
    // "name" : "value" — also an unterminated value at the end of a cut-off body.
    static const QRegularExpression re(
        u"(\"(?:%1|authorization|proxy-authorization|cookie|set-cookie)\"\\s*:\\s*)"
        "\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)"_s.arg(fieldNames()),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &jsonScalarField()
{
    static const QRegularExpression re(
        u"(\"(?:%1)\"\\s*:\\s*)(?:-?[0-9][0-9.eE+-]*|true|false)"_s.arg(fieldNames()),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &formField()
{
    // name=value after the start, a separator of a query, fragment or form, or whitespace.
    static const QRegularExpression re(u"(^|[?&;#\\s,{(])(%1)=[^&\\s#\"',;]*"_s.arg(fieldNames()),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &xmlElement()
{
    static const QRegularExpression re(u"<((?:%1|sessionId))>[^<]*</\\1>"_s.arg(fieldNames()),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &headerLine()
{
    static const QRegularExpression re(
        u"\\b(proxy-authorization|authorization|set-cookie|cookie)(\\s*:\\s*)[^\\r\\n]*"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &bearer()
{
    static const QRegularExpression re(u"\\b(bearer)\\s+[^\\s\"',;&<]+"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

bool isText(const QByteArray &bytes)
{
    if (QString::fromUtf8(bytes).toUtf8() != bytes) {
        return false; // not valid UTF-8
    }
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\r' && c != '\n') {
            return false;
        }
    }
    return true;
}

} // namespace

QString HttpLogRedactor::redacted()
{
    return u"[REDACTED]"_s;
}

QString HttpLogRedactor::redactText(const QString &text)
{
    const QString mark = redacted();
    QString out = text;
    out.replace(jsonStringField(), u"\\1\""_s + mark + u'"');
    out.replace(jsonScalarField(), u"\\1\""_s + mark + u'"');
    out.replace(xmlElement(), u"<\\1>"_s + mark + u"</\\1>"_s);
    out.replace(formField(), u"\\1\\2="_s + mark);
    out.replace(headerLine(), u"\\1\\2"_s + mark);
    out.replace(bearer(), u"\\1 "_s + mark);
    return out;
}

bool HttpLogRedactor::isSensitiveHeader(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    static const std::array exact{
        QByteArrayView("authorization"),
        QByteArrayView("proxy-authorization"),
        QByteArrayView("cookie"),
        QByteArrayView("set-cookie"),
    };
    for (const QByteArrayView candidate : exact) {
        if (lower == candidate) {
            return true;
        }
    }
    static const std::array parts{
        QByteArrayView("authorization"),
        QByteArrayView("token"),
        QByteArrayView("secret"),
        QByteArrayView("signature"),
        QByteArrayView("password"),
        QByteArrayView("session"),
        QByteArrayView("api-key"),
        QByteArrayView("apikey"),
        QByteArrayView("cookie"),
    };
    for (const QByteArrayView part : parts) {
        if (lower.contains(part)) {
            return true;
        }
    }
    return false;
}

QString HttpLogRedactor::redactHeaderValue(QByteArrayView name, QByteArrayView value)
{
    if (isSensitiveHeader(name)) {
        return redacted();
    }
    return redactText(QString::fromUtf8(value));
}

QString HttpLogRedactor::redactUrl(const QUrl &url)
{
    // Fully encoded, so no value holds a space that would end the match early.
    return redactText(url.toString(QUrl::RemovePassword | QUrl::FullyEncoded));
}

QString HttpLogRedactor::toLogString(const Summary &summary)
{
    QString line = QString::fromLatin1(summary.method);
    if (!summary.url.isEmpty()) {
        if (!line.isEmpty()) {
            line += u' ';
        }
        line += redactUrl(summary.url);
    }
    if (summary.status > 0) {
        line += u" -> "_s + QString::number(summary.status);
    }
    if (summary.elapsedMs >= 0) {
        line += u" ("_s + QString::number(summary.elapsedMs) + u" ms)"_s;
    }
    for (const auto &[name, value] : summary.headers) {
        line += u"\n  "_s + QString::fromLatin1(name) + u": "_s + redactHeaderValue(name, value);
    }
    if (!summary.body.isEmpty()) {
        line += u"\n  body: "_s;
        if (!isText(summary.body)) {
            line += u"<%1 bytes of binary data>"_s.arg(summary.body.size());
        } else {
            const QString body = redactText(QString::fromUtf8(summary.body));
            if (body.size() > kMaxBodyChars) {
                line +=
                    body.left(kMaxBodyChars) + u"… (%1 bytes in all)"_s.arg(summary.body.size());
            } else {
                line += body;
            }
        }
    }
    return line;
}

} // namespace lr::secrets
