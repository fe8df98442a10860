#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QList>
#include <QSet>
#include <QString>

namespace lr::org {

class OrgClient;

// What the signed-in user may do of what License Reclaim needs (design.md §6): API Enabled,
// View Setup and Configuration, Manage Users (or Freeze Users plus Monitor Login History),
// and read access to every owner's open opportunities, cases and leads. Read from the
// user's permission set assignments (the profile's own set among them) in two queries: the
// scan uses it to tell which of its sources are partial, the Connections page to say what
// the user lacks.
struct UserPermissions
{
    Q_DECLARE_TR_FUNCTIONS(lr::org::UserPermissions)

public:
    struct Missing
    {
        QString permission; // for people: "View Setup and Configuration"
        QString disables;   // what it costs, for people
    };

    bool apiEnabled = false;
    bool viewSetup = false;
    bool manageUsers = false;
    bool freezeUsers = false;
    bool monitorLoginHistory = false;
    bool viewAllData = false;
    QSet<QString> viewAllObjects; // of Opportunity, Case, Lead

    // Object permissions the user may not read (INVALID_TYPE, INSUFFICIENT_ACCESS…) count
    // as none; any other error of either query is the result.
    [[nodiscard]] static QCoro::Task<Result<UserPermissions>> read(OrgClient &client,
                                                                   QString userId);
    // Empty when the user has everything.
    [[nodiscard]] QList<Missing> missing() const;
};

} // namespace lr::org
