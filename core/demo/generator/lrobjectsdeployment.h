#pragma once

#include "core/common/result.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace lr::demo {

class OrgDatabase;
class OrgSchema;
struct GeneratedOrg;

// Whether a demo org has the License Reclaim objects, as a customer's org may or may not.
enum class LrSchema {
    Current, // deployed; LR_Settings__c "Default" says Schema_Version__c kSchemaVersion
    None,    // never deployed: the objects do not exist (SOQL INVALID_TYPE, describe 404)
    Old,     // deployed, but "Default" says Schema_Version__c 0: an older deployment
};

// "current", "none", "old", as `lrctl demo-org serve --lr-schema` takes them.
[[nodiscard]] QString lrSchemaName(LrSchema schema);
[[nodiscard]] std::optional<LrSchema> lrSchemaFromName(QStringView name);

// Deploys the License Reclaim metadata that ships in installer/salesforce into a demo org,
// what `sf project deploy start` and the steps of installer/salesforce/README.md do to a real
// org. It is idempotent, so an org persisted before these objects existed gains them when it
// is opened:
//  - the custom objects join `schema` and get their tables; each keeps the key prefix it was
//    first given (recorded in the org's meta table), so ids stay valid as objects are added;
//  - the LR permission sets are created, or updated to the metadata, as PermissionSet and
//    ObjectPermissions rows, and when one is created it is assigned as the contract says:
//    admin → LR_Admin and LR_Integration, analyst → LR_Operator, viewer → LR_Viewer;
//  - LR_Settings__c "Default" exists with Schema_Version__c kSchemaVersion (0 for Old).
// With LrSchema::None it does nothing.
class LrObjectsDeployment
{
public:
    static constexpr int kSchemaVersion = 2;

    [[nodiscard]] static Result<void>
    apply(OrgSchema &schema, const OrgDatabase &database, const GeneratedOrg &org, LrSchema state);
};

} // namespace lr::demo
