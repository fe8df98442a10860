#include "core/demo/generator/connectedappcatalog.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

// ApiType follows the reference's own example ("Soap Enterprise"); the REST spelling and
// the LoginSubType values besides "OAuth Refresh Token" are plausible, not confirmed.
const QList<ConnectedAppCatalog::App> &apps()
{
    const QString refresh = u"OAuth Refresh Token"_s;
    static const QList<ConnectedAppCatalog::App> list = {
        {u"Data Loader"_s, {}, {}, u"Soap Partner"_s, refresh, u"60.0"_s},
        {u"Salesforce CLI"_s, {}, {}, u"REST API"_s, refresh, u"61.0"_s},
        {u"Salesforce for iOS"_s, {}, {}, u"REST API"_s, refresh, u"61.0"_s},
        {u"Salesforce for Android"_s, {}, {}, u"REST API"_s, refresh, u"61.0"_s},
        {u"Salesforce Inspector Reloaded"_s, {}, {}, u"REST API"_s, QString(), u"60.0"_s},
        {u"Workday Connector"_s,
         u"workday"_s,
         u"Workday"_s,
         u"Soap Enterprise"_s,
         refresh,
         u"58.0"_s},
        {u"Fivetran Data Loader"_s,
         u"fivetran"_s,
         u"Fivetran"_s,
         u"REST API"_s,
         refresh,
         u"61.0"_s},
        {u"NetSuite Connector"_s,
         u"netsuite"_s,
         u"NetSuite"_s,
         u"Soap Partner"_s,
         refresh,
         u"57.0"_s},
        {u"Marketo Sync"_s, u"marketo"_s, u"Marketo"_s, u"Soap Partner"_s, refresh, u"59.0"_s},
        {u"MuleSoft Anypoint"_s,
         u"mulesoft"_s,
         u"MuleSoft"_s,
         u"REST API"_s,
         u"OAuth JWT Bearer"_s,
         u"60.0"_s},
        {u"Informatica Cloud"_s,
         u"informatica"_s,
         u"Informatica"_s,
         u"Soap Partner"_s,
         QString(),
         u"52.0"_s},
        {u"DocuSign Connect"_s, u"docusign"_s, u"DocuSign"_s, u"REST API"_s, refresh, u"58.0"_s},
        {u"Zendesk Sync"_s, u"zendesk"_s, u"Zendesk"_s, u"REST API"_s, refresh, u"59.0"_s},
        {u"Gong Connector"_s, u"gong"_s, u"Gong"_s, u"REST API"_s, refresh, u"61.0"_s},
        {u"Outreach"_s, u"outreach"_s, u"Outreach"_s, u"REST API"_s, refresh, u"60.0"_s},
        {u"Jira Cloud for Salesforce"_s, u"jira"_s, u"Jira"_s, u"REST API"_s, refresh, u"59.0"_s},
        {u"ServiceNow Integration Hub"_s,
         u"servicenow"_s,
         u"ServiceNow"_s,
         u"REST API"_s,
         u"OAuth JWT Bearer"_s,
         u"60.0"_s},
        {u"Okta Provisioning"_s, u"okta"_s, u"Okta"_s, u"Soap Partner"_s, refresh, u"56.0"_s},
        {u"Snowflake Sync"_s, u"snowflake"_s, u"Snowflake"_s, u"REST API"_s, refresh, u"61.0"_s},
        {u"Tableau Connector"_s, u"tableau"_s, u"Tableau"_s, u"REST API"_s, refresh, u"60.0"_s},
        {u"OwnBackup"_s, u"backup"_s, u"Backup"_s, u"Soap Partner"_s, refresh, u"58.0"_s},
        {u"HubSpot Sync"_s, u"hubspot"_s, u"HubSpot"_s, u"REST API"_s, refresh, u"59.0"_s},
        {u"Segment Source"_s, u"segment"_s, u"Segment"_s, u"REST API"_s, refresh, u"57.0"_s},
    };
    return list;
}

} // namespace

int ConnectedAppCatalog::count()
{
    return static_cast<int>(apps().size());
}

const ConnectedAppCatalog::App &ConnectedAppCatalog::at(int index)
{
    return apps().at(index);
}

} // namespace lr::demo
