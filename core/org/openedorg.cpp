#include "core/org/openedorg.h"

#include "core/auth/orgsessionkeeper.h"
#include "core/common/apppaths.h"
#include "core/demo/demoorg.h"
#include "core/demo/demoorghost.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace lr::org {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lr::org::OpenedOrg", text);
}

} // namespace

OpenedOrg::~OpenedOrg()
{
    if (m_host) {
        m_host->stop();
    }
}

Result<std::unique_ptr<OpenedOrg>> OpenedOrg::open(const OrgChoice &choice)
{
    std::unique_ptr<OpenedOrg> opened(new OpenedOrg);
    switch (choice.kind) {
    case OrgChoice::Kind::Alias:
        // Its tokens are in the secrets store, which only ConnectionManager::open reads.
        return Error::make(Error::Kind::Internal,
                           u"ALIAS_NEEDS_CONNECTIONS"_s,
                           tr("A signed-in org is opened through its connection."));
    case OrgChoice::Kind::InstanceUrl:
        if (!choice.instanceUrl.isValid() || choice.instanceUrl.host().isEmpty()
            || (choice.instanceUrl.scheme() != u"https"
                && choice.instanceUrl.scheme() != u"http")) {
            return Error::make(Error::Kind::Usage,
                               u"BAD_INSTANCE_URL"_s,
                               tr("The instance URL must look like "
                                  "https://yourdomain.my.salesforce.com."));
        }
        if (choice.accessToken.isEmpty()) {
            return Error::make(Error::Kind::Usage,
                               u"NO_ACCESS_TOKEN"_s,
                               tr("Set LR_ACCESS_TOKEN to an access token for that org."));
        }
        opened->m_session.instanceUrl = choice.instanceUrl;
        opened->m_session.accessToken = choice.accessToken;
        return opened;
    case OrgChoice::Kind::PersistedDemo:
    case OrgChoice::Kind::FreshDemo:
        break;
    }
    demo::DemoOrgOptions options;
    options.userCount = choice.demoUsers;
    options.seed = choice.demoSeed;
    options.controlApi = choice.demoControlApi;
    if (choice.kind == OrgChoice::Kind::PersistedDemo) {
        options.databasePath = choice.demoDatabasePath.isEmpty() ? AppPaths::demoOrgDatabase()
                                                                 : choice.demoDatabasePath;
        opened->m_databasePath = options.databasePath;
    }
    Result<std::unique_ptr<demo::DemoOrg>> org = demo::DemoOrg::open(options);
    if (!org) {
        return org.error();
    }
    opened->m_demo = std::move(org.value());
    opened->m_host = std::make_unique<demo::DemoOrgHost>(*opened->m_demo);
    Result<QUrl> url = opened->m_host->start();
    if (!url) {
        return url.error();
    }
    opened->m_session.instanceUrl = url.value();
    opened->m_session.accessToken = opened->m_demo->principalToken(choice.demoRole);
    if (opened->m_session.accessToken.isEmpty()) {
        return Error::make(Error::Kind::Usage,
                           u"UNKNOWN_DEMO_ROLE"_s,
                           tr("The demo org has no user for the role '%1' (admin, analyst or "
                              "viewer).")
                               .arg(choice.demoRole));
    }
    return opened;
}

std::unique_ptr<OpenedOrg> OpenedOrg::signedIn(std::unique_ptr<auth::OrgSessionKeeper> keeper,
                                               const QString &alias)
{
    std::unique_ptr<OpenedOrg> opened(new OpenedOrg);
    opened->m_session = keeper->orgSession();
    opened->m_keeper = std::move(keeper);
    opened->m_alias = alias;
    return opened;
}

void OpenedOrg::attach(OrgClient *client) const
{
    if (m_keeper) {
        m_keeper->attach(client);
    }
}

QString OpenedOrg::description() const
{
    if (!m_alias.isEmpty()) {
        return tr("%1 (%2)").arg(m_alias, m_session.instanceUrl.toDisplayString());
    }
    if (!m_demo) {
        return m_session.instanceUrl.toDisplayString();
    }
    if (m_databasePath.isEmpty()) {
        return tr("in memory, %1").arg(m_session.instanceUrl.toDisplayString());
    }
    return m_databasePath;
}

} // namespace lr::org
