#pragma once

#include "core/common/result.h"
#include "core/demo/generator/generateduser.h"

#include <QList>

namespace lr::demo {

struct GenerationContext;

// Writes the org's LoginHistory for the 180 days before the anchor and its OauthToken
// rows. Interactive logins agree with User.LastLoginDate: a user's latest successful
// 'Application' login is exactly their LastLoginDate when that falls inside the window, and
// users idle for longer have none. Integrations sign in over OAuth (or SOAP) almost every
// day whatever their LastLoginDate says; people with Data Loader, the CLI or the mobile app
// add their own API logins; a few attempts fail. Rows are written in LoginTime order.
class LoginActivity
{
public:
    static constexpr int kWindowDays = 180;

    // Returns the number of LoginHistory rows written.
    [[nodiscard]] static Result<qint64> write(const GenerationContext &context,
                                              const QList<GeneratedUser> &users);
};

} // namespace lr::demo
