#include "core/demo/formula/formulaparser.h"

#include "core/demo/formula/formulalexer.h"
#include "core/demo/schema/sobjecttype.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using NodePtr = std::shared_ptr<const FormulaNode>;
using TokenKind = FormulaToken::Kind;

struct ParseFailure
{
    Error error;
};

struct FunctionSpec
{
    const char *name;
    int minArguments;
    int maxArguments; // -1: any number
};

constexpr FunctionSpec kFunctions[] = {
    {"AND", 1, -1},       {"OR", 1, -1},     {"NOT", 1, 1},        {"IF", 3, 3},
    {"ISNEW", 0, 0},      {"ISBLANK", 1, 1}, {"ISNULL", 1, 1},     {"ISCHANGED", 1, 1},
    {"PRIORVALUE", 1, 1}, {"BEGINS", 2, 2},  {"CONTAINS", 2, 2},   {"LEN", 1, 1},
    {"LOWER", 1, 1},      {"UPPER", 1, 1},   {"TRIM", 1, 1},       {"INCLUDES", 2, 2},
    {"ISPICKVAL", 2, 2},  {"TEXT", 1, 1},    {"BLANKVALUE", 2, 2},
};

const FunctionSpec *findFunction(const QString &upperName)
{
    for (const FunctionSpec &spec : kFunctions) {
        if (upperName == QLatin1StringView(spec.name)) {
            return &spec;
        }
    }
    return nullptr;
}

FormulaType typeOfField(FieldType type)
{
    switch (type) {
    case FieldType::Boolean:
        return FormulaType::Boolean;
    case FieldType::Int:
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        return FormulaType::Number;
    case FieldType::Picklist:
        return FormulaType::Picklist;
    case FieldType::MultiPicklist:
        return FormulaType::MultiPicklist;
    case FieldType::Date:
        return FormulaType::Date;
    case FieldType::DateTime:
        return FormulaType::DateTime;
    default:
        return FormulaType::Text;
    }
}

bool isPicklistType(FormulaType type)
{
    return type == FormulaType::Picklist || type == FormulaType::MultiPicklist;
}

bool fits(const NodePtr &node, FormulaType type)
{
    return node->type == type || node->type == FormulaType::Null;
}

class Parser
{
public:
    Parser(QList<FormulaToken> tokens, const SObjectType &type)
        : m_tokens(std::move(tokens))
        , m_type(type)
    { }

    NodePtr parseAll()
    {
        NodePtr node = orExpression();
        if (peek().kind != TokenKind::End) {
            fail(syntax(u"unexpected '%1' after the end of the expression"_s.arg(peek().text),
                        peek().offset));
        }
        return node;
    }

private:
    const FormulaToken &peek() const { return m_tokens.at(m_pos); }
    const FormulaToken &take()
    {
        const FormulaToken &token = m_tokens.at(m_pos);
        if (token.kind != TokenKind::End) {
            ++m_pos;
        }
        return token;
    }

    // Takes the next token when it is one of `operators`; returns it, or empty.
    QString acceptOperator(std::initializer_list<const char *> operators)
    {
        if (peek().kind != TokenKind::Operator) {
            return {};
        }
        for (const char *op : operators) {
            if (peek().text == QLatin1StringView(op)) {
                return take().text;
            }
        }
        return {};
    }

    void expect(TokenKind kind, const QString &what)
    {
        if (peek().kind != kind) {
            fail(syntax(peek().kind == TokenKind::End
                            ? u"missing %1 at the end of the formula"_s.arg(what)
                            : u"expected %1 but found '%2'"_s.arg(what, peek().text),
                        peek().offset));
        }
        take();
    }

    [[noreturn]] static void fail(Error error) { throw ParseFailure{std::move(error)}; }

    static Error error(const QString &code, const QString &message, qsizetype offset)
    {
        return Error::make(Error::Kind::Usage,
                           code,
                           u"%1 (at character %2)"_s.arg(message, QString::number(offset + 1)));
    }
    static Error syntax(const QString &message, qsizetype offset)
    {
        return error(u"FORMULA_SYNTAX"_s, message, offset);
    }
    static Error unsupported(const QString &message, qsizetype offset)
    {
        return error(u"FORMULA_UNSUPPORTED"_s, message, offset);
    }

    static QString describe(const NodePtr &node)
    {
        if (node->kind == FormulaNode::Kind::Field) {
            return node->name;
        }
        if (node->kind == FormulaNode::Kind::Function && !node->arguments.empty()) {
            return describe(node->arguments.front());
        }
        return formulaTypeName(node->type);
    }

