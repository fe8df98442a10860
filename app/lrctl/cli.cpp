#include "app/lrctl/cli.h"

#include "app/lrctl/commands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace lr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lrctl", text);
}

// Options each command accepts beyond the shared ones.
const QHash<QString, QStringList> &commandOptions()
{
    static const QHash<QString, QStringList> options{
        {u"demo-org serve"_s,
         {u"users"_s, u"seed"_s, u"port"_s, u"db"_s, u"control"_s, u"lr-schema"_s}},
        {u"query"_s, {u"batch-size"_s}},
        {u"licenses"_s, {}},
        {u"limits"_s, {}},
        {u"scan"_s, {u"threshold"_s, u"license"_s, u"policy"_s}},
        {u"policy"_s, {u"output"_s}},
        {u"login"_s,
         {u"alias"_s, u"instance-url"_s, u"client-id"_s, u"no-browser"_s, u"timeout"_s}},
        {u"logout"_s, {u"alias"_s, u"forget"_s}},
        {u"orgs"_s, {}},
    };
    return options;
}

// Commands about connections themselves: they take no org option.
const QStringList kConnectionCommands{u"login"_s, u"logout"_s, u"orgs"_s};

const QStringList kOrgOptions{u"demo"_s, u"demo-users"_s, u"org"_s, u"instance-url"_s, u"as"_s};

} // namespace

Cli::Cli(QStringList arguments)
    : m_arguments(std::move(arguments))
{
    addOptions();
}

QTextStream &Cli::out() const
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &Cli::err() const
{
    static QTextStream stream(stderr);
    return stream;
}

void Cli::addOptions()
{
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOptions({
        {{u"h"_s, u"help"_s}, tr("Show this help.")},
        {u"version"_s, tr("Show the version.")},
        {u"demo"_s, tr("The local demo org.")},
        {u"demo-users"_s, tr("A fresh in-memory demo org of N users."), u"N"_s},
        {u"seed"_s, tr("Seed of a generated demo org."), u"S"_s},
        {u"org"_s, tr("A signed-in org."), u"ALIAS"_s},
        {u"instance-url"_s, tr("Any org, with LR_ACCESS_TOKEN."), u"URL"_s},
        {u"as"_s, tr("Demo user to act as: admin, analyst or viewer."), u"ROLE"_s},
        {u"format"_s, tr("table, json or csv."), u"FORMAT"_s},
        {u"users"_s, tr("Users of the demo org to generate."), u"N"_s},
        {u"port"_s, tr("Port to listen on (0 = any free port)."), u"P"_s},
        {u"db"_s, tr("SQLite file of a persisted demo org."), u"FILE"_s},
        {u"control"_s, tr("Serve the test control API.")},
        {u"lr-schema"_s, tr("The demo org's LR objects: current, none or old."), u"STATE"_s},
        {u"batch-size"_s, tr("Records per query page, 200 to 2000."), u"N"_s},
        {u"threshold"_s, tr("Days of inactivity."), u"DAYS"_s},
        {u"license"_s, tr("A license to include."), u"NAME"_s},
        {u"policy"_s, tr("A policy stored in the org."), u"NAME"_s},
        {u"output"_s, tr("File to write."), u"FILE"_s},
        {u"alias"_s, tr("Name of an org connection."), u"ALIAS"_s},
        {u"client-id"_s, tr("Consumer key of the External Client App."), u"ID"_s},
        {u"forget"_s, tr("Also forget the connection.")},
        {u"no-browser"_s, tr("Print the sign-in address instead of opening a browser.")},
        {u"timeout"_s, tr("Seconds to wait for the sign-in."), u"SECONDS"_s},
    });
}

