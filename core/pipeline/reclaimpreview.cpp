#include "core/pipeline/reclaimpreview.h"

#include "core/safety/checkcache.h"
#include "core/safety/safetychecks.h"

#include <algorithm>
#include <array>
#include <vector>

namespace lr::pipeline {

namespace {

// Sorts the entries longest idle first, then by name case-insensitively, then by position in
// the snapshot (so that equal names always sort the same way), and splits them into
// candidates and blocked users. Sorting is the costliest step of a large preview, so each
// name is case-folded once into one buffer, right after the checks read it (while it is
// still in the cache), and most comparisons end on integers: the days and the first 16
// folded characters of the name, packed one byte each.
class EntrySorter
{
public:
    explicit EntrySorter(qsizetype capacity) { m_keys.reserve(static_cast<size_t>(capacity)); }

    void add(const PreviewEntry &entry, const QString &name)
    {
        Key key{entry.daysInactive,
                {0, 0},
                static_cast<qsizetype>(m_folded.size()),
                name.size(),
                entry.userIndex,
                static_cast<qsizetype>(m_keys.size()),
                safety::hasRed(entry.findings)};
        qsizetype encoded = 0; // prefix bytes so far; 16 at most
        for (qsizetype i = 0; i < name.size(); ++i) {
            const char16_t unit = folded(name.at(i).unicode());
            m_folded.push_back(unit);
            if (encoded < 16) {
                // Units from U+00FF up share the byte 0xff, so two such units tie here even
                // when they differ: the bytes after one must not decide, so the prefix ends.
                const bool saturated = unit >= 0xff;
                key.prefix[encoded / 8] |= static_cast<quint64>(saturated ? 0xff : unit)
                                           << (8 * (7 - encoded % 8));
                encoded = saturated ? 16 : encoded + 1;
            }
        }
        m_keys.push_back(key);
    }

    // `entries` are those passed to add(), in the same order.
    void sortAndSplit(QList<PreviewEntry> &entries, ReclaimPreview &preview)
    {
        std::sort(m_keys.begin(), m_keys.end(), [this](const Key &a, const Key &b) {
            return before(a, b);
        });
        for (const Key &key : m_keys) {
            (key.blocked ? preview.blocked : preview.candidates)
                .append(std::move(entries[key.entry]));
        }
    }

private:
    struct Key
    {
        int daysInactive;
        // The folded name's first 16 units as bytes, the first one highest; units from U+00FF
        // up end it (see add()). Equal prefixes fall through to the full comparison.
        std::array<quint64, 2> prefix;
        qsizetype offset; // of the folded name in m_folded
        qsizetype length;
        int userIndex;
        qsizetype entry;
        bool blocked; // read here rather than from the findings, which are cold by then
    };

    static char16_t folded(char16_t unit)
    {
        if (unit < 0x80) {
            return (unit >= u'A' && unit <= u'Z') ? static_cast<char16_t>(unit | 0x20) : unit;
        }
        return static_cast<char16_t>(QChar::toCaseFolded(unit));
    }

    bool before(const Key &a, const Key &b) const
    {
        if (a.daysInactive != b.daysInactive) {
            return a.daysInactive > b.daysInactive;
        }
        if (a.prefix != b.prefix) {
            return a.prefix < b.prefix; // lexicographic over the two words
        }
        const int byName = name(a).compare(name(b));
        return byName != 0 ? byName < 0 : a.userIndex < b.userIndex;
    }

    QStringView name(const Key &key) const
    {
        return QStringView(m_folded.data() + key.offset, key.length);
    }

    std::vector<Key> m_keys;
    std::vector<char16_t> m_folded;
};

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
    QList<PreviewEntry> entries;
    entries.reserve(users.size());
    EntrySorter sorter(users.size());
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
        entries.append(
            {static_cast<int>(i), days, threshold, safety::SafetyChecks::evaluate(user, context)});
        sorter.add(entries.last(), user.name);
    }
    sorter.sortAndSplit(entries, preview);
    return preview;
}

} // namespace lr::pipeline