    // Salesforce allows picklist values only inside a few functions.
    static void rejectPicklist(const NodePtr &node, qsizetype offset)
    {
        if (isPicklistType(node->type)) {
            fail(syntax(u"Field %1 is a picklist field. Picklist fields are only supported in "
                        u"certain functions."_s.arg(describe(node)),
                        offset));
        }
    }

    static void requireType(const NodePtr &node, FormulaType type, qsizetype offset)
    {
        rejectPicklist(node, offset);
        if (!fits(node, type)) {
            fail(syntax(u"Incorrect parameter type. Expected %1, received %2"_s.arg(
                            formulaTypeName(type), formulaTypeName(node->type)),
                        offset));
        }
    }

    static NodePtr make(FormulaNode node) { return std::make_shared<const FormulaNode>(node); }

    NodePtr binary(const QString &op, NodePtr left, NodePtr right, qsizetype offset)
    {
        rejectPicklist(left, offset);
        rejectPicklist(right, offset);
        FormulaNode node;
        node.kind = FormulaNode::Kind::Binary;
        node.name = op;
        const bool anyText = left->type == FormulaType::Text || right->type == FormulaType::Text;
        if (op == u"&&" || op == u"||") {
            requireType(left, FormulaType::Boolean, offset);
            requireType(right, FormulaType::Boolean, offset);
            node.type = FormulaType::Boolean;
        } else if (op == u"&" || (op == u"+" && anyText)) {
            requireType(left, FormulaType::Text, offset);
            requireType(right, FormulaType::Text, offset);
            node.name = u"&"_s;
            node.type = FormulaType::Text;
        } else if (op == u"+" || op == u"-" || op == u"*" || op == u"/" || op == u"^") {
            if (left->type == FormulaType::Date || left->type == FormulaType::DateTime) {
                fail(unsupported(u"date arithmetic is not supported"_s, offset));
            }
            requireType(left, FormulaType::Number, offset);
            requireType(right, FormulaType::Number, offset);
            node.type = FormulaType::Number;
        } else {
            const bool ordering = op != u"=" && op != u"<>";
            const FormulaType type = left->type == FormulaType::Null ? right->type : left->type;
            if (!fits(left, type) || !fits(right, type)
                || (ordering && type == FormulaType::Boolean)) {
                fail(syntax(u"Incorrect parameter type for operator '%1'. Expected %2, received "
                            u"%3"_s.arg(op, formulaTypeName(type), formulaTypeName(right->type)),
                            offset));
            }
            node.type = FormulaType::Boolean;
        }
        node.arguments = {std::move(left), std::move(right)};
        return make(std::move(node));
    }

    NodePtr orExpression()
    {
        NodePtr left = andExpression();
        for (qsizetype offset = peek().offset; !acceptOperator({"||"}).isEmpty();
             offset = peek().offset) {
            left = binary(u"||"_s, left, andExpression(), offset);
        }
        return left;
    }

    NodePtr andExpression()
    {
        NodePtr left = equality();
        for (qsizetype offset = peek().offset; !acceptOperator({"&&"}).isEmpty();
             offset = peek().offset) {
            left = binary(u"&&"_s, left, equality(), offset);
        }
        return left;
    }

    NodePtr equality()
    {
        NodePtr left = comparison();
        for (;;) {
            const qsizetype offset = peek().offset;
            QString op = acceptOperator({"=", "==", "<>", "!="});
            if (op.isEmpty()) {
                return left;
            }
            op = op == u"=" || op == u"==" ? u"="_s : u"<>"_s;
            left = binary(op, left, comparison(), offset);
        }
    }

    NodePtr comparison()
    {
        NodePtr left = additive();
        for (;;) {
            const qsizetype offset = peek().offset;
            const QString op = acceptOperator({"<", "<=", ">", ">="});
            if (op.isEmpty()) {
                return left;
            }
            left = binary(op, left, additive(), offset);
        }
    }

    NodePtr additive()
    {
        NodePtr left = multiplicative();
        for (;;) {
            const qsizetype offset = peek().offset;
            const QString op = acceptOperator({"+", "-", "&"});
            if (op.isEmpty()) {
                return left;
            }
            left = binary(op, left, multiplicative(), offset);
        }
    }

    NodePtr multiplicative()
    {
        NodePtr left = power();
        for (;;) {
            const qsizetype offset = peek().offset;
            const QString op = acceptOperator({"*", "/"});
            if (op.isEmpty()) {
                return left;
            }
            left = binary(op, left, power(), offset);
        }
    }

