#include "support/policysession.h"

#include "support/demoorgfixture.h"

#include <QCoroTask>

namespace lr::test {

PolicySession PolicySession::as(DemoOrgFixture &demo, const QString &role)
{
    org::OrgSession session;
    session.instanceUrl = demo.instanceUrl();
    session.accessToken = demo.token(role);
    PolicySession signedIn;
    signedIn.client = std::make_unique<org::OrgClient>(&demo.network(), session);
    (void)QCoro::waitFor(signedIn.client->negotiateVersion());
    signedIn.repository = std::make_unique<policy::PolicyRepository>(signedIn.client.get());
    return signedIn;
}

} // namespace lr::test
