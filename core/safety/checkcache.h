#pragma once

#include "core/policy/policy.h"
#include "core/safety/safetychecks.h"
#include "core/safety/safetysettings.h"
#include "core/safety/servicepatterns.h"
#include "core/scan/orgsnapshot.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>
#include <optional>

namespace lr::safety {

// What the safety checks would otherwise work out again for every user: the compiled
// service-account patterns, which sources are complete and the sentences for those that
// are not, and the policy's exemptions and keeps by user id. ReclaimPreview::build makes one
// per preview and hands it to the checks through CheckContext::cache, which keeps a preview
// of 100,000 users in the tens of milliseconds.
//
// It copies what it needs, so it may outlive its inputs. Apart from its memo of worded
// sentences, which a mutex guards, it never changes after construction, so one cache may
// serve several threads.
class CheckCache
{
public:
    // Sentences that depend on nothing but a few counts.
    enum class Counted {
        OpenRecords, // opportunities, cases, leads
        DirectReports,
        DelegatingUsers,
        PendingApprovals,
    };

    CheckCache(const scan::OrgSnapshot &snapshot,
               const policy::Policy &policy,
               const SafetySettings &settings);

    // The context's cache, or else one built into `storage`: a check called on its own (a
    // test, one user's details) works without the caller preparing anything.
    [[nodiscard]] static const CheckCache &of(const CheckContext &context,
                                              std::optional<CheckCache> &storage)
    {
        return context.cache ? *context.cache : made(context, storage);
    }

    [[nodiscard]] bool isComplete(scan::DataSource source) const
    {
        return m_complete[static_cast<size_t>(source)];
    }
    // The red finding's sentence for an incomplete source, naming the missing permission.
    [[nodiscard]] const QString &unknownMessage(scan::DataSource source) const
    {
        return m_unknownMessages[static_cast<size_t>(source)];
    }

    [[nodiscard]] const ServicePatterns &servicePatterns() const { return m_servicePatterns; }
    // The SafetySettings::defaultOwners entry that names this user, by id or username
    // (case-insensitive; a 15-character id matches its 18-character form), or an empty string.
    [[nodiscard]] QString defaultOwnerEntry(const scan::ScannedUser &user) const;
    // What the policy says about one user: exemptions (expired or not) and the latest keep.
    struct PolicyMarks
    {
        QList<policy::Exemption> exemptions; // in the policy's order
        QDate lastKept;                      // invalid: never kept
    };
    // This user's marks, or null when the policy names the user nowhere (almost everyone).
    [[nodiscard]] const PolicyMarks *policyMarks(const QString &userId) const;

    // The sentence `make()` words for these counts, made once per cache: most idle users own
    // open records or manage someone, and translating and formatting the same sentence for
    // each of them would cost more than all the checks together.
    template <typename Make>
    [[nodiscard]] QString counted(Counted kind, int a, int b, int c, Make make) const
    {
        const CountedKey key{kind, a, b, c};
        QMutexLocker locker(&m_countedMutex);
        if (const auto it = m_counted.constFind(key); it != m_counted.cend()) {
            return *it;
        }
        locker.unlock(); // make() translates, which may take long
        const QString sentence = make();
        locker.relock();
        m_counted.insert(key, sentence);
        return sentence;
    }

private:
    static const CheckCache &made(const CheckContext &context, std::optional<CheckCache> &storage);

    struct CountedKey
    {
        Counted kind;
        int a;
        int b;
        int c;

        friend bool operator==(const CountedKey &, const CountedKey &) = default;
        friend size_t qHash(const CountedKey &key, size_t seed = 0)
        {
            return qHashMulti(seed, static_cast<int>(key.kind), key.a, key.b, key.c);
        }
    };

    static constexpr int kSourceCount = static_cast<int>(scan::DataSource::UserLogins) + 1;

    std::array<bool, kSourceCount> m_complete{};
    std::array<QString, kSourceCount> m_unknownMessages;
    ServicePatterns m_servicePatterns;
    QStringList m_defaultOwners; // trimmed, non-empty
    // Keyed by the first 15 characters of the id, the part that identifies the record; the
    // 3 more characters of the 18-character form only encode its case.
    QHash<QString, PolicyMarks> m_policyMarks;
    mutable QMutex m_countedMutex;
    mutable QHash<CountedKey, QString> m_counted;
};

} // namespace lr::safety
