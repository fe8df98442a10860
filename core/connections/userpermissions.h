#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QList>
#include <QSet>
#include <QString>

namespace lr::org {
class OrgClient;
}

namespace lr::connections {

// What the signed-in user may do of what License Reclaim needs (design.md §6): API Enabled,
// View Setup and Configuration, Manage Users (or Freeze Users plus Monitor Login History),
// and read access to every owner's open opportunities, cases and leads. Read from the
// user's permission set assignments (the profile's own set among them), the way the scan
// checks what it may read.
struct UserPermissions
{
    Q_DECLARE_TR_FUNCTIONS(lr::connections::UserPermissions)

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

    [[nodiscard]] static QCoro::Task<Result<UserPermissions>> read(org::OrgClient &client,
                                                                   QString userId);
    // Empty when the user has everything.
    [[nodiscard]] QList<Missing> missing() const;
};

} // namespace lr::connections
