#pragma once

#include "core/demo/soql/soqlquery.h"

#include <QByteArray>

class QSqlQuery;

namespace lr::demo {

// Writes query result rows as the REST API's JSON records, straight into UTF-8 text (fields
// in SELECT order, "attributes" first, as Salesforce does; QJsonObject would sort them).
class SoqlRecordWriter
{
public:
    // `apiVersion` is like "66.0"; it appears in each record's attributes.url.
    explicit SoqlRecordWriter(QString apiVersion);

    // Appends the current row of `query` as one JSON object to `out`: "attributes" (type, and
    // url when the shape has an Id column), then the entries in order. A nested parent whose Id
    // is null is written as null. Values follow FieldValueCodec::toJson: booleans, numbers,
    // strings or null; entries without a field (COUNT, SUM, AVG) are written as numbers.
    void writeRecord(const QSqlQuery &query, const RecordShape &shape, QByteArray &out) const;

    // Appends `text` as a JSON string literal (quoted and escaped) to `out`.
    static void writeString(QStringView text, QByteArray &out);

private:
    QString m_apiVersion;
    QByteArray m_urlPrefix; // "/services/data/v66.0/sobjects/"
};

} // namespace lr::demo
