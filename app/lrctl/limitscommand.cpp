#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::cli {

QCoro::Task<int> Commands::limits(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), u"limits takes no arguments"_s);
    }
    int exitCode = Failure;
    std::unique_ptr<ConnectedOrg> org = co_await ConnectedOrg::connect(cli, &exitCode);
    if (!org) {
        co_return exitCode;
    }
    Result<QJsonObject> limits = co_await org->client().limits();
    if (!limits) {
        co_return cli.fail(limits.error());
    }
    QJsonArray rows;
    for (auto it = limits->begin(); it != limits->end(); ++it) {
        const QJsonObject limit = it.value().toObject();
        rows.append(QJsonObject{{u"limit"_s, it.key()},
                                {u"max"_s, limit.value(u"Max"_s)},
                                {u"remaining"_s, limit.value(u"Remaining"_s)}});
    }
    OutputFormat::print(
        cli.out(), cli.format(), {u"limit"_s, u"max"_s, u"remaining"_s}, rows, *limits);
    co_return Success;
}

} // namespace lr::cli
