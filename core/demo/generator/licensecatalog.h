#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>

#include <array>

namespace lr::demo {

struct GenerationContext;

// The licensing and permission model of the demo org: user licenses, the profiles on each
// license (each with its profile-owned permission set) and the ordinary permission sets,
// with their system permissions and their access to Opportunity, Case and Lead. The data
// is fixed; only seat counts depend on the generated users.
class LicenseCatalog
{
public:
    enum class License {
        Salesforce,
        Platform,
        Integration,
        ChatterFree,
        Identity,
        CustomerCommunityLogin,
        CustomerCommunity,
        PartnerCommunity,
        Count
    };

    enum class Profile {
        SystemAdministrator,
        StandardUser,
        ReadOnly,
        MarketingUser,
        ContractManager,
        SolutionManager,
        SalesRepresentative,
        SalesManager,
        SupportAgent,
        LegacyApiOnly,
        StandardPlatformUser,
        ApiOnlyIntegrations,
        ChatterFreeUser,
        IdentityUser,
        CustomerCommunityLoginUser,
        CustomerCommunityUser,
        PartnerCommunityUser,
        Count
    };

    enum class PermissionSet {
        BreakGlass,
        ApiOnlyIntegration,
        CustomizeApplication,
        SalesOperations,
        LoginHistoryAuditor,
        FreezeUsers,
        SalesProductivity,
        ServiceConsole,
        ReportBuilder,
        DocuSignUser,
        CpqUser,
        Count
    };

    // System permissions, as bits; the order of PermissionSet/Profile's Permissions* fields.
    enum Permission : unsigned {
        ApiEnabled = 1u << 0,
        ApiUserOnly = 1u << 1,
        ModifyAllData = 1u << 2,
        ViewAllData = 1u << 3,
        CustomizeApplication = 1u << 4,
        ViewSetup = 1u << 5,
        ManageUsers = 1u << 6,
        FreezeUsers = 1u << 7,
        MonitorLoginHistory = 1u << 8,
    };

    // Object permissions, as bits, per object.
    enum ObjectAccess : unsigned {
        Read = 1u << 0,
        Create = 1u << 1,
        Edit = 1u << 2,
        Delete = 1u << 3,
        ViewAll = 1u << 4,
        ModifyAll = 1u << 5,
    };
    static constexpr int kObjectCount = 3; // Opportunity, Case, Lead

    struct LicenseInfo
    {
        QString name;
        QString definitionKey;
    };
    struct ProfileInfo
    {
        QString name;
        QString description;
        License license;
        QString userType;
        bool custom;
        unsigned permissions;
        std::array<unsigned, kObjectCount> access; // Opportunity, Case, Lead
    };
    struct PermissionSetInfo
    {
        QString name; // API name
        QString label;
        QString description;
        QString namespacePrefix;
        unsigned permissions;
        std::array<unsigned, kObjectCount> access;
    };

    [[nodiscard]] static const LicenseInfo &license(License license);
    [[nodiscard]] static const ProfileInfo &profile(Profile profile);
    [[nodiscard]] static const PermissionSetInfo &permissionSet(PermissionSet set);

    [[nodiscard]] static QString licenseId(License license);
    [[nodiscard]] static QString profileId(Profile profile);
    // The permission set a profile owns (every user is assigned the one of their profile).
    [[nodiscard]] static QString profilePermissionSetId(Profile profile);
    [[nodiscard]] static QString permissionSetId(PermissionSet set);

    // TotalLicenses for a license with `used` active users: what the customer bought.
    [[nodiscard]] static int purchasedSeats(License license, int used);

    // Writes UserLicense (with `activeUsers` per license), Profile, PermissionSet and
    // ObjectPermissions.
    [[nodiscard]] static Result<void>
    write(const GenerationContext &context,
          const std::array<int, int(License::Count)> &activeUsers);
};

} // namespace lr::demo
