#include "core/secrets/secretcipher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace lr::secrets {

namespace {

struct CipherContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

int length(const QByteArray &array)
{
    return static_cast<int>(array.size());
}

} // namespace

std::optional<SecretCipher::Sealed> SecretCipher::seal(const QByteArray &key,
                                                       const QByteArray &plaintext,
                                                       const QByteArray &associatedData)
{
    if (key.size() != kKeySize) {
        return std::nullopt;
    }
    Sealed sealed;
    sealed.iv.resize(kIvSize);
    if (RAND_bytes(bytes(sealed.iv), kIvSize) != 1) {
        return std::nullopt;
    }
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context
        || EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kIvSize, nullptr) != 1
        || EVP_EncryptInit_ex(context.get(), nullptr, nullptr, bytes(key), bytes(sealed.iv)) != 1) {
        return std::nullopt;
    }
    int written = 0;
    if (!associatedData.isEmpty()
        && EVP_EncryptUpdate(
               context.get(), nullptr, &written, bytes(associatedData), length(associatedData))
               != 1) {
        return std::nullopt;
    }
    sealed.ciphertext.resize(plaintext.size() + kTagSize); // GCM adds no padding
    int total = 0;
    if (!plaintext.isEmpty()) {
        if (EVP_EncryptUpdate(context.get(),
                              bytes(sealed.ciphertext),
                              &written,
                              bytes(plaintext),
                              length(plaintext))
            != 1) {
            return std::nullopt;
        }
        total = written;
    }
    if (EVP_EncryptFinal_ex(context.get(), bytes(sealed.ciphertext) + total, &written) != 1) {
        return std::nullopt;
    }
    total += written;
    sealed.ciphertext.resize(total);
    sealed.tag.resize(kTagSize);
    if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, bytes(sealed.tag))
        != 1) {
        return std::nullopt;
    }
    return sealed;
}

std::optional<QByteArray>
SecretCipher::open(const QByteArray &key, const Sealed &sealed, const QByteArray &associatedData)
{
    if (key.size() != kKeySize || sealed.iv.size() != kIvSize || sealed.tag.size() != kTagSize) {
        return std::nullopt;
    }
    CipherContext context(EVP_CIPHER_CTX_new());
    if (!context
        || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, kIvSize, nullptr) != 1
        || EVP_DecryptInit_ex(context.get(), nullptr, nullptr, bytes(key), bytes(sealed.iv)) != 1) {
        return std::nullopt;
    }
    int written = 0;
    if (!associatedData.isEmpty()
        && EVP_DecryptUpdate(
               context.get(), nullptr, &written, bytes(associatedData), length(associatedData))
               != 1) {
        return std::nullopt;
    }
    QByteArray plaintext(sealed.ciphertext.size() + kTagSize, Qt::Uninitialized);
    int total = 0;
    if (!sealed.ciphertext.isEmpty()) {
        if (EVP_DecryptUpdate(context.get(),
                              bytes(plaintext),
                              &written,
                              bytes(sealed.ciphertext),
                              length(sealed.ciphertext))
            != 1) {
            return std::nullopt;
        }
        total = written;
    }
    QByteArray tag = sealed.tag; // OpenSSL's API takes a non-const pointer
    if (EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, bytes(tag)) != 1) {
        return std::nullopt;
    }
    // The tag is checked here: a wrong key or any altered byte fails.
    if (EVP_DecryptFinal_ex(context.get(), bytes(plaintext) + total, &written) != 1) {
        OPENSSL_cleanse(plaintext.data(), static_cast<size_t>(plaintext.size()));
        return std::nullopt;
    }
    plaintext.resize(total + written);
    return plaintext;
}

bool SecretCipher::equalConstantTime(const QByteArray &a, const QByteArray &b)
{
    return a.size() == b.size()
           && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace lr::secrets
