#pragma once

#include "core/common/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace lr::org {

// All records of a query, every page followed.
struct QueryResult
{
    qint64 totalSize = 0;
    QJsonArray records;
    int pages = 0;
};

struct QueryOptions
{
    int batchSize = 2000;  // Sforce-Query-Options: batchSize (200 to 2,000)
    bool queryAll = false; // include deleted and archived records
};

// One record to create, update or delete through sObject Collections.
struct RecordWrite
{
    QString type;       // "User"
    QString id;         // empty for creates
    QJsonObject fields; // field name -> value
};

// Salesforce's per-record answer in a collection request.
struct SaveResult
{
    QString id;
    bool success = false;
    QList<Error> errors; // code = Salesforce's statusCode
};

} // namespace lr::org
