#pragma once

#include <QLatin1String>

// The Error::code values the secrets store reports. Callers branch on these, never on the
// message, which is translated.
namespace lr::secrets::SecretCode {

// read(): nothing is stored under that connection and key.
inline constexpr QLatin1String NotFound("NOT_FOUND");
// The backend did not answer within the store's watchdog timeout. The outcome of a write or
// remove is then unknown (the keychain may still complete it later).
inline constexpr QLatin1String Timeout("TIMEOUT");
// No secure backend: no D-Bus session, no Secret Service, a locked keyring, no agent key file.
// There is never a plaintext fallback; callers decide (preview with a warning, no live actions).
inline constexpr QLatin1String NoSecureStore("NO_SECURE_STORE");
// The backend answered with an error that is none of the above.
inline constexpr QLatin1String StoreFailed("STORE_FAILED");
// The user (or the OS on their behalf) refused access to the keychain.
inline constexpr QLatin1String AccessDenied("ACCESS_DENIED");
// A connection or key name outside the allowed characters.
inline constexpr QLatin1String InvalidName("INVALID_NAME");
// The backend is read-only (systemd credentials): provision the secret outside the app.
inline constexpr QLatin1String ReadOnly("READ_ONLY");
// The agent's key file is missing, malformed or readable by other users.
inline constexpr QLatin1String KeyFileRejected("KEY_FILE_REJECTED");
// The encrypted store file was written with another key.
inline constexpr QLatin1String WrongKey("WRONG_KEY");
// The encrypted store file (or a keychain entry) failed its integrity check.
inline constexpr QLatin1String Tampered("STORE_TAMPERED");
// The SecretStore was destroyed while the call was waiting.
inline constexpr QLatin1String StoreGone("STORE_GONE");

} // namespace lr::secrets::SecretCode
