#include "core/demo/formula/formulalexer.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

Error syntaxError(const QString &message, qsizetype offset)
{
    return Error::make(
        Error::Kind::Usage,
        u"FORMULA_SYNTAX"_s,
        u"Syntax error at character %1: %2"_s.arg(QString::number(offset + 1), message));
}

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isNamePart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'.';
}

// The operator starting at `at`, longest first; empty when there is none.
QString operatorAt(QStringView formula, qsizetype at)
{
    static const char *const twoCharacter[] = {"==", "<>", "!=", "<=", ">=", "&&", "||"};
    const QStringView rest = formula.mid(at);
    for (const char *op : twoCharacter) {
        if (rest.startsWith(QLatin1StringView(op))) {
            return QString::fromLatin1(op);
        }
    }
    if (QStringView(u"+-*/^&=<>!").contains(rest.first(1))) {
        return rest.first(1).toString();
    }
    return {};
}

Result<QString> stringLiteral(QStringView formula, qsizetype &at)
{
    const QChar quote = formula.at(at);
    const qsizetype start = at;
    QString value;
    for (++at; at < formula.size(); ++at) {
        const QChar c = formula.at(at);
        if (c == quote) {
            ++at;
            return value;
        }
        if (c != u'\\') {
            value += c;
            continue;
        }
        if (++at >= formula.size()) {
            break;
        }
        switch (formula.at(at).unicode()) {
        case u'n':
            value += u'\n';
            break;
        case u'r':
            value += u'\r';
            break;
        case u't':
            value += u'\t';
            break;
        case u'\'':
        case u'"':
        case u'\\':
            value += formula.at(at);
            break;
        default:
            return syntaxError(u"unknown escape \\%1 in a text literal"_s.arg(formula.at(at)), at);
        }
    }
    return syntaxError(u"the text literal is not closed"_s, start);
}

} // namespace

Result<QList<FormulaToken>> FormulaLexer::tokenize(QStringView formula)
{
    QList<FormulaToken> tokens;
    qsizetype at = 0;
    while (at < formula.size()) {
        const QChar c = formula.at(at);
        if (c.isSpace()) {
            ++at;
            continue;
        }
        if (formula.mid(at).startsWith(u"/*")) {
            const qsizetype end = formula.indexOf(u"*/", at + 2);
            if (end < 0) {
                return syntaxError(u"the comment is not closed"_s, at);
            }
            at = end + 2;
            continue;
        }
        FormulaToken token;
        token.offset = at;
        if (c == u'\'' || c == u'"') {
            Result<QString> text = stringLiteral(formula, at);
            if (!text) {
                return text.error();
            }
            token.kind = FormulaToken::Kind::String;
            token.text = text.value();
        } else if (c.isDigit()
                   || (c == u'.' && at + 1 < formula.size() && formula.at(at + 1).isDigit())) {
            qsizetype end = at;
            while (end < formula.size() && (formula.at(end).isDigit() || formula.at(end) == u'.')) {
                ++end;
            }
            token.kind = FormulaToken::Kind::Number;
            token.text = formula.sliced(at, end - at).toString();
            if (token.text.count(u'.') > 1) {
                return syntaxError(u"'%1' is not a number"_s.arg(token.text), at);
            }
            at = end;
        } else if (isNameStart(c)) {
            qsizetype end = at;
            while (end < formula.size() && isNamePart(formula.at(end))) {
                ++end;
            }
            token.kind = FormulaToken::Kind::Identifier;
            token.text = formula.sliced(at, end - at).toString();
            at = end;
        } else if (c == u'(' || c == u')' || c == u',') {
            token.kind = c == u'('   ? FormulaToken::Kind::LeftParen
                         : c == u')' ? FormulaToken::Kind::RightParen
                                     : FormulaToken::Kind::Comma;
            token.text = QString(c);
            ++at;
        } else if (const QString op = operatorAt(formula, at); !op.isEmpty()) {
            token.kind = FormulaToken::Kind::Operator;
            token.text = op;
            at += op.size();
        } else {
            return syntaxError(u"unexpected character '%1'"_s.arg(c), at);
        }
        tokens.append(std::move(token));
    }
    FormulaToken end;
    end.offset = formula.size();
    tokens.append(end);
    return tokens;
}

} // namespace lr::demo
