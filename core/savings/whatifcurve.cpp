#include "core/savings/whatifcurve.h"

#include "core/pipeline/reclaimpreview.h"

#include <QSet>

#include <algorithm>
#include <limits>

namespace lr::savings {

namespace {

constexpr int kPoints = WhatIfCurve::kMaxThresholdDays - WhatIfCurve::kMinThresholdDays + 1;

// Whole days since `when`, as SafetyChecks counts them; "never" when `when` is not set.
int daysSince(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid()) {
        return std::numeric_limits<int>::max();
    }
    return static_cast<int>(when.secsTo(now) / 86400);
}

// The highest threshold at which the user is still flagged: api-activity turns red once the
// window (the threshold) reaches back to their last API or OAuth use.
int flaggedUpTo(const scan::ScannedUser &user, int daysInactive, const QDateTime &now)
{
    return std::min(
        {daysInactive, daysSince(user.lastApiLogin, now), daysSince(user.lastOauthUse, now)});
}

} // namespace

WhatIfCurve WhatIfCurve::compute(const scan::OrgSnapshot &snapshot,
                                 const policy::Policy &policy,
                                 const safety::SafetySettings &settings,
                                 const PriceBook &prices,
                                 const QDateTime &now)
{
    const QDateTime utcNow = now.toUTC();
    policy::Policy lowest = policy;
    lowest.defaultThresholdDays = kMinThresholdDays;
    const pipeline::ReclaimPreview preview =
        pipeline::ReclaimPreview::build(snapshot, lowest, settings, utcNow);

    // Users flagged up to threshold i + 30 add to point i and below: count them at i, then
    // sum from the top down.
    WhatIfCurve curve;
    curve.m_seats.assign(kPoints, 0);
    curve.m_savings.assign(kPoints, 0.0);
    curve.m_unpriced.assign(kPoints, 0);
    int fixedSeats = 0;
    double fixedSavings = 0;
    int fixedUnpriced = 0;
    QSet<QString> unpriced;
    for (const pipeline::PreviewEntry &entry : preview.candidates) {
        const scan::ScannedUser &user = snapshot.users.at(entry.userIndex);
        const std::optional<double> price = prices.monthlyPrice(user.licenseName);
        if (!price) {
            unpriced.insert(user.licenseName);
        }
        if (policy.thresholdByLicense.contains(user.licenseName)) {
            // Its own threshold: ReclaimPreview already applied it, with its api window.
            ++fixedSeats;
            fixedSavings += price.value_or(0.0);
            fixedUnpriced += price ? 0 : 1;
            continue;
        }
        const int upTo = flaggedUpTo(user, entry.daysInactive, utcNow);
        if (upTo < kMinThresholdDays) {
            continue; // cannot happen: api-activity was red at 30 days already
        }
        const int index = std::min(upTo, kMaxThresholdDays) - kMinThresholdDays;
        ++curve.m_seats[index];
        curve.m_savings[index] += price.value_or(0.0);
        curve.m_unpriced[index] += price ? 0 : 1;
    }
    for (int i = kPoints - 1; i >= 0; --i) {
        const bool top = i == kPoints - 1;
        curve.m_seats[i] += top ? fixedSeats : curve.m_seats[i + 1];
        curve.m_savings[i] += top ? fixedSavings : curve.m_savings[i + 1];
        curve.m_unpriced[i] += top ? fixedUnpriced : curve.m_unpriced[i + 1];
    }
    for (const pipeline::PreviewEntry &entry : preview.blocked) {
        const scan::ScannedUser &user = snapshot.users.at(entry.userIndex);
        // Own-threshold users are blocked only at their threshold; the rest at every one.
        curve.m_alwaysBlocked += policy.thresholdByLicense.contains(user.licenseName) ? 0 : 1;
    }
    curve.m_unpricedLicenses = unpriced.values();
    curve.m_unpricedLicenses.sort(Qt::CaseInsensitive);
    return curve;
}

WhatIfPoint WhatIfCurve::at(int thresholdDays) const
{
    const int days = std::clamp(thresholdDays, kMinThresholdDays, kMaxThresholdDays);
    if (m_seats.empty()) {
        return {days, 0, 0.0, 0};
    }
    const auto i = static_cast<size_t>(days - kMinThresholdDays);
    return {days, m_seats[i], m_savings[i], m_unpriced[i]};
}

QList<WhatIfPoint> WhatIfCurve::points() const
{
    QList<WhatIfPoint> list;
    list.reserve(kPoints);
    for (int days = kMinThresholdDays; days <= kMaxThresholdDays; ++days) {
        list.append(at(days));
    }
    return list;
}

} // namespace lr::savings
