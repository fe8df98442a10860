#pragma once

#include "core/common/error.h"
#include "core/pipeline/reclaimpreview.h"
#include "core/policy/policy.h"
#include "core/scan/orgsnapshot.h"

#include <QObject>

namespace lr::org {
class OrgClient;
}

namespace lr::ui {

// One run of the Preview: scans the org with OrgScanner, then builds the ReclaimPreview on
// a pool thread, since on a 100,000-user org the checks take a quarter of a second that the
// window would otherwise be frozen for. Emits finished() or failed() once.
//
// Deleting the run drops its outcome: the scanner lives in the scan's coroutine frame and
// the worker owns everything it reads, so nothing is left pointing at a deleted object.
class PreviewScan final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewScan)

public:
    // A scan and the preview built on it.
    struct Outcome
    {
        scan::OrgSnapshot snapshot;
        pipeline::ReclaimPreview preview;
    };

    explicit PreviewScan(QObject *parent = nullptr);

    // Starts the run; `client` must outlive it and have negotiated its API version.
    void start(org::OrgClient *client, const policy::Policy &policy);
    // Runs only the checks, for another policy over a snapshot already taken: no API call.
    void rebuild(const scan::OrgSnapshot &snapshot, const policy::Policy &policy);

Q_SIGNALS:
    // `fraction` runs from 0 to 1 over the scan; `stage` says what is being read.
    void progressChanged(double fraction, const QString &stage);
    // The scan is done; the safety checks now run on `users` users.
    void checking(int users);
    void finished(const lr::ui::PreviewScan::Outcome &outcome);
    void failed(const lr::Error &error);

private:
    void runChecks(scan::OrgSnapshot scanned, const policy::Policy &policy);
};

} // namespace lr::ui
