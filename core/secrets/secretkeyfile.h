#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace lr::secrets {

// The key of the agent's encrypted secret store: a file the administrator provides, holding
// 32 random bytes, base64-encoded (or the 32 raw bytes). Create one with
//   (umask 077; openssl rand -base64 32 > /etc/license-reclaim/secret.key)
// On Unix the file must not be readable, writable or executable by group or others; one that
// is gets refused, naming its path and mode. (Windows: NTFS ACLs are not checked.)
class SecretKeyFile
{
    Q_DECLARE_TR_FUNCTIONS(lr::secrets::SecretKeyFile)

public:
    // The 32 key bytes, or SecretCode::KeyFileRejected saying what is wrong and what to do.
    [[nodiscard]] static Result<QByteArray> load(const QString &path);
    // Writes a new random key (base64) with mode 0600; for set-up scripts and tests. Refuses
    // to overwrite an existing file.
    [[nodiscard]] static Result<void> create(const QString &path);

    static constexpr qint64 kMaxFileSize = 4096;
};

} // namespace lr::secrets
