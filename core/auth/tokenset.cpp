#include "core/auth/tokenset.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace lr::auth {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(lr::auth::TokenSet)
};

Error badResponse(const QString &what)
{
    return Error::make(Error::Kind::Protocol,
                       u"UNEXPECTED_TOKEN_RESPONSE"_s,
                       Tr::tr("The sign-in service's answer could not be used: %1").arg(what));
}

bool isLoopbackHost(const QString &host)
{
    const QHostAddress address(host);
    return host == u"localhost" || (!address.isNull() && address.isLoopback());
}

// https anywhere; plain http only to this machine (the demo org).
bool isSafeInstanceUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty()) {
        return false;
    }
    return url.scheme() == u"https" || (url.scheme() == u"http" && isLoopbackHost(url.host()));
}

QDateTime parseIssuedAt(const QJsonValue &value)
{
    // Salesforce sends epoch milliseconds as a string; accept a number too.
    bool ok = false;
    const qint64 ms =
        value.isString() ? value.toString().toLongLong(&ok) : static_cast<qint64>(value.toDouble());
    if (value.isString() && !ok) {
        return {};
    }
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()) : QDateTime();
}

} // namespace

Result<TokenSet> TokenSet::fromTokenResponse(const QJsonObject &response)
{
    TokenSet tokens;
    tokens.accessToken = response.value(u"access_token"_s).toString();
    if (tokens.accessToken.isEmpty()) {
        return badResponse(Tr::tr("it has no access token"));
    }
    const QString type = response.value(u"token_type"_s).toString();
    if (!type.isEmpty() && type.compare(u"Bearer"_s, Qt::CaseInsensitive) != 0) {
        return badResponse(Tr::tr("the token type is %1, not Bearer").arg(type));
    }
    tokens.refreshToken = response.value(u"refresh_token"_s).toString();
    tokens.scope = response.value(u"scope"_s).toString();
    tokens.issuedAt = parseIssuedAt(response.value(u"issued_at"_s));
    if (const QString instance = response.value(u"instance_url"_s).toString();
        !instance.isEmpty()) {
        tokens.instanceUrl = QUrl(instance, QUrl::StrictMode);
        if (!isSafeInstanceUrl(tokens.instanceUrl)) {
            return badResponse(Tr::tr("the instance address %1 is not https").arg(instance));
        }
    }
    if (const QString id = response.value(u"id"_s).toString(); !id.isEmpty()) {
        tokens.identityUrl = QUrl(id, QUrl::StrictMode);
        // …/id/<organization id>/<user id>
        const QStringList parts = tokens.identityUrl.path().split(u'/', Qt::SkipEmptyParts);
        if (parts.size() >= 3 && parts.at(parts.size() - 3) == u"id") {
            tokens.organizationId = parts.at(parts.size() - 2);
            tokens.userId = parts.at(parts.size() - 1);
        }
    }
    return tokens;
}

TokenSet TokenSet::renewedWith(const TokenSet &fresh) const
{
    TokenSet next = *this;
    next.accessToken = fresh.accessToken;
    next.issuedAt = fresh.issuedAt;
    if (!fresh.refreshToken.isEmpty()) {
        next.refreshToken = fresh.refreshToken;
    }
    if (fresh.instanceUrl.isValid()) {
        next.instanceUrl = fresh.instanceUrl;
    }
    if (fresh.identityUrl.isValid()) {
        next.identityUrl = fresh.identityUrl;
        next.organizationId = fresh.organizationId;
        next.userId = fresh.userId;
    }
    if (!fresh.scope.isEmpty()) {
        next.scope = fresh.scope;
    }
    return next;
}

QByteArray TokenSet::serialize() const
{
    QJsonObject json{{u"access_token"_s, accessToken},
                     {u"instance_url"_s, instanceUrl.toString()},
                     {u"id"_s, identityUrl.toString()},
                     {u"scope"_s, scope},
                     {u"token_type"_s, u"Bearer"_s}};
    if (!refreshToken.isEmpty()) {
        json.insert(u"refresh_token"_s, refreshToken);
    }
    if (issuedAt.isValid()) {
        json.insert(u"issued_at"_s, QString::number(issuedAt.toMSecsSinceEpoch()));
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Result<TokenSet> TokenSet::deserialize(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject()) {
        return badResponse(Tr::tr("the stored sign-in is not valid JSON"));
    }
    return fromTokenResponse(doc.object());
}

} // namespace lr::auth
