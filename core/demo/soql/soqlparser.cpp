#include "core/demo/soql/soqlparser.h"

#include "core/demo/soql/soqlerror.h"
#include "core/demo/soql/soqllexer.h"
#include "core/demo/store/fieldvaluecodec.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using Kind = SoqlToken::Kind;

// Thrown inside the parser only, to unwind the recursive descent; parse() catches it.
struct ParseFailure
{
    Error error;
};

// Salesforce's reserved words, plus the words that open a clause, none of which can name an
// alias.
bool isReserved(const SoqlToken &token)
{
    static constexpr std::array<const char *, 27> kWords = {
        "AND",      "ASC",  "DESC",  "EXCLUDES", "FIRST", "FROM",  "GROUP", "HAVING", "IN",
        "INCLUDES", "LAST", "LIKE",  "LIMIT",    "NOT",   "NULL",  "NULLS", "OR",     "SELECT",
        "WHERE",    "WITH", "ORDER", "OFFSET",   "FOR",   "USING", "TRUE",  "FALSE",  "TYPEOF",
    };
    if (token.kind != Kind::Identifier) {
        return false;
    }
    for (const char *word : kWords) {
        if (token.is(QLatin1StringView(word))) {
            return true;
        }
    }
    return false;
}

std::optional<SoqlFunction> functionNamed(const SoqlToken &token)
{
    static constexpr std::array<std::pair<const char *, SoqlFunction>, 6> kFunctions = {{
        {"COUNT", SoqlFunction::Count},
        {"COUNT_DISTINCT", SoqlFunction::CountDistinct},
        {"MAX", SoqlFunction::Max},
        {"MIN", SoqlFunction::Min},
        {"SUM", SoqlFunction::Sum},
        {"AVG", SoqlFunction::Avg},
    }};
    for (const auto &[name, function] : kFunctions) {
        if (token.is(QLatin1StringView(name))) {
            return function;
        }
    }
    return std::nullopt;
}

class Parser
{
public:
    Parser(QStringView soql, QList<SoqlToken> tokens)
        : m_soql(soql)
        , m_tokens(std::move(tokens))
    { }

    SoqlStatement statement()
    {
        SoqlStatement statement;
        expectKeyword("SELECT"_L1);
        selectList(statement);
        expectKeyword("FROM"_L1);
        // Object names may be reserved words: FROM Group is a query on Group.
        const SoqlToken &object = expect(Kind::Identifier);
        statement.object = object.text;
        statement.objectOffset = object.offset;
        if (peek().kind == Kind::Identifier && !isReserved(peek())) {
            statement.objectAlias = take().text;
        }
        if (acceptKeyword("WHERE"_L1)) {
            statement.where = expression(false);
        }
        if (acceptKeyword("GROUP"_L1)) {
            expectKeyword("BY"_L1);
            do {
                statement.groupBy.append(path());
            } while (accept(Kind::Comma));
        }
        if (acceptKeyword("HAVING"_L1)) {
            statement.having = expression(true);
        }
        if (acceptKeyword("ORDER"_L1)) {
            expectKeyword("BY"_L1);
            do {
                statement.orderBy.append(orderItem());
            } while (accept(Kind::Comma));
        }
        if (acceptKeyword("LIMIT"_L1)) {
            statement.limit = integer();
        }
        if (acceptKeyword("OFFSET"_L1)) {
            statement.offsetOffset = peek().offset;
            statement.offset = integer();
        }
        if (peek().kind != Kind::End) {
            fail(unexpected(peek()));
        }
        return statement;
    }

private:
    const SoqlToken &peek(qsizetype ahead = 0) const
    {
        return m_tokens.at(qMin(m_pos + ahead, m_tokens.size() - 1));
    }

    const SoqlToken &take()
    {
        const SoqlToken &token = peek();
        if (m_pos < m_tokens.size() - 1) {
            ++m_pos;
        }
        return token;
    }

    bool accept(Kind kind)
    {
        if (peek().kind == kind) {
            take();
            return true;
        }
        return false;
    }

