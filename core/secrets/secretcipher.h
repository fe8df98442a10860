#pragma once

#include <QByteArray>

#include <optional>

namespace lr::secrets {

// AES-256-GCM through OpenSSL's EVP interface: a fresh random 12-byte IV for every seal, a
// 16-byte tag, and associated data that is authenticated but not encrypted (the secret's
// name, so an entry cannot be moved to another name). open() checks the tag and returns
// nothing when it fails: a wrong key or an altered byte never yields garbage.
class SecretCipher
{
public:
    static constexpr int kKeySize = 32;
    static constexpr int kIvSize = 12;
    static constexpr int kTagSize = 16;

    struct Sealed
    {
        QByteArray iv;
        QByteArray ciphertext;
        QByteArray tag;
    };

    // Nothing when the key is not kKeySize bytes or OpenSSL fails (no randomness).
    [[nodiscard]] static std::optional<Sealed>
    seal(const QByteArray &key, const QByteArray &plaintext, const QByteArray &associatedData);
    [[nodiscard]] static std::optional<QByteArray>
    open(const QByteArray &key, const Sealed &sealed, const QByteArray &associatedData);

    // Constant-time comparison of equal-length byte strings (false when lengths differ).
    [[nodiscard]] static bool equalConstantTime(const QByteArray &a, const QByteArray &b);
};

} // namespace lr::secrets
