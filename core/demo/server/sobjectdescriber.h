#pragma once

#include <QJsonObject>
#include <QString>

namespace lr::demo {

class OrgSchema;
class SObjectType;

// The describe answers of the REST API, built from the demo org's schema: the global
// /sobjects list, an object's basic information and its full describe (fields, types,
// lengths, picklist values, references).
class SObjectDescriber
{
public:
    [[nodiscard]] static QJsonObject global(const OrgSchema &schema, const QString &apiVersion);
    [[nodiscard]] static QJsonObject basic(const SObjectType &type, const QString &apiVersion);
    [[nodiscard]] static QJsonObject describe(const SObjectType &type, const QString &apiVersion);
};

} // namespace lr::demo
