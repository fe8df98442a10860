#include "core/demo/generator/licensecatalog.h"

#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"
#include "core/demo/store/salesforceid.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using LC = LicenseCatalog;

constexpr unsigned kAll =
    LC::Read | LC::Create | LC::Edit | LC::Delete | LC::ViewAll | LC::ModifyAll;
constexpr unsigned kCrud = LC::Read | LC::Create | LC::Edit | LC::Delete;
constexpr unsigned kRead = LC::Read;
constexpr unsigned kReadCreateEdit = LC::Read | LC::Create | LC::Edit;
constexpr unsigned kReadViewAll = LC::Read | LC::ViewAll;
constexpr unsigned kEveryPermissionButApiOnly =
    LC::ApiEnabled | LC::ModifyAllData | LC::ViewAllData | LC::CustomizeApplication | LC::ViewSetup
    | LC::ManageUsers | LC::FreezeUsers | LC::MonitorLoginHistory;

const QList<LC::LicenseInfo> &licenses()
{
    // LicenseDefinitionKey values as Salesforce's UserLicense reference documents them
    // (SFDC, AUL, PID_Customer_Community_Login, PID_Customer_Community, PID_Partner_Community).
    // The other three are not in that list:
    // - Chatter Free: the reference lists PID_CHATTER for "Chatter Only"; PID_Chatter is the
    //   key commonly reported for Chatter Free. [unconfirmed]
    // - Identity: PID_IDENTITY. [unconfirmed]
    // - Salesforce Integration (2023): SFDC_INTL, as one public license classifier uses it.
    //   [unconfirmed, secondary source only]
    static const QList<LC::LicenseInfo> list = {
        {u"Salesforce"_s, u"SFDC"_s},
        {u"Salesforce Platform"_s, u"AUL"_s},
        {u"Salesforce Integration"_s, u"SFDC_INTL"_s},
        {u"Chatter Free"_s, u"PID_Chatter"_s},
        {u"Identity"_s, u"PID_IDENTITY"_s},
        {u"Customer Community Login"_s, u"PID_Customer_Community_Login"_s},
        {u"Customer Community"_s, u"PID_Customer_Community"_s},
        {u"Partner Community"_s, u"PID_Partner_Community"_s},
    };
    return list;
}

const QList<LC::ProfileInfo> &profiles()
{
    using L = LC::License;
    static const QList<LC::ProfileInfo> list = {
        {u"System Administrator"_s,
         u"Full access to configure and customize the org"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         kEveryPermissionButApiOnly,
         {kAll, kAll, kAll}},
        {u"Standard User"_s,
         u"Can create and edit most major types of records"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {kCrud, kCrud, kCrud}},
        {u"Read Only"_s,
         u"Can view the records they own or that are shared with them"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {kRead, kRead, kRead}},
        {u"Marketing User"_s,
         u"Manages campaigns and leads"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {kCrud, kCrud, kCrud}},
        {u"Contract Manager"_s,
         u"Creates and approves contracts"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {kCrud, kCrud, kCrud}},
        {u"Solution Manager"_s,
         u"Reviews and publishes solutions"_s,
         L::Salesforce,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {kCrud, kCrud, kCrud}},
        {u"Sales Representative"_s,
         u"Custom: account executives and SDRs"_s,
         L::Salesforce,
         u"Standard"_s,
         true,
         LC::ApiEnabled,
         {kCrud, kRead, kCrud}},
        {u"Sales Manager"_s,
         u"Custom: first-line sales managers"_s,
         L::Salesforce,
         u"Standard"_s,
         true,
         LC::ApiEnabled,
         {kCrud, kRead, kCrud}},
        {u"Support Agent"_s,
         u"Custom: service console agents"_s,
         L::Salesforce,
         u"Standard"_s,
         true,
         LC::ApiEnabled,
         {kRead, kCrud, kRead}},
        {u"API Only - Legacy Integrations"_s,
         u"Custom: integration users from before the Salesforce Integration license"_s,
         L::Salesforce,
         u"Standard"_s,
         true,
         LC::ApiEnabled | LC::ApiUserOnly | LC::ViewAllData,
         {kReadViewAll | LC::Edit, kReadViewAll | LC::Edit, kReadViewAll | LC::Edit}},
        {u"Standard Platform User"_s,
         u"Custom apps on the Salesforce Platform license"_s,
         L::Platform,
         u"Standard"_s,
         false,
         LC::ApiEnabled,
         {0, 0, 0}},
        {u"Minimum Access - API Only Integrations"_s,
         u"API-only access for system-to-system integration users"_s,
         L::Integration,
         u"Standard"_s,
         false,
         LC::ApiEnabled | LC::ApiUserOnly,
         {0, 0, 0}},
        {u"Chatter Free User"_s,
         u"Chatter collaboration only"_s,
         L::ChatterFree,
         u"CsnOnly"_s,
         false,
         LC::ApiEnabled,
         {0, 0, 0}},
        {u"Identity User"_s,
         u"Single sign-on through Salesforce Identity"_s,
         L::Identity,
         u"Standard"_s,
         false,
         0,
         {0, 0, 0}},
        {u"Customer Community Login User"_s,
         u"Customers who log in to the help center"_s,
         L::CustomerCommunityLogin,
         u"CspLitePortal"_s,
         false,
         0,
         {0, kReadCreateEdit, 0}},
        {u"Customer Community User"_s,
         u"Named customer community members"_s,
         L::CustomerCommunity,
         u"CspLitePortal"_s,
         false,
         0,
         {0, kReadCreateEdit, 0}},
        {u"Partner Community User"_s,
         u"Reseller partners in the partner portal"_s,
         L::PartnerCommunity,
         u"PowerPartner"_s,
         false,
         0,
         {kReadCreateEdit, LC::Read | LC::Create, kReadCreateEdit}},
    };
    return list;
}

