#pragma once

#include "core/common/result.h"
#include "core/demo/schema/salesforcemetadata.h"

#include <QString>

namespace lr::demo {

// Loads the Salesforce metadata an SFDX project defines: every custom object under
// <package>/main/default/objects (CustomObjectReader) and every permission set under
// <package>/main/default/permissionsets (PermissionSetReader), where <package> is the default
// package directory named in sfdx-project.json. Custom objects get the key prefixes a fresh
// org would give them, a0A, a0B, a0C … in name order.
//
// Cross-file rules are checked as a deployment would: lookups point to an object that exists
// (in the metadata, or the standard User), field permissions name existing, non-required
// fields, and a permission set lists object permissions only for objects it can see.
//
// The metadata that ships with License Reclaim lives in installer/salesforce. The demo org
// reads it from the copy embedded in lrcore as the Qt resource :/lr/salesforce, so installed
// binaries need no source tree, and falls back to the source directory compiled in.
class SalesforceMetadataLoader
{
public:
    // Loads the SFDX project in `projectDirectory` (the folder holding sfdx-project.json).
    [[nodiscard]] static Result<SalesforceMetadata> load(const QString &projectDirectory);

    // The shipped project: ":/lr/salesforce" when it is embedded, else the source directory
    // of installer/salesforce this binary was built from.
    [[nodiscard]] static QString shippedDirectory();
    // The shipped metadata, loaded once per process (thread-safe).
    [[nodiscard]] static const Result<SalesforceMetadata> &shipped();

    // The key prefix of the index-th custom object: a0A, a0B, … a0Z, a0a, … a0z, a10, …
    [[nodiscard]] static QString keyPrefix(int index);
};

} // namespace lr::demo
