#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace lr::demo {

// The demo org's OAuth pages: the consent page its authorize endpoint shows in the browser,
// and the page for requests it cannot send back to the client. Every value is HTML-escaped;
// attributes are always double-quoted.
class OAuthPages
{
public:
    struct Person
    {
        QString role;     // the form value: "admin", "analyst", "viewer"
        QString username; // what the page shows
    };
    struct Consent
    {
        QString appName;
        QStringList scopes;
        QList<Person> people;
        // Echoed back by the form as hidden inputs (client_id, redirect_uri, state, …).
        QList<QPair<QString, QString>> hiddenFields;
    };

    [[nodiscard]] static QByteArray consent(const Consent &consent);
    [[nodiscard]] static QByteArray error(const QString &error, const QString &description);
};

} // namespace lr::demo
