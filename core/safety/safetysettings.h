#pragma once

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace lr::safety {

// Org-wide settings of the safety checks, which an admin may change.
struct SafetySettings
{
    // Case-insensitive regular expressions matched against username, email, alias and name.
    // The defaults catch integration@…, api-… and svc-… accounts.
    QStringList serviceAccountPatterns{QStringLiteral(R"((^|[^a-z])integration@)"),
                                       QStringLiteral(R"(^api[-_.])"),
                                       QStringLiteral(R"(^svc[-_.])")};
    // Open opportunities, cases and leads a user may own before record-owner warns.
    int recordOwnerThreshold = 0;
    // A user created less recently than this is a new hire (new-user warns).
    int newUserDays = 180;
    // Users Salesforce's setup names as default owners (workflow user, default case and lead
    // owner, web-to-lead creator): ids or usernames, entered once by an admin, since SOQL
    // cannot read those settings.
    QStringList defaultOwners;

    static constexpr int kMaxRecordOwnerThreshold = 1000000;
    static constexpr int kMaxNewUserDays = 3650;

    // What is wrong with these settings: one sentence per problem, naming the field, the
    // allowed range or the pattern at fault; empty when they are fine. The checks themselves
    // never fail on bad settings (a pattern that does not compile matches nothing), so a form
    // that edits them calls this before saving.
    [[nodiscard]] QStringList validate() const;

    Q_DECLARE_TR_FUNCTIONS(lr::safety::SafetySettings)
};

} // namespace lr::safety
