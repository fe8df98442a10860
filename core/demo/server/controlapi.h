#pragma once

#include "core/http/httpexchange.h"

namespace lr::demo {

class DemoOrg;

// The demo org's control API for tests, under /__control/, served only when the org was
// opened with controlApi on:
//   POST   /__control/faults     add a fault (see Fault::fromJson); GET lists, DELETE clears
//   GET    /__control/clock      {"now": …};  POST {"now": ISO} | {"advanceSeconds": n} |
//                                {"reset": true}
//   GET    /__control/mutations  every mutating request so far; DELETE clears
class ControlApi
{
public:
    explicit ControlApi(DemoOrg &org);
    [[nodiscard]] HttpResponse handle(const HttpRequest &request, const QString &resource);

private:
    [[nodiscard]] HttpResponse faults(const HttpRequest &request);
    [[nodiscard]] HttpResponse clock(const HttpRequest &request);
    [[nodiscard]] HttpResponse mutations(const HttpRequest &request);

    DemoOrg &m_org;
};

} // namespace lr::demo
