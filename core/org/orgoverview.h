#pragma once

#include "core/common/result.h"

#include <QCoroTask>
#include <QDateTime>
#include <QList>
#include <QString>

namespace lr::org {

class OrgClient;

// One user license of the org: the seats the company pays for and the seats in use.
struct LicenseSeats
{
    QString id;
    QString name;          // "Salesforce", "Salesforce Platform" …
    QString definitionKey; // "SFDC", "AUL" …
    QString status;        // "Active" or "Disabled"
    qint64 purchased = 0;  // TotalLicenses; negative means no ceiling
    qint64 used = 0;       // UsedLicenses
    QDateTime usedLastUpdated;

    [[nodiscard]] qint64 available() const { return purchased < 0 ? -1 : purchased - used; }
};

// Which org is open: what every page's header shows.
struct OrgIdentity
{
    QString id;
    QString name;
    bool sandbox = false;
    QString edition;
    int fiscalYearStartMonth = 1;
};

// The Overview: the org's identity and its licenses, read in two queries.
struct OrgOverview
{
    OrgIdentity org;
    QList<LicenseSeats> licenses; // by name

    [[nodiscard]] static QCoro::Task<Result<OrgOverview>> load(OrgClient &client);
    [[nodiscard]] static QCoro::Task<Result<OrgIdentity>> loadIdentity(OrgClient &client);
};

} // namespace lr::org
