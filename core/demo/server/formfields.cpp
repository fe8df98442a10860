#include "core/demo/server/formfields.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QString formDecode(QByteArray encoded)
{
    encoded.replace('+', ' ');
    return QUrl::fromPercentEncoding(encoded);
}

} // namespace

FormFields FormFields::parse(QByteArrayView encoded)
{
    FormFields form;
    for (const QByteArray &pair : encoded.toByteArray().split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        form.m_fields.append({formDecode(eq < 0 ? pair : pair.left(eq)),
                              eq < 0 ? QString(u""_s) : formDecode(pair.mid(eq + 1))});
    }
    return form;
}

QString FormFields::value(QStringView name) const
{
    for (const auto &[key, value] : m_fields) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

QStringList FormFields::repeatedNames() const
{
    QStringList seen;
    QStringList repeated;
    for (const auto &field : m_fields) {
        if (seen.contains(field.first)) {
            if (!repeated.contains(field.first)) {
                repeated.append(field.first);
            }
        } else {
            seen.append(field.first);
        }
    }
    return repeated;
}

} // namespace lr::demo
