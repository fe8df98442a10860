#pragma once

#include <QJsonArray>
#include <QString>
#include <QStringList>

class QTextStream;

namespace lr::cli {

// How a command prints its rows: an aligned table that fits 100 columns, JSON, or CSV
// (RFC 4180, formula-safe).
class OutputFormat
{
public:
    enum class Kind {
        Table,
        Json,
        Csv,
    };

    // Parses --format's value; nothing for an unknown name.
    [[nodiscard]] static std::optional<Kind> parse(const QString &name);

    // Prints rows (JSON objects; nested objects are flattened to dotted keys for table and
    // CSV) under the given columns; `json` is what the JSON format prints.
    static void print(QTextStream &out,
                      Kind kind,
                      const QStringList &columns,
                      const QJsonArray &rows,
                      const QJsonValue &json);

    // The columns of query records: every key in first-seen order, nested parents as
    // Parent.Field, without "attributes".
    [[nodiscard]] static QStringList recordColumns(const QJsonArray &records);

    static constexpr int kTableWidth = 100;
};

} // namespace lr::cli
