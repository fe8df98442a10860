// Benchmark of the scan against a large demo org: the scan's wall time, API calls and peak
// memory beside a bare fetch of exactly the same query pages, measured in the same run, and
// the time of the ten checks alone over the snapshot.
//
//   bench_scan [--users N] [--rounds R]     the driver: serves a demo org with lrctl, runs
//                                           every measurement in a child process, prints
//                                           the table (tools/bench.sh builds and runs it)
//   bench_scan --measure scan|fetch --instance-url URL --queries FILE   one measurement,
//                                           the token in LR_ACCESS_TOKEN; prints one JSON line
#include "core/org/orgclient.h"
#include "core/pipeline/reclaimpreview.h"
#include "core/scan/orgscanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace Qt::StringLiterals;

namespace {

qint64 peakRssKb()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
#else
    return -1;
#endif
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0.0
                  : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

QCoro::Task<QJsonObject> measure(QString mode, QUrl instance, QString token, QString queriesFile)
{
    QNetworkAccessManager network;
    lr::org::OrgSession session{instance, token, {}};
    lr::org::OrgClient client(&network, session);
    QJsonObject result{{u"mode"_s, mode}};
    if (auto version = co_await client.negotiateVersion(); !version) {
        result.insert(u"error"_s, version.error().toString());
        co_return result;
    }
    const int callsBefore = client.callCount();
    QElapsedTimer timer;
    if (mode == u"scan") {
        client.setRecordQueries(true);
        lr::scan::OrgScanner scanner(&client);
        timer.start();
        auto snapshot = co_await scanner.scan();
        const qint64 wall = timer.elapsed();
        if (!snapshot) {
            result.insert(u"error"_s, snapshot.error().toString());
            co_return result;
        }
        QFile queries(queriesFile);
        if (queries.open(QIODevice::WriteOnly)) {
            queries.write(client.recordedQueries().join(u'\n').toUtf8());
        }
        // The ten checks alone, over the whole snapshot, as Preview and the what-if curve run
        // them: the median of five.
        QList<double> checks;
        lr::pipeline::ReclaimPreview preview;
        const auto policy = lr::policy::Policy::builtInDefault();
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer checkTimer;
            checkTimer.start();
            preview = lr::pipeline::ReclaimPreview::build(snapshot.value(),
                                                          policy,
                                                          lr::safety::SafetySettings{},
                                                          QDateTime::currentDateTimeUtc());
            checks.append(checkTimer.nsecsElapsed() / 1e6);
        }
        result.insert(u"wallMs"_s, double(wall));
        result.insert(u"checksMs"_s, median(checks));
        result.insert(u"users"_s, double(snapshot->totalUsers));
        result.insert(u"inactiveUsers"_s, double(snapshot->users.size()));
        result.insert(u"candidates"_s, double(preview.candidates.size()));
        result.insert(u"blocked"_s, double(preview.blocked.size()));
    } else {
        QFile queries(queriesFile);
        if (!queries.open(QIODevice::ReadOnly)) {
            result.insert(u"error"_s, QString(u"cannot read "_s + queriesFile));
            co_return result;
        }
        const QStringList statements =
            QString::fromUtf8(queries.readAll()).split(u'\n', Qt::SkipEmptyParts);
        timer.start();
        for (const QString &soql : statements) {
            auto pages = co_await client.queryEach(soql, {}, [](const QJsonArray &, qint64) {});
            if (!pages) {
                result.insert(u"error"_s, pages.error().toString());
                co_return result;
            }
        }
        result.insert(u"wallMs"_s, double(timer.elapsed()));
    }
    result.insert(u"apiCalls"_s, client.callCount() - callsBefore);
    result.insert(u"peakRssKb"_s, double(peakRssKb()));
    co_return result;
}

QJsonObject runChild(const QString &self, const QStringList &arguments, const QString &token)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LR_ACCESS_TOKEN"_s, token);
    env.insert(u"QT_LOGGING_RULES"_s, u"lr.*.info=false"_s);
    child.setProcessEnvironment(env);
    child.start(self, arguments);
    child.waitForFinished(600000);
    const QList<QByteArray> lines = child.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

