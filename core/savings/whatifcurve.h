#pragma once

#include "core/policy/policy.h"
#include "core/safety/safetysettings.h"
#include "core/savings/pricebook.h"
#include "core/scan/orgsnapshot.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <vector>

namespace lr::savings {

// What a policy would flag at one inactivity threshold.
struct WhatIfPoint
{
    int thresholdDays = 0;
    int seats = 0;             // users flagged: past the threshold, no red finding
    double monthlySavings = 0; // their seats' monthly prices, from the price book
    int unpricedSeats = 0;     // flagged seats of licenses the price book has no price for
};

// The what-if curve of a policy over one scan: how many seats it would flag, and what they
// cost a month, if its default inactivity threshold were anywhere from 30 to 365 days. Users
// whose license has its own threshold in the policy stay at that threshold, so they add the
// same amount at every point.
//
// The safety checks run once per user, not once per threshold: the preview is built once at
// the lowest threshold, and the only red check whose answer depends on the threshold
// (api-activity: API or OAuth use inside the inactivity window) is worked out per user as the
// days since that use. A user is flagged at threshold T when no other red check blocks them
// and both the days since their last interactive login and the days since their last API use
// are at least T; so the curve never rises as T grows, and at(T) counts exactly the
// candidates ReclaimPreview::build gives for the policy with that default threshold.
class WhatIfCurve
{
public:
    static constexpr int kMinThresholdDays = 30;
    static constexpr int kMaxThresholdDays = 365;

    WhatIfCurve() = default;

    [[nodiscard]] static WhatIfCurve compute(const scan::OrgSnapshot &snapshot,
                                             const policy::Policy &policy,
                                             const safety::SafetySettings &settings,
                                             const PriceBook &prices,
                                             const QDateTime &now);

    // The point at `thresholdDays`, clamped to 30…365.
    [[nodiscard]] WhatIfPoint at(int thresholdDays) const;
    // Every day from 30 to 365, in order.
    [[nodiscard]] QList<WhatIfPoint> points() const;

    // Licenses of flagged users that the price book has no price for (counted as 0), sorted.
    [[nodiscard]] const QStringList &unpricedLicenses() const { return m_unpricedLicenses; }
    // In-scope users inactive 30 days or more whom a red check blocks at every threshold.
    [[nodiscard]] int alwaysBlocked() const { return m_alwaysBlocked; }
    [[nodiscard]] bool isEmpty() const { return m_seats.empty(); }

private:
    // Index i holds the figures for threshold kMinThresholdDays + i.
    std::vector<int> m_seats;
    std::vector<double> m_savings;
    std::vector<int> m_unpriced;
    QStringList m_unpricedLicenses;
    int m_alwaysBlocked = 0;
};

} // namespace lr::savings