    bool acceptKeyword(QLatin1StringView keyword)
    {
        if (peek().is(keyword)) {
            take();
            return true;
        }
        return false;
    }

    const SoqlToken &expect(Kind kind)
    {
        if (peek().kind != kind) {
            fail(unexpected(peek()));
        }
        return take();
    }

    void expectKeyword(QLatin1StringView keyword)
    {
        if (!acceptKeyword(keyword)) {
            fail(unexpected(peek()));
        }
    }

    [[noreturn]] static void fail(Error error) { throw ParseFailure{std::move(error)}; }

    Error unexpected(const SoqlToken &token) const
    {
        return SoqlError::unexpectedToken(m_soql, token.offset, token.display(m_soql));
    }

    // A name that is not a reserved word.
    const SoqlToken &name()
    {
        if (peek().kind != Kind::Identifier || isReserved(peek())) {
            fail(unexpected(peek()));
        }
        return take();
    }

    SoqlFieldPath path()
    {
        SoqlFieldPath path;
        path.offset = peek().offset;
        // A reserved word can open a path when a dot follows: Group.Type on GroupMember.
        path.segments.append(peek(1).kind == Kind::Dot ? expect(Kind::Identifier).text
                                                       : name().text);
        while (accept(Kind::Dot)) {
            path.segments.append(expect(Kind::Identifier).text);
        }
        return path;
    }

    QString sourceFrom(qsizetype offset) const
    {
        const SoqlToken &last = m_tokens.at(m_pos - 1);
        return m_soql.sliced(offset, last.offset + last.length - offset).toString();
    }

    // A field, or (when allowed) an aggregate function of one.
    SoqlOperand operand(bool allowAggregates)
    {
        SoqlOperand operand;
        operand.offset = peek().offset;
        const auto function = functionNamed(peek());
        if (function && peek(1).kind == Kind::LeftParen) {
            if (!allowAggregates) {
                fail(unexpected(peek(1)));
            }
            take();
            take();
            operand.function = *function;
            if (*function != SoqlFunction::Count || peek().kind != Kind::RightParen) {
                operand.path = path();
            }
            expect(Kind::RightParen);
        } else if (peek().kind == Kind::Identifier && peek(1).kind == Kind::LeftParen
                   && !isReserved(peek())) {
            fail(SoqlError::at(
                m_soql,
                peek().offset,
                SoqlError::kMalformedQuery,
                u"The demo org does not support the function '%1'."_s.arg(peek().text)));
        } else {
            operand.path = path();
        }
        operand.text = sourceFrom(operand.offset);
        return operand;
    }

    void selectList(SoqlStatement &statement)
    {
        do {
            if (peek().kind == Kind::LeftParen) {
                fail(SoqlError::at(m_soql,
                                   peek().offset,
                                   SoqlError::kMalformedQuery,
                                   u"The demo org does not support child relationship "
                                   u"subqueries in SELECT; query the child object instead."_s));
            }
            const SoqlToken &first = peek();
            SoqlSelectItem item;
            item.operand = operand(true);
            if (item.operand.isCountAll()) {
                // COUNT() stands alone.
                if (!statement.select.isEmpty()) {
                    fail(unexpected(first));
                }
                statement.select.append(item);
                if (peek().kind == Kind::Comma) {
                    fail(unexpected(peek()));
                }
                return;
            }
            if (item.operand.isAggregate() && peek().kind == Kind::Identifier
                && !isReserved(peek())) {
                item.alias = take().text;
            }
            statement.select.append(item);
        } while (accept(Kind::Comma));
    }

    SoqlOrderItem orderItem()
    {
        SoqlOrderItem item;
        item.operand = operand(true);
        if (acceptKeyword("DESC"_L1)) {
            item.ascending = false;
        } else {
            acceptKeyword("ASC"_L1);
        }
        if (acceptKeyword("NULLS"_L1)) {
            if (acceptKeyword("FIRST"_L1)) {
                item.nullsFirst = true;
            } else if (acceptKeyword("LAST"_L1)) {
                item.nullsFirst = false;
            } else {
                fail(unexpected(peek()));
            }
        }
        return item;
    }

