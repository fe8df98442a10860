#include "core/demo/server/democlock.h"

namespace lr::demo {

QDateTime DemoClock::now() const
{
    QMutexLocker lock(&m_mutex);
    return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
}

void DemoClock::setNow(const QDateTime &instant)
{
    QMutexLocker lock(&m_mutex);
    m_offsetMs = QDateTime::currentDateTimeUtc().msecsTo(instant.toUTC());
}

void DemoClock::advance(qint64 seconds)
{
    QMutexLocker lock(&m_mutex);
    m_offsetMs += seconds * 1000;
}

void DemoClock::reset()
{
    QMutexLocker lock(&m_mutex);
    m_offsetMs = 0;
}

} // namespace lr::demo
