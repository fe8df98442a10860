#pragma once

#include "core/common/result.h"
#include "core/demo/formula/formulavalue.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>

namespace lr::demo {

class SObjectType;
struct FormulaNode;

// A compiled Salesforce formula, such as a validation rule's errorConditionFormula, and its
// evaluation against one record. See FormulaParser for the subset of the language and how
// anything outside it is refused at compile time.
//
// Blank values follow Salesforce's validation rules: blank text equals ""; arithmetic with a
// blank number is blank; = and <> treat blank as a value of its own (blank = blank); <, <=, >
// and >= with a blank operand are false; a blank condition counts as false. Division by zero
// gives blank. PRIORVALUE on a new record gives the current value and ISCHANGED is false, as
// Salesforce documents.
class Formula
{
public:
    // What a formula reads: the record as it would be saved and as it is stored now (`prior`,
    // empty for a new record), by canonical field name, each value in the store's form
    // (FieldValueCodec: booleans 0/1, numbers, text; a multi-select picklist "a;b").
    struct Record
    {
        QHash<QString, QVariant> current;
        QHash<QString, QVariant> prior;
        bool isNew = false;
    };

    Formula() = default;

    // Parses and type-checks `text` against the fields of `type`. FORMULA_SYNTAX for a malformed
    // formula, FORMULA_UNSUPPORTED for Salesforce formula language beyond the subset.
    [[nodiscard]] static Result<Formula> compile(const QString &text, const SObjectType &type);

    [[nodiscard]] bool isNull() const { return !m_root; }
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] FormulaType resultType() const;
    // The value for `record`; a default-constructed Formula gives blank.
    [[nodiscard]] FormulaValue evaluate(const Record &record) const;

private:
    QString m_text;
    std::shared_ptr<const FormulaNode> m_root;
};

} // namespace lr::demo
