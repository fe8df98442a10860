#pragma once

#include "core/org/orgclient.h"
#include "core/policy/policyrepository.h"

#include <QString>

#include <memory>

namespace lr::test {

class DemoOrgFixture;

// A client and a policy repository signed in as one demo user (admin, analyst or viewer):
// a teammate's console, or lrctl, reading and writing the same org as the code under test.
struct PolicySession
{
    std::unique_ptr<org::OrgClient> client;
    std::unique_ptr<policy::PolicyRepository> repository;

    // Signs in as `role` and negotiates the API version before returning.
    [[nodiscard]] static PolicySession as(DemoOrgFixture &demo, const QString &role);
};

} // namespace lr::test
