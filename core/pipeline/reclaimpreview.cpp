#include "core/pipeline/reclaimpreview.h"

#include "core/safety/checkcache.h"
#include "core/safety/safetychecks.h"

#include <algorithm>
#include <vector>

namespace lr::pipeline {

namespace {

// Sorts the entries longest idle first, then by name case-insensitively, then by position in
// the snapshot (so that equal names always sort the same way), and splits them into
// candidates and blocked users. Sorting is the costliest step of a large preview, so each
// name is case-folded once into one buffer, right after the checks read it (while it is
// still in the cache), and most comparisons end on the small sort keys alone: the days and
// the first 16 folded characters of the name, packed one byte each.
class EntrySorter
{
public:
    explicit EntrySorter(qsizetype capacity)
    {
        m_keys.reserve(static_cast<size_t>(capacity));
        m_names.reserve(static_cast<size_t>(capacity));
    }

    void add(const PreviewEntry &entry, const QString &name)
    {
        Key key{{0, 0}, entry.daysInactive, static_cast<int>(m_keys.size())};
        m_names.push_back({static_cast<qsizetype>(m_folded.size()),
                           name.size(),
                           entry.userIndex,
                           safety::hasRed(entry.findings)});
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
        const auto blocked = std::count_if(
            m_names.cbegin(), m_names.cend(), [](const Name &n) { return n.blocked; });
        preview.blocked.reserve(blocked);
        preview.candidates.reserve(static_cast<qsizetype>(m_names.size()) - blocked);
        for (const Key &key : m_keys) {
            (m_names[key.entry].blocked ? preview.blocked : preview.candidates)
                .append(std::move(entries[key.entry]));
        }
    }

private:
    // What the sort moves around: small, so that it stays in the cache.
    struct Key
    {
        // The folded name's first 16 units as bytes, the first one highest; units from U+00FF
        // up end it (see add()). Equal prefixes fall through to the full comparison.
        quint64 prefix[2];
        int daysInactive;
        int entry; // into m_names and the entries
    };
    struct Name
    {
        qsizetype offset; // of the folded name in m_folded
        qsizetype length;
        int userIndex;
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
        if (a.prefix[0] != b.prefix[0]) {
            return a.prefix[0] < b.prefix[0];
        }
        if (a.prefix[1] != b.prefix[1]) {
            return a.prefix[1] < b.prefix[1];
        }
        const Name &na = m_names[a.entry];
        const Name &nb = m_names[b.entry];
        const int byName = text(na).compare(text(nb));
        return byName != 0 ? byName < 0 : na.userIndex < nb.userIndex;
    }

    QStringView text(const Name &name) const
    {
        return QStringView(m_folded.data() + name.offset, name.length);
    }

    std::vector<Key> m_keys;
    std::vector<Name> m_names;
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
        const int threshold = policy.thresholdFor(user.licenseName);
        ++preview.inScope;
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
