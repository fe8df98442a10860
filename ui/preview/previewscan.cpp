#include "ui/preview/previewscan.h"

#include "core/safety/safetysettings.h"
#include "core/scan/orgscanner.h"

#include <QCoroTask>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace lr::ui {

namespace {

// The scanner lives in this coroutine's frame, not under the run: it must outlive every
// co_await inside scan() even when the run is deleted mid-scan.
QCoro::Task<Result<scan::OrgSnapshot>> runScan(std::unique_ptr<scan::OrgScanner> scanner)
{
    co_return co_await scanner->scan();
}

} // namespace

PreviewScan::PreviewScan(QObject *parent)
    : QObject(parent)
{ }

void PreviewScan::start(org::OrgClient *client, const policy::Policy &policy)
{
    auto scanner = std::make_unique<scan::OrgScanner>(client);
    connect(scanner.get(), &scan::OrgScanner::progressChanged, this, &PreviewScan::progressChanged);
    QCoro::connect(
        runScan(std::move(scanner)), this, [this, policy](Result<scan::OrgSnapshot> result) {
            if (!result) {
                Q_EMIT failed(result.error());
                return;
            }
            runChecks(std::move(result).value(), policy);
        });
}

void PreviewScan::rebuild(const scan::OrgSnapshot &snapshot, const policy::Policy &policy)
{
    runChecks(snapshot, policy); // the users' list is shared, not copied
}

void PreviewScan::runChecks(scan::OrgSnapshot scanned, const policy::Policy &policy)
{
    Q_EMIT checking(static_cast<int>(scanned.users.size()));
    auto snapshot = std::make_shared<scan::OrgSnapshot>(std::move(scanned));
    auto promise = std::make_shared<QPromise<Outcome>>();
    // The watcher is the run's child: a run deleted meanwhile is never called back.
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher->future().resultCount() > 0) {
            Q_EMIT finished(watcher->result());
        }
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start(
        [promise, snapshot, policy, now = QDateTime::currentDateTimeUtc()] {
            promise->start();
            pipeline::ReclaimPreview preview =
                pipeline::ReclaimPreview::build(*snapshot, policy, safety::SafetySettings{}, now);
            promise->addResult(Outcome{std::move(*snapshot), std::move(preview)});
            promise->finish();
        });
}

} // namespace lr::ui
