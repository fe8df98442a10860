#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace lr::demo {

// The fields of an application/x-www-form-urlencoded body (or query string), decoded as
// browsers encode them: '+' is a space, then percent-decoding.
class FormFields
{
public:
    [[nodiscard]] static FormFields parse(QByteArrayView encoded);

    // The first value of `name`; null when absent.
    [[nodiscard]] QString value(QStringView name) const;
    // Names that appear more than once: OAuth requests must send each parameter at most once
    // (RFC 6749 §3.1, §3.2).
    [[nodiscard]] QStringList repeatedNames() const;

private:
    QList<QPair<QString, QString>> m_fields;
};

} // namespace lr::demo
