#pragma once

#include "core/demo/schema/sobjectfield.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lr::demo {

// One sObject type of the demo org: its describe properties and fields. Names are looked
// up case-insensitively, as SOQL and the REST API do.
class SObjectType
{
public:
    SObjectType() = default;
    SObjectType(QString name, QString label, QString keyPrefix);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &label() const { return m_label; }
    [[nodiscard]] const QString &keyPrefix() const { return m_keyPrefix; }

    // Setup objects (User, UserLogin, PermissionSetAssignment, Group ...) cannot be written
    // in the same collection request as other objects.
    [[nodiscard]] bool isSetupObject() const { return m_setup; }
    void setSetupObject(bool setup) { m_setup = setup; }

    [[nodiscard]] bool isCustom() const { return m_name.endsWith(QLatin1String("__c")); }
    [[nodiscard]] bool isCreateable() const { return m_createable; }
    [[nodiscard]] bool isUpdateable() const { return m_updateable; }
    [[nodiscard]] bool isDeletable() const { return m_deletable; }
    void setWritable(bool createable, bool updateable, bool deletable);

    void addField(SObjectField field);
    [[nodiscard]] const QList<SObjectField> &fields() const { return m_fields; }
    [[nodiscard]] const SObjectField *field(QStringView name) const;
    // The reference field whose relationship name is `relationship` ("Profile" -> ProfileId).
    [[nodiscard]] const SObjectField *fieldByRelationship(QStringView relationship) const;

    // The SQL table that stores this object (always quoted by the caller).
    [[nodiscard]] const QString &tableName() const { return m_name; }

private:
    QString m_name;
    QString m_label;
    QString m_keyPrefix;
    bool m_setup = false;
    bool m_createable = false;
    bool m_updateable = false;
    bool m_deletable = false;
    QList<SObjectField> m_fields;
    QHash<QString, qsizetype> m_byLowerName;
    QHash<QString, qsizetype> m_byLowerRelationship;
};

} // namespace lr::demo