int drive(const QString &self, int users, int rounds)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const QString lrctl = QCoreApplication::applicationDirPath() + u"/../../app/lrctl"_s;
    QProcess server;
    server.start(
        lrctl,
        {u"demo-org"_s, u"serve"_s, u"--users"_s, QString::number(users), u"--seed"_s, u"1"_s});
    err << "Generating a demo org of " << users << " users…" << Qt::endl;
    QStringList lines;
    while (lines.size() < 2 && server.waitForReadyRead(300000)) {
        while (server.canReadLine()) {
            lines.append(QString::fromUtf8(server.readLine()).trimmed());
        }
    }
    if (lines.size() < 2) {
        err << "bench_scan: the demo org did not start: " << server.readAllStandardError()
            << Qt::endl;
        return 1;
    }
    const QString url = lines.at(0).section(u'=', 1);
    const QString token = lines.at(1).section(u'=', 1);
    QTemporaryDir dir;
    const QString queries = dir.filePath(u"queries.txt"_s);
    const QStringList common{u"--instance-url"_s, url, u"--queries"_s, queries};

    err << "Warm-up scan…" << Qt::endl;
    runChild(self, QStringList{u"--measure"_s, u"scan"_s} + common, token);
    QList<double> fetchWall, scanWall, fetchRss, scanRss, checks;
    QJsonObject lastScan;
    QJsonObject lastFetch;
    for (int round = 1; round <= rounds; ++round) {
        err << "Round " << round << " of " << rounds << "…" << Qt::endl;
        lastFetch = runChild(self, QStringList{u"--measure"_s, u"fetch"_s} + common, token);
        lastScan = runChild(self, QStringList{u"--measure"_s, u"scan"_s} + common, token);
        if (lastFetch.contains(u"error"_s) || lastScan.contains(u"error"_s)) {
            err << "bench_scan: " << lastFetch.value(u"error"_s).toString()
                << lastScan.value(u"error"_s).toString() << Qt::endl;
            return 1;
        }
        fetchWall.append(lastFetch.value(u"wallMs"_s).toDouble());
        scanWall.append(lastScan.value(u"wallMs"_s).toDouble());
        fetchRss.append(lastFetch.value(u"peakRssKb"_s).toDouble() / 1024.0);
        scanRss.append(lastScan.value(u"peakRssKb"_s).toDouble() / 1024.0);
        checks.append(lastScan.value(u"checksMs"_s).toDouble());
    }
    server.terminate();
    server.waitForFinished(30000);

    auto row = [&out](const QString &what,
                      const QString &baseline,
                      const QString &scan,
                      const QString &ratio,
                      const QString &target) {
        out << "| " << what.leftJustified(26) << " | " << baseline.rightJustified(12) << " | "
            << scan.rightJustified(10) << " | " << ratio.rightJustified(7) << " | " << target
            << " |\n";
    };
    out << "\nScan of a " << QLocale().toString(users) << "-user demo org ("
        << QLocale().toString(qint64(lastScan.value(u"inactiveUsers"_s).toDouble()))
        << " inactive users, " << qint64(lastScan.value(u"candidates"_s).toDouble())
        << " candidates, " << qint64(lastScan.value(u"blocked"_s).toDouble())
        << " blocked); medians of " << rounds << " rounds, baseline measured in the same run\n\n";
    out << "| measure                    | bare fetch   | scan       | ratio   | target |\n";
    out << "|----------------------------|--------------|------------|---------|--------|\n";
    const double wallRatio = median(scanWall) / std::max(1.0, median(fetchWall));
    row(u"wall time"_s,
        u"%1 ms"_s.arg(median(fetchWall), 0, 'f', 0),
        u"%1 ms"_s.arg(median(scanWall), 0, 'f', 0),
        u"%1×"_s.arg(wallRatio, 0, 'f', 2),
        u"≤ 2×"_s);
    row(u"API calls"_s,
        QString::number(lastFetch.value(u"apiCalls"_s).toInt()),
        QString::number(lastScan.value(u"apiCalls"_s).toInt()),
        u"—"_s,
        u"≤ 60"_s);
    row(u"peak RSS"_s,
        u"%1 MB"_s.arg(median(fetchRss), 0, 'f', 0),
        u"%1 MB"_s.arg(median(scanRss), 0, 'f', 0),
        u"%1×"_s.arg(median(scanRss) / std::max(1.0, median(fetchRss)), 0, 'f', 2),
        u"≤ 500 MB"_s);
    row(u"ten checks over snapshot"_s,
        u"—"_s,
        u"%1 ms"_s.arg(median(checks), 0, 'f', 1),
        u"—"_s,
        u"≤ 100 ms"_s);
    out.flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{u"measure"_s, u"scan or fetch"_s, u"MODE"_s},
                       {u"instance-url"_s, u"the org"_s, u"URL"_s},
                       {u"queries"_s, u"the scan's queries"_s, u"FILE"_s},
                       {u"users"_s, u"demo org size"_s, u"N"_s, u"100000"_s},
                       {u"rounds"_s, u"measurement rounds"_s, u"R"_s, u"3"_s}});
    parser.process(app);
    if (!parser.isSet(u"measure"_s)) {
        return drive(QCoreApplication::applicationFilePath(),
                     parser.value(u"users"_s).toInt(),
                     std::max(1, parser.value(u"rounds"_s).toInt()));
    }
    const QJsonObject result = QCoro::waitFor(measure(parser.value(u"measure"_s),
                                                      QUrl(parser.value(u"instance-url"_s)),
                                                      qEnvironmentVariable("LR_ACCESS_TOKEN"),
                                                      parser.value(u"queries"_s)));
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return result.contains(u"error"_s) ? 1 : 0;
}
