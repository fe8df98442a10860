#include "core/policy/policy.h"

#include "core/policy/policyvalidator.h"

namespace lr::policy {

QList<PolicyProblem> Policy::validate() const
{
    return PolicyValidator::validate(*this);
}

} // namespace lr::policy
