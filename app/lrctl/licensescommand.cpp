#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"
#include "core/org/orgoverview.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::cli {

QCoro::Task<int> Commands::licenses(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), u"licenses takes no arguments"_s);
    }
    int exitCode = Failure;
    std::unique_ptr<ConnectedOrg> org = co_await ConnectedOrg::connect(cli, &exitCode);
    if (!org) {
        co_return exitCode;
    }
    Result<org::OrgOverview> overview = co_await org::OrgOverview::load(org->client());
    if (!overview) {
        co_return cli.fail(overview.error());
    }
    QJsonArray rows;
    for (const org::LicenseSeats &seats : std::as_const(overview->licenses)) {
        rows.append(QJsonObject{{u"license"_s, seats.name},
                                {u"key"_s, seats.definitionKey},
                                {u"status"_s, seats.status},
                                {u"purchased"_s, seats.purchased},
                                {u"used"_s, seats.used},
                                {u"available"_s, seats.available()}});
    }
    const QJsonObject json{{u"org"_s,
                            QJsonObject{{u"id"_s, overview->org.id},
                                        {u"name"_s, overview->org.name},
                                        {u"sandbox"_s, overview->org.sandbox}}},
                           {u"licenses"_s, rows}};
    OutputFormat::print(
        cli.out(),
        cli.format(),
        {u"license"_s, u"key"_s, u"status"_s, u"purchased"_s, u"used"_s, u"available"_s},
        rows,
        json);
    co_return Success;
}

} // namespace lr::cli
