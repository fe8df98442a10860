#include "core/org/soqlliteral.h"

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

// Appends `c` as it must appear inside a SOQL string literal.
void appendEscaped(QString &out, QChar c)
{
    switch (c.unicode()) {
    case u'\\':
        out += u"\\\\"_s;
        break;
    case u'\'':
        out += u"\\'"_s;
        break;
    case u'\n':
        out += u"\\n"_s;
        break;
    case u'\r':
        out += u"\\r"_s;
        break;
    case u'\t':
        out += u"\\t"_s;
        break;
    default:
        out += c;
    }
}

} // namespace

QString SoqlLiteral::text(const QString &value)
{
    return quoted(value, false);
}

QString SoqlLiteral::startsWith(const QString &prefix)
{
    return quoted(prefix, true);
}

QString SoqlLiteral::quoted(const QString &value, bool likePrefix)
{
    QString escaped;
    escaped.reserve(value.size() + 3);
    escaped += u'\'';
    for (const QChar c : value) {
        if (likePrefix && (c == u'%' || c == u'_')) {
            // \% and \_ are escape sequences of the string literal that only LIKE accepts:
            // the characters themselves rather than wildcards.
            escaped += u'\\';
            escaped += c;
        } else {
            appendEscaped(escaped, c);
        }
    }
    if (likePrefix) {
        escaped += u'%';
    }
    escaped += u'\'';
    return escaped;
}

} // namespace lr::org
