// lrctl login, logout and orgs: the named org connections every other command reaches with
// --org ALIAS.
#include "app/lrctl/cli.h"
#include "app/lrctl/commands.h"
#include "app/lrctl/connectedorg.h"
#include "core/auth/loginhost.h"
#include "core/connections/connectionmanager.h"
#include "core/demo/server/oauthconfig.h"
#include "core/secrets/secretstore.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace lr::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lrctl", text);
}

bool isLoopback(const QUrl &url)
{
    const QHostAddress address(url.host());
    return url.host() == u"localhost" || (!address.isNull() && address.isLoopback());
}

// --instance-url names where people sign in: login.salesforce.com, test.salesforce.com, a
// My Domain, or another address (the demo org).
Result<auth::LoginHost> loginHostFor(const QString &text)
{
    if (text.isEmpty()) {
        return auth::LoginHost::production();
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString host = url.host().toLower();
    if (host == u"login.salesforce.com") {
        return auth::LoginHost::production();
    }
    if (host == u"test.salesforce.com") {
        return auth::LoginHost::sandbox();
    }
    if (host.endsWith(u".my.salesforce.com")) {
        return auth::LoginHost::myDomain(text);
    }
    return auth::LoginHost::custom(url);
}

// The consumer key: --client-id, else LR_CLIENT_ID, else the connection's own, else (for
// the demo org on this machine only) the demo org's public desktop client.
QString consumerKeyFor(const Cli &cli, const QString &saved, const auth::LoginHost &host)
{
    if (cli.parser().isSet(u"client-id"_s)) {
        return cli.parser().value(u"client-id"_s);
    }
    if (const QString fromEnvironment = qEnvironmentVariable("LR_CLIENT_ID");
        !fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    if (!saved.isEmpty()) {
        return saved;
    }
    if (host.kind() == auth::LoginHost::Kind::Custom && isLoopback(host.url())) {
        return demo::OAuthOptions::kPublicClientKey.toString();
    }
    return {};
}

void openBrowser(const Cli &cli, const QUrl &url, bool allowed)
{
    // The address carries the PKCE challenge and state, never a secret: safe to show.
    const bool opened = allowed && qobject_cast<QGuiApplication *>(QCoreApplication::instance())
                        && QDesktopServices::openUrl(url);
    if (opened) {
        cli.err() << tr("Your browser was opened to sign in. If it was not, open this address "
                        "in a browser on this computer:")
                  << Qt::endl;
    } else {
        cli.err() << tr("Open this address in a browser on this computer to sign in:") << Qt::endl;
    }
    cli.err() << url.toString(QUrl::FullyEncoded) << Qt::endl;
}

} // namespace

QCoro::Task<int> Commands::login(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), tr("login takes no arguments"));
    }
    if (!cli.parser().isSet(u"alias"_s)) {
        co_return cli.usage(u"--alias"_s, tr("required: the name to give this org"));
    }
    const QString alias = cli.parser().value(u"alias"_s);
    if (Result<void> valid = connections::ConnectionRegistry::checkAlias(alias); !valid) {
        co_return cli.usage(u"--alias"_s, valid.error().message);
    }
    const auto timeout = cli.number(u"timeout"_s, 10, 3600, 300);
    if (!timeout) {
        co_return BadUsage;
    }
    std::unique_ptr<secrets::SecretStore> store = ConnectedOrg::openSecretStore();
    QNetworkAccessManager network;
    connections::ConnectionManager manager(&network, store.get());
    const Result<connections::Connection> saved = manager.registry().find(alias);
    Result<auth::LoginHost> host = auth::LoginHost::production();
    if (cli.parser().isSet(u"instance-url"_s)) {
        host = loginHostFor(cli.parser().value(u"instance-url"_s));
        if (!host) {
            co_return cli.usage(u"--instance-url"_s, host.error().message);
        }
    } else if (saved) {
        host = saved->loginHost();
        if (!host) {
            co_return cli.fail(host.error());
        }
    }
    const QString consumerKey =
        consumerKeyFor(cli, saved ? saved->consumerKey : QString(), host.value());
    if (consumerKey.isEmpty()) {
        co_return cli.usage(u"--client-id"_s,
                            tr("required: the consumer key of your org's External Client App "
                               "(see the README)"));
    }
    const bool browser = !cli.parser().isSet(u"no-browser"_s);
    QObject::connect(&manager,
                     &connections::ConnectionManager::authorizeWithBrowser,
                     &manager,
                     [&cli, browser](const QUrl &url) { openBrowser(cli, url, browser); });
    connections::ConnectionManager::SignInRequest request;
    request.alias = alias;
    request.host = host.value();
    request.consumerKey = consumerKey;
    request.timeout = std::chrono::seconds(*timeout);
    Result<connections::Connection> connection = co_await manager.signIn(request);
    if (!connection) {
        if (connection.error().code == u"SIGN_IN_TIMEOUT") {
            cli.err() << "lrctl: "
                      << tr("Nobody finished signing in within %1 seconds; nothing was saved. "
                            "Run lrctl login again (--timeout SECONDS waits longer).")
                             .arg(*timeout)
                      << Qt::endl;
            co_return Failure;
        }
        co_return cli.fail(connection.error());
    }
    cli.out() << tr("Signed in to %1 (%2, %3) as %4; use it with --org %5.")
                     .arg(connection->orgName,
                          connection->orgId,
                          connection->sandbox ? tr("sandbox") : tr("production"),
                          connection->username,
                          connection->alias)
              << Qt::endl;
    co_return Success;
}

