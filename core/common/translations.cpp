#include "core/common/translations.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace lr {

void Translations::install(QCoreApplication &app)
{
    auto *english = new QTranslator(&app);
    if (english->load(u":/i18n/license-reclaim_en.qm"_s)) {
        QCoreApplication::installTranslator(english);
    } else {
        qCWarning(lcUi) << "the English plural forms are missing from the resources";
    }
    auto *local = new QTranslator(&app);
    if (local->load(QLocale(), u"license-reclaim"_s, u"_"_s, u":/i18n"_s)
        && !local->filePath().endsWith(u"_en.qm"_s)) {
        QCoreApplication::installTranslator(local);
    } else {
        delete local;
    }
}

} // namespace lr
