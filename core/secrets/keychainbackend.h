#pragma once

#include "core/secrets/secretbackend.h"

#include <QCoreApplication>

namespace lr::secrets {

// The OS keychain through QtKeychain: Secret Service (GNOME Keyring, KWallet's Secret
// Service) on Linux, Keychain on macOS, Credential Manager on Windows. For the console and
// lrctl on a desktop.
//
// Entries: service "License Reclaim", account "<connection>/<key>" (on Windows, where
// QtKeychain ignores the service, the target name is "License Reclaim/<connection>/<key>").
// Windows refuses credentials over 2,560 bytes, so a secret over kChunkSize bytes is split:
// "<account>#1" … "#n" hold the chunks and the account itself holds a small header with the
// count, the size and a SHA-256 of the whole, checked on read (a torn or mixed write reads
// as SecretCode::Tampered, never as a wrong secret). Every entry is tagged with its format.
//
// No insecure fallback is ever enabled. No session bus, no Secret Service, a locked or
// missing keyring: SecretCode::NoSecureStore, with QtKeychain's own words in the detail.
// Each job is bounded by the operation timeout; a job that times out is not deleted (the
// keychain still holds a pointer to it) but deletes itself if it ever finishes.
class KeychainBackend final : public SecretBackend
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::KeychainBackend)

public:
    static constexpr qsizetype kChunkSize = 2048;

    explicit KeychainBackend(QString service = defaultService());

    [[nodiscard]] static QString defaultService();
    [[nodiscard]] const QString &service() const { return m_config.service; }

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString indexScope() const override;
    [[nodiscard]] bool isSecure() const override { return true; }
    void setOperationTimeout(std::chrono::milliseconds timeout) override;

    [[nodiscard]] QCoro::Task<Result<void>> write(SecretRef ref, QByteArray secret) override;
    [[nodiscard]] QCoro::Task<Result<QByteArray>> read(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> checkAvailable() override;

    // What the backend sends to QtKeychain as the key for an account (exposed for tests).
    [[nodiscard]] static QString jobKey(const QString &service, const QString &account);

    // The settings a running operation needs; copied into each coroutine so that nothing
    // refers to the backend after a co_await (public only so the .cpp helpers can use it).
    struct Config
    {
        QString service;
        std::chrono::milliseconds timeout{5000};
    };

private:
    Config m_config;
};

} // namespace lr::secrets