    qint64 integer()
    {
        const SoqlToken &token = peek();
        bool ok = false;
        const qint64 value = token.text.toLongLong(&ok);
        if (token.kind != Kind::Number || !ok || !token.text.at(0).isDigit()) {
            fail(unexpected(token));
        }
        take();
        return value;
    }

    // condition := [NOT] term {AND term} | [NOT] term {OR term}
    SoqlCondition expression(bool allowAggregates)
    {
        const qsizetype offset = peek().offset;
        SoqlCondition first;
        if (peek().is("NOT"_L1)) {
            take();
            first.kind = SoqlCondition::Kind::Not;
            first.offset = offset;
            first.children.push_back(term(allowAggregates));
        } else {
            first = term(allowAggregates);
        }
        const bool isAnd = peek().is("AND"_L1);
        if (!isAnd && !peek().is("OR"_L1)) {
            return first;
        }
        SoqlCondition group;
        group.kind = isAnd ? SoqlCondition::Kind::And : SoqlCondition::Kind::Or;
        group.offset = offset;
        group.children.push_back(std::move(first));
        const QLatin1StringView joiner = isAnd ? "AND"_L1 : "OR"_L1;
        while (acceptKeyword(joiner)) {
            group.children.push_back(term(allowAggregates));
        }
        // Salesforce makes the reader spell out precedence: A AND B OR C is an error.
        if (peek().is(isAnd ? "OR"_L1 : "AND"_L1)) {
            fail(unexpected(peek()));
        }
        return group;
    }

    SoqlCondition term(bool allowAggregates)
    {
        if (accept(Kind::LeftParen)) {
            SoqlCondition inner = expression(allowAggregates);
            expect(Kind::RightParen);
            return inner;
        }
        SoqlCondition condition;
        condition.offset = peek().offset;
        condition.operand = operand(allowAggregates);
        if (peek().kind == Kind::Operator || peek().is("LIKE"_L1)) {
            comparison(condition);
        } else if (peek().is("IN"_L1) || (peek().is("NOT"_L1) && peek(1).is("IN"_L1))) {
            condition.negated = peek().is("NOT"_L1);
            if (condition.negated) {
                take();
            }
            take();
            inList(condition, allowAggregates);
        } else {
            fail(unexpected(peek()));
        }
        return condition;
    }

    void comparison(SoqlCondition &condition)
    {
        const SoqlToken &op = take();
        condition.kind = SoqlCondition::Kind::Comparison;
        if (op.kind == Kind::Identifier) {
            condition.op = SoqlOperator::Like;
        } else if (op.text == u"=") {
            condition.op = SoqlOperator::Equal;
        } else if (op.text == u"!=" || op.text == u"<>") {
            condition.op = SoqlOperator::NotEqual;
        } else if (op.text == u"<") {
            condition.op = SoqlOperator::Less;
        } else if (op.text == u"<=") {
            condition.op = SoqlOperator::LessOrEqual;
        } else if (op.text == u">") {
            condition.op = SoqlOperator::Greater;
        } else {
            condition.op = SoqlOperator::GreaterOrEqual;
        }
        condition.values.append(value(condition.op == SoqlOperator::Like));
    }

    void inList(SoqlCondition &condition, bool allowAggregates)
    {
        expect(Kind::LeftParen);
        if (peek().is("SELECT"_L1)) {
            condition.kind = SoqlCondition::Kind::SemiJoin;
            condition.subquery = std::make_shared<SoqlSubquery>(subquery(allowAggregates));
        } else {
            condition.kind = SoqlCondition::Kind::In;
            do {
                condition.values.append(value(false));
            } while (accept(Kind::Comma));
        }
        expect(Kind::RightParen);
    }

