#pragma once

#include "core/demo/generator/generateduser.h"

#include <QList>

namespace lr::demo {

struct GenerationContext;

// Plans every user of the org: the three demo principals first (admin, analyst, viewer),
// then employees on each internal license, integration users and community users, with
// names, locales, departments, profiles and permission sets, creation and last-login dates
// spread from today to well over a year ago, deactivations, freezes and API habits. Ids
// follow creation order, as Salesforce's do. Deterministic for the context's seed/anchor.
class UserPopulation
{
public:
    static constexpr int kPrincipalCount = 3;

    [[nodiscard]] static QList<GeneratedUser> build(const GenerationContext &context, int count);
};

} // namespace lr::demo
