// Proves that the machine's keychain backend works for the way core stores secrets:
// QtKeychain jobs driven by QCoro. On Linux this needs a Secret Service on the session bus
// (gnome-keyring, unlocked); without one the test fails with the keychain's own error text,
// so a CI that lost its keyring set-up cannot pass by skipping.

#include <qt6keychain/keychain.h>

#include <QCoroSignal>
#include <QCoroTask>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <array>
#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// What one keychain job ended with. Exceptions never leave the coroutine that produces it:
// QCoro 0.8's waitFor() hangs on a throwing task (build recipe P3).
struct JobOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // the secret, for a read job that succeeded
};

// A job that the Secret Service does not answer (e.g. an unlock prompt) must fail the test,
// not stall it until CTest's timeout.
constexpr auto JobTimeout = 30s;

QString describe(const JobOutcome &outcome)
{
    return u"QKeychain error %1: %2"_s.arg(static_cast<int>(outcome.error))
        .arg(outcome.errorString);
}

QCoro::Task<JobOutcome> runJob(QKeychain::Job *job)
{
    try {
        job->setAutoDelete(false);
        // qCoro() starts eagerly and is connected before start() can emit finished().
        auto finished = qCoro(job, &QKeychain::Job::finished, JobTimeout);
        job->start();
        const auto emitted = co_await std::move(finished);
        if (!emitted) {
            co_return JobOutcome{QKeychain::OtherError,
                                 u"no answer from the keychain within %1 s"_s.arg(
                                     std::chrono::seconds(JobTimeout).count()),
                                 {}};
        }
        JobOutcome outcome{job->error(), job->errorString(), {}};
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job)) {
            outcome.text = read->textData();
        }
        co_return outcome;
    } catch (const std::exception &e) {
        co_return JobOutcome{QKeychain::OtherError, QString::fromUtf8(e.what()), {}};
    } catch (...) {
        co_return JobOutcome{QKeychain::OtherError, u"unknown exception"_s, {}};
    }
}

JobOutcome writeSecret(const QString &service, const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(service);
    job.setKey(key);
    job.setTextData(secret);
    return QCoro::waitFor(runJob(&job));
}

JobOutcome readSecret(const QString &service, const QString &key)
{
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    return QCoro::waitFor(runJob(&job));
}

JobOutcome deleteSecret(const QString &service, const QString &key)
{
    QKeychain::DeletePasswordJob job(service);
    job.setKey(key);
    return QCoro::waitFor(runJob(&job));
}

// 32 random bytes, base64url, plus non-ASCII text to prove UTF-8 survives the round trip.
QString randomSecret()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()),
                           static_cast<qsizetype>(sizeof(words)));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding)) + u" \u00e4\u20ac"_s;
}

} // namespace

class TestKeychainRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadDelete();
    void cleanupTestCase();

private:
    // Unique per run, so parallel or crashed runs never see each other's entries.
    QString m_service;
    const QString m_key = u"roundtrip"_s;
    bool m_written = false;
};

void TestKeychainRoundTrip::initTestCase()
{
    m_service = u"LicenseReclaim.tst_keychainroundtrip.%1"_s.arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void TestKeychainRoundTrip::writeReadDelete()
{
    const QString secret = randomSecret();

    const JobOutcome written = writeSecret(m_service, m_key, secret);
    if (written.error != QKeychain::NoError) {
        QFAIL(qUtf8Printable(u"writing to the keychain failed (is a Secret Service running "
                             "and unlocked?): "_s
                             + describe(written)));
    }
    m_written = true;

    const JobOutcome read = readSecret(m_service, m_key);
    if (read.error != QKeychain::NoError) {
        QFAIL(qUtf8Printable(u"reading back failed: "_s + describe(read)));
    }
    QCOMPARE(read.text, secret);

    const JobOutcome deleted = deleteSecret(m_service, m_key);
    if (deleted.error != QKeychain::NoError) {
        QFAIL(qUtf8Printable(u"deleting failed: "_s + describe(deleted)));
    }
    m_written = false;

    const JobOutcome gone = readSecret(m_service, m_key);
    if (gone.error != QKeychain::EntryNotFound) {
        QFAIL(qUtf8Printable(u"a read after delete must fail with EntryNotFound; got "_s
                             + describe(gone)));
    }
}

void TestKeychainRoundTrip::cleanupTestCase()
{
    // A failed comparison above leaves the entry behind; remove it, best effort.
    if (m_written) {
        const JobOutcome deleted = deleteSecret(m_service, m_key);
        if (deleted.error != QKeychain::NoError) {
            qWarning("could not remove the test entry: %s", qUtf8Printable(describe(deleted)));
        }
    }
}

QTEST_GUILESS_MAIN(TestKeychainRoundTrip)

#include "tst_keychainroundtrip.moc"
