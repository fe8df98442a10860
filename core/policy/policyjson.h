#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyproblem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace lr::policy {

// The file format of one policy, for export and import ("license-reclaim-policy/1"):
//
//   {
//     "format": "license-reclaim-policy/1",
//     "name": "Salesforce licenses, 90 days",    required; 1 to 80 characters
//     "active": true,
//     "schedule": "weekly",                      manual | daily | weekly | monthly
//     "executionPath": "email",                  email | itsm | both
//     "itsmConnection": null,                    text; required for itsm and both
//     "defaultThresholdDays": 90,                30 to 365
//     "thresholdsByLicense": {"Salesforce Platform": 120},   license -> 30 to 365
//     "includeLicenses": ["Salesforce"],         [] = every license
//     "excludeLicenses": [],
//     "userTypes": ["Standard"],                 Standard, PowerPartner, PowerCustomerSuccess,
//                                                CustomerSuccess, CspLitePortal, CsnOnly
//     "gracePeriodDays": 14,                     0 to 90
//     "managerSlaDays": 7,                       1 to 30
//     "reminderDays": 2,                         0 (none) to 29, less than managerSlaDays
//     "timeoutAction": "hold-for-review",        auto-freeze | hold-for-review
//     "dryRun": true,
//     "cooldownDays": 90,                        0 to 365
//     "exemptions": [{"userId": "005…", "username": "ana@acme.com",
//                     "reason": "On parental leave", "expires": "2026-09-30"}],
//                                                userId or username; expires null = never
//     "notificationChannel": null,               the NAME of a webhook secret, not its URL
//     "downgradeTargets": {"Salesforce": "00e…"},  license -> profile id
//     "transferOpenRecords": false
//   }
//
// Only "format" and "name" are required; a member left out takes the default shown. Any
// other member is an error that names it. The owner, id and version are not part of the
// file: they belong to one org's record.
class PolicyJson
{
    Q_DECLARE_TR_FUNCTIONS(lr::policy::PolicyJson)

public:
    static inline const QString kFormat = QStringLiteral("license-reclaim-policy/1");
    static constexpr qsizetype kMaxFileSize = 1024 * 1024; // 1 MiB
    static constexpr int kMaxDepth = 8;                    // the format itself nests 3 deep

    struct Parsed
    {
        Policy policy; // what could be read; fields with a problem keep their defaults
        QList<PolicyProblem> problems;
        // False when the file could not be read as a JSON object at all (size, encoding,
        // syntax, depth, duplicate keys): `policy` is then only the defaults.
        bool readable = false;
    };

    // The file: UTF-8 without a byte order mark, members in the order above, two-space
    // indentation, a final line break. Every exemption carries its userId (and username
    // when known).
    [[nodiscard]] static QByteArray write(const Policy &policy);

    // Reads a file, reporting EVERY problem with its JSON path: size over kMaxFileSize,
    // invalid UTF-8, JSON syntax (with line and column), trailing garbage, nesting beyond
    // kMaxDepth, duplicate keys, not an object, a missing or wrong format marker, unknown
    // members, wrong types, non-whole or out-of-range numbers, malformed dates. The field
    // rules of PolicyValidator are not applied here (exemptions given by username still
    // need their user id): see withRules().
    [[nodiscard]] static Parsed read(const QByteArray &bytes);

    // `parsed`'s problems plus those PolicyValidator finds in parsed.policy, leaving out
    // rule problems at (or under) a path where the file already had a problem: a member of
    // the wrong type is reported once, not again for the default it kept.
    [[nodiscard]] static QList<PolicyProblem> withRules(const Parsed &parsed);
};

} // namespace lr::policy
