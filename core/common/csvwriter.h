#pragma once

#include <QByteArray>
#include <QStringList>

namespace lr {

// CSV as RFC 4180 describes it (comma separated, CRLF line ends, fields with a comma,
// quote or line break quoted, quotes doubled), in UTF-8. A cell that starts with =, +, -, @,
// a tab or a carriage return is prefixed with an apostrophe so a spreadsheet shows it as text
// instead of running it as a formula (OWASP's CSV-injection advice).
class CsvWriter
{
public:
    void addRow(const QStringList &cells);
    [[nodiscard]] const QByteArray &data() const { return m_data; }

    [[nodiscard]] static QString escapeCell(const QString &cell);

private:
    QByteArray m_data;
};

} // namespace lr
