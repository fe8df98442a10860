#include "core/demo/formula/formula.h"

#include "core/demo/formula/formulanode.h"
#include "core/demo/formula/formulaparser.h"

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

FormulaValue fromStored(const FormulaNode &field, const QVariant &stored)
{
    const bool isNull = !stored.isValid() || stored.isNull();
    switch (field.type) {
    case FormulaType::Boolean:
        return FormulaValue::fromBool(!isNull && stored.toLongLong() != 0);
    case FormulaType::Number:
        return isNull ? FormulaValue::blankOf(FormulaType::Number)
                      : FormulaValue::fromNumber(stored.toDouble());
    default:
        return isNull ? FormulaValue::blankOf(field.type)
                      : FormulaValue::fromText(stored.toString(), field.type);
    }
}

bool isTextual(FormulaType type)
{
    return type == FormulaType::Text || type == FormulaType::Picklist
           || type == FormulaType::MultiPicklist;
}

bool equal(const FormulaValue &left, const FormulaValue &right)
{
    if (left.type == FormulaType::Null || right.type == FormulaType::Null) {
        return left.isBlank() && right.isBlank();
    }
    if (isTextual(left.type)) {
        return left.text == right.text;
    }
    if (left.type == FormulaType::Boolean) {
        return left.isTrue() == right.isTrue();
    }
    if (left.blank || right.blank) {
        return left.blank && right.blank;
    }
    return left.type == FormulaType::Number ? left.number == right.number : left.text == right.text;
}

// <0, 0 or >0; nothing when a blank number or date takes part.
std::optional<int> compare(const FormulaValue &left, const FormulaValue &right)
{
    if (isTextual(left.type) || isTextual(right.type)) {
        return left.text.compare(right.text);
    }
    if (left.blank || right.blank) {
        return std::nullopt;
    }
    if (left.type == FormulaType::Number) {
        return left.number < right.number ? -1 : (left.number > right.number ? 1 : 0);
    }
    return left.text.compare(right.text);
}

QString numberText(double value)
{
    if (std::floor(value) == value && std::abs(value) < 1e15) {
        return QString::number(static_cast<qint64>(value));
    }
    return QString::number(value, 'g', 15);
}

// Salesforce's TRIM removes spaces and tabs only.
QString trimmed(const QString &text)
{
    qsizetype start = 0;
    qsizetype end = text.size();
    const auto blank = [](QChar c) { return c == u' ' || c == u'\t'; };
    while (start < end && blank(text.at(start))) {
        ++start;
    }
    while (end > start && blank(text.at(end - 1))) {
        --end;
    }
    return text.sliced(start, end - start);
}

class Evaluator
{
public:
    explicit Evaluator(const Formula::Record &record)
        : m_record(record)
    { }

    FormulaValue eval(const FormulaNode &node, bool prior = false) const
    {
        switch (node.kind) {
        case FormulaNode::Kind::Literal:
            return node.literal;
        case FormulaNode::Kind::Field:
            return fromStored(node, (prior ? m_record.prior : m_record.current).value(node.name));
        case FormulaNode::Kind::Function:
            return function(node);
        case FormulaNode::Kind::Unary:
            return unary(node);
        case FormulaNode::Kind::Binary:
            return binary(node);
        }
        return {};
    }

private:
    const FormulaNode &argument(const FormulaNode &node, size_t i) const
    {
        return *node.arguments.at(i);
    }
    FormulaValue value(const FormulaNode &node, size_t i) const { return eval(argument(node, i)); }

    FormulaValue unary(const FormulaNode &node) const
    {
        const FormulaValue operand = value(node, 0);
        if (node.name == u"!") {
            return FormulaValue::fromBool(!operand.isTrue());
        }
        return operand.blank ? operand : FormulaValue::fromNumber(-operand.number);
    }

