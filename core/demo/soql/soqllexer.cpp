#include "core/demo/soql/soqllexer.h"

#include "core/demo/soql/soqlerror.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentifierStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || isDigit(c);
}

// Counts the digits at `pos`.
qsizetype digitsAt(QStringView text, qsizetype pos)
{
    qsizetype n = 0;
    while (pos + n < text.size() && isDigit(text.at(pos + n))) {
        ++n;
    }
    return n;
}

bool hasAt(QStringView text, qsizetype pos, QChar c)
{
    return pos < text.size() && text.at(pos) == c;
}

// The length of a date (YYYY-MM-DD) or datetime literal at `pos`, or 0 when there is none.
qsizetype dateLengthAt(QStringView text, qsizetype pos, bool *isDateTime)
{
    *isDateTime = false;
    if (digitsAt(text, pos) != 4 || !hasAt(text, pos + 4, u'-') || digitsAt(text, pos + 5) != 2
        || !hasAt(text, pos + 7, u'-') || digitsAt(text, pos + 8) != 2) {
        return 0;
    }
    qsizetype end = pos + 10;
    if (!hasAt(text, end, u'T')) {
        return end - pos;
    }
    // THH:MM:SS
    if (digitsAt(text, end + 1) != 2 || !hasAt(text, end + 3, u':') || digitsAt(text, end + 4) != 2
        || !hasAt(text, end + 6, u':') || digitsAt(text, end + 7) != 2) {
        return end - pos;
    }
    end += 9;
    if (hasAt(text, end, u'.')) {
        const qsizetype millis = digitsAt(text, end + 1);
        end += 1 + millis;
    }
    if (hasAt(text, end, u'Z')) {
        ++end;
    } else if (hasAt(text, end, u'+') || hasAt(text, end, u'-')) {
        end += 1 + digitsAt(text, end + 1);
        if (hasAt(text, end, u':')) {
            end += 1 + digitsAt(text, end + 1);
        }
    }
    *isDateTime = true;
    return end - pos;
}

// The kind and length of the name, number, date or punctuation at `pos`; length 0 when the
// character there starts no token.
std::pair<SoqlToken::Kind, qsizetype> plainTokenAt(QStringView soql, qsizetype pos)
{
    using Kind = SoqlToken::Kind;
    const QChar c = soql.at(pos);
    const QChar next = pos + 1 < soql.size() ? soql.at(pos + 1) : QChar();
    if (isIdentifierStart(c)) {
        qsizetype end = pos + 1;
        while (end < soql.size() && isIdentifierPart(soql.at(end))) {
            ++end;
        }
        return {Kind::Identifier, end - pos};
    }
    if (isDigit(c) || ((c == u'-' || c == u'+') && (isDigit(next) || next == u'.'))) {
        bool isDateTime = false;
        if (const qsizetype length = dateLengthAt(soql, pos, &isDateTime); length > 0) {
            return {isDateTime ? Kind::DateTime : Kind::Date, length};
        }
        qsizetype end = pos + 1 + digitsAt(soql, pos + 1);
        if (hasAt(soql, end, u'.')) {
            end += 1 + digitsAt(soql, end + 1);
        }
        return {Kind::Number, end - pos};
    }
    if ((c == u'!' && next == u'=') || (c == u'<' && (next == u'>' || next == u'='))
        || (c == u'>' && next == u'=')) {
        return {Kind::Operator, 2};
    }
    switch (c.unicode()) {
    case u'=':
    case u'<':
    case u'>':
        return {Kind::Operator, 1};
    case u',':
        return {Kind::Comma, 1};
    case u'.':
        return {Kind::Dot, 1};
    case u'(':
        return {Kind::LeftParen, 1};
    case u')':
        return {Kind::RightParen, 1};
    case u':':
        return {Kind::Colon, 1};
    default:
        return {Kind::End, 0};
    }
}

class StringScanner
{
public:
    StringScanner(QStringView soql, qsizetype start)
        : m_soql(soql)
        , m_start(start)
    { }

