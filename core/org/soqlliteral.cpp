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
    QString escaped;
    escaped.reserve(value.size() + 2);
    escaped += u'\'';
    for (const QChar c : value) {
        appendEscaped(escaped, c);
    }
    escaped += u'\'';
    return escaped;
}

QString SoqlLiteral::startsWith(const QString &prefix)
{
    // \% and \_ are escape sequences of the string literal that only LIKE accepts: the
    // characters themselves rather than wildcards.
    QString escaped;
    escaped.reserve(prefix.size() + 3);
    escaped += u'\'';
    for (const QChar c : prefix) {
        if (c == u'%' || c == u'_') {
            escaped += u'\\';
            escaped += c;
        } else {
            appendEscaped(escaped, c);
        }
    }
    escaped += u"%'"_s;
    return escaped;
}

} // namespace lr::org
