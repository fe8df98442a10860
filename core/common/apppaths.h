#pragma once

#include <QString>

namespace lr {

// Where the console, lrctl and the agent keep their files: one data directory per user,
// shared by all three (LR_DATA_DIR overrides it, which tests use to stay out of $HOME).
class AppPaths
{
public:
    [[nodiscard]] static QString dataDirectory();
    // The persisted demo org the console and `lrctl --demo` share.
    [[nodiscard]] static QString demoOrgDatabase();
};

} // namespace lr