    NodePtr power()
    {
        NodePtr left = unary();
        for (qsizetype offset = peek().offset; !acceptOperator({"^"}).isEmpty();
             offset = peek().offset) {
            left = binary(u"^"_s, left, unary(), offset);
        }
        return left;
    }

    NodePtr unary()
    {
        const qsizetype offset = peek().offset;
        const QString op = acceptOperator({"-", "!"});
        if (op.isEmpty()) {
            return primary();
        }
        NodePtr operand = unary();
        requireType(operand, op == u"-" ? FormulaType::Number : FormulaType::Boolean, offset);
        FormulaNode node;
        node.kind = FormulaNode::Kind::Unary;
        node.name = op;
        node.type = operand->type == FormulaType::Null
                        ? (op == u"-" ? FormulaType::Number : FormulaType::Boolean)
                        : operand->type;
        node.arguments = {std::move(operand)};
        return make(std::move(node));
    }

    NodePtr primary()
    {
        const FormulaToken &token = take();
        FormulaNode node;
        switch (token.kind) {
        case TokenKind::Number: {
            bool ok = false;
            const double value = token.text.toDouble(&ok);
            if (!ok) {
                fail(syntax(u"'%1' is not a number"_s.arg(token.text), token.offset));
            }
            node.literal = FormulaValue::fromNumber(value);
            node.type = FormulaType::Number;
            return make(std::move(node));
        }
        case TokenKind::String:
            node.literal = FormulaValue::fromText(token.text);
            node.type = FormulaType::Text;
            return make(std::move(node));
        case TokenKind::LeftParen: {
            NodePtr inner = orExpression();
            expect(TokenKind::RightParen, u"')'"_s);
            return inner;
        }
        case TokenKind::Identifier:
            return identifier(token);
        case TokenKind::End:
            fail(syntax(u"the formula ends too early"_s, token.offset));
        default:
            fail(syntax(u"unexpected '%1'"_s.arg(token.text), token.offset));
        }
    }

    NodePtr identifier(const FormulaToken &token)
    {
        const QString upper = token.text.toUpper();
        if (peek().kind == TokenKind::LeftParen) {
            return function(token);
        }
        FormulaNode node;
        if (upper == u"TRUE" || upper == u"FALSE") {
            node.literal = FormulaValue::fromBool(upper == u"TRUE");
            node.type = FormulaType::Boolean;
            return make(std::move(node));
        }
        if (upper == u"NULL") {
            return make(std::move(node));
        }
        if (token.text.startsWith(u'$')) {
            fail(unsupported(u"global variable %1 is not supported"_s.arg(token.text),
                             token.offset));
        }
        if (token.text.contains(u'.')) {
            fail(unsupported(u"cross-object reference %1 is not supported"_s.arg(token.text),
                             token.offset));
        }
        const SObjectField *field = m_type.field(token.text);
        if (!field) {
            fail(syntax(u"Field %1 does not exist. Check spelling."_s.arg(token.text),
                        token.offset));
        }
        node.kind = FormulaNode::Kind::Field;
        node.name = field->name;
        node.fieldType = field->type;
        node.type = typeOfField(field->type);
        return make(std::move(node));
    }

    NodePtr function(const FormulaToken &token)
    {
        const QString name = token.text.toUpper();
        const FunctionSpec *spec = findFunction(name);
        if (!spec) {
            fail(unsupported(u"function %1 is not supported (supported: %2)"_s.arg(
                                 token.text, FormulaParser::functions().join(u", "_s)),
                             token.offset));
        }
        expect(TokenKind::LeftParen, u"'('"_s);
        std::vector<NodePtr> arguments;
        QList<qsizetype> offsets;
        if (peek().kind != TokenKind::RightParen) {
            for (;;) {
                offsets.append(peek().offset);
                arguments.push_back(orExpression());
                if (peek().kind != TokenKind::Comma) {
                    break;
                }
                take();
            }
        }
        expect(TokenKind::RightParen, u"')'"_s);
        const auto count = static_cast<int>(arguments.size());
        if (count < spec->minArguments || (spec->maxArguments >= 0 && count > spec->maxArguments)) {
            fail(syntax(u"Incorrect number of parameters for function '%1()'. Expected %2, "
                        u"received %3"_s.arg(name,
                                             spec->minArguments == spec->maxArguments
                                                 ? QString::number(spec->minArguments)
                                                 : u"at least %1"_s.arg(spec->minArguments),
                                             QString::number(count)),
                        token.offset));
        }
        FormulaNode node;
        node.kind = FormulaNode::Kind::Function;
        node.name = name;
        node.type = checkArguments(name, arguments, offsets);
        node.arguments = std::move(arguments);
        return make(std::move(node));
    }

