// lrctl policy list | show NAME | export NAME [--output FILE] | import FILE | pause NAME |
// resume NAME: the org's reclaim policies (LR_Policy__c), through PolicyRepository.
#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"
#include "core/policy/policyjson.h"
#include "core/policy/policyrecord.h"
#include "core/policy/policyrepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

namespace {

using policy::Policy;
using policy::PolicyRepository;
using policy::PolicySummary;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("lrctl", text, nullptr, n);
}

const QStringList kSubcommands{
    u"list"_s, u"show"_s, u"export"_s, u"import"_s, u"pause"_s, u"resume"_s};

QString stateName(policy::DeploymentStatus::State state)
{
    switch (state) {
    case policy::DeploymentStatus::State::Deployed:
        return u"deployed"_s;
    case policy::DeploymentStatus::State::NotDeployed:
        return u"not-deployed"_s;
    case policy::DeploymentStatus::State::OutdatedSchema:
        return u"outdated-schema"_s;
    }
    return {};
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate))
                          : QJsonValue(QJsonValue::Null);
}

QJsonObject summaryJson(const PolicySummary &summary)
{
    return {{u"id"_s, summary.isBuiltIn() ? QJsonValue(QJsonValue::Null) : summary.id},
            {u"name"_s, summary.name},
            {u"builtIn"_s, summary.isBuiltIn()},
            {u"active"_s, summary.active},
            {u"schedule"_s, policy::PolicyRecord::scheduleValue(summary.schedule).toLower()},
            {u"executionPath"_s,
             policy::PolicyRecord::executionPathValue(summary.executionPath).toLower()},
            {u"defaultThresholdDays"_s, summary.defaultThresholdDays},
            {u"dryRun"_s, summary.dryRun},
            {u"version"_s, summary.version},
            {u"lastModifiedBy"_s, summary.lastModifiedBy},
            {u"lastModifiedAt"_s, timeOrNull(summary.lastModifiedAt)}};
}

// The policy as `show --format json` prints it: the file format, and the record around it.
QJsonObject policyJson(const Policy &policy)
{
    QJsonObject json = summaryJson(PolicySummary::of(policy));
    json.insert(u"ownerId"_s, policy.ownerId);
    json.insert(u"policy"_s, QJsonDocument::fromJson(policy::PolicyJson::write(policy)).object());
    return json;
}

QString cellText(const QJsonValue &value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isNull()) {
        return {};
    }
    const QByteArray encoded = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(encoded.mid(1, encoded.size() - 2));
}

// `show` as a table: one row per field, one per exemption.
QJsonArray fieldRows(const Policy &policy)
{
    QJsonArray rows;
    const QJsonObject file = QJsonDocument::fromJson(policy::PolicyJson::write(policy)).object();
    for (int i = static_cast<int>(policy::PolicyField::Name);
         i <= static_cast<int>(policy::PolicyField::TransferOpenRecords);
         ++i) {
        const auto field = static_cast<policy::PolicyField>(i);
        const QString key = policy::PolicyProblem::jsonKey(field);
        if (key.isEmpty() || field == policy::PolicyField::Exemptions) {
            continue;
        }
        rows.append(QJsonObject{{u"field"_s, policy::PolicyProblem::label(field)},
                                {u"value"_s, cellText(file.value(key))}});
    }
    for (qsizetype i = 0; i < policy.exemptions.size(); ++i) {
        const policy::Exemption &exemption = policy.exemptions.at(i);
        const QString who = exemption.username.isEmpty()
                                ? exemption.userId
                                : u"%1 (%2)"_s.arg(exemption.username, exemption.userId);
        const QString until = exemption.expires.isValid()
                                  ? tr("until %1").arg(exemption.expires.toString(Qt::ISODate))
                                  : tr("no end date");
        rows.append(QJsonObject{{u"field"_s, tr("Exemption %1").arg(i + 1)},
                                {u"value"_s, u"%1, %2: %3"_s.arg(who, until, exemption.reason)}});
    }
    return rows;
}

// A write's outcome: a conflict is printed and fails (exit 1); the caller prints success.
std::optional<int> conflictExit(const Cli &cli, const policy::PolicyWriteOutcome &outcome)
{
    if (!outcome.hasConflict()) {
        return std::nullopt;
    }
    cli.err() << "lrctl: " << outcome.conflict->message() << Qt::endl;
    return Failure;
}

// Import problems: every line of the message, each naming the file. Exit 3: no one may
// save an invalid policy.
int printProblems(const Cli &cli, const QString &file, const Error &error)
{
    for (const QString &line : error.message.split(u'\n')) {
        cli.err() << "lrctl: " << file << ": " << line << Qt::endl;
    }
    return Refused;
}

