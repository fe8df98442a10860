#include "core/auth/loginhost.h"

#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lr::auth {

namespace {

Error invalidHost(const QString &message)
{
    return Error::make(Error::Kind::Usage, u"INVALID_LOGIN_HOST"_s, message);
}

bool isLoopbackHost(const QString &host)
{
    const QHostAddress address(host);
    return host == u"localhost" || (!address.isNull() && address.isLoopback());
}

} // namespace

LoginHost::LoginHost(Kind kind, QUrl url)
    : m_kind(kind)
    , m_url(std::move(url))
{ }

LoginHost LoginHost::production()
{
    return LoginHost(Kind::Production, QUrl(u"https://login.salesforce.com"_s));
}

LoginHost LoginHost::sandbox()
{
    return LoginHost(Kind::Sandbox, QUrl(u"https://test.salesforce.com"_s));
}

Result<LoginHost> LoginHost::myDomain(const QString &domain)
{
    QString host = domain.trimmed().toLower();
    if (host.startsWith(u"https://")) {
        host = host.mid(8);
    }
    while (host.endsWith(u'/')) {
        host.chop(1);
    }
    if (!host.contains(u'.')) {
        host += u".my.salesforce.com"_s;
    }
    // <name>[--<sandbox>][.sandbox|.develop|.scratch].my.salesforce.com
    static const QRegularExpression pattern(
        uR"(^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)"
        uR"((?:\.(?:sandbox|develop|scratch|demo))?\.my\.salesforce\.com$)"_s);
    if (!pattern.match(host).hasMatch()) {
        return invalidHost(tr("%1 is not a My Domain address such as "
                              "https://acme.my.salesforce.com.")
                               .arg(domain));
    }
    return LoginHost(Kind::MyDomain, QUrl(u"https://"_s + host));
}

Result<LoginHost> LoginHost::custom(const QUrl &url)
{
    const bool https = url.scheme() == u"https";
    const bool loopbackHttp = url.scheme() == u"http" && isLoopbackHost(url.host());
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery()
        || url.hasFragment() || !(https || loopbackHttp)) {
        return invalidHost(tr("%1 is not an https address (plain http is allowed only on this "
                              "computer, for the demo org).")
                               .arg(url.toDisplayString()));
    }
    QUrl base = url;
    base.setPath({});
    return LoginHost(Kind::Custom, base);
}

QString LoginHost::jwtAudience() const
{
    switch (m_kind) {
    case Kind::Production:
        return u"https://login.salesforce.com"_s;
    case Kind::Sandbox:
        return u"https://test.salesforce.com"_s;
    case Kind::MyDomain:
        return m_url.host().contains(u".sandbox.my.salesforce.com"_s)
                   ? u"https://test.salesforce.com"_s
                   : u"https://login.salesforce.com"_s;
    case Kind::Custom:
        break;
    }
    return m_url.toString(QUrl::StripTrailingSlash);
}

QUrl LoginHost::endpoint(QStringView path) const
{
    QUrl url = m_url;
    url.setPath(path.toString());
    return url;
}

} // namespace lr::auth
