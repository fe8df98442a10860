#pragma once

#include "core/policy/policy.h"
#include "core/safety/safetysettings.h"
#include "core/safety/servicepatterns.h"
#include "core/scan/orgsnapshot.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace lr::safety {

struct CheckContext;

// What the safety checks would otherwise work out again for every user: the compiled
// service-account patterns, which sources are complete and the sentences for those that
// are not, and the policy's exemptions and keeps by user id. ReclaimPreview::build makes one
// per preview and hands it to the checks through CheckContext::cache, which keeps a preview
// of 100,000 users in the tens of milliseconds.
//
// It copies what it needs, so it may outlive its inputs; it never changes after
// construction, so one cache may serve several threads.
class CheckCache
{
public:
    CheckCache(const scan::OrgSnapshot &snapshot,
               const policy::Policy &policy,
               const SafetySettings &settings);

    // The context's cache, or else one built into `storage`: a check called on its own (a
    // test, one user's details) works without the caller preparing anything.
    [[nodiscard]] static const CheckCache &of(const CheckContext &context,
                                              std::optional<CheckCache> &storage);

    [[nodiscard]] bool isComplete(scan::DataSource source) const;
    // The red finding's sentence for an incomplete source, naming the missing permission.
    [[nodiscard]] const QString &unknownMessage(scan::DataSource source) const;

    [[nodiscard]] const ServicePatterns &servicePatterns() const { return m_servicePatterns; }
    // The SafetySettings::defaultOwners entry that names this user, by id or username
    // (case-insensitive; a 15-character id matches its 18-character form), or an empty string.
    [[nodiscard]] QString defaultOwnerEntry(const scan::ScannedUser &user) const;
    // The policy's exemptions of this user, whether expired or not.
    [[nodiscard]] QList<policy::Exemption> exemptionsOf(const QString &userId) const;
    // The latest day the policy recorded a keep of this user, if any.
    [[nodiscard]] std::optional<QDate> lastKept(const QString &userId) const;

private:
    static constexpr int kSourceCount = static_cast<int>(scan::DataSource::UserLogins) + 1;

    std::array<bool, kSourceCount> m_complete{};
    std::array<QString, kSourceCount> m_unknownMessages;
    ServicePatterns m_servicePatterns;
    QStringList m_defaultOwners; // trimmed, non-empty
    // Keyed by the first 15 characters of the id, the part that identifies the record; the
    // 3 more characters of the 18-character form only encode its case.
    QMultiHash<QString, policy::Exemption> m_exemptions;
    QHash<QString, QDate> m_lastKept;
};

} // namespace lr::safety
