#pragma once

#include "core/demo/server/controlapi.h"
#include "core/demo/server/oauthservice.h"
#include "core/demo/server/querycursors.h"
#include "core/demo/server/recordstore.h"
#include "core/demo/server/sobjectcollections.h"
#include "core/http/httpexchange.h"

namespace lr::demo {

class CallerPermissions;
class DemoOrg;

// The demo org's REST API, following Salesforce's documented behaviour: the versions list,
// resources, limits, query/queryAll with nextRecordsUrl paging and Sforce-Query-Options
// batch sizes, sObject describe/GET/POST/PATCH/DELETE, sObject Collections, Bearer
// authentication (401 INVALID_SESSION_ID), error bodies, and Sforce-Limit-Info on every
// call; OAuth's userinfo, authorize, token and revoke endpoints (OAuthService); plus the test
// control API when the org allows it. Lives on the server's thread.
class DemoOrgService
{
public:
    explicit DemoOrgService(DemoOrg &org);

    [[nodiscard]] HttpResponse handle(const HttpRequest &request);

private:
    [[nodiscard]] HttpResponse versions() const;
    [[nodiscard]] HttpResponse userInfo(const HttpRequest &request) const;
    // The user a request's Bearer (or OAuth) session belongs to, if the session is valid.
    [[nodiscard]] std::optional<QString> sessionUser(const HttpRequest &request) const;
    [[nodiscard]] HttpResponse
    authenticated(const HttpRequest &request, const QString &version, const QString &resource);
    [[nodiscard]] HttpResponse route(const HttpRequest &request,
                                     const QString &version,
                                     const QString &resource,
                                     const CallerPermissions &caller);
    [[nodiscard]] HttpResponse resources(const QString &version) const;
    [[nodiscard]] HttpResponse limits() const;
    [[nodiscard]] HttpResponse
    query(const HttpRequest &request, const QString &version, const CallerPermissions &caller);
    [[nodiscard]] HttpResponse
    queryMore(const QString &locator, const QString &version, const CallerPermissions &caller);
    [[nodiscard]] HttpResponse sobjects(const HttpRequest &request,
                                        const QString &version,
                                        const QStringList &parts,
                                        const CallerPermissions &caller);
    [[nodiscard]] HttpResponse record(const HttpRequest &request,
                                      const QString &version,
                                      const SObjectType &type,
                                      const QString &id,
                                      const CallerPermissions &caller);

    DemoOrg &m_org;
    QueryCursors m_cursors;
    RecordStore m_store;
    SObjectCollections m_collections;
    ControlApi m_control;
    OAuthService m_oauth;
};

} // namespace lr::demo
