#include "core/demo/soql/soqlrecordwriter.h"

#include "core/demo/schema/sobjectfield.h"

#include <QSqlQuery>
#include <QVariant>

#include <charconv>
#include <cmath>
#include <cstring>

namespace lr::demo {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Collects output in a stack buffer and hands it to the QByteArray in large pieces: a 100,000-row
// scan writes tens of millions of characters, and QByteArray::append per character costs a call
// and a capacity check each.
class Sink
{
public:
    explicit Sink(QByteArray &out)
        : m_out(out)
    { }
    ~Sink() { flush(); }
    Q_DISABLE_COPY_MOVE(Sink)

    void put(char c)
    {
        if (m_size == kCapacity) {
            flush();
        }
        m_buffer[m_size++] = c;
    }

    void put(const char *data, qsizetype size)
    {
        if (m_size + size > kCapacity) {
            flush();
            if (size > kCapacity) {
                m_out.append(data, size);
                return;
            }
        }
        std::memcpy(m_buffer + m_size, data, static_cast<size_t>(size));
        m_size += size;
    }

    template <qsizetype N>
    void put(const char (&literal)[N])
    {
        put(literal, N - 1);
    }

    void put(const QByteArray &bytes) { put(bytes.constData(), bytes.size()); }

    void flush()
    {
        m_out.append(m_buffer, m_size);
        m_size = 0;
    }

private:
    static constexpr qsizetype kCapacity = 4096;
    QByteArray &m_out;
    char m_buffer[kCapacity];
    qsizetype m_size = 0;
};

void putUtf8(char32_t code, Sink &sink)
{
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
    sink.put(bytes, n);
}

// The characters of a JSON string (without its quotes), escaped, in UTF-8.
void putStringContent(QStringView text, Sink &sink)
{
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\') {
            sink.put(static_cast<char>(c));
        } else if (c == u'"' || c == u'\\') {
            sink.put('\\');
            sink.put(static_cast<char>(c));
        } else if (c == u'\n') {
            sink.put("\\n");
        } else if (c == u'\r') {
            sink.put("\\r");
        } else if (c == u'\t') {
            sink.put("\\t");
        } else if (c < 0x20) {
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
            sink.put(escape, sizeof escape);
        } else if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p)) {
            putUtf8(QChar::surrogateToUcs4(c, *p++), sink);
        } else {
            putUtf8(QChar::isSurrogate(c) ? U'\xfffd' : char32_t(c), sink); // lone surrogate
        }
    }
}

void putString(QStringView text, Sink &sink)
{
    sink.put('"');
    putStringContent(text, sink);
    sink.put('"');
}

void putInteger(qlonglong value, Sink &sink)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    sink.put(buffer, result.ptr - buffer);
}

void putDouble(double value, Sink &sink)
{
    if (!std::isfinite(value)) {
        sink.put("null");
        return;
    }
    // The shortest form that reads back as the same double.
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    sink.put(buffer, result.ptr - buffer);
}

// A value whose type the schema does not give (COUNT, SUM, AVG): a number, or null.
void putUntyped(const QVariant &value, Sink &sink)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        putInteger(value.toLongLong(), sink);
        return;
    case QMetaType::Double:
        putDouble(value.toDouble(), sink);
        return;
    case QMetaType::QString:
        putString(value.toString(), sink);
        return;
    default:
        sink.put("null");
        return;
    }
}

// A stored value as FieldValueCodec::toJson gives it, written without building a QJsonValue.
void putValue(const SObjectField *field, const QVariant &value, Sink &sink)
{
    if (value.isNull()) {
        sink.put("null");
        return;
    }
    if (!field) {
        putUntyped(value, sink);
        return;
    }
    switch (field->type) {
    case FieldType::Boolean:
        if (value.toLongLong() != 0) {
            sink.put("true");
        } else {
            sink.put("false");
        }
        return;
    case FieldType::Int:
        putInteger(value.toLongLong(), sink);
        return;
    case FieldType::Double:
    case FieldType::Currency:
    case FieldType::Percent:
        putDouble(value.toDouble(), sink);
        return;
    default:
        // For a QVariant holding a QString, toString() shares the string rather than copying.
        putString(value.toString(), sink);
        return;
    }
}

void putRecord(const QSqlQuery &query,
               const RecordShape &shape,
               const QByteArray &urlPrefix,
               Sink &sink)
{
    sink.put("{\"attributes\":{\"type\":");
    putString(shape.typeName, sink);
    if (shape.idColumn >= 0) {
        sink.put(",\"url\":\"");
        sink.put(urlPrefix);
        putStringContent(shape.typeName, sink);
        sink.put('/');
        putStringContent(query.value(shape.idColumn).toString(), sink);
        sink.put('"');
    }
    sink.put('}');
    for (const RecordShape::Entry &entry : shape.entries) {
        sink.put(',');
        putString(entry.key, sink);
        sink.put(':');
        if (!entry.parent) {
            putValue(entry.field, query.value(entry.column), sink);
        } else if (entry.parent->idColumn >= 0 && query.value(entry.parent->idColumn).isNull()) {
            sink.put("null");
        } else {
            putRecord(query, *entry.parent, urlPrefix, sink);
        }
    }
    sink.put('}');
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
    Sink sink(out);
    putRecord(query, shape, m_urlPrefix, sink);
}

void SoqlRecordWriter::writeString(QStringView text, QByteArray &out)
{
    Sink sink(out);
    putString(text, sink);
}

} // namespace lr::demo
