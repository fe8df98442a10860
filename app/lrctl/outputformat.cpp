#include "app/lrctl/outputformat.h"

#include "core/common/csvwriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

namespace {

void flatten(const QJsonObject &object, const QString &prefix, QJsonObject &flat, QStringList *keys)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"attributes") {
            continue;
        }
        const QString key = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        if (it.value().isObject()) {
            flatten(it.value().toObject(), key, flat, keys);
        } else {
            flat.insert(key, it.value());
            if (keys && !keys->contains(key)) {
                keys->append(key);
            }
        }
    }
}

QString cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == static_cast<double>(static_cast<qint64>(number))
                   ? QString::number(static_cast<qint64>(number))
                   : QString::number(number, 'g', 15);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    default:
        return QString::fromUtf8(
            QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
    }
}

QList<QStringList> cells(const QStringList &columns, const QJsonArray &rows)
{
    QList<QStringList> table;
    for (const QJsonValue &row : rows) {
        QJsonObject flat;
        flatten(row.toObject(), {}, flat, nullptr);
        QStringList line;
        for (const QString &column : columns) {
            line.append(cellText(flat.value(column)));
        }
        table.append(line);
    }
    return table;
}

void printTable(QTextStream &out, const QStringList &columns, const QList<QStringList> &rows)
{
    if (columns.isEmpty()) {
        return;
    }
    // Each column as wide as its content, then the widest shrink until the table fits.
    QList<int> widths;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        int width = static_cast<int>(columns.at(c).size());
        for (const QStringList &row : rows) {
            width = std::max(width, static_cast<int>(row.at(c).size()));
        }
        widths.append(width);
    }
    const int gaps = 2 * static_cast<int>(columns.size() - 1);
    auto total = [&] { return std::accumulate(widths.begin(), widths.end(), 0) + gaps; };
    while (total() > OutputFormat::kTableWidth) {
        auto widest = std::max_element(widths.begin(), widths.end());
        if (*widest <= 6) {
            break;
        }
        --*widest;
    }
    auto printLine = [&](const QStringList &line) {
        QString text;
        for (qsizetype c = 0; c < line.size(); ++c) {
            QString cell = line.at(c);
            cell.replace(u'\n', u' ');
            if (cell.size() > widths.at(c)) {
                cell = cell.left(widths.at(c) - 1) + u'…';
            }
            text += c + 1 < line.size() ? cell.leftJustified(widths.at(c) + 2) : cell;
        }
        out << text << '\n';
    };
    printLine(columns);
    QStringList rule;
    for (const int width : std::as_const(widths)) {
        rule.append(QString(width, u'-'));
    }
    printLine(rule);
    for (const QStringList &row : rows) {
        printLine(row);
    }
}

} // namespace

std::optional<OutputFormat::Kind> OutputFormat::parse(const QString &name)
{
    if (name == u"table") {
        return Kind::Table;
    }
    if (name == u"json") {
        return Kind::Json;
    }
    if (name == u"csv") {
        return Kind::Csv;
    }
    return std::nullopt;
}

QStringList OutputFormat::recordColumns(const QJsonArray &records)
{
    QStringList keys;
    for (const QJsonValue &record : records) {
        QJsonObject flat;
        flatten(record.toObject(), {}, flat, &keys);
    }
    return keys;
}

void OutputFormat::print(QTextStream &out,
                         Kind kind,
                         const QStringList &columns,
                         const QJsonArray &rows,
                         const QJsonValue &json)
{
    switch (kind) {
    case Kind::Json: {
        const QJsonDocument doc =
            json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        out << doc.toJson(QJsonDocument::Indented);
        break;
    }
    case Kind::Csv: {
        CsvWriter csv;
        csv.addRow(columns);
        for (const QStringList &row : cells(columns, rows)) {
            csv.addRow(row);
        }
        out << QString::fromUtf8(csv.data());
        break;
    }
    case Kind::Table:
        printTable(out, columns, cells(columns, rows));
        break;
    }
    out.flush();
}

} // namespace lr::cli
