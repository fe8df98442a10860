#include "app/lrctl/cli.h"
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QLoggingCategory>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace {

// Ctrl+C and SIGTERM end `demo-org serve` through the event loop, so the demo org's
// database is closed cleanly. A signal handler may only set a lock-free flag; a timer in
// the event loop reads it.
std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested.store(true);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lrctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("License Reclaim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LR_VERSION));
    lr::Translations::install(app);
    // Progress and milestones are for the console's log; lrctl prints warnings and errors
    // unless QT_LOGGING_RULES asks for more.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES")) {
        QLoggingCategory::setFilterRules(QStringLiteral("lr.*.info=false"));
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopWatch;
    stopWatch.setInterval(100);
    QObject::connect(&stopWatch, &QTimer::timeout, &app, [] {
        if (g_stopRequested.load()) {
            QCoreApplication::quit();
        }
    });
    stopWatch.start();

    lr::cli::Cli cli(QCoreApplication::arguments());
    int exitCode = lr::cli::Failure;
    bool finished = false;
    QTimer::singleShot(0, &app, [&] {
        QCoro::connect(cli.run(), &app, [&](int code) {
            exitCode = code;
            finished = true;
            QCoreApplication::exit(code);
        });
    });
    app.exec();
    return finished ? exitCode : lr::cli::Success;
}
