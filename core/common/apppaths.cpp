#include "core/common/apppaths.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace lr {

QString AppPaths::dataDirectory()
{
    QString dir = qEnvironmentVariable("LR_DATA_DIR");
    if (dir.isEmpty()) {
        dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
              + u"/license-reclaim"_s;
    }
    QDir().mkpath(dir);
    return dir;
}

QString AppPaths::demoOrgDatabase()
{
    return dataDirectory() + u"/demo-org.sqlite"_s;
}

} // namespace lr
