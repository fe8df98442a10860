#pragma once

#include <QString>
#include <QStringView>

namespace lr::demo {

// Consecutive Salesforce ids for one key prefix, the same as SalesforceId::make(prefix, n)
// for n = first, first + 1, ... but built in place: the generator makes millions of them.
class IdSequence
{
public:
    explicit IdSequence(QStringView keyPrefix, quint64 first = 1);

    // The next id (18 characters).
    [[nodiscard]] QString next();
    // How many ids next() has returned.
    [[nodiscard]] quint64 count() const { return m_count; }

private:
    char16_t m_id[18] = {};
    quint64 m_count = 0;
};

} // namespace lr::demo
