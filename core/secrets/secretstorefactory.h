#pragma once

#include "core/secrets/secretbackend.h"
#include "core/secrets/secretstore.h"

#include <QCoreApplication>

#include <chrono>
#include <memory>

class QObject;

namespace lr::secrets {

// Picks the secret store for the process that asks:
//
//   Console (and lrctl on a desktop)  → the OS keychain (KeychainBackend).
//   Agent (headless)                  → systemd credentials when CREDENTIALS_DIRECTORY is set;
//                                       else the encrypted file when a key file is configured
//                                       (LR_SECRET_KEY_FILE, store file LR_SECRET_STORE_FILE or
//                                       <data dir>/secrets.enc);
//                                       else no store: every call ends in NO_SECURE_STORE,
//                                       saying how to provide one.
//
// The keychain is never picked for the agent: a service has no unlocked keychain, and a
// keychain prompt would hang it. Note that systemd credentials are read-only, so an agent
// that must persist rotated refresh tokens needs the key file instead.
class SecretStoreFactory
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::SecretStoreFactory)

public:
    enum class Role {
        Console,
        Agent,
    };

    struct Options
    {
        QString credentialsDirectory; // $CREDENTIALS_DIRECTORY
        QString keyFile;              // $LR_SECRET_KEY_FILE
        QString storeFile;            // $LR_SECRET_STORE_FILE; empty: <data dir>/secrets.enc
        QString keychainService = QStringLiteral("License Reclaim");
        QString indexPath; // empty: SecretIndex::defaultPath()
        std::chrono::milliseconds timeout = SecretStore::kDefaultTimeout;
    };

    // The options the environment gives (the variables above).
    [[nodiscard]] static Options optionsFromEnvironment();
    [[nodiscard]] static std::unique_ptr<SecretBackend> createBackend(Role role,
                                                                      const Options &options);
    [[nodiscard]] static std::unique_ptr<SecretStore>
    create(Role role, const Options &options, QObject *parent = nullptr);
    [[nodiscard]] static QString defaultStoreFile();
};

} // namespace lr::secrets
