#include "core/policy/deploymentstatus.h"

using namespace Qt::StringLiterals;

namespace lr::policy {

QString DeploymentStatus::deployCommand(const QString &alias)
{
    // sf project commands run inside an SFDX project: from its folder, not the repository root.
    return u"cd installer/salesforce && sf project deploy start --source-dir force-app "
           u"--target-org "_s
           + (alias.isEmpty() ? u"<alias>"_s : alias);
}

QString DeploymentStatus::message(const QString &alias) const
{
    switch (state) {
    case State::Deployed:
        return {};
    case State::NotDeployed:
        return tr("The License Reclaim objects are not deployed in this org (or your user may "
                  "not read them: it needs one of the LR permission sets). Until they are, the "
                  "built-in default policy is the only policy, Preview works read-only and "
                  "nothing can be saved. Deploy them with:\n  %1")
            .arg(deployCommand(alias));
    case State::OutdatedSchema:
        return (schemaVersion > 0
                    ? tr("The License Reclaim objects in this org are schema version %1; this "
                         "version of License Reclaim needs version %2.")
                          .arg(schemaVersion)
                          .arg(kCurrentSchemaVersion)
                    : tr("The License Reclaim objects in this org are from an older version "
                         "(the LR settings record \"Default\" is missing); this version of "
                         "License Reclaim needs schema version %1.")
                          .arg(kCurrentSchemaVersion))
               + u' '
               + tr("Until they are updated, the built-in default policy is the only policy, "
                    "Preview works read-only and nothing can be saved. Update them with:\n  %1\n"
                    "then set Schema_Version__c of the LR settings record \"Default\" to %2 "
                    "(installer/salesforce/README.md).")
                     .arg(deployCommand(alias))
                     .arg(kCurrentSchemaVersion);
    }
    return {};
}

Error DeploymentStatus::refusal(const QString &alias) const
{
    return Error::make(Error::Kind::Refused,
                       state == State::OutdatedSchema ? u"LR_SCHEMA_OUTDATED"_s
                                                      : u"LR_NOT_DEPLOYED"_s,
                       message(alias));
}

} // namespace lr::policy
