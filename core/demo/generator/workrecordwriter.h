#pragma once

#include "core/common/result.h"

namespace lr::demo {

struct GenerationContext;
class UserDirectory;

// Writes the business records users own: opportunities, cases and leads (open and closed,
// some still owned by people idle for months or deactivated) and the approval requests
// (ProcessInstanceWorkitem) waiting on managers or their delegates.
class WorkRecordWriter
{
public:
    [[nodiscard]] static Result<void> write(const GenerationContext &context,
                                            const UserDirectory &directory);
};

} // namespace lr::demo
