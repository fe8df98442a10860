#include "core/secrets/secretstorefactory.h"

#include "core/common/apppaths.h"
#include "core/common/logging.h"
#include "core/secrets/credentialdirectorybackend.h"
#include "core/secrets/encryptedfilebackend.h"
#include "core/secrets/keychainbackend.h"
#include "core/secrets/unavailablebackend.h"

using namespace Qt::StringLiterals;

namespace lr::secrets {

SecretStoreFactory::Options SecretStoreFactory::optionsFromEnvironment()
{
    Options options;
    options.credentialsDirectory = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    options.keyFile = qEnvironmentVariable("LR_SECRET_KEY_FILE");
    options.storeFile = qEnvironmentVariable("LR_SECRET_STORE_FILE");
    return options;
}

QString SecretStoreFactory::defaultStoreFile()
{
    return AppPaths::dataDirectory() + u"/secrets.enc"_s;
}

std::unique_ptr<SecretBackend> SecretStoreFactory::createBackend(Role role, const Options &options)
{
    switch (role) {
    case Role::Console:
        return std::make_unique<KeychainBackend>(options.keychainService);
    case Role::Agent:
        if (!options.credentialsDirectory.isEmpty()) {
            return std::make_unique<CredentialDirectoryBackend>(options.credentialsDirectory);
        }
        if (!options.keyFile.isEmpty()) {
            return std::make_unique<EncryptedFileBackend>(
                options.storeFile.isEmpty() ? defaultStoreFile() : options.storeFile,
                options.keyFile);
        }
        return std::make_unique<UnavailableBackend>(
            tr("The agent has no secure secret store. Run it as a systemd service with its "
               "secrets as credentials (LoadCredentialEncrypted=<connection>.<key>:…), or give "
               "it a key file: LR_SECRET_KEY_FILE=/path/to/key (32 random bytes, base64, mode "
               "0600; create one with: umask 077; openssl rand -base64 32 > /path/to/key) and "
               "optionally LR_SECRET_STORE_FILE. Secrets are never kept in plain text."));
    }
    return std::make_unique<UnavailableBackend>(tr("Unknown role for the secret store."));
}

std::unique_ptr<SecretStore>
SecretStoreFactory::create(Role role, const Options &options, QObject *parent)
{
    auto store =
        std::make_unique<SecretStore>(createBackend(role, options), options.indexPath, parent);
    store->setTimeout(options.timeout);
    qCInfo(lcSecrets).noquote() << "secrets are kept in" << store->backendName();
    return store;
}

} // namespace lr::secrets
