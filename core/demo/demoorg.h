#pragma once

#include "core/common/result.h"
#include "core/demo/generator/lrobjectsdeployment.h"
#include "core/demo/generator/orggenerator.h"
#include "core/demo/schema/orgschema.h"
#include "core/demo/server/democlock.h"
#include "core/demo/server/faultplan.h"
#include "core/demo/server/mutationlog.h"
#include "core/demo/server/oauthconfig.h"
#include "core/demo/server/tokenregistry.h"
#include "core/demo/store/orgdatabase.h"

#include <QString>

#include <memory>

namespace lr::demo {

struct DemoOrgOptions
{
    // A SQLite file for a persistent org shared between processes; empty for an in-memory
    // org that lives as long as this process.
    QString databasePath;
    // Used only when the database is empty and has to be generated.
    int userCount = 2000;
    quint64 seed = 1;
    QDateTime anchor; // generation's "now"; invalid = the current time
    // The /__control API for tests (faults, clock, mutation log); off in normal use.
    bool controlApi = false;
    // Lifetime of the access tokens minted for the demo principals; 0 = no expiry.
    qint64 tokenLifetimeSeconds = 0;
    // The OAuth clients the org knows (External Client Apps), the lifetime of the tokens its
    // OAuth endpoints mint, and refresh-token rotation; changeable later through oauth().
    OAuthOptions oauth;
    // Whether the License Reclaim objects (installer/salesforce) are deployed, not deployed,
    // or deployed at an older schema version. A persisted org opened with Current gains
    // whatever of them it lacks.
    LrSchema lrSchema = LrSchema::Current;
};

// One demo org: its database (generated on first use), schema, clock, faults, mutation log
// and sessions. It is the state behind a DemoOrgServer; everything here is thread-safe or
// per-thread, so a server thread and the opening thread may share it.
class DemoOrg
{
public:
    [[nodiscard]] static Result<std::unique_ptr<DemoOrg>> open(const DemoOrgOptions &options);

    // The versions the REST API serves, oldest first ("31.0" … "66.0").
    [[nodiscard]] static QStringList apiVersions();
    [[nodiscard]] static QString latestApiVersion();

    [[nodiscard]] const OrgSchema &schema() const { return m_schema; }
    [[nodiscard]] const OrgDatabase &database() const { return m_database; }
    [[nodiscard]] const GeneratedOrg &info() const { return m_info; }
    [[nodiscard]] DemoClock &clock() { return m_clock; }
    [[nodiscard]] FaultPlan &faults() { return m_faults; }
    [[nodiscard]] MutationLog &mutations() { return m_mutations; }
    [[nodiscard]] TokenRegistry &tokens() { return m_tokens; }
    [[nodiscard]] OAuthConfig &oauth() { return m_oauth; }
    [[nodiscard]] bool controlApiEnabled() const { return m_options.controlApi; }
    [[nodiscard]] qint64 dailyApiLimit() const { return m_dailyApiLimit; }

    // The access token minted at open() for a principal ("admin", "analyst", "viewer").
    // It exists only in this process's memory; the org itself keeps only its hash.
    [[nodiscard]] QString principalToken(const QString &role) const;
    [[nodiscard]] const DemoPrincipal *principal(const QString &role) const;

    // Counts one API call for today (by the demo clock); returns the calls made today.
    qint64 countApiCall();
    [[nodiscard]] qint64 apiCallsToday() const;

private:
    DemoOrg() = default;

    DemoOrgOptions m_options;
    OrgSchema m_schema;
    OrgDatabase m_database;
    GeneratedOrg m_info;
    DemoClock m_clock;
    FaultPlan m_faults;
    MutationLog m_mutations;
    TokenRegistry m_tokens{m_clock};
    OAuthConfig m_oauth;
    QHash<QString, QString> m_principalTokens;
    qint64 m_dailyApiLimit = 0;
    QMutex m_usageMutex;
};

} // namespace lr::demo
