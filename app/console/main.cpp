#include "core/common/translations.h"
#include "core/org/orgchoice.h"
#include "ui/mainwindow.h"
#include "ui/overview/overviewpage.h"
#include "ui/policies/policiespage.h"
#include "ui/preview/previewpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// Reads the console's options; prints the problem and returns false on bad usage.
bool parseChoice(const QCommandLineParser &parser, lr::org::OrgChoice *choice)
{
    auto bad = [](const QString &text) {
        std::fprintf(stderr, "license-reclaim: %s\n", qPrintable(text));
        return false;
    };
    if (parser.isSet(QStringLiteral("demo-users"))) {
        bool ok = false;
        const int users = parser.value(QStringLiteral("demo-users")).toInt(&ok);
        if (!ok || users < 10 || users > 1000000) {
            return bad(QApplication::translate("console",
                                               "--demo-users: expected a whole number from 10 "
                                               "to 1000000"));
        }
        choice->kind = lr::org::OrgChoice::Kind::FreshDemo;
        choice->demoUsers = users;
        choice->demoSeed = parser.value(QStringLiteral("seed")).toULongLong();
    } else if (parser.isSet(QStringLiteral("instance-url"))) {
        choice->kind = lr::org::OrgChoice::Kind::InstanceUrl;
        choice->instanceUrl = QUrl(parser.value(QStringLiteral("instance-url")), QUrl::StrictMode);
        choice->accessToken = qEnvironmentVariable("LR_ACCESS_TOKEN");
    } else {
        choice->kind = lr::org::OrgChoice::Kind::PersistedDemo;
    }
    if (parser.isSet(QStringLiteral("as"))) {
        choice->demoRole = parser.value(QStringLiteral("as"));
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("License Reclaim"));
    QApplication::setOrganizationName(QStringLiteral("License Reclaim"));
    QApplication::setApplicationVersion(QStringLiteral(LR_VERSION));
    lr::Translations::install(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("console", "Recover unused Salesforce seats safely."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("demo"),
         QApplication::translate("console", "Open the built-in demo org (the default).")},
        {QStringLiteral("demo-users"),
         QApplication::translate("console", "Open a fresh in-memory demo org of N users."),
         QStringLiteral("N")},
        {QStringLiteral("seed"),
         QApplication::translate("console", "Seed of that demo org."),
         QStringLiteral("S"),
         QStringLiteral("1")},
        {QStringLiteral("instance-url"),
         QApplication::translate("console", "Open an org with the token in LR_ACCESS_TOKEN."),
         QStringLiteral("URL")},
        {QStringLiteral("as"),
         QApplication::translate("console", "Demo user to act as: admin, analyst or viewer."),
         QStringLiteral("ROLE")},
        {QStringLiteral("page"),
         QApplication::translate("console",
                                 "Open on PAGE: overview (the default), preview or policies."),
         QStringLiteral("PAGE"),
         QStringLiteral("overview")},
        {QStringLiteral("screenshot"),
         QApplication::translate("console", "Save the window to FILE once loaded, then quit."),
         QStringLiteral("FILE")},
    });
    parser.process(app);

    lr::org::OrgChoice choice;
    if (!parseChoice(parser, &choice)) {
        return 2;
    }
    const QString page = parser.value(QStringLiteral("page"));
    if (page != QLatin1String("overview") && page != QLatin1String("preview")
        && page != QLatin1String("policies")) {
        std::fprintf(stderr,
                     "license-reclaim: %s\n",
                     qPrintable(QApplication::translate(
                         "console", "--page: expected overview, preview or policies")));
        return 2;
    }
    lr::ui::MainWindow window;
    const bool preview = page == QLatin1String("preview");
    const bool policies = page == QLatin1String("policies");
    if (preview) {
        window.showPage(window.previewPage());
    } else if (policies) {
        window.showPage(window.policiesPage());
    }
    window.show();
    if (parser.isSet(QStringLiteral("screenshot"))) {
        // Grabs the window once the page on screen has loaded (or has shown why it could not).
        const QString file = parser.value(QStringLiteral("screenshot"));
        auto grab = [&window, file] {
            QTimer::singleShot(300, &window, [&window, file] {
                const bool saved = window.grab().save(file);
                QApplication::exit(saved ? 0 : 1);
            });
        };
        if (preview) {
            QObject::connect(
                window.previewPage(), &lr::ui::PreviewPage::previewReady, &window, grab);
            QObject::connect(window.previewPage(), &lr::ui::PreviewPage::scanFailed, &window, grab);
        } else if (policies) {
            // The list and, from Preview's scan, the what-if curve (computed after a 250 ms
            // pause for edits): grab once both have had their turn.
            auto waiting = std::make_shared<int>(2);
            auto grabLast = [grab, waiting] {
                if (--*waiting == 0) {
                    QTimer::singleShot(1000, grab);
                }
            };
            QObject::connect(
                window.policiesPage(), &lr::ui::PoliciesPage::policiesShown, &window, grabLast);
            QObject::connect(
                window.previewPage(), &lr::ui::PreviewPage::previewReady, &window, grabLast);
            QObject::connect(
                window.previewPage(), &lr::ui::PreviewPage::scanFailed, &window, grabLast);
        } else {
            QObject::connect(window.overviewPage(), &lr::ui::OverviewPage::loaded, &window, grab);
        }
    }
    QTimer::singleShot(0, &window, [&window, choice] { window.openOrg(choice); });
    return app.exec();
}
