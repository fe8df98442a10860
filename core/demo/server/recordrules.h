#pragma once

#include "core/common/result.h"
#include "core/demo/schema/sobjectfield.h"
#include "core/demo/store/orgdatabase.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

#include <optional>
#include <utility>

namespace lr::demo {

class OrgSchema;
class SObjectType;

// What Salesforce checks and fills in on a save beyond each field's own type, as the metadata
// of a custom object defines it: default values on create, validation rules
// (FIELD_CUSTOM_VALIDATION_EXCEPTION), unique fields (DUPLICATE_VALUE, ignoring case unless
// the field is case-sensitive), lookups that restrict deleting what they point to
// (DELETE_FAILED) and lookups that are cleared when it goes (SetNull). RecordStore runs these
// inside its write transaction.
class RecordRules
{
public:
    using Values = QList<QPair<QString, QVariant>>; // canonical field name, stored value
    using Row = QHash<QString, QVariant>;           // canonical field name, stored value

    RecordRules(OrgDatabase database, const OrgSchema &schema);

    // Adds the default value of every field that has one and `values` does not name.
    static void applyDefaults(const SObjectType &type, Values *values);

    // The stored record `id` of `type`, every field; empty when there is none.
    [[nodiscard]] Row storedRecord(const SObjectType &type, const QString &id) const;

    // The errors of every active validation rule whose condition holds for the record as it
    // would be saved: `prior` is the stored record (empty on create) and `values` what the
    // save writes. Salesforce reports every failing rule, not only the first.
    [[nodiscard]] QList<Error>
    validate(const SObjectType &type, const Row &prior, const Values &values, bool creating) const;

    // DUPLICATE_VALUE when another record of `type` holds the value `values` gives a unique
    // field; a storage error when the check cannot run.
    [[nodiscard]] std::optional<Error>
    checkUnique(const SObjectType &type, const QString &id, const Values &values) const;

    // DELETE_FAILED when a record points to `id` through a lookup whose deleteConstraint is
    // Restrict.
    [[nodiscard]] std::optional<Error> checkDeleteRestrictions(const SObjectType &type,
                                                               const QString &id) const;

    // After `id` is deleted: clears every custom lookup that points to it with
    // deleteConstraint SetNull, as Salesforce does. Standard lookups are left alone: the
    // demo org deletes no record a standard object points to.
    [[nodiscard]] std::optional<Error> clearSetNullReferences(const SObjectType &type,
                                                              const QString &id) const;

private:
    using Lookup = std::pair<const SObjectType *, const SObjectField *>; // object, its field
    // Every lookup field of any object that points to `type` with this delete constraint.
    [[nodiscard]] QList<Lookup> lookupsTo(const SObjectType &type,
                                          DeleteConstraint constraint) const;

    OrgDatabase m_database;
    const OrgSchema &m_schema;
};

} // namespace lr::demo
