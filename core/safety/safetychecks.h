#pragma once

#include "core/policy/policy.h"
#include "core/safety/finding.h"
#include "core/safety/safetysettings.h"
#include "core/scan/orgsnapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace lr::safety {

class CheckCache;

// Everything a check may look at besides the user.
struct CheckContext
{
    const scan::OrgSnapshot &snapshot;
    const policy::Policy &policy;
    const SafetySettings &settings;
    QDateTime now;          // UTC
    int thresholdDays = 90; // the policy's threshold for this user's license
    // What the checks would otherwise redo for every user (compiled patterns, lookups),
    // made once from the three references above; when null, each call makes its own.
    const CheckCache *cache = nullptr;
};

// The ten safety checks of design §4, each a small pure function of the user and the
// context. A check whose data the signed-in user could not read returns a red finding that
// names the missing permission: unknown is unsafe.
class SafetyChecks
{
    Q_DECLARE_TR_FUNCTIONS(lr::safety::SafetyChecks)

public:
    using Check = QList<Finding> (*)(const scan::ScannedUser &, const CheckContext &);

    struct Info
    {
        QString id;
        Check check = nullptr;
    };

    // Every check, in the order findings are reported.
    [[nodiscard]] static const QList<Info> &all();
    // Runs every check on one user; findings come in the order of all().
    [[nodiscard]] static QList<Finding> evaluate(const scan::ScannedUser &user,
                                                 const CheckContext &context);

    [[nodiscard]] static QList<Finding> serviceAccount(const scan::ScannedUser &,
                                                       const CheckContext &);
    [[nodiscard]] static QList<Finding> apiOnly(const scan::ScannedUser &, const CheckContext &);
    [[nodiscard]] static QList<Finding> apiActivity(const scan::ScannedUser &,
                                                    const CheckContext &);
    [[nodiscard]] static QList<Finding> admin(const scan::ScannedUser &, const CheckContext &);
    [[nodiscard]] static QList<Finding> queueMember(const scan::ScannedUser &,
                                                    const CheckContext &);
    [[nodiscard]] static QList<Finding> automationOwner(const scan::ScannedUser &,
                                                        const CheckContext &);
    [[nodiscard]] static QList<Finding> manager(const scan::ScannedUser &, const CheckContext &);
    [[nodiscard]] static QList<Finding> recordOwner(const scan::ScannedUser &,
                                                    const CheckContext &);
    [[nodiscard]] static QList<Finding> newUser(const scan::ScannedUser &, const CheckContext &);
    [[nodiscard]] static QList<Finding> exempt(const scan::ScannedUser &, const CheckContext &);
};

} // namespace lr::safety
