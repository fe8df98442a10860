#include "core/demo/generator/idsequence.h"

#include "core/demo/store/salesforceid.h"

namespace lr::demo {

namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr char kSuffix[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
constexpr int kSerialStart = 6; // prefix (3) + pod and reserved characters (3)

int digitOf(char16_t c)
{
    if (c >= u'0' && c <= u'9') {
        return c - u'0';
    }
    if (c >= u'A' && c <= u'Z') {
        return c - u'A' + 10;
    }
    return c - u'a' + 36;
}

} // namespace

IdSequence::IdSequence(QStringView keyPrefix, quint64 first)
{
    // Take everything but the serial from SalesforceId itself, so both always agree.
    const QString model = SalesforceId::make(keyPrefix, first);
    for (int i = 0; i < 18; ++i) {
        m_id[i] = model.at(i).unicode();
    }
}

QString IdSequence::next()
{
    if (m_count > 0) {
        // Add one to the base-62 serial, carrying leftwards.
        for (int i = 14; i >= kSerialStart; --i) {
            const int digit = digitOf(m_id[i]) + 1;
            m_id[i] = static_cast<char16_t>(kBase62[digit % 62]);
            if (digit < 62) {
                break;
            }
        }
        for (int block = 0; block < 3; ++block) {
            int bits = 0;
            for (int i = 0; i < 5; ++i) {
                const char16_t c = m_id[block * 5 + i];
                if (c >= u'A' && c <= u'Z') {
                    bits |= 1 << i;
                }
            }
            m_id[15 + block] = static_cast<char16_t>(kSuffix[bits]);
        }
    }
    ++m_count;
    return QString(reinterpret_cast<const QChar *>(m_id), 18);
}

} // namespace lr::demo
