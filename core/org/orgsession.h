#pragma once

#include <QString>
#include <QUrl>

namespace lr::org {

// Where an org is and how to speak to it. The access token is a secret: it is never logged,
// printed or written to disk by anything in core.
struct OrgSession
{
    QUrl instanceUrl; // e.g. https://acme.my.salesforce.com or http://127.0.0.1:40123
    QString accessToken;
    QString apiVersion; // e.g. "66.0"; empty until negotiated
};

} // namespace lr::org