    // Scans the literal opening at m_start; fills the token or returns the error.
    Result<SoqlToken> scan()
    {
        SoqlToken token;
        token.kind = SoqlToken::Kind::String;
        token.offset = m_start;
        qsizetype pos = m_start + 1;
        while (pos < m_soql.size()) {
            const QChar c = m_soql.at(pos);
            if (c == u'\'') {
                token.length = pos + 1 - m_start;
                return token;
            }
            if (c != u'\\') {
                append(token, c);
                ++pos;
                continue;
            }
            if (pos + 1 >= m_soql.size()) {
                break;
            }
            auto escaped = escape(token, pos);
            if (!escaped) {
                return escaped.error();
            }
            pos = escaped.value();
        }
        // Recalled from Salesforce (not in its docs): the lexer's own wording for an open quote.
        return SoqlError::at(m_soql,
                             m_soql.size(),
                             SoqlError::kMalformedQuery,
                             u"mismatched character '<EOF>' expecting '''"_s);
    }

private:
    static void append(SoqlToken &token, QChar c)
    {
        token.text += c;
        if (c == u'\\') {
            token.likePattern += u"\\\\"_s;
        } else {
            token.likePattern += c;
        }
    }

    // Decodes the escape at `pos` (the backslash); returns the position after it.
    Result<qsizetype> escape(SoqlToken &token, qsizetype pos)
    {
        const QChar next = m_soql.at(pos + 1);
        switch (next.toLower().unicode()) {
        case u'n':
            append(token, u'\n');
            return pos + 2;
        case u'r':
            append(token, u'\r');
            return pos + 2;
        case u't':
            append(token, u'\t');
            return pos + 2;
        case u'b':
            append(token, QChar(0x08));
            return pos + 2;
        case u'f':
            append(token, QChar(0x0c));
            return pos + 2;
        case u'"':
        case u'\'':
        case u'\\':
            append(token, next);
            return pos + 2;
        case u'%':
        case u'_':
            // Only LIKE accepts these; the parser rejects them elsewhere.
            token.text += u'\\';
            token.text += next;
            token.likePattern += u'\\';
            token.likePattern += next;
            token.hasLikeEscape = true;
            return pos + 2;
        case u'u':
            if (next == u'u' && pos + 6 <= m_soql.size()) {
                bool ok = false;
                const ushort code = m_soql.sliced(pos + 2, 4).toUShort(&ok, 16);
                if (ok) {
                    append(token, QChar(code));
                    return pos + 6;
                }
            }
            break;
        default:
            break;
        }
        return illegalSequence(pos);
    }

    Error illegalSequence(qsizetype pos) const
    {
        qsizetype end = m_soql.indexOf(u'\'', pos + 2);
        end = end < 0 ? m_soql.size() : end + 1;
        // Recalled from Salesforce (its docs only say "an error occurs").
        return SoqlError::at(
            m_soql,
            m_start,
            SoqlError::kMalformedQuery,
            u"Invalid string literal '%1'. Illegal character sequence '%2' in string literal."_s
                .arg(m_soql.sliced(m_start + 1, end - m_start - 2).toString(),
                     m_soql.sliced(pos, 2).toString()));
    }

    QStringView m_soql;
    qsizetype m_start;
};

} // namespace

bool SoqlToken::is(QLatin1StringView keyword) const
{
    return kind == Kind::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
}

QString SoqlToken::display(QStringView soql) const
{
    if (kind == Kind::End) {
        return u"<EOF>"_s;
    }
    return soql.sliced(offset, length).toString();
}

Result<QList<SoqlToken>> SoqlLexer::tokenize(QStringView soql)
{
    QList<SoqlToken> tokens;
    qsizetype pos = 0;
    while (pos < soql.size()) {
        const QChar c = soql.at(pos);
        if (c.isSpace()) {
            ++pos;
            continue;
        }
        if (c == u'\'') {
            auto token = StringScanner(soql, pos).scan();
            if (!token) {
                return token.error();
            }
            pos += token->length;
            tokens.append(std::move(token).value());
            continue;
        }
        const auto [kind, length] = plainTokenAt(soql, pos);
        if (length == 0) {
            return SoqlError::unexpectedToken(soql, pos, QString(c));
        }
        SoqlToken token;
        token.kind = kind;
        token.offset = pos;
        token.length = length;
        token.text = soql.sliced(pos, length).toString();
        tokens.append(std::move(token));
        pos += length;
    }
    SoqlToken end;
    end.offset = soql.size();
    tokens.append(end);
    return tokens;
}

} // namespace lr::demo
