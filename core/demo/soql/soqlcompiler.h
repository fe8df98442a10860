#pragma once

#include "core/demo/soql/soqlquery.h"

namespace lr::demo {

// Parses and compiles one SOQL statement (the subset the demo org supports; see
// soqlparser.h) into SQLite SQL. Errors are Salesforce's: MALFORMED_QUERY for syntax,
// INVALID_TYPE for an unknown or unreadable object, INVALID_FIELD for an unknown field, a
// bad relationship path or a value of the wrong type; the message names the bad token and
// its row and column, as Salesforce does.
class SoqlCompiler
{
public:
    [[nodiscard]] static Result<CompiledSoql> compile(QStringView soql, const SoqlContext &context);
};

} // namespace lr::demo