class PolicyCommand
{
public:
    PolicyCommand(Cli &cli, ConnectedOrg &org)
        : m_cli(cli)
        , m_repository(&org.client())
    {
        if (cli.parser().isSet(u"org"_s)) {
            m_repository.setOrgAlias(cli.parser().value(u"org"_s));
        }
    }

    QCoro::Task<int> list()
    {
        Result<policy::DeploymentStatus> status = co_await m_repository.deploymentStatus();
        if (!status) {
            co_return m_cli.fail(status.error());
        }
        if (!status->isDeployed()) {
            m_cli.err() << "lrctl: " << status->message(m_repository.orgAlias()) << Qt::endl;
        }
        Result<QList<PolicySummary>> summaries = co_await m_repository.list();
        if (!summaries) {
            co_return m_cli.fail(summaries.error());
        }
        QJsonArray policies;
        QJsonArray rows;
        for (const PolicySummary &summary : std::as_const(summaries.value())) {
            const QJsonObject json = summaryJson(summary);
            policies.append(json);
            const QJsonObject row{
                {u"name"_s, summary.name},
                {u"active"_s, summary.active},
                {u"schedule"_s, json.value(u"schedule"_s)},
                {u"path"_s, json.value(u"executionPath"_s)},
                {u"days"_s, summary.defaultThresholdDays},
                {u"dryRun"_s, summary.dryRun},
                {u"version"_s, summary.isBuiltIn() ? QJsonValue() : QJsonValue(summary.version)},
                {u"changedBy"_s, summary.isBuiltIn() ? tr("(built in)") : summary.lastModifiedBy},
                {u"changedAt"_s,
                 summary.lastModifiedAt.isValid()
                     ? summary.lastModifiedAt.toUTC().toString(u"yyyy-MM-dd HH:mm"_s)
                     : QString()}};
            rows.append(row);
        }
        const QJsonObject json{{u"deployment"_s, stateName(status->state)},
                               {u"policies"_s, policies}};
        OutputFormat::print(m_cli.out(),
                            m_cli.format(),
                            {u"name"_s,
                             u"active"_s,
                             u"schedule"_s,
                             u"path"_s,
                             u"days"_s,
                             u"dryRun"_s,
                             u"version"_s,
                             u"changedBy"_s,
                             u"changedAt"_s},
                            rows,
                            json);
        co_return Success;
    }

    QCoro::Task<int> show(QString name)
    {
        Result<Policy> loaded = co_await m_repository.loadByName(name);
        if (!loaded) {
            co_return m_cli.fail(loaded.error());
        }
        OutputFormat::print(m_cli.out(),
                            m_cli.format(),
                            {u"field"_s, u"value"_s},
                            fieldRows(loaded.value()),
                            policyJson(loaded.value()));
        co_return Success;
    }

    QCoro::Task<int> exportTo(QString name, QString output)
    {
        Result<Policy> loaded = co_await m_repository.loadByName(name);
        if (!loaded) {
            co_return m_cli.fail(loaded.error());
        }
        const QByteArray file = policy::PolicyJson::write(loaded.value());
        if (output.isEmpty()) {
            m_cli.out() << QString::fromUtf8(file);
            m_cli.out().flush();
            co_return Success;
        }
        QSaveFile save(output);
        if (!save.open(QIODevice::WriteOnly) || save.write(file) != file.size() || !save.commit()) {
            co_return m_cli.fail(
                Error::make(Error::Kind::Storage,
                            u"WRITE_FAILED"_s,
                            tr("Could not write %1: %2").arg(output, save.errorString())));
        }
        m_cli.err() << "lrctl: " << tr("wrote the policy '%1' to %2").arg(loaded->name, output)
                    << Qt::endl;
        co_return Success;
    }

    QCoro::Task<int> importFrom(QString path, QByteArray file)
    {
        Result<policy::PolicyWriteOutcome> imported = co_await m_repository.importJson(file);
        if (!imported) {
            if (imported.error().code == u"INVALID_POLICY") {
                co_return printProblems(m_cli, path, imported.error());
            }
            co_return m_cli.fail(imported.error());
        }
        if (const auto code = conflictExit(m_cli, imported.value())) {
            co_return *code;
        }
        const Policy &stored = *imported->policy;
        m_cli.err() << "lrctl: "
                    << (stored.version == 1 ? tr("created the policy '%1'").arg(stored.name)
                                            : tr("updated the policy '%1' (version %2)")
                                                  .arg(stored.name)
                                                  .arg(stored.version))
                    << Qt::endl;
        printSaved(stored);
        co_return Success;
    }

