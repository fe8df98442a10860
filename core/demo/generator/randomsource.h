#pragma once

#include <QList>
#include <QtGlobal>

#include <initializer_list>
#include <utility>

namespace lr::demo {

// A small deterministic pseudo-random generator (xoshiro256**, seeded through splitmix64)
// with its own range, chance and shuffle helpers. The standard library's distributions and
// std::shuffle are avoided on purpose: their results differ between library vendors, and
// the demo org must be the same on every platform for the same seed.
class RandomSource
{
public:
    // Independent streams for the parts of the generator, so that a change in one part does
    // not shift the numbers every other part draws.
    enum class Stream : quint64 {
        Catalog = 1,
        Users,
        OrgChart,
        Logins,
        Automation,
        Records,
    };

    explicit RandomSource(quint64 seed);
    // The `index`-th generator of `stream` (per-user login histories, for instance).
    RandomSource(quint64 seed, Stream stream, quint64 index = 0);

    [[nodiscard]] quint64 next();
    // Uniform in [0, bound); bound must be positive.
    [[nodiscard]] quint64 below(quint64 bound);
    // Uniform in [low, high], both inclusive; low <= high.
    [[nodiscard]] qint64 between(qint64 low, qint64 high);
    [[nodiscard]] int intBetween(int low, int high) { return static_cast<int>(between(low, high)); }
    // Uniform in [0, 1) with 53 random bits; exact on every IEEE 754 platform.
    [[nodiscard]] double unit();
    // True with the given probability (0 = never, 1 = always).
    [[nodiscard]] bool chance(double probability) { return unit() < probability; }
    // An index drawn with the given relative integer weights (at least one positive).
    [[nodiscard]] int weighted(std::initializer_list<int> weights)
    {
        return weighted(weights.begin(), static_cast<qsizetype>(weights.size()));
    }
    [[nodiscard]] int weighted(const QList<int> &weights)
    {
        return weighted(weights.constData(), weights.size());
    }
    [[nodiscard]] int weighted(const int *weights, qsizetype count);

    template <typename T>
    [[nodiscard]] const T &pick(const QList<T> &items)
    {
        Q_ASSERT(!items.isEmpty());
        return items.at(static_cast<qsizetype>(below(static_cast<quint64>(items.size()))));
    }

    // Fisher-Yates, so the order is the same everywhere for the same seed.
    template <typename T>
    void shuffle(QList<T> &items)
    {
        for (qsizetype i = items.size() - 1; i > 0; --i) {
            const auto j = static_cast<qsizetype>(below(static_cast<quint64>(i) + 1));
            if (j != i) {
                std::swap(items[i], items[j]);
            }
        }
    }

    // splitmix64, also useful on its own to mix seeds and indexes.
    [[nodiscard]] static quint64 mix(quint64 value);

private:
    void seedWith(quint64 seed);

    quint64 m_state[4] = {};
};

} // namespace lr::demo
