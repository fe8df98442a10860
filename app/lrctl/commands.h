#pragma once

#include <QCoroTask>

namespace lr::cli {

class Cli;

// lrctl's commands; each returns the process exit code.
class Commands
{
public:
    [[nodiscard]] static QCoro::Task<int> demoOrgServe(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> query(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> licenses(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> limits(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> scan(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> policy(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> login(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> logout(Cli &cli);
    [[nodiscard]] static QCoro::Task<int> orgs(Cli &cli);
};

} // namespace lr::cli
