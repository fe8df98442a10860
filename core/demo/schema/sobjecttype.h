#pragma once

#include "core/demo/schema/sobjectfield.h"
#include "core/demo/schema/validationrule.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lr::demo {

// Who may see and edit records of an object beyond what they own (the org-wide default,
// CustomObject's sharingModel). Deleting always needs ownership or Modify All.
enum class SharingModel {
    Private,   // only the owner (and View All / Modify All)
    Read,      // everyone with read access reads every record; the owner edits
    ReadWrite, // everyone with read access reads, everyone with edit access edits
};

// One sObject type of the demo org: its describe properties, fields and validation rules.
// Names are looked up case-insensitively, as SOQL and the REST API do.
class SObjectType
{
public:
    SObjectType() = default;
    SObjectType(QString name, QString label, QString keyPrefix);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &label() const { return m_label; }
    [[nodiscard]] const QString &keyPrefix() const { return m_keyPrefix; }
    void setKeyPrefix(QString prefix) { m_keyPrefix = std::move(prefix); }
    [[nodiscard]] const QString &pluralLabel() const { return m_pluralLabel; }
    void setPluralLabel(QString label) { m_pluralLabel = std::move(label); }
    [[nodiscard]] const QString &description() const { return m_description; }
    void setDescription(QString description) { m_description = std::move(description); }

    // The standard objects behave as Private; custom objects say what they are.
    [[nodiscard]] SharingModel sharingModel() const { return m_sharingModel; }
    void setSharingModel(SharingModel model) { m_sharingModel = model; }
    [[nodiscard]] bool isHistoryEnabled() const { return m_historyEnabled; }
    void setHistoryEnabled(bool enabled) { m_historyEnabled = enabled; }

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

    // Validation rules, evaluated on every create and update, in the order added.
    void addValidationRule(ValidationRule rule) { m_validationRules.append(std::move(rule)); }
    [[nodiscard]] const QList<ValidationRule> &validationRules() const { return m_validationRules; }

    // The SQL table that stores this object (always quoted by the caller).
    [[nodiscard]] const QString &tableName() const { return m_name; }

private:
    QString m_name;
    QString m_label;
    QString m_keyPrefix;
    QString m_pluralLabel;
    QString m_description;
    SharingModel m_sharingModel = SharingModel::Private;
    bool m_historyEnabled = false;
    bool m_setup = false;
    bool m_createable = false;
    bool m_updateable = false;
    bool m_deletable = false;
    QList<SObjectField> m_fields;
    QList<ValidationRule> m_validationRules;
    QHash<QString, qsizetype> m_byLowerName;
    QHash<QString, qsizetype> m_byLowerRelationship;
};

} // namespace lr::demo
