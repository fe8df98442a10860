#include "core/demo/store/salesforceid.h"

namespace lr::demo {

namespace {

constexpr char kBase62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr char kSuffix[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

bool isIdChar(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

} // namespace

QString SalesforceId::make(QStringView keyPrefix, quint64 serial)
{
    // prefix (3) + pod "5g" (2) + reserved "0" (1) + serial in base 62 (9) = 15 characters.
    QString id15 = keyPrefix.toString() + QStringLiteral("5g0");
    QString digits(9, u'0');
    for (int i = 8; i >= 0; --i) {
        digits[i] = QLatin1Char(kBase62[serial % 62]);
        serial /= 62;
    }
    id15 += digits;
    return id15 + checksum(id15);
}

QString SalesforceId::checksum(QStringView id15)
{
    QString suffix;
    for (int block = 0; block < 3; ++block) {
        int bits = 0;
        for (int i = 0; i < 5; ++i) {
            const QChar c = id15.at(block * 5 + i);
            if (c >= u'A' && c <= u'Z') {
                bits |= 1 << i;
            }
        }
        suffix += QLatin1Char(kSuffix[bits]);
    }
    return suffix;
}

QString SalesforceId::to18(QStringView id)
{
    if (!isValid(id)) {
        return {};
    }
    if (id.size() == 18) {
        return id.toString();
    }
    return id.toString() + checksum(id);
}

bool SalesforceId::isValid(QStringView id)
{
    if (id.size() != 15 && id.size() != 18) {
        return false;
    }
    for (const QChar c : id) {
        if (!isIdChar(c)) {
            return false;
        }
    }
    // The suffix is case-insensitive in practice; Salesforce accepts either case.
    return id.size() == 15
           || checksum(id.first(15)).compare(id.sliced(15), Qt::CaseInsensitive) == 0;
}

} // namespace lr::demo
