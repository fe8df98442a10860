#include "core/pipeline/reclaimpreview.h"

#include "core/safety/checkcache.h"
#include "core/safety/safetychecks.h"

#include <algorithm>

namespace lr::pipeline {

namespace {

// Longest idle first; then by name, case-insensitively, and by position in the snapshot so
// that equal names still sort the same way every time.
void sortEntries(QList<PreviewEntry> &entries, const QList<scan::ScannedUser> &users)
{
    std::sort(
        entries.begin(), entries.end(), [&users](const PreviewEntry &a, const PreviewEntry &b) {
            if (a.daysInactive != b.daysInactive) {
                return a.daysInactive > b.daysInactive;
            }
            const int byName =
                users.at(a.userIndex).name.compare(users.at(b.userIndex).name, Qt::CaseInsensitive);
            return byName != 0 ? byName < 0 : a.userIndex < b.userIndex;
        });
}

} // namespace

ReclaimPreview ReclaimPreview::build(const scan::OrgSnapshot &snapshot,
                                     const policy::Policy &policy,
                                     const safety::SafetySettings &settings,
                                     const QDateTime &now)
{
    ReclaimPreview preview;
    const QDateTime utcNow = now.toUTC();
    // Compiled patterns and lookups once for the whole preview, not once per user.
    const safety::CheckCache cache(snapshot, policy, settings);
    safety::CheckContext context{snapshot, policy, settings, utcNow, 0, &cache};

    const QList<scan::ScannedUser> &users = snapshot.users;
    for (qsizetype i = 0; i < users.size(); ++i) {
        const scan::ScannedUser &user = users.at(i);
        if (!policy.covers(user.licenseName, user.userType)) {
            continue;
        }
        ++preview.inScope;
        const int threshold = policy.thresholdFor(user.licenseName);
        const int days = user.daysInactive(utcNow);
        if (days < threshold) {
            continue;
        }
        context.thresholdDays = threshold;
        PreviewEntry entry{
            static_cast<int>(i), days, threshold, safety::SafetyChecks::evaluate(user, context)};
        (safety::hasRed(entry.findings) ? preview.blocked : preview.candidates)
            .append(std::move(entry));
    }
    sortEntries(preview.candidates, users);
    sortEntries(preview.blocked, users);
    return preview;
}

} // namespace lr::pipeline
