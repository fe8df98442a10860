#include "core/safety/safetychecks.h"

#include "core/safety/checkcache.h"
#include "core/safety/checkwording.h"

#include <initializer_list>
#include <optional>

using namespace Qt::StringLiterals;

namespace lr::safety {

using scan::DataSource;
using scan::ScannedUser;

namespace {

constexpr qint64 kSecondsPerDay = 86400;

// Whole days from `then` to `now`, counted as ScannedUser::daysInactive counts them.
qint64 daysSince(const QDateTime &then, const QDateTime &now)
{
    return then.secsTo(now) / kSecondsPerDay;
}

Finding red(const QString &check, const QString &message)
{
    return {check, Finding::Severity::Red, message};
}

Finding amber(const QString &check, const QString &message)
{
    return {check, Finding::Severity::Amber, message};
}

// Unknown is unsafe: a red finding for each incomplete source, unless the check already
// found a red reason in the user's own record, which settles it whatever the rest says.
void addUnknown(QList<Finding> &findings,
                const QString &check,
                std::initializer_list<DataSource> sources,
                const CheckCache &cache)
{
    if (hasRed(findings)) {
        return;
    }
    for (DataSource source : sources) {
        if (!cache.isComplete(source)) {
            findings.append(red(check, cache.unknownMessage(source)));
        }
    }
}

// The user's own text ("On leave.") inside a sentence of ours: no doubled full stop.
QString withoutFinalStop(const QString &text)
{
    QString trimmed = text.trimmed();
    while (trimmed.endsWith(u'.')) {
        trimmed.chop(1);
    }
    return trimmed;
}

} // namespace

const QList<SafetyChecks::Info> &SafetyChecks::all()
{
    static const QList<Info> checks{
        {u"service-account"_s, &SafetyChecks::serviceAccount},
        {u"api-only"_s, &SafetyChecks::apiOnly},
        {u"api-activity"_s, &SafetyChecks::apiActivity},
        {u"admin"_s, &SafetyChecks::admin},
        {u"queue-member"_s, &SafetyChecks::queueMember},
        {u"automation-owner"_s, &SafetyChecks::automationOwner},
        {u"manager"_s, &SafetyChecks::manager},
        {u"record-owner"_s, &SafetyChecks::recordOwner},
        {u"new-user"_s, &SafetyChecks::newUser},
        {u"exempt"_s, &SafetyChecks::exempt},
    };
    return checks;
}

QList<Finding> SafetyChecks::evaluate(const ScannedUser &user, const CheckContext &context)
{
    if (!context.cache) {
        const CheckCache cache(context.snapshot, context.policy, context.settings);
        CheckContext cached = context;
        cached.cache = &cache;
        return evaluate(user, cached);
    }
    QList<Finding> findings;
    for (const Info &info : all()) {
        QList<Finding> found = info.check(user, context);
        if (findings.isEmpty()) {
            findings = std::move(found); // most users have one finding at most: no copy
        } else if (!found.isEmpty()) {
            findings.append(std::move(found));
        }
    }
    return findings;
}

QList<Finding> SafetyChecks::serviceAccount(const ScannedUser &user, const CheckContext &context)
{
    std::optional<CheckCache> own;
    const QList<ServicePatterns::Match> matches =
        CheckCache::of(context, own).servicePatterns().matches(user);
    if (matches.isEmpty()) {
        return {};
    }
    QStringList parts;
    for (const ServicePatterns::Match &match : matches) {
        QString field;
        switch (match.field) {
        case ServicePatterns::Field::Username:
            field = tr("username");
            break;
        case ServicePatterns::Field::Email:
            field = tr("email");
            break;
        case ServicePatterns::Field::Alias:
            field = tr("alias");
            break;
        case ServicePatterns::Field::Name:
            field = tr("name");
            break;
        }
        //: One match of a service-account pattern: username “svc-sync@acme.com” matches “^svc[-_.]”
        parts.append(tr("%1 “%2” matches “%3”").arg(field, match.value, match.pattern));
    }
    return {red(u"service-account"_s,
                tr("Looks like a service account: %1. Service accounts are not reclaimed; if "
                   "this is a person, narrow the service-account patterns.")
                    .arg(CheckWording::joined(parts)))};
}

QList<Finding> SafetyChecks::apiOnly(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"api-only"_s;
    QStringList reasons;
    if (user.licenseKey == u"SFDC_INTL"_s || user.licenseName == u"Salesforce Integration"_s) {
        reasons.append(tr("the Salesforce Integration license"));
    }
    if (user.profileName == u"Minimum Access - API Only Integrations"_s) {
        reasons.append(tr("the %1 profile").arg(user.profileName));
    }
    if (!user.apiOnlyGrants.isEmpty()) {
        reasons.append(user.apiOnlyGrants);
    }
    QList<Finding> findings;
    if (!reasons.isEmpty()) {
        findings.append(red(id,
                            tr("API-only user through %1. It never signs in to Salesforce "
                               "itself, so its inactivity says nothing about the seat.")
                                .arg(CheckWording::nameList(reasons, 3))));
    }
    std::optional<CheckCache> own;
    addUnknown(findings, id, {DataSource::PermissionAssignments}, CheckCache::of(context, own));
    return findings;
}

QList<Finding> SafetyChecks::apiActivity(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"api-activity"_s;
    QList<Finding> findings;
    // The window is the policy's threshold: use within it means the account is not idle.
    const auto inWindow = [&context](const QDateTime &when) {
        return when.isValid() && daysSince(when, context.now) < context.thresholdDays;
    };
    if (inWindow(user.lastApiLogin)) {
        const qint64 days = daysSince(user.lastApiLogin, context.now);
        const QString when = CheckWording::dateAndAge(user.lastApiLogin.toUTC().date(), days);
        findings.append(
            red(id,
                user.apiApplications.isEmpty()
                    ? tr("Logged in through the API on %1: an integration still uses this account. "
                         "Move it to an integration user before reclaiming the seat.")
                          .arg(when)
                    : tr("Logged in through the API on %1 with %2: an integration still uses this "
                         "account. Move it to an integration user before reclaiming the seat.")
                          .arg(when, CheckWording::nameList(user.apiApplications, 3))));
    }
    if (inWindow(user.lastOauthUse)) {
        const qint64 days = daysSince(user.lastOauthUse, context.now);
        const QString when = CheckWording::dateAndAge(user.lastOauthUse.toUTC().date(), days);
        findings.append(
            red(id,
                user.oauthApps.isEmpty()
                    ? tr("An OAuth token was used on %1: a connected app still acts as this user. "
                         "Move it to an integration user before reclaiming the seat.")
                          .arg(when)
                    : tr("An OAuth token was used on %1 by %2: a connected app still acts as this "
                         "user. Move it to an integration user before reclaiming the seat.")
                          .arg(when, CheckWording::nameList(user.oauthApps, 3))));
    }
    std::optional<CheckCache> own;
    addUnknown(findings,
               id,
               {DataSource::LoginHistory, DataSource::OauthTokens},
               CheckCache::of(context, own));
    return findings;
}

QList<Finding> SafetyChecks::admin(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"admin"_s;
    QStringList reasons;
    if (user.profileName == u"System Administrator"_s) {
        reasons.append(tr("the System Administrator profile"));
    }
    if (!user.modifyAllDataGrants.isEmpty()) {
        reasons.append(
            tr("Modify All Data through %1").arg(CheckWording::nameList(user.modifyAllDataGrants)));
    }
    if (!user.customizeApplicationGrants.isEmpty()) {
        reasons.append(tr("Customize Application through %1")
                           .arg(CheckWording::nameList(user.customizeApplicationGrants)));
    }
    QList<Finding> findings;
    if (!reasons.isEmpty()) {
        findings.append(red(id,
                            tr("Has admin rights: %1. Reclaim an admin's seat by hand, after "
                               "checking who else can administer the org.")
                                .arg(CheckWording::joined(reasons))));
    }
    std::optional<CheckCache> own;
    addUnknown(findings, id, {DataSource::PermissionAssignments}, CheckCache::of(context, own));
    return findings;
}

QList<Finding> SafetyChecks::queueMember(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"queue-member"_s;
    QStringList sole;
    QStringList shared;
    for (const scan::QueueMembership &queue : user.queues) {
        // The count includes this user, who is active: 1 means nobody else is.
        (queue.activeMembers <= 1 ? sole : shared).append(queue.queueName);
    }
    QList<Finding> findings;
    if (!sole.isEmpty()) {
        findings.append(red(id,
                            tr("Only active member of %n queue(s): %1. Add another active "
                               "member before deactivating, or the work routed there waits "
                               "for nobody.",
                               nullptr,
                               static_cast<int>(sole.size()))
                                .arg(CheckWording::nameList(sole))));
    }
    if (!shared.isEmpty()) {
        findings.append(amber(id,
                              tr("Member of %n queue(s) shared with other active members: %1. "
                                 "Make sure they can take over the work.",
                                 nullptr,
                                 static_cast<int>(shared.size()))
                                  .arg(CheckWording::nameList(shared))));
    }
    std::optional<CheckCache> own;
    addUnknown(findings, id, {DataSource::Queues}, CheckCache::of(context, own));
    return findings;
}

QList<Finding> SafetyChecks::automationOwner(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"automation-owner"_s;
    QList<Finding> findings;
    if (!user.scheduledJobs.isEmpty()) {
        findings.append(red(id,
                            tr("Owns %n scheduled job(s): %1. Reassign the job(s) before "
                               "deactivating; a job stops when its owner is deactivated.",
                               nullptr,
                               static_cast<int>(user.scheduledJobs.size()))
                                .arg(CheckWording::nameList(user.scheduledJobs))));
    }
    if (!user.dashboards.isEmpty()) {
        findings.append(red(id,
                            tr("Is the running user of %n dashboard(s): %1. Choose another running "
                               "user for the dashboard(s) before deactivating.",
                               nullptr,
                               static_cast<int>(user.dashboards.size()))
                                .arg(CheckWording::nameList(user.dashboards))));
    }
    std::optional<CheckCache> own;
    const CheckCache &cache = CheckCache::of(context, own);
    const QString entry = cache.defaultOwnerEntry(user);
    if (!entry.isEmpty()) {
        findings.append(red(id,
                            tr("Listed as a default owner in the safety settings (“%1”): the "
                               "default workflow user, case owner or lead owner. Salesforce "
                               "refuses to deactivate such a user; change that setting in "
                               "Setup first.")
                                .arg(entry)));
    }
    addUnknown(findings, id, {DataSource::ScheduledJobs, DataSource::Dashboards}, cache);
    return findings;
}

QList<Finding> SafetyChecks::manager(const ScannedUser &user, const CheckContext &context)
{
    using Counted = CheckCache::Counted;
    const QString id = u"manager"_s;
    std::optional<CheckCache> own;
    const CheckCache &cache = CheckCache::of(context, own);
    QList<Finding> findings;
    if (const int n = user.activeDirectReports; n > 0) {
        const QString sentence = cache.counted(Counted::DirectReports, n, 0, 0, [n] {
            return tr("Manages %n active user(s). Give them a new manager before deactivating, "
                      "so that their approvals reach someone.",
                      nullptr,
                      n);
        });
        findings.append(amber(id, sentence));
    }
    if (const int n = user.delegatingUsers; n > 0) {
        const QString sentence = cache.counted(Counted::DelegatingUsers, n, 0, 0, [n] {
            return tr("Delegated approver for %n active user(s). Choose another delegate for "
                      "them before deactivating.",
                      nullptr,
                      n);
        });
        findings.append(amber(id, sentence));
    }
    if (const int n = user.pendingApprovals; n > 0) {
        const QString sentence = cache.counted(Counted::PendingApprovals, n, 0, 0, [n] {
            return tr("Holds %n pending approval(s). Reassign the approval(s) before "
                      "deactivating.",
                      nullptr,
                      n);
        });
        findings.append(amber(id, sentence));
    }
    addUnknown(findings, id, {DataSource::Approvals}, cache);
    return findings;
}

QList<Finding> SafetyChecks::recordOwner(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"record-owner"_s;
    std::optional<CheckCache> own;
    const CheckCache &cache = CheckCache::of(context, own);
    QList<Finding> findings;
    if (user.openRecords() > context.settings.recordOwnerThreshold) {
        const int opportunities = user.openOpportunities;
        const int cases = user.openCases;
        const int leads = user.openLeads;
        const auto make = [opportunities, cases, leads] {
            // Labels with counts rather than "12 opportunities": the counts need no plural
            // forms of their own, and every language can read them.
            QStringList parts;
            if (opportunities > 0) {
                parts.append(tr("opportunities: %1").arg(opportunities));
            }
            if (cases > 0) {
                parts.append(tr("cases: %1").arg(cases));
            }
            if (leads > 0) {
                parts.append(tr("leads: %1").arg(leads));
            }
            return tr("Owns %n open record(s) (%1). Transfer the record(s) to an active owner "
                      "before deactivating.",
                      nullptr,
                      opportunities + cases + leads)
                .arg(parts.join(tr(", ")));
        };
        findings.append(amber(
            id,
            cache.counted(CheckCache::Counted::OpenRecords, opportunities, cases, leads, make)));
    }
    addUnknown(findings,
               id,
               {DataSource::OpenOpportunities, DataSource::OpenCases, DataSource::OpenLeads},
               cache);
    return findings;
}

QList<Finding> SafetyChecks::newUser(const ScannedUser &user, const CheckContext &context)
{
    if (!user.created.isValid()) {
        return {};
    }
    const qint64 age = daysSince(user.created, context.now);
    const bool neverLoggedIn = !user.lastLogin.isValid();
    // A never-used account created inside the inactivity window has not had a chance yet,
    // even when the new-user window is shorter.
    const bool isNew =
        age < context.settings.newUserDays || (neverLoggedIn && age < context.thresholdDays);
    if (!isNew) {
        return {};
    }
    const QString created = CheckWording::dateAndAge(user.created.toUTC().date(), age);
    const QString id = u"new-user"_s;
    if (neverLoggedIn) {
        return {amber(id,
                      tr("Created on %1 and never logged in. Check that this person has "
                         "started before reclaiming the seat.")
                          .arg(created))};
    }
    return {amber(id,
                  tr("Created on %1, inside the %n-day new-user window: a new hire may not "
                     "use Salesforce every month yet.",
                     nullptr,
                     context.settings.newUserDays)
                      .arg(created))};
}

QList<Finding> SafetyChecks::exempt(const ScannedUser &user, const CheckContext &context)
{
    const QString id = u"exempt"_s;
    QList<Finding> findings;
    if (!context.policy.recentKeepsUnknown.isEmpty() && context.policy.cooldownDays > 0) {
        findings.append(red(id, context.policy.recentKeepsUnknown));
    }
    std::optional<CheckCache> own;
    const CheckCache::PolicyMarks *marks = CheckCache::of(context, own).policyMarks(user.id);
    if (!marks) {
        return findings;
    }
    const QDate today = context.now.toUTC().date();
    // An exemption holds through its expiry date.
    for (const policy::Exemption &exemption : marks->exemptions) {
        const QString reason = withoutFinalStop(exemption.reason);
        if (!exemption.expires.isValid()) {
            findings.append(
                red(id,
                    reason.isEmpty()
                        ? tr("Exempt from this policy with no end date (no reason "
                             "given).")
                        : tr("Exempt from this policy with no end date: %1.").arg(reason)));
        } else if (exemption.expires >= today) {
            const QString until = CheckWording::date(exemption.expires);
            findings.append(
                red(id,
                    reason.isEmpty()
                        ? tr("Exempt from this policy until %1 (no reason given).").arg(until)
                        : tr("Exempt from this policy until %1: %2.").arg(until, reason)));
        }
    }
    // A keep on day D protects the user for cooldownDays days: D up to D + cooldown - 1.
    const QDate kept = marks->lastKept;
    if (kept.isValid() && today < kept.addDays(context.policy.cooldownDays)) {
        const QString when = CheckWording::dateAndAge(kept, kept.daysTo(today));
        const QString ends = CheckWording::date(kept.addDays(context.policy.cooldownDays));
        findings.append(red(id,
                            tr("Kept on %1; the %n-day cooldown of this policy ends on %2.",
                               nullptr,
                               context.policy.cooldownDays)
                                .arg(when, ends)));
    }
    return findings;
}

} // namespace lr::safety