    FormulaValue binary(const FormulaNode &node) const
    {
        const QString &op = node.name;
        if (op == u"&&") {
            return FormulaValue::fromBool(value(node, 0).isTrue() && value(node, 1).isTrue());
        }
        if (op == u"||") {
            return FormulaValue::fromBool(value(node, 0).isTrue() || value(node, 1).isTrue());
        }
        const FormulaValue left = value(node, 0);
        const FormulaValue right = value(node, 1);
        if (op == u"&") {
            return FormulaValue::fromText(left.text + right.text);
        }
        if (op == u"=" || op == u"<>") {
            return FormulaValue::fromBool(equal(left, right) == (op == u"="));
        }
        if (node.type == FormulaType::Boolean) {
            const std::optional<int> order = compare(left, right);
            if (!order) {
                return FormulaValue::fromBool(false);
            }
            const bool result = op == u"<"    ? *order < 0
                                : op == u"<=" ? *order <= 0
                                : op == u">"  ? *order > 0
                                              : *order >= 0;
            return FormulaValue::fromBool(result);
        }
        if (left.blank || right.blank) {
            return FormulaValue::blankOf(FormulaType::Number);
        }
        if (op == u"+") {
            return FormulaValue::fromNumber(left.number + right.number);
        }
        if (op == u"-") {
            return FormulaValue::fromNumber(left.number - right.number);
        }
        if (op == u"*") {
            return FormulaValue::fromNumber(left.number * right.number);
        }
        if (op == u"/") {
            return right.number == 0 ? FormulaValue::blankOf(FormulaType::Number)
                                     : FormulaValue::fromNumber(left.number / right.number);
        }
        return FormulaValue::fromNumber(std::pow(left.number, right.number));
    }

    FormulaValue function(const FormulaNode &node) const
    {
        const QString &name = node.name;
        if (name == u"AND" || name == u"OR") {
            const bool isAnd = name == u"AND";
            for (size_t i = 0; i < node.arguments.size(); ++i) {
                if (value(node, i).isTrue() != isAnd) {
                    return FormulaValue::fromBool(!isAnd);
                }
            }
            return FormulaValue::fromBool(isAnd);
        }
        if (name == u"NOT") {
            return FormulaValue::fromBool(!value(node, 0).isTrue());
        }
        if (name == u"IF") {
            return value(node, value(node, 0).isTrue() ? 1 : 2);
        }
        if (name == u"ISNEW") {
            return FormulaValue::fromBool(m_record.isNew);
        }
        if (name == u"ISBLANK" || name == u"ISNULL") {
            return FormulaValue::fromBool(value(node, 0).isBlank());
        }
        if (name == u"ISCHANGED") {
            return FormulaValue::fromBool(
                !m_record.isNew && !equal(eval(argument(node, 0)), eval(argument(node, 0), true)));
        }
        if (name == u"PRIORVALUE") {
            return eval(argument(node, 0), !m_record.isNew);
        }
        if (name == u"BLANKVALUE") {
            const FormulaValue first = value(node, 0);
            return first.isBlank() ? value(node, 1) : first;
        }
        return textFunction(node);
    }

    FormulaValue textFunction(const FormulaNode &node) const
    {
        const QString &name = node.name;
        const FormulaValue first = value(node, 0);
        if (name == u"BEGINS") {
            return FormulaValue::fromBool(first.text.startsWith(value(node, 1).text));
        }
        if (name == u"CONTAINS") {
            return FormulaValue::fromBool(first.text.contains(value(node, 1).text));
        }
        if (name == u"LEN") {
            return FormulaValue::fromNumber(static_cast<double>(first.text.size()));
        }
        if (name == u"LOWER") {
            return FormulaValue::fromText(first.text.toLower());
        }
        if (name == u"UPPER") {
            return FormulaValue::fromText(first.text.toUpper());
        }
        if (name == u"TRIM") {
            return FormulaValue::fromText(trimmed(first.text));
        }
        if (name == u"INCLUDES") {
            return FormulaValue::fromBool(!first.isBlank()
                                          && first.text.split(u';').contains(value(node, 1).text));
        }
        if (name == u"ISPICKVAL") {
            return FormulaValue::fromBool(first.text == value(node, 1).text);
        }
        // TEXT
        if (first.blank) {
            return FormulaValue::fromText(QString());
        }
        return FormulaValue::fromText(first.type == FormulaType::Number ? numberText(first.number)
                                                                        : first.text);
    }

    const Formula::Record &m_record;
};

} // namespace

Result<Formula> Formula::compile(const QString &text, const SObjectType &type)
{
    Result<std::shared_ptr<const FormulaNode>> root = FormulaParser::parse(text, type);
    if (!root) {
        return root.error();
    }
    Formula formula;
    formula.m_text = text;
    formula.m_root = std::move(root.value());
    return formula;
}

FormulaType Formula::resultType() const
{
    return m_root ? m_root->type : FormulaType::Null;
}

FormulaValue Formula::evaluate(const Record &record) const
{
    if (!m_root) {
        return {};
    }
    return Evaluator(record).eval(*m_root);
}

} // namespace lr::demo
