#pragma once

#include <QString>
#include <QUrl>

namespace lr::org {

// Which org the user asked for, on the command line or in the console.
struct OrgChoice
{
    enum class Kind {
        PersistedDemo, // the demo org in the data directory, shared by console and lrctl
        FreshDemo,     // a new in-memory demo org for this run only
        InstanceUrl,   // any org, with an access token from the environment
        Alias,         // a signed-in org
    };

    Kind kind = Kind::PersistedDemo;
    int demoUsers = 2000;
    quint64 demoSeed = 1;
    QString demoDatabasePath; // PersistedDemo: empty = AppPaths::demoOrgDatabase()
    QString demoRole = QStringLiteral("admin"); // which demo user the session signs in as
    bool demoControlApi = false;
    QUrl instanceUrl;
    QString accessToken; // InstanceUrl; a secret, never logged
    QString alias;
};

} // namespace lr::org
