#include "app/lrctl/connectedorg.h"

#include "app/lrctl/cli.h"

namespace lr::cli {

QCoro::Task<std::unique_ptr<ConnectedOrg>> ConnectedOrg::connect(Cli &cli, int *exitCode)
{
    Error error;
    const std::optional<org::OrgChoice> choice = cli.orgChoice(&error);
    if (!choice) {
        *exitCode = error.message.isEmpty() ? BadUsage : cli.fail(error);
        co_return std::unique_ptr<ConnectedOrg>();
    }
    Result<std::unique_ptr<org::OpenedOrg>> opened = org::OpenedOrg::open(*choice);
    if (!opened) {
        *exitCode = cli.fail(opened.error());
        co_return std::unique_ptr<ConnectedOrg>();
    }
    auto connected = std::make_unique<ConnectedOrg>();
    connected->m_opened = std::move(opened.value());
    connected->m_client =
        std::make_unique<org::OrgClient>(&connected->m_network, connected->m_opened->session());
    Result<QString> version = co_await connected->m_client->negotiateVersion();
    if (!version) {
        *exitCode = cli.fail(version.error());
        co_return std::unique_ptr<ConnectedOrg>();
    }
    *exitCode = Success;
    co_return connected;
}

} // namespace lr::cli
