#pragma once

#include <QByteArray>

namespace lr::auth {

// Proof Key for Code Exchange (RFC 7636) with S256: a fresh verifier from the system's
// CSPRNG and its challenge, base64url(SHA-256(verifier)) without padding.
struct Pkce
{
    QByteArray verifier;  // 64 characters of [A-Za-z0-9_-] (RFC 7636 allows 43–128)
    QByteArray challenge; // 43 characters

    [[nodiscard]] static Pkce generate();
    [[nodiscard]] static QByteArray challengeFor(QByteArrayView verifier);
    // `bytes` random bytes from the system's CSPRNG, base64url without padding (for state
    // values and nonces).
    [[nodiscard]] static QByteArray randomToken(int bytes);
    // Compares in time independent of where the inputs differ (state values, secrets).
    [[nodiscard]] static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace lr::auth