const QList<LC::PermissionSetInfo> &permissionSets()
{
    static const QList<LC::PermissionSetInfo> list = {
        {u"Modify_All_Data_Break_Glass"_s,
         u"Modify All Data (break glass)"_s,
         u"Emergency full data access; assign for incidents only"_s,
         QString(),
         LC::ApiEnabled | LC::ModifyAllData | LC::ViewAllData | LC::ViewSetup,
         {kAll, kAll, kAll}},
        {u"API_Only_Integration"_s,
         u"API Only Integration"_s,
         u"Makes the assignee an API-only user"_s,
         QString(),
         LC::ApiEnabled | LC::ApiUserOnly,
         {kReadCreateEdit, kReadCreateEdit, kReadCreateEdit}},
        {u"Customize_Application"_s,
         u"Customize Application"_s,
         u"Declarative configuration for release managers"_s,
         QString(),
         LC::CustomizeApplication | LC::ViewSetup,
         {0, 0, 0}},
        {u"Sales_Operations"_s,
         u"Sales Operations"_s,
         u"Read every opportunity, case and lead for pipeline and seat reviews"_s,
         QString(),
         0,
         {kReadViewAll, kReadViewAll, kReadViewAll}},
        {u"Login_History_Auditor"_s,
         u"Login History Auditor"_s,
         u"Security review of login history"_s,
         QString(),
         LC::MonitorLoginHistory | LC::ViewSetup,
         {0, 0, 0}},
        {u"Help_Desk_Freeze_Users"_s,
         u"Help Desk: Freeze Users"_s,
         u"Lets the help desk freeze compromised accounts"_s,
         QString(),
         LC::FreezeUsers | LC::ViewSetup,
         {0, 0, 0}},
        {u"Sales_Productivity"_s,
         u"Sales Productivity"_s,
         u"Forecasts, Einstein activity and sales engagement"_s,
         QString(),
         0,
         {0, 0, 0}},
        {u"Service_Console_User"_s,
         u"Service Console User"_s,
         u"Service console, macros and knowledge"_s,
         QString(),
         0,
         {0, LC::Read | LC::Edit, 0}},
        {u"Report_Builder"_s,
         u"Report Builder"_s,
         u"Create and customize reports and dashboards"_s,
         QString(),
         0,
         {0, 0, 0}},
        {u"DocuSign_User"_s,
         u"DocuSign User"_s,
         u"Send envelopes from opportunities"_s,
         u"dsfs"_s,
         0,
         {LC::Read, 0, 0}},
        {u"SteelBrick_CPQ_User"_s,
         u"CPQ User"_s,
         u"Quotes and price rules"_s,
         u"SBQQ"_s,
         0,
         {LC::Read | LC::Edit, 0, 0}},
    };
    return list;
}

constexpr int kProfileCount = static_cast<int>(LC::Profile::Count);

const QStringList kObjects = {u"Opportunity"_s, u"Case"_s, u"Lead"_s};
const QStringList kPermissionColumns = {u"PermissionsApiEnabled"_s,
                                        u"PermissionsApiUserOnly"_s,
                                        u"PermissionsModifyAllData"_s,
                                        u"PermissionsViewAllData"_s,
                                        u"PermissionsCustomizeApplication"_s,
                                        u"PermissionsViewSetup"_s,
                                        u"PermissionsManageUsers"_s,
                                        u"PermissionsFreezeUsers"_s,
                                        u"PermissionsMonitorLoginHistory"_s};
