#pragma once

#include <QList>
#include <QString>

namespace lr::demo {

class RandomSource;

// A person's name as the demo org stores it, with the ASCII form used for usernames,
// aliases and email addresses.
struct PersonName
{
    QString first;
    QString last;
    QString asciiFirst; // lower case, [a-z] only
    QString asciiLast;
    bool familyNameFirst = false; // Japanese, Chinese and Korean names

    // User.Name / Lead.Name: "First Last", or "Last First" where the family name leads.
    [[nodiscard]] QString fullName() const;
};

// First and last names from several cultures, some in non-Latin scripts and some with
// apostrophes, hyphens, accents or a generational suffix, so that the product meets the
// names real orgs hold.
class NamePool
{
public:
    enum class Culture {
        English,
        IrishItalian,
        Hispanic,
        GermanicSlavic,
        FrenchDutch,
        Portuguese,
        Japanese,
        Chinese,
        Korean,
        Indian,
        Russian,
        Greek,
        Arabic,
        Count
    };

    [[nodiscard]] static PersonName person(RandomSource &random, Culture culture);
    // A culture drawn from the mix of a global workforce.
    [[nodiscard]] static Culture anyCulture(RandomSource &random);
    // A culture written in Latin letters (for leads typed in by sales reps).
    [[nodiscard]] static Culture latinCulture(RandomSource &random);
};

} // namespace lr::demo
