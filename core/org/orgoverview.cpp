#include "core/org/orgoverview.h"

#include "core/org/orgclient.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace lr::org {

QCoro::Task<Result<OrgIdentity>> OrgOverview::loadIdentity(OrgClient &client)
{
    Result<QueryResult> rows = co_await client.query(
        u"SELECT Id, Name, IsSandbox, OrganizationType, FiscalYearStartMonth FROM Organization"_s);
    if (!rows) {
        co_return rows.error();
    }
    if (rows->records.isEmpty()) {
        co_return Error::make(Error::Kind::Protocol,
                              u"NO_ORGANIZATION"_s,
                              OrgClient::tr("The org returned no Organization record."));
    }
    const QJsonObject record = rows->records.first().toObject();
    OrgIdentity identity;
    identity.id = record.value(u"Id"_s).toString();
    identity.name = record.value(u"Name"_s).toString();
    identity.sandbox = record.value(u"IsSandbox"_s).toBool();
    identity.edition = record.value(u"OrganizationType"_s).toString();
    identity.fiscalYearStartMonth = record.value(u"FiscalYearStartMonth"_s).toInt(1);
    co_return identity;
}

QCoro::Task<Result<OrgOverview>> OrgOverview::load(OrgClient &client)
{
    Result<OrgIdentity> identity = co_await loadIdentity(client);
    if (!identity) {
        co_return identity.error();
    }
    Result<QueryResult> rows = co_await client.query(
        u"SELECT Id, Name, LicenseDefinitionKey, Status, TotalLicenses, UsedLicenses, "
        u"UsedLicensesLastUpdated FROM UserLicense ORDER BY Name"_s);
    if (!rows) {
        co_return rows.error();
    }
    OrgOverview overview;
    overview.org = identity.value();
    for (const QJsonValue &value : std::as_const(rows->records)) {
        const QJsonObject record = value.toObject();
        LicenseSeats seats;
        seats.id = record.value(u"Id"_s).toString();
        seats.name = record.value(u"Name"_s).toString();
        seats.definitionKey = record.value(u"LicenseDefinitionKey"_s).toString();
        seats.status = record.value(u"Status"_s).toString();
        seats.purchased = static_cast<qint64>(record.value(u"TotalLicenses"_s).toDouble());
        seats.used = static_cast<qint64>(record.value(u"UsedLicenses"_s).toDouble());
        seats.usedLastUpdated = QDateTime::fromString(
            record.value(u"UsedLicensesLastUpdated"_s).toString(), Qt::ISODateWithMs);
        overview.licenses.append(seats);
    }
    co_return overview;
}

} // namespace lr::org
