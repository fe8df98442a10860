#include "app/lrctl/connectedorg.h"

#include "app/lrctl/cli.h"
#include "core/connections/connectionmanager.h"
#include "core/secrets/secretstore.h"
#include "core/secrets/secretstorefactory.h"

namespace lr::cli {

ConnectedOrg::ConnectedOrg() = default;

ConnectedOrg::~ConnectedOrg()
{
    // The client's requests go before the org (and its session keeper) that serve them.
    m_client.reset();
    m_opened.reset();
}

std::unique_ptr<secrets::SecretStore> ConnectedOrg::openSecretStore()
{
    const secrets::SecretStoreFactory::Options options =
        secrets::SecretStoreFactory::optionsFromEnvironment();
    const bool agent = !options.credentialsDirectory.isEmpty() || !options.keyFile.isEmpty();
    return secrets::SecretStoreFactory::create(agent ? secrets::SecretStoreFactory::Role::Agent
                                                     : secrets::SecretStoreFactory::Role::Console,
                                               options);
}

QCoro::Task<std::unique_ptr<ConnectedOrg>> ConnectedOrg::connect(Cli &cli, int *exitCode)
{
    Error error;
    const std::optional<org::OrgChoice> choice = cli.orgChoice(&error);
    if (!choice) {
        *exitCode = error.message.isEmpty() ? BadUsage : cli.fail(error);
        co_return std::unique_ptr<ConnectedOrg>();
    }
    auto connected = std::make_unique<ConnectedOrg>();
    Result<std::unique_ptr<org::OpenedOrg>> opened = Error();
    if (choice->kind == org::OrgChoice::Kind::Alias) {
        connected->m_secrets = openSecretStore();
        connections::ConnectionManager manager(&connected->m_network, connected->m_secrets.get());
        opened = co_await manager.open(*choice);
    } else {
        opened = org::OpenedOrg::open(*choice);
    }
    if (!opened) {
        *exitCode = cli.fail(opened.error());
        co_return std::unique_ptr<ConnectedOrg>();
    }
    connected->m_opened = std::move(opened.value());
    connected->m_client =
        std::make_unique<org::OrgClient>(&connected->m_network, connected->m_opened->session());
    connected->m_opened->attach(connected->m_client.get());
    Result<QString> version = co_await connected->m_client->negotiateVersion();
    if (!version) {
        *exitCode = cli.fail(version.error());
        co_return std::unique_ptr<ConnectedOrg>();
    }
    *exitCode = Success;
    co_return connected;
}

} // namespace lr::cli
