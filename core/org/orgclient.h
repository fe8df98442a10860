#pragma once

#include "core/common/result.h"
#include "core/org/apiusage.h"
#include "core/org/orgsession.h"
#include "core/org/records.h"

#include <QCoroTask>
#include <QObject>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkRequest;

namespace lr::org {

// The Salesforce REST client: coroutines over one injected QNetworkAccessManager.
//
//   negotiateVersion()  GET /services/data/ and pick the newest version the org offers
//   query()/queryEach() GET …/query?q=…, then every nextRecordsUrl until done
//   create/update/deleteRecords()  sObject Collections, up to 200 records a call
//   getRecord()/updateRecord()     one sObject row
//   limits()            GET …/limits
//
// Every answer is a Result: failures carry Salesforce's errorCode (INVALID_SESSION_ID,
// MALFORMED_QUERY, REQUEST_LIMIT_EXCEEDED …) and message, or TIMEOUT / NETWORK_ERROR.
// Idempotent reads are retried (at most maxAttempts in all) after a dropped connection or a
// 502/503/504; writes never are. A request refused with 401 INVALID_SESSION_ID asks the
// session renewal (when one is set) for a new token once and is then sent once more — safe
// for writes too, since the org refused it before doing anything. Each response's
// Sforce-Limit-Info updates apiUsage().
// Logs carry method, path and status only: never the token, query text or bodies.
class OrgClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgClient)

public:
    OrgClient(QNetworkAccessManager *network, OrgSession session, QObject *parent = nullptr);

    [[nodiscard]] const OrgSession &session() const { return m_session; }
    void setAccessToken(const QString &token) { m_session.accessToken = token; }

    // Called with the refused token when a request meets 401 INVALID_SESSION_ID; returns a
    // working token (e.g. auth::OrgSessionKeeper::renew) or the error the request then ends
    // with (e.g. SIGN_IN_REQUIRED). Tried once per request.
    using SessionRenewal = std::function<QCoro::Task<Result<QString>>(QString rejectedToken)>;
    void setSessionRenewal(SessionRenewal renewal) { m_renewal = std::move(renewal); }

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setRetryPolicy(int maxAttempts, std::chrono::milliseconds firstBackoff);

    [[nodiscard]] QCoro::Task<Result<QString>> negotiateVersion();

    [[nodiscard]] QCoro::Task<Result<QueryResult>> query(QString soql, QueryOptions options = {});
    // Calls onPage for every page as it arrives (so a scan need not hold raw pages);
    // returns the query's totalSize.
    [[nodiscard]] QCoro::Task<Result<qint64>>
    queryEach(QString soql,
              QueryOptions options,
              std::function<void(const QJsonArray &records, qint64 totalSize)> onPage);

    [[nodiscard]] QCoro::Task<Result<QJsonObject>>
    getRecord(QString type, QString id, QStringList fields = {});
    [[nodiscard]] QCoro::Task<Result<void>>
    updateRecord(QString type, QString id, QJsonObject fields);
    [[nodiscard]] QCoro::Task<Result<QList<SaveResult>>> createRecords(QList<RecordWrite> records,
                                                                       bool allOrNone);
    [[nodiscard]] QCoro::Task<Result<QList<SaveResult>>> updateRecords(QList<RecordWrite> records,
                                                                       bool allOrNone);
    [[nodiscard]] QCoro::Task<Result<QList<SaveResult>>> deleteRecords(QStringList ids,
                                                                       bool allOrNone);
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> limits();
    // GET /services/oauth2/userinfo: who the session belongs to (user_id, organization_id,
    // preferred_username …).
    [[nodiscard]] QCoro::Task<Result<QJsonObject>> userInfo();

    // Today's usage as of the last response; nothing before the first call.
    [[nodiscard]] std::optional<ApiUsage> apiUsage() const { return m_usage; }
    // REST calls this client has made (each page of a query counts).
    [[nodiscard]] int callCount() const { return m_calls; }

    // Keeps the text of every query this client runs from now on (benchmarks replay a
    // scan's exact queries); off by default.
    void setRecordQueries(bool record) { m_recordQueries = record; }
    [[nodiscard]] const QStringList &recordedQueries() const { return m_recordedQueries; }

    static constexpr int kMaxCollectionRecords = 200;

Q_SIGNALS:
    void apiUsageChanged(const lr::org::ApiUsage &usage);

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    [[nodiscard]] QCoro::Task<Result<Reply>>
    send(QByteArray method,
         QString pathAndQuery,
         QByteArray body = {},
         QList<QPair<QByteArray, QByteArray>> headers = {});
    [[nodiscard]] QCoro::Task<Result<Reply>>
    sendWithRetries(const QByteArray &method,
                    const QString &pathAndQuery,
                    const QByteArray &body,
                    const QList<QPair<QByteArray, QByteArray>> &headers);
    [[nodiscard]] QCoro::Task<Result<Reply>>
    sendOnce(const QByteArray &method,
             const QString &pathAndQuery,
             const QByteArray &body,
             const QList<QPair<QByteArray, QByteArray>> &headers);
    [[nodiscard]] QCoro::Task<Result<QList<SaveResult>>>
    collection(QByteArray method, QList<RecordWrite> records, bool allOrNone);
    [[nodiscard]] QString dataPath(const QString &resource) const;
    void noteUsage(QByteArrayView limitInfo);

    QNetworkAccessManager *m_network;
    OrgSession m_session;
    SessionRenewal m_renewal;
    std::chrono::milliseconds m_timeout{120000};
    int m_maxAttempts = 3;
    std::chrono::milliseconds m_firstBackoff{500};
    std::optional<ApiUsage> m_usage;
    int m_calls = 0;
    bool m_recordQueries = false;
    QStringList m_recordedQueries;
};

} // namespace lr::org

Q_DECLARE_METATYPE(lr::org::ApiUsage)
