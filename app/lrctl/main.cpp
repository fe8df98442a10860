#include "app/lrctl/cli.h"
#include "core/common/translations.h"

#include <QCoreApplication>
#include <QCoroTask>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstring>
#include <memory>

namespace {

// Ctrl+C and SIGTERM end `demo-org serve` through the event loop, so the demo org's
// database is closed cleanly. A signal handler may only set a lock-free flag; a timer in
// the event loop reads it.
std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested.store(true);
}

// `lrctl login` opens the system browser through QDesktopServices, which needs a
// QGuiApplication; every other command, and login without a display to show a browser on,
// stays a plain QCoreApplication (it then prints the address to open).
bool wantsBrowser(int argc, char *argv[])
{
    bool login = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--no-browser") == 0 || std::strcmp(argv[i], "-no-browser") == 0) {
            return false;
        }
        login = login || std::strcmp(argv[i], "login") == 0;
    }
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        return false;
    }
#endif
    return login;
}

} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (wantsBrowser(argc, argv)) {
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
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
