#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"
#include "core/pipeline/previewcsv.h"
#include "core/pipeline/reclaimpreview.h"
#include "core/policy/policyrepository.h"
#include "core/safety/safetysettings.h"
#include "core/scan/orgscanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lrctl", text);
}

QJsonObject entryJson(const pipeline::PreviewEntry &entry, const scan::OrgSnapshot &snapshot)
{
    const scan::ScannedUser &user = snapshot.users.at(entry.userIndex);
    QJsonArray findings;
    for (const safety::Finding &finding : entry.findings) {
        findings.append(
            QJsonObject{{u"check"_s, finding.check},
                        {u"severity"_s, safety::Finding::severityName(finding.severity)},
                        {u"message"_s, finding.message}});
    }
    return QJsonObject{{u"userId"_s, user.id},
                       {u"username"_s, user.username},
                       {u"name"_s, user.name},
                       {u"license"_s, user.licenseName},
                       {u"department"_s, user.department},
                       {u"daysInactive"_s, entry.daysInactive},
                       {u"findings"_s, findings}};
}

// The row a table or CSV shows: the findings as check ids, red ones marked with '!'.
QJsonObject entryRow(const pipeline::PreviewEntry &entry,
                     const scan::OrgSnapshot &snapshot,
                     const QString &status)
{
    const scan::ScannedUser &user = snapshot.users.at(entry.userIndex);
    QStringList checks;
    for (const safety::Finding &finding : entry.findings) {
        checks.append(finding.isRed() ? finding.check + u'!' : finding.check);
    }
    return QJsonObject{{u"status"_s, status},
                       {u"user"_s, user.name},
                       {u"username"_s, user.username},
                       {u"license"_s, user.licenseName},
                       {u"department"_s, user.department},
                       {u"days"_s, entry.daysInactive},
                       {u"findings"_s, checks.join(u' ')}};
}

} // namespace

QCoro::Task<int> Commands::scan(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), tr("scan takes no arguments"));
    }
    const auto threshold = cli.number(u"threshold"_s, 1, 3650, 90);
    if (!threshold) {
        co_return BadUsage;
    }
    const QStringList licenses = cli.parser().values(u"license"_s);
    for (const QString &license : licenses) {
        if (license.trimmed().isEmpty()) {
            co_return cli.usage(u"--license"_s, tr("expected a license name such as Salesforce"));
        }
    }
    const bool stored = cli.parser().isSet(u"policy"_s);
    if (stored && cli.parser().value(u"policy"_s).trimmed().isEmpty()) {
        co_return cli.usage(u"--policy"_s, tr("expected the name of a policy in the org"));
    }
    // The options change the policy they start from: the built-in default, or the stored one.
    const auto adjust = [&cli, &licenses, threshold](policy::Policy *policy) {
        if (cli.parser().isSet(u"threshold"_s)) {
            policy->defaultThresholdDays = static_cast<int>(*threshold);
            policy->thresholdByLicense.clear();
        }
        if (!licenses.isEmpty()) {
            policy->includeLicenses = licenses;
        }
    };
    policy::Policy policy = policy::Policy::builtInDefault();
    adjust(&policy);
    // An invalid policy is never run: name the option that made it so.
    if (const QList<policy::PolicyProblem> problems = policy.validate(); !problems.isEmpty()) {
        const policy::PolicyProblem &problem = problems.first();
        co_return cli.usage(problem.field == policy::PolicyField::DefaultThresholdDays
                                ? u"--threshold"_s
                                : u"--license"_s,
                            problem.message);
    }
    int exitCode = Failure;
    std::unique_ptr<ConnectedOrg> org = co_await ConnectedOrg::connect(cli, &exitCode);
    if (!org) {
        co_return exitCode;
    }
    if (stored) {
        policy::PolicyRepository repository(&org->client());
        Result<policy::Policy> loaded =
            co_await repository.loadByName(cli.parser().value(u"policy"_s));
        if (!loaded) {
            co_return cli.fail(loaded.error());
        }
        policy = std::move(loaded).value();
        adjust(&policy);
        if (const QList<policy::PolicyProblem> problems = policy.validate(); !problems.isEmpty()) {
            co_return cli.fail(Error::make(Error::Kind::Refused,
                                           u"INVALID_POLICY"_s,
                                           tr("The policy '%1' is not valid, so it is not run: %2")
                                               .arg(policy.name, problems.first().message)));
        }
        cli.err() << "lrctl: " << tr("previewing the policy '%1'").arg(policy.name) << Qt::endl;
    }
    scan::OrgScanner scanner(&org->client());
    QString lastStage;
    QObject::connect(&scanner,
                     &scan::OrgScanner::progressChanged,
                     &scanner,
                     [&cli, &lastStage](double fraction, const QString &stage) {
                         if (stage != lastStage) {
                             cli.err()
                                 << u"[%1%] "_s.arg(qRound(fraction * 100), 3) << stage << Qt::endl;
                             lastStage = stage;
                         }
                     });
    Result<scan::OrgSnapshot> snapshot = co_await scanner.scan();
    if (!snapshot) {
        co_return cli.fail(snapshot.error());
    }
    // Licenses the org does not have are most likely typos: say so rather than scan nothing.
    for (const QString &license : std::as_const(policy.includeLicenses)) {
        const bool known =
            std::any_of(snapshot->users.cbegin(),
                        snapshot->users.cend(),
                        [&](const scan::ScannedUser &u) { return u.licenseName == license; });
        if (!known && cli.parser().isSet(u"license"_s)) {
            cli.err() << "lrctl: "
                      << tr("note: no inactive user holds the license '%1'").arg(license)
                      << Qt::endl;
        }
    }
    const pipeline::ReclaimPreview preview = pipeline::ReclaimPreview::build(
        snapshot.value(), policy, safety::SafetySettings{}, QDateTime::currentDateTimeUtc());

    QJsonArray candidates;
    QJsonArray blocked;
    QJsonArray rows;
    for (const pipeline::PreviewEntry &entry : preview.candidates) {
        candidates.append(entryJson(entry, snapshot.value()));
        rows.append(entryRow(entry, snapshot.value(), tr("candidate")));
    }
    for (const pipeline::PreviewEntry &entry : preview.blocked) {
        blocked.append(entryJson(entry, snapshot.value()));
        rows.append(entryRow(entry, snapshot.value(), tr("blocked")));
    }
    cli.err() << tr("%1 users scanned, %2 in the policy's scope past its threshold: %3 candidates, "
                    "%4 kept safe; %5 API calls.")
                     .arg(snapshot->totalUsers)
                     .arg(preview.candidates.size() + preview.blocked.size())
                     .arg(preview.candidates.size())
                     .arg(preview.blocked.size())
                     .arg(snapshot->apiCalls)
              << Qt::endl;
    if (cli.format() == OutputFormat::Kind::Csv) {
        // For pipes and scripts: no byte order mark.
        cli.out() << QString::fromUtf8(pipeline::PreviewCsv::write(
            preview, snapshot.value(), pipeline::PreviewCsv::ByteOrderMark::Omit));
        cli.out().flush();
        co_return Success;
    }
    const QJsonObject json{{u"scanned"_s, snapshot->totalUsers},
                           {u"apiCalls"_s, snapshot->apiCalls},
                           {u"candidates"_s, candidates},
                           {u"blocked"_s, blocked}};
    OutputFormat::print(
        cli.out(),
        cli.format(),
        {u"status"_s, u"user"_s, u"license"_s, u"department"_s, u"days"_s, u"findings"_s},
        rows,
        json);
    co_return Success;
}

} // namespace lr::cli
