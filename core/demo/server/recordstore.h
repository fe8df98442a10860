#pragma once

#include "core/common/result.h"
#include "core/demo/server/recordrules.h"
#include "core/demo/store/orgdatabase.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace lr::demo {

class CallerPermissions;
class DemoClock;
class OrgSchema;
class SObjectType;

// Creates, updates and deletes demo org records the way Salesforce validates them: field
// existence and writability, types, lengths, picklists and required fields, references,
// the caller's permissions, and the side effects the product relies on (a user's license
// seat count, UserType following the profile, a UserLogin and a profile permission-set
// assignment for a new user, derived Name and IsClosed fields, LastModifiedDate), and, for
// custom objects, what their metadata defines (RecordRules: defaults, validation rules, unique
// fields, delete constraints; a new record without a Name is named after its id).
//
// Each call works inside whatever transaction the caller opened (see begin()/savepoint()),
// so an sObject collection can be all-or-none.
class RecordStore
{
public:
    struct SaveResult
    {
        QString id;
        QList<Error> errors; // each with Salesforce's statusCode in `code`
        [[nodiscard]] bool success() const { return errors.isEmpty(); }
    };

    RecordStore(OrgDatabase database, const OrgSchema &schema, const DemoClock &clock);

    [[nodiscard]] SaveResult
    create(const SObjectType &type, const QJsonObject &record, const CallerPermissions &caller);
    [[nodiscard]] SaveResult update(const SObjectType &type,
                                    const QString &id,
                                    const QJsonObject &record,
                                    const CallerPermissions &caller);
    [[nodiscard]] SaveResult
    remove(const SObjectType &type, const QString &id, const CallerPermissions &caller);

    // BEGIN IMMEDIATE: takes the write lock up front, so two processes sharing a persisted
    // demo org serialize their writes instead of failing half way.
    [[nodiscard]] Result<void> begin();
    [[nodiscard]] Result<void> commit();
    void rollback();
    [[nodiscard]] Result<void> savepoint(const QString &name);
    void rollbackTo(const QString &name);
    void release(const QString &name);

private:
    [[nodiscard]] SaveResult checkFields(const SObjectType &type,
                                         const QJsonObject &record,
                                         bool creating,
                                         QList<QPair<QString, QVariant>> *values) const;
    [[nodiscard]] std::optional<Error>
    checkReference(const QString &objectName, const QString &fieldName, const QString &id) const;
    [[nodiscard]] std::optional<Error> checkUserRules(const QString &userId,
                                                      const QList<QPair<QString, QVariant>> &values,
                                                      bool creating) const;
    [[nodiscard]] Result<void> afterUserWrite(const QString &userId, bool created) const;
    [[nodiscard]] QString nextId(const SObjectType &type) const;
    [[nodiscard]] Result<void> exec(const QString &sql, const QVariantList &params = {}) const;
    [[nodiscard]] QList<Error> checkRules(const SObjectType &type,
                                          const QString &id,
                                          const QList<QPair<QString, QVariant>> &values,
                                          bool creating) const;

    OrgDatabase m_database;
    const OrgSchema &m_schema;
    const DemoClock &m_clock;
    RecordRules m_rules;
};

} // namespace lr::demo
