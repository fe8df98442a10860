#pragma once

#include "core/common/result.h"
#include "core/demo/soql/soqlast.h"

#include <QStringView>

namespace lr::demo {

// Parses the SOQL subset the demo org supports into a SoqlStatement:
//
//   SELECT item [, item ...] FROM Object [alias]
//     [WHERE condition] [GROUP BY path [, path ...]] [HAVING condition]
//     [ORDER BY operand [ASC|DESC] [NULLS FIRST|LAST] [, ...]] [LIMIT n] [OFFSET n]
//
//   item      := path | COUNT() | function(path) [alias]   (COUNT, COUNT_DISTINCT, MAX, MIN,
//                SUM, AVG; COUNT() only as the single item)
//   path      := name [. name ...]
//   condition := [NOT] term {AND term} | [NOT] term {OR term}   (no mixing without parentheses)
//   term      := ( condition ) | operand op value | operand LIKE 'text'
//              | operand [NOT] IN ( value, ... ) | operand [NOT] IN ( SELECT path FROM Object
//                [WHERE condition] )
//   value     := 'text' | number | true | false | null | 2026-01-31 | 2026-01-31T10:00:00Z
//              | TODAY | LAST_N_DAYS:n | ... (see SoqlDateLiteral)
//
// Keywords are case-insensitive. Errors are MALFORMED_QUERY in Salesforce's layout (see
// SoqlError), naming the unexpected token; child-relationship subqueries in SELECT are rejected
// with a message saying the demo org does not support them.
class SoqlParser
{
public:
    [[nodiscard]] static Result<SoqlStatement> parse(QStringView soql);
};

} // namespace lr::demo
