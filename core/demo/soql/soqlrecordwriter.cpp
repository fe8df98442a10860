#include "core/demo/soql/soqlrecordwriter.h"

#include "core/demo/schema/sobjectfield.h"

#include <QSqlQuery>
#include <QVariant>

#include <charconv>
#include <cmath>

namespace lr::demo {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void writeStringContent(QStringView text, QByteArray &out)
{
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                out.append('\\');
                out.append(static_cast<char>(c));
            } else if (c >= 0x20) {
                out.append(static_cast<char>(c));
            } else if (c == u'\n') {
                out.append("\\n");
            } else if (c == u'\r') {
                out.append("\\r");
            } else if (c == u'\t') {
                out.append("\\t");
            } else {
                const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
                out.append(escape, sizeof escape);
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            code = QChar::surrogateToUcs4(c, *p++);
        } else if (QChar::isSurrogate(c)) {
            code = 0xfffd; // a lone surrogate is not text
        }
        char bytes[4];
        int n = 0;
        if (code < 0x800) {
            bytes[n++] = static_cast<char>(0xc0 | (code >> 6));
        } else if (code < 0x10000) {
            bytes[n++] = static_cast<char>(0xe0 | (code >> 12));
            bytes[n++] = static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        } else {
            bytes[n++] = static_cast<char>(0xf0 | (code >> 18));
            bytes[n++] = static_cast<char>(0x80 | ((code >> 12) & 0x3f));
            bytes[n++] = static_cast<char>(0x80 | ((code >> 6) & 0x3f));
        }
        bytes[n++] = static_cast<char>(0x80 | (code & 0x3f));
        out.append(bytes, n);
    }
}

void writeInteger(qlonglong value, QByteArray &out)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void writeDouble(double value, QByteArray &out)
{
    if (!std::isfinite(value)) {
        out.append("null");
        return;
    }
    // Shortest form that reads back to the same double, as Salesforce's JSON does.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

// A value whose type the schema does not give (COUNT, SUM, AVG): a number or null.
void writeUntyped(const QVariant &value, QByteArray &out)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        writeInteger(value.toLongLong(), out);
        return;
    case QMetaType::Double:
        writeDouble(value.toDouble(), out);
        return;
    case QMetaType::QString:
        SoqlRecordWriter::writeString(value.toString(), out);
        return;
    default:
        out.append("null");
        return;
    }
}

// A stored value as FieldValueCodec::toJson gives it, written without building a QJsonValue.
void writeValue(const SObjectField *field, const QVariant &value, QByteArray &out)
{
    if (value.isNull()) {
        out.append("null");
        return;
    }
    if (!field) {
        writeUntyped(value, out);
        return;
    }
    switch (field->type) {
    case FieldType::Boolean:
        out.append(value.toLongLong() != 0 ? "true" : "false");
        return;
    case FieldType::Int:
        writeInteger(value.toLongLong(), out);
        return;
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        writeDouble(value.toDouble(), out);
        return;
    default:
        break;
    }
    // For a QVariant holding a QString, toString() shares the string rather than copying it.
    SoqlRecordWriter::writeString(value.toString(), out);
}

void writeKey(QStringView key, QByteArray &out)
{
    SoqlRecordWriter::writeString(key, out);
    out.append(':');
}

} // namespace

SoqlRecordWriter::SoqlRecordWriter(QString apiVersion)
    : m_apiVersion(std::move(apiVersion))
    , m_urlPrefix("/services/data/v" + m_apiVersion.toUtf8() + "/sobjects/")
{ }

void SoqlRecordWriter::writeRecord(const QSqlQuery &query,
                                   const RecordShape &shape,
                                   QByteArray &out) const
{
    out.append("{\"attributes\":{\"type\":");
    writeString(shape.typeName, out);
    if (shape.idColumn >= 0) {
        const QVariant id = query.value(shape.idColumn);
        out.append(",\"url\":\"");
        out.append(m_urlPrefix);
        writeStringContent(shape.typeName, out);
        out.append('/');
        writeStringContent(id.toString(), out);
        out.append('"');
    }
    out.append('}');
    for (const RecordShape::Entry &entry : shape.entries) {
        out.append(',');
        writeKey(entry.key, out);
        if (entry.parent) {
            const RecordShape &parent = *entry.parent;
            if (parent.idColumn >= 0 && query.value(parent.idColumn).isNull()) {
                out.append("null");
            } else {
                writeRecord(query, parent, out);
            }
        } else {
            writeValue(entry.field, query.value(entry.column), out);
        }
    }
    out.append('}');
}

void SoqlRecordWriter::writeString(QStringView text, QByteArray &out)
{
    out.append('"');
    writeStringContent(text, out);
    out.append('"');
}

} // namespace lr::demo