QString Cli::helpText()
{
    return tr(R"(Usage: lrctl [options] <command> [arguments]

lrctl recovers unused Salesforce seats from the command line, over the same core as the
License Reclaim console.

Commands:
  licenses                  Seats purchased, used and available, per user license.
  query SOQL                Run a SOQL query and print every record (all pages).
  limits                    The org's API limits and today's usage.
  scan                      Scan the org and preview, without changing anything, which
                            seats a policy would reclaim and which users the ten safety
                            checks keep safe.
      --policy NAME         A policy stored in the org (default: the built-in "Salesforce
                            licenses, 90 days"); the options below override its fields.
      --threshold DAYS      Days without a login, 30 to 365 (default 90).
      --license NAME        A license to include (repeatable; default Salesforce).
  policy list               The org's reclaim policies (the built-in default where none
                            is stored, or where the LR objects are not deployed).
  policy show NAME          One policy, every field and exemption.
  policy export NAME        The policy as a license-reclaim-policy/1 JSON file.
      --output FILE         Write it to FILE instead of stdout.
  policy import FILE        Create the policy in FILE, or replace the one of its name.
                            A file with any problem saves nothing (exit 3) and each
                            problem is printed with its JSON path.
  policy pause NAME         Pause a policy; policy resume NAME runs it again.
  login --alias ALIAS       Sign in to an org in the browser (OAuth with PKCE; the
                            browser comes back to 127.0.0.1 on this computer) and save
                            it as a connection. The tokens go only to the keychain.
      --instance-url URL    Where to sign in: https://login.salesforce.com (default),
                            https://test.salesforce.com (sandboxes), your My Domain,
                            or the demo org's address.
      --client-id ID        Consumer key of your External Client App (also
                            LR_CLIENT_ID; remembered per connection).
      --no-browser          Print the address to open instead of opening a browser.
      --timeout SECONDS     How long to wait for the browser, 10 to 3600 (default 300).
  logout --alias ALIAS      Revoke the sign-in at the org, then delete its tokens and
                            this computer's cache of the org. The connection stays.
      --forget              Also forget the connection (lrctl orgs no longer lists it).
  orgs                      The connections: alias, signed in or out, user, org id,
                            production or sandbox, instance. Never a token.
  demo-org serve            Serve a demo org on 127.0.0.1 until stopped. Prints
                            instance_url=, access_token= (admin), analyst_token= and
                            viewer_token= lines first.
      --users N             Users to generate (default 2000).
      --seed S              Generation seed (default 1).
      --port P              Port (default: any free port).
      --db FILE             Keep the org in this SQLite file (default: in memory).
      --control             Also serve the test control API under /__control/.
      --lr-schema STATE     The License Reclaim objects: current (deployed, the
                            default), none (never deployed) or old (an older schema
                            version).

Choosing the org (for every command that reads or writes one; choose exactly one):
  --demo                    The local demo org in your data directory, generated with
                            2,000 users on first use and shared with the console.
  --demo-users N [--seed S] A fresh in-memory demo org of N users for this run only
                            (tests and benchmarks).
  --org ALIAS               An org signed in with lrctl login (or the console).
  --instance-url URL        Any org; the access token comes from LR_ACCESS_TOKEN
                            (LR_INSTANCE_URL may stand in for this option).
  --as ROLE                 With a demo org: act as its admin (default), analyst or viewer.

Output:
  --format table|json|csv   Where it makes sense; table (the default) fits 100 columns,
                            csv is RFC 4180 with formula-like cells neutralised.

Exit codes:
  0  success
  1  failure (the org or the network failed; the message says how)
  2  bad usage (one line naming the argument)
  3  refused (kill switch, permissions, dry-run rules, LR objects not deployed, an
     invalid policy)

Logging goes to stderr; QT_LOGGING_RULES="lr.*.debug=true" shows more. Tokens are never
printed except by demo-org serve, which prints its demo org's own tokens.
)");
}

int Cli::usage(const QString &argument, const QString &problem) const
{
    err() << "lrctl: " << argument << ": " << problem << Qt::endl;
    return BadUsage;
}

int Cli::fail(const Error &error) const
{
    // Salesforce's query errors start with a line break and quote the query: keep the layout
    // but not the leading blank line.
    const QString message = error.message.trimmed();
    if (!error.code.isEmpty() && error.kind == Error::Kind::Remote) {
        err() << "lrctl: " << error.code << ": " << message << Qt::endl;
    } else {
        err() << "lrctl: " << message << Qt::endl;
    }
    switch (error.kind) {
    case Error::Kind::Usage:
        return BadUsage;
    case Error::Kind::Refused:
        return Refused;
    default:
        return Failure;
    }
}

std::optional<qint64>
Cli::number(const QString &option, qint64 min, qint64 max, qint64 fallback) const
{
    if (!m_parser.isSet(option)) {
        return fallback;
    }
    const QString text = m_parser.value(option);
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max) {
        (void)usage(
            u"--"_s + option,
            tr("expected a whole number from %1 to %2, got '%3'").arg(min).arg(max).arg(text));
        return std::nullopt;
    }
    return value;
}

