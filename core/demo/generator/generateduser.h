#pragma once

#include "core/demo/generator/licensecatalog.h"

#include <QList>
#include <QString>

namespace lr::demo {

// One user of the demo org as the generator plans it, before it is written: the User
// record's values plus the behaviour its login history and ownership are made from.
// Instants are milliseconds since the Unix epoch (UTC); -1 means none.
struct GeneratedUser
{
    enum class Segment : quint8 {
        Principal,      // the demo principals the product signs in as
        Employee,       // Salesforce license
        PlatformUser,   // Salesforce Platform license
        ChatterUser,    // Chatter Free
        IdentityUser,   // Identity (SSO only)
        Service,        // integration / API users
        CustomerLogin,  // Customer Community Login
        CustomerMember, // Customer Community
        Partner,        // Partner Community
    };

    // How the user reaches the API besides the browser.
    enum class ApiHabit : quint8 {
        None,
        Integration,        // a system signing in over OAuth every day
        DormantIntegration, // an integration nobody switched off, silent for months
        LegacySoap,         // a system logging in with a password over SOAP
        DataLoader,         // a person exporting or loading data every week or so
        Cli,                // a developer's Salesforce CLI
        Mobile,             // the Salesforce mobile app
        Inspector,          // a browser extension admins use
    };

    QString id;
    Segment segment = Segment::Employee;
    LicenseCatalog::Profile profile = LicenseCatalog::Profile::StandardUser;
    QList<LicenseCatalog::PermissionSet> permissionSets; // besides the profile's own

    QString firstName;
    QString lastName;
    QString name;
    QString username;
    QString email;
    QString alias;
    QString nickname;
    QString department;
    QString division;
    QString title;
    QString companyName;
    QString federationId;
    QString emailEncoding;
    int locale = 0;
    int departmentIndex = -1; // internal staff only
    int level = 0;            // 0 individual contributor, 1 manager, 2 director, 3 head, 4 CEO

    bool active = true;
    bool frozen = false;
    bool passwordLocked = false;
    bool marketingUser = false;
    bool knowledgeUser = false;
    bool supportUser = false;

    qint64 created = 0;
    qint64 lastLogin = -1;   // last successful interactive login (User.LastLoginDate)
    qint64 deactivated = -1; // when IsActive became false
    qint64 frozenAt = -1;

    int manager = -1; // user indexes
    int delegatedApprover = -1;

    int loginHabit = 0; // percent: chance of an interactive login on a working day
    ApiHabit api = ApiHabit::None;
    int app = -1; // ConnectedAppCatalog index for api habits
    int failedLogins = 0;
    QString officeIp;
    QString homeIp;
    quint8 browser = 0;
    quint8 platform = 0;

    [[nodiscard]] bool isInternal() const
    {
        return segment != Segment::CustomerLogin && segment != Segment::CustomerMember
               && segment != Segment::Partner;
    }
    [[nodiscard]] bool isService() const { return segment == Segment::Service; }
    [[nodiscard]] LicenseCatalog::License license() const
    {
        return LicenseCatalog::profile(profile).license;
    }
    // The last moment the user was seen interactively, or created when never.
    [[nodiscard]] qint64 lastSeen() const { return lastLogin >= 0 ? lastLogin : created; }
    [[nodiscard]] bool has(LicenseCatalog::PermissionSet set) const
    {
        return permissionSets.contains(set);
    }
};

} // namespace lr::demo
