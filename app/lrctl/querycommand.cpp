#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

QCoro::Task<int> Commands::query(Cli &cli)
{
    if (cli.positional().size() != 2 || cli.positional().at(1).trimmed().isEmpty()) {
        co_return cli.usage(
            u"query"_s,
            QCoreApplication::translate("lrctl", "expected one SOQL statement in quotes"));
    }
    const auto batchSize = cli.number(u"batch-size"_s, 200, 2000, 2000);
    if (!batchSize) {
        co_return BadUsage;
    }
    int exitCode = Failure;
    std::unique_ptr<ConnectedOrg> org = co_await ConnectedOrg::connect(cli, &exitCode);
    if (!org) {
        co_return exitCode;
    }
    org::QueryOptions options;
    options.batchSize = static_cast<int>(*batchSize);
    Result<org::QueryResult> result = co_await org->client().query(cli.positional().at(1), options);
    if (!result) {
        co_return cli.fail(result.error());
    }
    cli.err() << QCoreApplication::translate("lrctl", "records: %1, pages: %2, API calls: %3")
                     .arg(result->totalSize)
                     .arg(result->pages)
                     .arg(org->client().callCount())
              << Qt::endl;
    QStringList columns = OutputFormat::recordColumns(result->records);
    if (columns.removeOne(u"Id"_s)) {
        columns.prepend(u"Id"_s);
    }
    OutputFormat::print(
        cli.out(),
        cli.format(),
        columns,
        result->records,
        QJsonObject{{u"totalSize"_s, result->totalSize}, {u"records"_s, result->records}});
    co_return Success;
}

} // namespace lr::cli