const QStringList kAuditColumns = {
    u"CreatedDate"_s, u"CreatedById"_s, u"LastModifiedDate"_s, u"LastModifiedById"_s};

void addPermissions(BatchInserter &out, unsigned permissions)
{
    for (qsizetype bit = 0; bit < kPermissionColumns.size(); ++bit) {
        out.addBool((permissions & (1u << bit)) != 0);
    }
}

struct AuditStamp
{
    qint64 created;
    qint64 modified;
};

void addAudit(BatchInserter &out, const GenerationContext &context, AuditStamp stamp)
{
    out.add(TimestampText::dateTime(stamp.created));
    out.add(context.adminId);
    out.add(TimestampText::dateTime(stamp.modified));
    out.add(context.adminId);
}

AuditStamp setupStamp(const GenerationContext &context, RandomSource &random, bool custom)
{
    const qint64 span = context.anchor - context.orgCreated;
    const qint64 created =
        custom ? context.orgCreated + random.between(span / 20, span / 2) : context.orgCreated;
    const qint64 modified = context.anchor - random.between(2, 400) * TimestampText::kDay
                            - random.between(0, TimestampText::kDay);
    return {created, std::max(created, modified)};
}

Result<void> writeLicenses(const GenerationContext &context,
                           const std::array<int, int(LC::License::Count)> &activeUsers)
{
    auto out = context.inserter(u"UserLicense"_s,
                                {u"Id"_s,
                                 u"Name"_s,
                                 u"MasterLabel"_s,
                                 u"LicenseDefinitionKey"_s,
                                 u"Status"_s,
                                 u"TotalLicenses"_s,
                                 u"UsedLicenses"_s,
                                 u"UsedLicensesLastUpdated"_s,
                                 u"CreatedDate"_s,
                                 u"LastModifiedDate"_s});
    if (!out) {
        return out.error();
    }
    for (int i = 0; i < int(LC::License::Count); ++i) {
        const auto which = static_cast<LC::License>(i);
        const LC::LicenseInfo &info = LC::license(which);
        out->add(LC::licenseId(which));
        out->add(info.name);
        out->add(info.name);
        out->add(info.definitionKey);
        out->add(u"Active"_s);
        out->add(LC::purchasedSeats(which, activeUsers[i]));
        out->add(activeUsers[i]);
        out->add(TimestampText::dateTime(context.anchor - 3 * TimestampText::kHour));
        out->add(TimestampText::dateTime(context.orgCreated));
        out->add(TimestampText::dateTime(context.anchor - 40 * TimestampText::kDay));
    }
    return out->finish();
}

Result<void> writeProfiles(const GenerationContext &context, RandomSource &random)
{
    QStringList columns = {u"Id"_s, u"Name"_s, u"Description"_s, u"UserLicenseId"_s, u"UserType"_s};
    columns += kPermissionColumns;
    columns += kAuditColumns;
    auto out = context.inserter(u"Profile"_s, columns);
    if (!out) {
        return out.error();
    }
    for (int i = 0; i < kProfileCount; ++i) {
        const auto which = static_cast<LC::Profile>(i);
        const LC::ProfileInfo &info = LC::profile(which);
        out->add(LC::profileId(which));
        out->add(info.name);
        out->add(info.description);
        out->add(LC::licenseId(info.license));
        out->add(info.userType);
        addPermissions(*out, info.permissions);
        addAudit(*out, context, setupStamp(context, random, info.custom));
    }
    return out->finish();
}

Result<void> writePermissionSets(const GenerationContext &context, RandomSource &random)
{
    QStringList columns = {u"Id"_s,
                           u"Name"_s,
                           u"Label"_s,
                           u"Description"_s,
                           u"NamespacePrefix"_s,
                           u"IsOwnedByProfile"_s,
                           u"IsCustom"_s,
                           u"ProfileId"_s};
    columns += kPermissionColumns;
    columns += kAuditColumns;
    auto out = context.inserter(u"PermissionSet"_s, columns);
    if (!out) {
        return out.error();
    }
    for (int i = 0; i < kProfileCount; ++i) {
        const auto which = static_cast<LC::Profile>(i);
        const LC::ProfileInfo &info = LC::profile(which);
        out->add(LC::profilePermissionSetId(which));
        // Salesforce names a profile's own permission set after the profile's id.
        out->add(QString(u"X"_s + LC::profileId(which).left(15)));
        out->add(info.name);
        out->add(info.description);
        out->addNull();
        out->addBool(true);
        out->addBool(info.custom);
        out->add(LC::profileId(which));
        addPermissions(*out, info.permissions);
        addAudit(*out, context, setupStamp(context, random, info.custom));
    }
    for (int i = 0; i < int(LC::PermissionSet::Count); ++i) {
        const auto which = static_cast<LC::PermissionSet>(i);
        const LC::PermissionSetInfo &info = LC::permissionSet(which);
        out->add(LC::permissionSetId(which));
        out->add(info.name);
        out->add(info.label);
        out->add(info.description);
        out->addText(info.namespacePrefix);
        out->addBool(false);
        out->addBool(true);
        out->addNull();
        addPermissions(*out, info.permissions);
        addAudit(*out, context, setupStamp(context, random, true));
    }
    return out->finish();
}

