#pragma once

#include "core/http/httpexchange.h"

namespace lr::demo {

class CallerPermissions;
class DemoOrg;
class QueryCursors;
class RecordStore;

// The sObject Collections resource, /composite/sobjects: create (POST), update (PATCH) and
// delete (DELETE) up to 200 records per request with per-record results, optionally
// all-or-none, and read (GET) records by id. Setup objects (User, UserLogin …) cannot
// share a request with other objects.
class SObjectCollections
{
public:
    SObjectCollections(DemoOrg &org, RecordStore &store, QueryCursors &cursors);

    [[nodiscard]] HttpResponse handle(const HttpRequest &request,
                                      const QString &subPath,
                                      const CallerPermissions &caller,
                                      const QString &apiVersion);

private:
    struct Item;

    [[nodiscard]] HttpResponse save(const HttpRequest &request, const CallerPermissions &caller);
    [[nodiscard]] HttpResponse remove(const HttpRequest &request, const CallerPermissions &caller);
    [[nodiscard]] HttpResponse read(const HttpRequest &request,
                                    const QString &typeName,
                                    const CallerPermissions &caller,
                                    const QString &apiVersion);
    [[nodiscard]] HttpResponse process(const HttpRequest &request,
                                       QList<Item> &items,
                                       bool allOrNone,
                                       const CallerPermissions &caller);

    DemoOrg &m_org;
    RecordStore &m_store;
    QueryCursors &m_cursors;
};

} // namespace lr::demo
