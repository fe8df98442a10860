#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace lr::auth {

// What a Salesforce token endpoint grants: the access token, the refresh token when one was
// issued, where the org is and who signed in. Every token in it is a secret: nothing in core
// logs, prints or writes one anywhere but the secrets store.
struct TokenSet
{
    QString accessToken;
    QString refreshToken; // empty when the grant issued none (JWT bearer, client credentials)
    QUrl instanceUrl;     // e.g. https://acme.my.salesforce.com
    QUrl identityUrl;     // https://login.salesforce.com/id/<org id>/<user id>
    QString organizationId;
    QString userId;
    QDateTime issuedAt; // UTC
    QString scope;      // space-separated, as granted

    // Reads a token response ({access_token, refresh_token, instance_url, id, issued_at,
    // scope, token_type}). Refuses one without an access token, with a token type other than
    // Bearer, or with an instance URL that is neither https nor http on a loopback address
    // (the demo org), since the access token would travel there in the clear.
    [[nodiscard]] static Result<TokenSet> fromTokenResponse(const QJsonObject &response);

    // The set after a refresh answered with `fresh`: its access token and issue time, its
    // refresh token when it brought one (rotation), and everything else kept unless `fresh`
    // says otherwise.
    [[nodiscard]] TokenSet renewedWith(const TokenSet &fresh) const;

    // A compact JSON form for the secrets store, and back.
    [[nodiscard]] QByteArray serialize() const;
    [[nodiscard]] static Result<TokenSet> deserialize(const QByteArray &bytes);
};

} // namespace lr::auth