    QCoro::Task<int> setActive(QString name, bool active)
    {
        Result<Policy> loaded = co_await m_repository.loadByName(name);
        if (!loaded) {
            co_return m_cli.fail(loaded.error());
        }
        if (loaded->isStored() && loaded->active == active) {
            m_cli.err() << "lrctl: "
                        << (active ? tr("the policy '%1' is already active")
                                   : tr("the policy '%1' is already paused"))
                               .arg(loaded->name)
                        << Qt::endl;
            printSaved(loaded.value());
            co_return Success;
        }
        Result<policy::PolicyWriteOutcome> saved =
            co_await m_repository.setActive(loaded.value(), active);
        if (!saved) {
            co_return m_cli.fail(saved.error());
        }
        if (const auto code = conflictExit(m_cli, saved.value())) {
            co_return *code;
        }
        m_cli.err() << "lrctl: "
                    << (active ? tr("resumed the policy '%1'") : tr("paused the policy '%1'"))
                           .arg(saved->policy->name)
                    << Qt::endl;
        printSaved(*saved->policy);
        co_return Success;
    }

private:
    void printSaved(const Policy &policy)
    {
        const QJsonObject json = summaryJson(PolicySummary::of(policy));
        OutputFormat::print(m_cli.out(),
                            m_cli.format(),
                            {u"name"_s, u"active"_s, u"version"_s, u"id"_s},
                            QJsonArray{json},
                            json);
    }

    Cli &m_cli;
    PolicyRepository m_repository;
};

// The one argument of a subcommand, or a usage error.
std::optional<QString> argument(const Cli &cli, const QString &what, int *exitCode)
{
    const QString subcommand = cli.positional().at(1);
    if (cli.positional().size() < 3 || cli.positional().at(2).trimmed().isEmpty()) {
        *exitCode = cli.usage(u"policy "_s + subcommand, tr("expected %1").arg(what));
        return std::nullopt;
    }
    if (cli.positional().size() > 3) {
        *exitCode = cli.usage(
            cli.positional().at(3),
            tr("policy %1 takes one argument; put a name with spaces in quotes").arg(subcommand));
        return std::nullopt;
    }
    return cli.positional().at(2);
}

// Reads an import file before any connection, at most one byte more than a policy file may
// have (so the import can say it is too large without reading a huge file).
std::optional<QByteArray> readImportFile(const Cli &cli, const QString &path, int *exitCode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *exitCode = cli.usage(path, tr("cannot read the file: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return file.read(policy::PolicyJson::kMaxFileSize + 1);
}

} // namespace

QCoro::Task<int> Commands::policy(Cli &cli)
{
    const QString subcommand = cli.positional().value(1);
    if (!kSubcommands.contains(subcommand)) {
        co_return cli.usage(subcommand.isEmpty() ? u"policy"_s : subcommand,
                            tr("expected a policy subcommand: list, show, export, import, pause "
                               "or resume"));
    }
    if (cli.parser().isSet(u"output"_s) && subcommand != u"export") {
        co_return cli.usage(u"--output"_s, tr("only goes with policy export"));
    }
    int exitCode = BadUsage;
    std::optional<QString> name;
    std::optional<QByteArray> file;
    if (subcommand == u"list") {
        if (cli.positional().size() > 2) {
            co_return cli.usage(cli.positional().at(2), tr("policy list takes no arguments"));
        }
    } else if (subcommand == u"import") {
        name = argument(cli, tr("a policy file"), &exitCode);
        if (name) {
            file = readImportFile(cli, *name, &exitCode);
        }
        if (!file) {
            co_return exitCode;
        }
    } else if (name = argument(cli, tr("a policy name"), &exitCode); !name) {
        co_return exitCode;
    }
    std::unique_ptr<ConnectedOrg> org = co_await ConnectedOrg::connect(cli, &exitCode);
    if (!org) {
        co_return exitCode;
    }
    PolicyCommand command(cli, *org);
    if (subcommand == u"list") {
        co_return co_await command.list();
    }
    if (subcommand == u"show") {
        co_return co_await command.show(*name);
    }
    if (subcommand == u"export") {
        co_return co_await command.exportTo(*name, cli.parser().value(u"output"_s));
    }
    if (subcommand == u"import") {
        co_return co_await command.importFrom(*name, *file);
    }
    co_return co_await command.setActive(*name, subcommand == u"resume");
}

} // namespace lr::cli