    SoqlSubquery subquery(bool allowAggregates)
    {
        SoqlSubquery subquery;
        subquery.offset = take().offset;
        subquery.field = path();
        expectKeyword("FROM"_L1);
        const SoqlToken &object = expect(Kind::Identifier);
        subquery.object = object.text;
        subquery.objectOffset = object.offset;
        if (acceptKeyword("WHERE"_L1)) {
            subquery.where = expression(allowAggregates);
        }
        return subquery;
    }

    SoqlValue value(bool forLike)
    {
        const SoqlToken &token = peek();
        SoqlValue value;
        value.offset = token.offset;
        value.text = token.text;
        switch (token.kind) {
        case Kind::String:
            if (token.hasLikeEscape && !forLike) {
                fail(likeEscapeOutsideLike(token));
            }
            value.kind = SoqlValue::Kind::String;
            value.likePattern = token.likePattern;
            break;
        case Kind::Number:
            value.kind = SoqlValue::Kind::Number;
            break;
        case Kind::Date: {
            const auto date = FieldValueCodec::parseDate(token.text);
            if (!date) {
                fail(unexpected(token));
            }
            value.kind = SoqlValue::Kind::Date;
            value.date = *date;
            break;
        }
        case Kind::DateTime: {
            const auto dateTime = FieldValueCodec::parseDateTime(token.text);
            if (!dateTime) {
                fail(unexpected(token));
            }
            value.kind = SoqlValue::Kind::DateTime;
            value.dateTime = *dateTime;
            break;
        }
        case Kind::Identifier:
            return namedValue(value);
        case Kind::Colon:
            if (peek(1).kind == Kind::Identifier) {
                // Salesforce's answer when an API client sends Apex bind syntax.
                fail(SoqlError::at(m_soql,
                                   token.offset,
                                   SoqlError::kMalformedQuery,
                                   u"Bind variables only allowed in Apex code"_s));
            }
            fail(unexpected(token));
        default:
            fail(unexpected(token));
        }
        take();
        return value;
    }

    // true, false, null or a date literal.
    SoqlValue namedValue(SoqlValue &value)
    {
        const SoqlToken &token = take();
        if (token.is("NULL"_L1)) {
            value.kind = SoqlValue::Kind::Null;
        } else if (token.is("TRUE"_L1) || token.is("FALSE"_L1)) {
            value.kind = SoqlValue::Kind::Boolean;
            value.boolean = token.is("TRUE"_L1);
        } else if (auto literal = SoqlDateLiteral::fromName(token.text)) {
            if (literal->takesNumber()) {
                expect(Kind::Colon);
                literal->setNumber(static_cast<int>(qMin<qint64>(integer(), 1000000)));
            }
            value.kind = SoqlValue::Kind::DateLiteral;
            value.dateLiteral = *literal;
            value.text = literal->text();
        } else {
            fail(unexpected(token));
        }
        return value;
    }

    Error likeEscapeOutsideLike(const SoqlToken &token) const
    {
        const QStringView raw = m_soql.sliced(token.offset + 1, token.length - 2);
        qsizetype at = raw.indexOf(u"\\%");
        const qsizetype underscore = raw.indexOf(u"\\_");
        if (at < 0 || (underscore >= 0 && underscore < at)) {
            at = underscore;
        }
        // Recalled from Salesforce; its docs say \% and \_ are for LIKE only.
        return SoqlError::at(
            m_soql,
            token.offset,
            SoqlError::kMalformedQuery,
            u"Invalid string literal '%1'. Illegal character sequence '%2' in string literal."_s
                .arg(raw.toString(), raw.sliced(at, 2).toString()));
    }

    QStringView m_soql;
    QList<SoqlToken> m_tokens;
    qsizetype m_pos = 0;
};

} // namespace

Result<SoqlStatement> SoqlParser::parse(QStringView soql)
{
    auto tokens = SoqlLexer::tokenize(soql);
    if (!tokens) {
        return tokens.error();
    }
    try {
        return Parser(soql, std::move(tokens).value()).statement();
    } catch (const ParseFailure &failure) {
        return failure.error;
    }
}

} // namespace lr::demo
