#pragma once

#include "core/demo/demoorg.h"
#include "core/demo/demoorghost.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

namespace lr::test {

// A demo org served on 127.0.0.1 for a test, with its control API on, and a plain HTTP
// caller that talks to it the way any client would.
class DemoOrgFixture
{
public:
    struct Response
    {
        int status = 0; // 0: no HTTP answer (connection dropped, refused …)
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QString networkError;

        [[nodiscard]] QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        [[nodiscard]] QByteArray header(QByteArrayView name) const;
        // The errorCode of a REST error body ([{"errorCode": …}]).
        [[nodiscard]] QString errorCode() const;
        [[nodiscard]] QString errorMessage() const;
    };

    // Generates (or, with a path, opens) the org and starts its server. Fails the test via
    // the returned false when that does not work.
    [[nodiscard]] bool start(int users, quint64 seed = 7, const QString &databasePath = {});
    // The same with every option of the org; the control API is always on.
    [[nodiscard]] bool start(demo::DemoOrgOptions options);

    [[nodiscard]] demo::DemoOrg &org() { return *m_org; }
    [[nodiscard]] QUrl instanceUrl() const { return m_host->instanceUrl(); }
    [[nodiscard]] QString token(const QString &role = QStringLiteral("admin")) const;
    [[nodiscard]] QString userId(const QString &role) const;
    [[nodiscard]] QNetworkAccessManager &network() { return m_network; }

    // One HTTP request; `token` empty sends no Authorization header.
    [[nodiscard]] Response send(const QByteArray &method,
                                const QString &pathAndQuery,
                                const QByteArray &body = {},
                                const QString &token = {},
                                const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // GET …/query?q=<soql> as `role`, with an optional batch size.
    [[nodiscard]] Response
    query(const QString &soql, const QString &role = QStringLiteral("admin"), int batchSize = 0);
    [[nodiscard]] QString dataPath(const QString &resource) const;

    // The control API.
    [[nodiscard]] int addFault(const QJsonObject &fault);
    void clearFaults();
    [[nodiscard]] QJsonArray mutations();
    void clearMutations();

    // Runs a scalar SQL query straight against the org's database (what really is stored).
    [[nodiscard]] QVariant sql(const QString &statement, const QVariantList &params = {});
    // Runs a statement that changes what is stored (what an org admin would change in Setup);
    // false when it fails.
    [[nodiscard]] bool execute(const QString &statement, const QVariantList &params = {});

private:
    std::unique_ptr<demo::DemoOrg> m_org;
    std::unique_ptr<demo::DemoOrgHost> m_host;
    QNetworkAccessManager m_network;
};

} // namespace lr::test
