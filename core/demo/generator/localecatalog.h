#pragma once

#include "core/demo/generator/namepool.h"

#include <QString>

namespace lr::demo {

class RandomSource;

// Where the org's people work: time zone (with its standard UTC offset; daylight saving is
// ignored), Salesforce locale and language keys, country and sales division, and the
// culture most names there come from.
class LocaleCatalog
{
public:
    struct Locale
    {
        QString timeZone; // TimeZoneSidKey
        int utcOffsetMinutes;
        QString locale;      // LocaleSidKey
        QString language;    // LanguageLocaleKey
        QString countryIso;  // ISO 3166-1 alpha-2
        QString division;    // Americas, EMEA, APAC
        QString altEncoding; // EmailEncodingKey some users there have instead of UTF-8
        NamePool::Culture culture;
        int weight;
    };

    [[nodiscard]] static int count();
    [[nodiscard]] static const Locale &at(int index);
    // A locale index weighted by headcount.
    [[nodiscard]] static int pick(RandomSource &random);
    // The org's home locale (America/Los_Angeles).
    [[nodiscard]] static int home() { return 0; }
};

} // namespace lr::demo