    // Checks a function's arguments; returns the function's type.
    FormulaType checkArguments(const QString &name,
                               const std::vector<NodePtr> &arguments,
                               const QList<qsizetype> &offsets)
    {
        const auto argument = [&](int i) -> const NodePtr & { return arguments.at(size_t(i)); };
        const auto needField = [&](int i) {
            if (argument(i)->kind != FormulaNode::Kind::Field) {
                fail(syntax(u"%1() needs a field of this object"_s.arg(name), offsets.at(i)));
            }
        };
        const auto needLiteral = [&](int i) {
            if (argument(i)->kind != FormulaNode::Kind::Literal
                || argument(i)->type != FormulaType::Text) {
                fail(syntax(u"%1() needs a text literal as its second parameter"_s.arg(name),
                            offsets.at(i)));
            }
        };
        if (name == u"AND" || name == u"OR" || name == u"NOT") {
            for (int i = 0; i < int(arguments.size()); ++i) {
                requireType(argument(i), FormulaType::Boolean, offsets.at(i));
            }
            return FormulaType::Boolean;
        }
        if (name == u"ISNEW" || name == u"ISBLANK" || name == u"ISNULL") {
            return FormulaType::Boolean;
        }
        if (name == u"ISCHANGED") {
            needField(0);
            return FormulaType::Boolean;
        }
        if (name == u"PRIORVALUE") {
            needField(0);
            return argument(0)->type;
        }
        if (name == u"IF" || name == u"BLANKVALUE") {
            const int first = name == u"IF" ? 1 : 0;
            if (name == u"IF") {
                requireType(argument(0), FormulaType::Boolean, offsets.at(0));
            }
            rejectPicklist(argument(first), offsets.at(first));
            rejectPicklist(argument(first + 1), offsets.at(first + 1));
            const FormulaType type = argument(first)->type == FormulaType::Null
                                         ? argument(first + 1)->type
                                         : argument(first)->type;
            requireType(argument(first + 1), type, offsets.at(first + 1));
            return type;
        }
        if (name == u"BEGINS" || name == u"CONTAINS") {
            requireType(argument(0), FormulaType::Text, offsets.at(0));
            requireType(argument(1), FormulaType::Text, offsets.at(1));
            return FormulaType::Boolean;
        }
        if (name == u"LEN") {
            requireType(argument(0), FormulaType::Text, offsets.at(0));
            return FormulaType::Number;
        }
        if (name == u"LOWER" || name == u"UPPER" || name == u"TRIM") {
            requireType(argument(0), FormulaType::Text, offsets.at(0));
            return FormulaType::Text;
        }
        if (name == u"INCLUDES" || name == u"ISPICKVAL") {
            const FormulaType wanted =
                name == u"INCLUDES" ? FormulaType::MultiPicklist : FormulaType::Picklist;
            if (argument(0)->type != wanted) {
                fail(syntax(u"Incorrect parameter type for function '%1()'. Expected %2, "
                            u"received %3"_s.arg(
                                name, formulaTypeName(wanted), formulaTypeName(argument(0)->type)),
                            offsets.at(0)));
            }
            needLiteral(1);
            return FormulaType::Boolean;
        }
        // TEXT
        const FormulaType type = argument(0)->type;
        if (type != FormulaType::Picklist && type != FormulaType::Number
            && type != FormulaType::Date && type != FormulaType::DateTime
            && type != FormulaType::Text) {
            fail(syntax(u"Incorrect parameter type for function 'TEXT()'. Received %1"_s.arg(
                            formulaTypeName(type)),
                        offsets.at(0)));
        }
        return FormulaType::Text;
    }

    QList<FormulaToken> m_tokens;
    const SObjectType &m_type;
    qsizetype m_pos = 0;
};

} // namespace

Result<std::shared_ptr<const FormulaNode>> FormulaParser::parse(QStringView formula,
                                                                const SObjectType &type)
{
    Result<QList<FormulaToken>> tokens = FormulaLexer::tokenize(formula);
    if (!tokens) {
        return tokens.error();
    }
    if (tokens->size() == 1) {
        return Error::make(Error::Kind::Usage, u"FORMULA_SYNTAX"_s, u"The formula is empty."_s);
    }
    try {
        Parser parser(std::move(tokens.value()), type);
        return parser.parseAll();
    } catch (const ParseFailure &failure) {
        return failure.error;
    }
}

QStringList FormulaParser::functions()
{
    QStringList names;
    for (const FunctionSpec &spec : kFunctions) {
        names.append(QString::fromLatin1(spec.name));
    }
    return names;
}

} // namespace lr::demo
