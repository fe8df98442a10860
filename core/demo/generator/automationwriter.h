#pragma once

#include "core/common/result.h"

namespace lr::demo {

struct GenerationContext;
class UserDirectory;

// Writes what users are tied to beyond their own records: queues (Group of type Queue,
// QueueSobject, GroupMember) including queues whose only member is active, long idle or
// deactivated; public groups; scheduled jobs (CronJobDetail, CronTrigger) owned by admins,
// integration users, idle and deactivated users; and dashboards that run as a specified
// user.
class AutomationWriter
{
public:
    [[nodiscard]] static Result<void> write(const GenerationContext &context,
                                            const UserDirectory &directory);
};

} // namespace lr::demo