std::optional<org::OrgChoice> Cli::orgChoice(Error *error) const
{
    auto usageError = [error](const QString &message) {
        *error = Error::make(Error::Kind::Usage, u"BAD_USAGE"_s, message);
        return std::nullopt;
    };
    QStringList chosen;
    for (const QString &option : {u"demo"_s, u"demo-users"_s, u"org"_s, u"instance-url"_s}) {
        if (m_parser.isSet(option)) {
            chosen.append(u"--"_s + option);
        }
    }
    const QString environmentUrl = qEnvironmentVariable("LR_INSTANCE_URL");
    if (chosen.size() > 1) {
        return usageError(tr("%1: choose one org, not several").arg(chosen.join(u", "_s)));
    }
    org::OrgChoice choice;
    if (m_parser.isSet(u"as"_s)) {
        choice.demoRole = m_parser.value(u"as"_s);
        if (!QStringList{u"admin"_s, u"analyst"_s, u"viewer"_s}.contains(choice.demoRole)) {
            return usageError(
                tr("--as: expected admin, analyst or viewer, got '%1'").arg(choice.demoRole));
        }
    }
    if (m_parser.isSet(u"demo"_s)) {
        choice.kind = org::OrgChoice::Kind::PersistedDemo;
    } else if (m_parser.isSet(u"demo-users"_s)) {
        const auto users = number(u"demo-users"_s, 10, 1000000, 0);
        const auto seed = number(u"seed"_s, 0, std::numeric_limits<qint64>::max(), 1);
        if (!users || !seed) {
            *error = Error::make(Error::Kind::Usage, u"BAD_USAGE"_s, {});
            return std::nullopt;
        }
        choice.kind = org::OrgChoice::Kind::FreshDemo;
        choice.demoUsers = static_cast<int>(*users);
        choice.demoSeed = static_cast<quint64>(*seed);
    } else if (m_parser.isSet(u"org"_s)) {
        choice.kind = org::OrgChoice::Kind::Alias;
        choice.alias = m_parser.value(u"org"_s);
    } else if (m_parser.isSet(u"instance-url"_s) || !environmentUrl.isEmpty()) {
        const QString url =
            m_parser.isSet(u"instance-url"_s) ? m_parser.value(u"instance-url"_s) : environmentUrl;
        choice.kind = org::OrgChoice::Kind::InstanceUrl;
        choice.instanceUrl = QUrl(url, QUrl::StrictMode);
        if (!choice.instanceUrl.isValid() || choice.instanceUrl.host().isEmpty()) {
            return usageError(tr("--instance-url: '%1' is not a URL such as "
                                 "https://yourdomain.my.salesforce.com")
                                  .arg(url));
        }
        choice.accessToken = qEnvironmentVariable("LR_ACCESS_TOKEN");
        if (choice.accessToken.isEmpty()) {
            return usageError(tr("LR_ACCESS_TOKEN: set it to an access token for %1").arg(url));
        }
    } else {
        return usageError(tr("no org chosen: add --demo, --demo-users N, --org ALIAS or "
                             "--instance-url URL"));
    }
    if (m_parser.isSet(u"seed"_s) && !m_parser.isSet(u"demo-users"_s)) {
        return usageError(tr("--seed: only goes with --demo-users (or demo-org serve)"));
    }
    return choice;
}

QCoro::Task<int> Cli::run()
{
    if (!m_parser.parse(m_arguments)) {
        err() << "lrctl: " << m_parser.errorText() << Qt::endl;
        co_return BadUsage;
    }
    if (m_parser.isSet(u"help"_s)) {
        out() << helpText();
        out().flush();
        co_return Success;
    }
    if (m_parser.isSet(u"version"_s)) {
        out() << "lrctl " << QCoreApplication::applicationVersion() << Qt::endl;
        co_return Success;
    }
    m_positional = m_parser.positionalArguments();
    if (m_positional.isEmpty()) {
        err() << "lrctl: no command given; see lrctl --help" << Qt::endl;
        co_return BadUsage;
    }
    if (m_positional.first() == u"help") {
        out() << helpText();
        out().flush();
        co_return Success;
    }
    if (m_parser.isSet(u"format"_s)) {
        const auto format = OutputFormat::parse(m_parser.value(u"format"_s));
        if (!format) {
            co_return usage(
                u"--format"_s,
                tr("expected table, json or csv, got '%1'").arg(m_parser.value(u"format"_s)));
        }
        m_format = *format;
    }
    QString command = m_positional.first();
    if (command == u"demo-org") {
        if (m_positional.value(1) != u"serve") {
            co_return usage(u"demo-org"_s, tr("expected the subcommand 'serve'"));
        }
        command = u"demo-org serve"_s;
    }
    if (!commandOptions().contains(command)) {
        co_return usage(command, tr("unknown command; see lrctl --help"));
    }
    // Options that belong to another command are a mistake worth naming.
    const QStringList own = commandOptions().value(command);
    const bool talksToOrg = command != u"demo-org serve" && !kConnectionCommands.contains(command);
    for (const QString &name : m_parser.optionNames()) {
        const bool shared = name == u"format" || name == u"h" || name == u"help"
                            || (talksToOrg && (kOrgOptions.contains(name) || name == u"seed"));
        if (!shared && !own.contains(name)) {
            co_return usage(u"--"_s + name, tr("not an option of '%1'").arg(command));
        }
    }
    if (command == u"demo-org serve") {
        co_return co_await Commands::demoOrgServe(*this);
    }
    if (command == u"query") {
        co_return co_await Commands::query(*this);
    }
    if (command == u"licenses") {
        co_return co_await Commands::licenses(*this);
    }
    if (command == u"scan") {
        co_return co_await Commands::scan(*this);
    }
    if (command == u"policy") {
        co_return co_await Commands::policy(*this);
    }
    if (command == u"login") {
        co_return co_await Commands::login(*this);
    }
    if (command == u"logout") {
        co_return co_await Commands::logout(*this);
    }
    if (command == u"orgs") {
        co_return co_await Commands::orgs(*this);
    }
    co_return co_await Commands::limits(*this);
}

} // namespace lr::cli
