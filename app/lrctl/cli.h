#pragma once

#include "app/lrctl/outputformat.h"
#include "core/common/error.h"
#include "core/org/orgchoice.h"

#include <QCommandLineParser>
#include <QCoroTask>
#include <QStringList>

#include <optional>

class QTextStream;

namespace lr::cli {

// Exit codes, the same for every command.
enum ExitCode : int {
    Success = 0,
    Failure = 1,
    BadUsage = 2,
    Refused = 3,
};

// lrctl's command line: the conventions every command shares (how the org is chosen, the
// output format, exit codes) and the dispatch to commands.
class Cli
{
public:
    explicit Cli(QStringList arguments);

    // Parses and runs; returns the process exit code.
    [[nodiscard]] QCoro::Task<int> run();

    // What the command runs against and prints to.
    [[nodiscard]] const QCommandLineParser &parser() const { return m_parser; }
    [[nodiscard]] const QStringList &positional() const { return m_positional; }
    [[nodiscard]] OutputFormat::Kind format() const { return m_format; }
    [[nodiscard]] QTextStream &out() const;
    [[nodiscard]] QTextStream &err() const;

    // The org the options chose; a usage error when none or several were chosen.
    [[nodiscard]] std::optional<org::OrgChoice> orgChoice(Error *error) const;

    // A usage error naming the argument: "lrctl: <argument>: <problem>", exit 2.
    [[nodiscard]] int usage(const QString &argument, const QString &problem) const;
    // Prints an error and returns the exit code its kind maps to.
    [[nodiscard]] int fail(const Error &error) const;

    // A whole number option within [min, max], or a usage error (printed) and nothing.
    [[nodiscard]] std::optional<qint64>
    number(const QString &option, qint64 min, qint64 max, qint64 fallback) const;

    [[nodiscard]] static QString helpText();

private:
    void addOptions();

    QStringList m_arguments;
    QCommandLineParser m_parser;
    QStringList m_positional;
    OutputFormat::Kind m_format = OutputFormat::Kind::Table;
};

} // namespace lr::cli