Result<void> writeObjectPermissions(const GenerationContext &context)
{
    QStringList columns = {u"Id"_s, u"ParentId"_s, u"SobjectType"_s};
    columns += {u"PermissionsRead"_s,
                u"PermissionsCreate"_s,
                u"PermissionsEdit"_s,
                u"PermissionsDelete"_s,
                u"PermissionsViewAllRecords"_s,
                u"PermissionsModifyAllRecords"_s};
    columns += kAuditColumns;
    auto out = context.inserter(u"ObjectPermissions"_s, columns);
    if (!out) {
        return out.error();
    }
    quint64 serial = 0;
    const auto addRows = [&](const QString &parentId,
                             const std::array<unsigned, LC::kObjectCount> &access) {
        for (int object = 0; object < LC::kObjectCount; ++object) {
            if (access[object] == 0) {
                continue;
            }
            out->add(SalesforceId::make(u"110", ++serial));
            out->add(parentId);
            out->add(kObjects.at(object));
            for (unsigned bit = 0; bit < 6; ++bit) {
                out->addBool((access[object] & (1u << bit)) != 0);
            }
            addAudit(*out, context, {context.orgCreated, context.orgCreated});
        }
    };
    for (int i = 0; i < kProfileCount; ++i) {
        const auto which = static_cast<LC::Profile>(i);
        addRows(LC::profilePermissionSetId(which), LC::profile(which).access);
    }
    for (int i = 0; i < int(LC::PermissionSet::Count); ++i) {
        const auto which = static_cast<LC::PermissionSet>(i);
        addRows(LC::permissionSetId(which), LC::permissionSet(which).access);
    }
    return out->finish();
}

} // namespace

const LC::LicenseInfo &LicenseCatalog::license(License license)
{
    return licenses().at(static_cast<qsizetype>(license));
}

const LC::ProfileInfo &LicenseCatalog::profile(Profile profile)
{
    return profiles().at(static_cast<qsizetype>(profile));
}

const LC::PermissionSetInfo &LicenseCatalog::permissionSet(PermissionSet set)
{
    return permissionSets().at(static_cast<qsizetype>(set));
}

QString LicenseCatalog::licenseId(License license)
{
    return SalesforceId::make(u"100", static_cast<quint64>(license) + 1);
}

QString LicenseCatalog::profileId(Profile profile)
{
    return SalesforceId::make(u"00e", static_cast<quint64>(profile) + 1);
}

QString LicenseCatalog::profilePermissionSetId(Profile profile)
{
    return SalesforceId::make(u"0PS", static_cast<quint64>(profile) + 1);
}

QString LicenseCatalog::permissionSetId(PermissionSet set)
{
    return SalesforceId::make(u"0PS", static_cast<quint64>(kProfileCount + int(set)) + 1);
}

int LicenseCatalog::purchasedSeats(License license, int used)
{
    switch (license) {
    case License::Salesforce:
        return used + std::max(5, used * 6 / 100);
    case License::Platform:
        return used + std::max(10, used * 30 / 100);
    case License::Integration:
        // Enterprise Edition includes five Salesforce Integration seats.
        return std::max(5, used + 1);
    case License::ChatterFree:
        return std::max(5000, used + used / 10);
    case License::Identity:
        return used + std::max(10, used / 2);
    case License::CustomerCommunityLogin:
        return used + std::max(25, used / 5);
    case License::CustomerCommunity:
        return used + std::max(10, used / 4);
    case License::PartnerCommunity:
        return used + std::max(5, used / 10);
    case License::Count:
        break;
    }
    return used;
}

Result<void> LicenseCatalog::write(const GenerationContext &context,
                                   const std::array<int, int(License::Count)> &activeUsers)
{
    RandomSource random(context.seed, RandomSource::Stream::Catalog);
    if (auto r = writeLicenses(context, activeUsers); !r) {
        return r;
    }
    if (auto r = writeProfiles(context, random); !r) {
        return r;
    }
    if (auto r = writePermissionSets(context, random); !r) {
        return r;
    }
    return writeObjectPermissions(context);
}

} // namespace lr::demo
