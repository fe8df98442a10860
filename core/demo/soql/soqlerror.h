#pragma once

#include "core/common/error.h"

#include <QString>
#include <QStringView>

namespace lr::demo {

// Builds the errors the demo org's SOQL engine returns, laid out as Salesforce lays them out:
//
//     \n<the line of the query holding the bad token>\n<spaces>^\nERROR at
//     Row:R:Column:C\n<sentence>
//
// Row and column are 1-based and count from the start of the line the token is on.
class SoqlError
{
public:
    // The Salesforce errorCodes used by the engine.
    static inline constexpr QLatin1StringView kMalformedQuery{"MALFORMED_QUERY"};
    static inline constexpr QLatin1StringView kInvalidField{"INVALID_FIELD"};
    static inline constexpr QLatin1StringView kInvalidType{"INVALID_TYPE"};
    static inline constexpr QLatin1StringView kInvalidFilterOperator{
        "INVALID_QUERY_FILTER_OPERATOR"};
    static inline constexpr QLatin1StringView kNumberOutsideRange{"NUMBER_OUTSIDE_VALID_RANGE"};

    // An error pointing at `offset` (a UTF-16 index into `soql`); `field`, when given, is
    // listed in Error::fields.
    [[nodiscard]] static Error at(QStringView soql,
                                  qsizetype offset,
                                  QLatin1StringView code,
                                  const QString &sentence,
                                  const QString &field = {});
    // An error without a position (Salesforce reports some limits that way).
    [[nodiscard]] static Error plain(QLatin1StringView code, const QString &sentence);

    // MALFORMED_QUERY "unexpected token: 'X'".
    [[nodiscard]] static Error
    unexpectedToken(QStringView soql, qsizetype offset, const QString &token);
    // INVALID_FIELD "No such column 'X' on entity 'Y'. ..."
    [[nodiscard]] static Error
    noSuchColumn(QStringView soql, qsizetype offset, const QString &column, const QString &entity);
    // INVALID_FIELD "Didn't understand relationship 'X' in field path. ..."
    [[nodiscard]] static Error
    unknownRelationship(QStringView soql, qsizetype offset, const QString &relationship);
    // INVALID_TYPE "sObject type 'X' is not supported. ..."
    [[nodiscard]] static Error
    unsupportedType(QStringView soql, qsizetype offset, const QString &type);
};

} // namespace lr::demo
