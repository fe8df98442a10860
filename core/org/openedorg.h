#pragma once

#include "core/common/result.h"
#include "core/org/orgchoice.h"
#include "core/org/orgsession.h"

#include <memory>

namespace lr::demo {
class DemoOrg;
class DemoOrgHost;
} // namespace lr::demo

namespace lr::org {

// An org made ready to talk to: for a demo org, the org itself and its server on
// 127.0.0.1 (on a thread of its own) for as long as this object lives; for a real org, the
// instance and token the user gave.
class OpenedOrg
{
public:
    [[nodiscard]] static Result<std::unique_ptr<OpenedOrg>> open(const OrgChoice &choice);
    ~OpenedOrg();

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
    QString m_databasePath;
};

} // namespace lr::org
