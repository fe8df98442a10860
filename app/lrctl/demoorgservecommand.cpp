#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "core/demo/demoorg.h"
#include "core/demo/demoorghost.h"

#include <QCoreApplication>
#include <QCoroSignal>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

QCoro::Task<int> Commands::demoOrgServe(Cli &cli)
{
    if (cli.positional().size() != 2) {
        co_return cli.usage(cli.positional().at(2), u"demo-org serve takes no arguments"_s);
    }
    const auto users = cli.number(u"users"_s, 10, 1000000, 2000);
    const auto seed = cli.number(u"seed"_s, 0, std::numeric_limits<qint64>::max(), 1);
    const auto port = cli.number(u"port"_s, 0, 65535, 0);
    if (!users || !seed || !port) {
        co_return BadUsage;
    }
    demo::DemoOrgOptions options;
    options.userCount = static_cast<int>(*users);
    options.seed = static_cast<quint64>(*seed);
    options.controlApi = cli.parser().isSet(u"control"_s);
    if (cli.parser().isSet(u"lr-schema"_s)) {
        const QString state = cli.parser().value(u"lr-schema"_s);
        const std::optional<demo::LrSchema> schema = demo::lrSchemaFromName(state);
        if (!schema) {
            co_return cli.usage(u"--lr-schema"_s,
                                u"expected current, none or old, got '%1'"_s.arg(state));
        }
        options.lrSchema = *schema;
    }
    if (cli.parser().isSet(u"db"_s)) {
        options.databasePath = QFileInfo(cli.parser().value(u"db"_s)).absoluteFilePath();
        if (QFileInfo(options.databasePath).isDir()) {
            co_return cli.usage(u"--db"_s,
                                u"'%1' is a directory, not a file"_s.arg(options.databasePath));
        }
    }
    Result<std::unique_ptr<demo::DemoOrg>> org = demo::DemoOrg::open(options);
    if (!org) {
        co_return cli.fail(org.error());
    }
    demo::DemoOrgHost host(*org.value());
    Result<QUrl> url = host.start(static_cast<quint16>(*port));
    if (!url) {
        co_return cli.fail(url.error());
    }
    // These four lines first, exactly, so scripts and tests can read them.
    QTextStream &out = cli.out();
    out << "instance_url=" << url->toString() << '\n'
        << "access_token=" << org.value()->principalToken(u"admin"_s) << '\n'
        << "analyst_token=" << org.value()->principalToken(u"analyst"_s) << '\n'
        << "viewer_token=" << org.value()->principalToken(u"viewer"_s) << '\n';
    out.flush();
    cli.err() << QCoreApplication::translate("lrctl", "Serving %1 users; stop with Ctrl+C.")
                     .arg(org.value()->info().userCount)
              << Qt::endl;
    co_await qCoro(QCoreApplication::instance(), &QCoreApplication::aboutToQuit);
    co_return Success;
}

} // namespace lr::cli
