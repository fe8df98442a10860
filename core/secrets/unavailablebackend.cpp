#include "core/secrets/unavailablebackend.h"

#include "core/secrets/secretcodes.h"

using namespace Qt::StringLiterals;

namespace lr::secrets {

UnavailableBackend::UnavailableBackend(QString reason)
    : m_reason(std::move(reason))
{ }

QString UnavailableBackend::name() const
{
    return tr("no secure secret store");
}

QString UnavailableBackend::indexScope() const
{
    return u"none"_s;
}

Error UnavailableBackend::error() const
{
    return Error::make(Error::Kind::Refused, QString(SecretCode::NoSecureStore), m_reason);
}

QCoro::Task<Result<void>> UnavailableBackend::write(SecretRef ref, QByteArray secret)
{
    Q_UNUSED(ref)
    Q_UNUSED(secret)
    co_return error();
}

QCoro::Task<Result<QByteArray>> UnavailableBackend::read(SecretRef ref)
{
    Q_UNUSED(ref)
    co_return error();
}

QCoro::Task<Result<void>> UnavailableBackend::remove(SecretRef ref)
{
    Q_UNUSED(ref)
    co_return error();
}

QCoro::Task<Result<void>> UnavailableBackend::checkAvailable()
{
    co_return error();
}

} // namespace lr::secrets
