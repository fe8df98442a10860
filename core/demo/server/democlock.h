#pragma once

#include <QDateTime>
#include <QMutex>

namespace lr::demo {

// The demo org's notion of now: real time plus an offset that tests may set, so that
// TODAY, LAST_N_DAYS and token expiry can be exercised without waiting. Thread-safe.
class DemoClock
{
public:
    [[nodiscard]] QDateTime now() const;
    // From now on, now() starts at `instant` and runs on in real time.
    void setNow(const QDateTime &instant);
    void advance(qint64 seconds);
    void reset();

private:
    mutable QMutex m_mutex;
    qint64 m_offsetMs = 0;
};

} // namespace lr::demo
