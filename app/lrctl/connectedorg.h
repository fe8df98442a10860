#pragma once

#include "core/common/result.h"
#include "core/org/openedorg.h"
#include "core/org/orgclient.h"

#include <QCoroTask>
#include <QNetworkAccessManager>

#include <memory>

namespace lr::secrets {
class SecretStore;
}

namespace lr::cli {

class Cli;

// The org a command works on, opened from the command line's choice, with a client whose
// API version has been negotiated. A signed-in org (--org ALIAS) gets its tokens from the
// secrets store and renews them on a 401.
class ConnectedOrg
{
public:
    ConnectedOrg();
    ~ConnectedOrg();
    Q_DISABLE_COPY_MOVE(ConnectedOrg)

    // Opens the org and negotiates the version; on failure prints the error and sets the
    // exit code.
    [[nodiscard]] static QCoro::Task<std::unique_ptr<ConnectedOrg>> connect(Cli &cli,
                                                                            int *exitCode);
    // The secrets store for this process: the keychain, or the agent's store when
    // CREDENTIALS_DIRECTORY or LR_SECRET_KEY_FILE is set.
    [[nodiscard]] static std::unique_ptr<secrets::SecretStore> openSecretStore();

    [[nodiscard]] org::OrgClient &client() { return *m_client; }
    [[nodiscard]] org::OpenedOrg &opened() { return *m_opened; }

private:
    std::unique_ptr<secrets::SecretStore> m_secrets;
    std::unique_ptr<org::OpenedOrg> m_opened;
    QNetworkAccessManager m_network;
    std::unique_ptr<org::OrgClient> m_client;
};

} // namespace lr::cli
