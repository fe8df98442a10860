#include "core/demo/generator/randomsource.h"

namespace lr::demo {

namespace {

constexpr quint64 kGolden = 0x9e3779b97f4a7c15ULL;

constexpr quint64 rotl(quint64 value, int shift)
{
    return (value << shift) | (value >> (64 - shift));
}

} // namespace

RandomSource::RandomSource(quint64 seed)
{
    seedWith(seed);
}

RandomSource::RandomSource(quint64 seed, Stream stream, quint64 index)
{
    const quint64 streamKey = mix(static_cast<quint64>(stream) * kGolden);
    seedWith(mix(seed ^ streamKey) ^ mix(index + streamKey));
}

quint64 RandomSource::mix(quint64 value)
{
    quint64 z = value + kGolden;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void RandomSource::seedWith(quint64 seed)
{
    quint64 x = seed;
    for (quint64 &word : m_state) {
        x += kGolden;
        word = mix(x);
    }
}

quint64 RandomSource::next()
{
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

quint64 RandomSource::below(quint64 bound)
{
    Q_ASSERT(bound > 0);
    // Rejection keeps the result unbiased: draws below `threshold` would favour small values.
    const quint64 threshold = (0 - bound) % bound;
    for (;;) {
        const quint64 r = next();
        if (r >= threshold) {
            return r % bound;
        }
    }
}

qint64 RandomSource::between(qint64 low, qint64 high)
{
    Q_ASSERT(low <= high);
    const quint64 span = static_cast<quint64>(high) - static_cast<quint64>(low) + 1;
    if (span == 0) { // the whole 64-bit range
        return static_cast<qint64>(next());
    }
    return static_cast<qint64>(static_cast<quint64>(low) + below(span));
}

double RandomSource::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

int RandomSource::weighted(const int *weights, qsizetype count)
{
    qint64 total = 0;
    for (qsizetype i = 0; i < count; ++i) {
        total += weights[i];
    }
    Q_ASSERT(total > 0);
    qint64 r = static_cast<qint64>(below(static_cast<quint64>(total)));
    for (qsizetype i = 0; i < count; ++i) {
        r -= weights[i];
        if (r < 0) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(count - 1);
}

} // namespace lr::demo
