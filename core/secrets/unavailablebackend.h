#pragma once

#include "core/secrets/secretbackend.h"

#include <QCoreApplication>

namespace lr::secrets {

// Stands in when no secure store can be set up (an agent with neither a credential directory
// nor a key file): every call ends in SecretCode::NoSecureStore with the reason given, and
// isSecure() is false. Nothing is ever kept anywhere.
class UnavailableBackend final : public SecretBackend
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::UnavailableBackend)

public:
    explicit UnavailableBackend(QString reason);

    [[nodiscard]] const QString &reason() const { return m_reason; }

    [[nodiscard]] QString name() const override;
    [[nodiscard]] QString indexScope() const override;
    [[nodiscard]] bool isSecure() const override { return false; }
    [[nodiscard]] bool isWritable() const override { return false; }

    [[nodiscard]] QCoro::Task<Result<void>> write(SecretRef ref, QByteArray secret) override;
    [[nodiscard]] QCoro::Task<Result<QByteArray>> read(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> remove(SecretRef ref) override;
    [[nodiscard]] QCoro::Task<Result<void>> checkAvailable() override;

private:
    [[nodiscard]] Error error() const;

    QString m_reason;
};

} // namespace lr::secrets
