#pragma once

#include "core/common/result.h"
#include "core/org/orgchoice.h"
#include "core/org/orgsession.h"

#include <memory>

namespace lr::auth {
class OrgSessionKeeper;
}

namespace lr::demo {
class DemoOrg;
class DemoOrgHost;
} // namespace lr::demo

namespace lr::org {

class OrgClient;

// An org made ready to talk to: for a demo org, the org itself and its server on
// 127.0.0.1 (on a thread of its own) for as long as this object lives; for a real org, the
// instance and token the user gave; for a signed-in connection (an alias), the session
// keeper that renews its tokens.
class OpenedOrg
{
public:
    // Every choice but Alias, which needs the secrets store: connections::ConnectionManager
    // opens those (and any other choice too).
    [[nodiscard]] static Result<std::unique_ptr<OpenedOrg>> open(const OrgChoice &choice);
    // A signed-in connection, its tokens kept alive by `keeper`.
    [[nodiscard]] static std::unique_ptr<OpenedOrg>
    signedIn(std::unique_ptr<auth::OrgSessionKeeper> keeper, const QString &alias);
    ~OpenedOrg();

    // Makes the session keeper, if any, the client's session renewal (a 401 renews once).
    void attach(OrgClient *client) const;
    [[nodiscard]] auth::OrgSessionKeeper *sessionKeeper() const { return m_keeper.get(); }
    // The connection's alias; empty for anything else.
    [[nodiscard]] const QString &alias() const { return m_alias; }

    [[nodiscard]] const OrgSession &session() const { return m_session; }
    [[nodiscard]] bool isDemo() const { return m_demo != nullptr; }
    [[nodiscard]] demo::DemoOrg *demoOrg() const { return m_demo.get(); }
    // Where the org is, for people: its URL, or the demo org's file.
    [[nodiscard]] QString description() const;

private:
    OpenedOrg() = default;

    OrgSession m_session;
    std::unique_ptr<demo::DemoOrg> m_demo;
    std::unique_ptr<demo::DemoOrgHost> m_host;
    std::unique_ptr<auth::OrgSessionKeeper> m_keeper;
    QString m_databasePath;
    QString m_alias;
};

} // namespace lr::org
