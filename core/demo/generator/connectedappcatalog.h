#pragma once

#include <QString>

namespace lr::demo {

// The connected apps users of the demo org sign in through (OAuth, LoginType
// 'Remote Access 2.0') or whose legacy clients log in with a password over SOAP: the
// personal tools people use and the systems integration users stand for.
class ConnectedAppCatalog
{
public:
    // Personal apps, at fixed indexes; the integrations follow them.
    enum Personal {
        DataLoader,
        SalesforceCli,
        MobileIos,
        MobileAndroid,
        Inspector,
        PersonalCount
    };

    struct App
    {
        QString name;         // OauthToken.AppName, LoginHistory.Application
        QString systemKey;    // integrations: the word in the service account's username
        QString systemLabel;  // integrations: the service account's first name
        QString apiType;      // LoginHistory.ApiType
        QString loginSubType; // LoginHistory.LoginSubType; empty for none
        QString apiVersion;
    };

    [[nodiscard]] static int count();
    [[nodiscard]] static const App &at(int index);
    [[nodiscard]] static int integrationCount() { return count() - PersonalCount; }
    // The `n`-th integration (wrapping around).
    [[nodiscard]] static int integration(int n) { return PersonalCount + n % integrationCount(); }
};

} // namespace lr::demo
