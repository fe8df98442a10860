#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QString>

namespace lr::policy {

// Whether the org has the LR objects, in the schema version this build reads
// (installer/lr-objects-contract.md). Without them the built-in default policy is the only
// policy: Preview keeps working read-only and every write is refused with refusal(), which
// says how to deploy the objects.
struct DeploymentStatus
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::DeploymentStatus)

public:
    enum class State {
        Deployed,
        NotDeployed,    // INVALID_TYPE on LR_Policy__c: absent, or unreadable by this user
        OutdatedSchema, // LR_Settings__c "Default" missing, or Schema_Version__c too old
    };

    State state = State::NotDeployed;
    int schemaVersion = 0; // the org's Schema_Version__c; 0 when unknown

    static constexpr int kCurrentSchemaVersion = 2;

    [[nodiscard]] bool isDeployed() const { return state == State::Deployed; }

    // Plain words for people, with the deploy command ("" when deployed). `alias` is the
    // org's alias for the sf command line; "<alias>" when not known.
    [[nodiscard]] QString message(const QString &alias = {}) const;
    // The Refused error every write meets when the objects are not deployed.
    [[nodiscard]] Error refusal(const QString &alias = {}) const;

    // cd installer/salesforce && sf project deploy start --source-dir force-app --target-org
    // <alias>
    [[nodiscard]] static QString deployCommand(const QString &alias = {});
};

} // namespace lr::policy