QCoro::Task<int> Commands::logout(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), tr("logout takes no arguments"));
    }
    if (!cli.parser().isSet(u"alias"_s)) {
        co_return cli.usage(u"--alias"_s, tr("required: the org to sign out of"));
    }
    const QString alias = cli.parser().value(u"alias"_s);
    std::unique_ptr<secrets::SecretStore> store = ConnectedOrg::openSecretStore();
    QNetworkAccessManager network;
    connections::ConnectionManager manager(&network, store.get());
    const bool forget = cli.parser().isSet(u"forget"_s);
    Result<connections::ConnectionManager::SignOutOutcome> outcome =
        forget ? co_await manager.remove(alias) : co_await manager.signOut(alias);
    if (!outcome) {
        co_return cli.fail(outcome.error());
    }
    if (!outcome->revoked) {
        cli.err() << "lrctl: "
                  << tr("Signed out of %1 on this computer, but the org could not revoke the "
                        "sign-in (%2). Revoke it in Setup > Connected Apps OAuth Usage.")
                         .arg(alias, outcome->revokeProblem)
                  << Qt::endl;
        co_return Failure;
    }
    cli.out() << (forget ? tr("Removed %1: the sign-in is revoked, its tokens and local cache are "
                              "deleted, and the connection is forgotten.")
                         : tr("Signed out of %1: the sign-in is revoked, and its tokens and "
                              "local cache are deleted."))
                     .arg(alias)
              << Qt::endl;
    co_return Success;
}

QCoro::Task<int> Commands::orgs(Cli &cli)
{
    if (cli.positional().size() != 1) {
        co_return cli.usage(cli.positional().at(1), tr("orgs takes no arguments"));
    }
    std::unique_ptr<secrets::SecretStore> store = ConnectedOrg::openSecretStore();
    QNetworkAccessManager network;
    connections::ConnectionManager manager(&network, store.get());
    Result<QList<connections::Connection>> list = manager.registry().list();
    if (!list) {
        co_return cli.fail(list.error());
    }
    QJsonArray rows;
    for (const connections::Connection &connection : std::as_const(list.value())) {
        rows.append(QJsonObject{
            {u"alias"_s, connection.alias},
            {u"status"_s, manager.isSignedIn(connection) ? u"signed in"_s : u"signed out"_s},
            {u"username"_s, connection.username},
            {u"org"_s, connection.orgId},
            {u"type"_s, connection.sandbox ? u"sandbox"_s : u"production"_s},
            {u"instance"_s, connection.instanceUrl.toString()},
            {u"login"_s, connection.loginUrl.toString()},
            {u"client_id"_s, connection.consumerKey},
        });
    }
    OutputFormat::print(
        cli.out(),
        cli.format(),
        {u"alias"_s, u"status"_s, u"username"_s, u"org"_s, u"type"_s, u"instance"_s},
        rows,
        QJsonObject{{u"connections"_s, rows}});
    co_return Success;
}

} // namespace lr::cli
