#include "core/common/csvwriter.h"

using namespace Qt::StringLiterals;

namespace lr {

QString CsvWriter::escapeCell(const QString &cell)
{
    QString text = cell;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
            || first == u'\r') {
            text.prepend(u'\'');
        }
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r')) {
        text.replace(u"\""_s, u"\"\""_s);
        return u'"' + text + u'"';
    }
    return text;
}

void CsvWriter::addRow(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &cell : cells) {
        escaped.append(escapeCell(cell));
    }
    m_data += escaped.join(u',').toUtf8();
    m_data += "\r\n";
}

} // namespace lr
