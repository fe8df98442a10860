#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QList>
#include <QString>

namespace lr::org {

class OrgClient;

// A user as a person picks one: by name or username, kept by id.
struct UserMatch
{
    QString id;
    QString name;
    QString username;
    bool active = true;

    // "Ada Lovelace (ada@acme.example)"
    [[nodiscard]] QString display() const;
};

// Finds users of the org for a form field (a policy's owner), one small query at a time.
class UserLookup
{
    Q_DECLARE_TR_FUNCTIONS(lr::org::UserLookup)

public:
    static constexpr int kMaxMatches = 20;
    static constexpr int kMinSearchLength = 2;

    // Active users whose name or username starts with `text` (ignoring case), by name; at
    // most kMaxMatches. Shorter text than kMinSearchLength finds nobody without a call.
    [[nodiscard]] static QCoro::Task<Result<QList<UserMatch>>> search(OrgClient *client,
                                                                      QString text);
    // The user with this id, active or not; a NOT_FOUND error when there is none.
    [[nodiscard]] static QCoro::Task<Result<UserMatch>> byId(OrgClient *client, QString id);
    // The user with this username (ignoring case), active or not; NOT_FOUND when none.
    [[nodiscard]] static QCoro::Task<Result<UserMatch>> byUsername(OrgClient *client,
                                                                   QString username);

private:
    // The one user `condition` (SOQL, already escaped) selects, or NOT_FOUND with `notFound`.
    [[nodiscard]] static QCoro::Task<Result<UserMatch>>
    one(OrgClient *client, QString condition, QString notFound);
};

} // namespace lr::org
