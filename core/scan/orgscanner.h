#pragma once

#include "core/common/result.h"
#include "core/scan/orgsnapshot.h"

#include <QCoroTask>
#include <QObject>

namespace lr::org {
class OrgClient;
}

namespace lr::scan {

// Reads an OrgSnapshot in a fixed number of paged queries, never one call per user: the
// inactive users with profile and license, then aggregates over them (semi-joins on the
// inactive users keep the group counts low; an aggregate past Salesforce's 2,000 groups is
// read 2,000 groups at a time, see AggregateReader), and the signed-in user's own
// permissions to tell complete sources from partial ones.
class OrgScanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgScanner)

public:
    explicit OrgScanner(org::OrgClient *client, QObject *parent = nullptr);

    // The client's API version must have been negotiated.
    [[nodiscard]] QCoro::Task<Result<OrgSnapshot>> scan();

Q_SIGNALS:
    // `fraction` runs from 0 to 1; `stage` says what is being read, for people.
    void progressChanged(double fraction, const QString &stage);

private:
    org::OrgClient *m_client;
};

} // namespace lr::scan
