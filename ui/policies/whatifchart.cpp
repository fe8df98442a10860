#include "ui/policies/whatifchart.h"

#include "core/common/logging.h"
#include "core/safety/safetysettings.h"
#include "ui/orgworkspace.h"

#include <QChart>
#include <QChartView>
#include <QFutureWatcher>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPromise>
#include <QPushButton>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lr::ui {

namespace {

constexpr int kDebounceMs = 250;

// A round axis maximum a little above `value`: 10, 20, 50, 100, 200 …
double niceCeiling(double value)
{
    if (value <= 0) {
        return 10;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (value <= step * magnitude) {
            return step * magnitude;
        }
    }
    return 10 * magnitude;
}

} // namespace

WhatIfChart::WhatIfChart(OrgWorkspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(u"whatIfChart"_s);
    Result<savings::PriceBook> prices = savings::PriceBook::loadDefault();
    if (prices) {
        m_prices = std::move(prices).value();
    } else {
        m_priceError = prices.error().message;
    }
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &WhatIfChart::compute);
    setupUi();
    connect(m_workspace, &OrgWorkspace::snapshotChanged, this, &WhatIfChart::scheduleCompute);
    scheduleCompute();
}

WhatIfChart::~WhatIfChart() = default;

void WhatIfChart::setupUi()
{
    auto *title = new QLabel(tr("<b>What if</b>: seats flagged and monthly savings by "
                                "threshold"),
                             this);
    title->setWordWrap(true);
    m_emptyLabel = new QLabel(tr("Scan in Preview to see the curve."), this);
    m_emptyLabel->setObjectName(u"whatIfEmptyLabel"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_scanButton = new QPushButton(tr("Sc&an now"), this);
    m_scanButton->setObjectName(u"whatIfScanButton"_s);
    connect(m_scanButton, &QPushButton::clicked, this, &WhatIfChart::scanRequested);
    auto *empty = new QWidget(this);
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_scanButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);

    setupChart();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(empty);
    m_stack->addWidget(m_view);

    m_markerLabel = new QLabel(this);
    m_markerLabel->setObjectName(u"whatIfMarkerLabel"_s);
    m_markerLabel->setWordWrap(true);
    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(u"whatIfNoteLabel"_s);
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_noteLabel->setText(m_prices ? tr("Savings are list-price estimates until your org's own "
                                       "price book is set.")
                                  : m_priceError);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_markerLabel);
    layout->addWidget(m_noteLabel);
    setMinimumHeight(260);
}

void WhatIfChart::setupChart()
{
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_seats = new QLineSeries(m_chart);
    m_seats->setName(tr("Seats flagged"));
    m_savings = new QLineSeries(m_chart);
    m_savings->setName(tr("Monthly savings"));
    m_marker = new QLineSeries(m_chart);
    m_marker->setName(tr("Current threshold"));
    QPen markerPen(QColor(0xb3, 0x26, 0x1e));
    markerPen.setStyle(Qt::DashLine);
    markerPen.setWidth(2);
    m_marker->setPen(markerPen);
    m_markerPoint = new QScatterSeries(m_chart);
    m_markerPoint->setMarkerSize(9);
    m_markerPoint->setColor(markerPen.color());
    for (QAbstractSeries *series :
         std::initializer_list<QAbstractSeries *>{m_seats, m_savings, m_marker, m_markerPoint}) {
        m_chart->addSeries(series);
    }
    m_axisX = new QValueAxis(m_chart);
    m_axisX->setRange(savings::WhatIfCurve::kMinThresholdDays,
                      savings::WhatIfCurve::kMaxThresholdDays);
    m_axisX->setTitleText(tr("Threshold (days)"));
    m_axisX->setLabelFormat(u"%d"_s);
    // A tick every 30 days from 30: the months a Sales Ops analyst thinks in.
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(savings::WhatIfCurve::kMinThresholdDays);
    m_axisX->setTickInterval(60);
    m_axisX->setMinorTickCount(1);
    m_axisSeats = new QValueAxis(m_chart);
    m_axisSeats->setTitleText(tr("Seats"));
    m_axisSeats->setLabelFormat(u"%d"_s);
    m_axisSavings = new QValueAxis(m_chart);
    m_axisSavings->setTitleText(tr("$ / month"));
    m_axisSavings->setLabelFormat(u"%.0f"_s);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisSeats, Qt::AlignLeft);
    m_chart->addAxis(m_axisSavings, Qt::AlignRight);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_seats),
                                    static_cast<QAbstractSeries *>(m_marker),
                                    static_cast<QAbstractSeries *>(m_markerPoint)}) {
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisSeats);
    }
    m_savings->attachAxis(m_axisX);
    m_savings->attachAxis(m_axisSavings);
    m_chart->legend()->markers(m_markerPoint).first()->setVisible(false);

    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(u"whatIfChartView"_s);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 220);
    m_view->setFocusPolicy(Qt::NoFocus);
}

void WhatIfChart::setPolicy(const policy::Policy &policy)
{
    m_policy = policy;
    showMarker();
    scheduleCompute();
}

void WhatIfChart::scheduleCompute()
{
    m_debounce.start();
}

void WhatIfChart::compute()
{
    const std::shared_ptr<const scan::OrgSnapshot> snapshot = m_workspace->lastSnapshot();
    const quint64 generation = ++m_generation;
    if (!snapshot || !m_prices) {
        m_curve.reset();
        m_stack->setCurrentIndex(0);
        m_scanButton->setVisible(m_workspace->isOpen() && m_prices);
        showMarker();
        Q_EMIT curveUpdated();
        return;
    }
    auto promise = std::make_shared<QPromise<savings::WhatIfCurve>>();
    auto *watcher = new QFutureWatcher<savings::WhatIfCurve>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // A newer computation is on its way: this one is already out of date.
        if (generation == m_generation && watcher->future().resultCount() > 0) {
            showCurve(watcher->result());
        }
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise,
                                          snapshot,
                                          policy = m_policy,
                                          prices = *m_prices,
                                          now = QDateTime::currentDateTimeUtc()] {
        promise->start();
        promise->addResult(savings::WhatIfCurve::compute(
            *snapshot, policy, safety::SafetySettings{}, prices, now));
        promise->finish();
    });
}

void WhatIfChart::showCurve(const savings::WhatIfCurve &curve)
{
    m_curve = curve;
    QList<QPointF> seats;
    QList<QPointF> savings;
    double maxSeats = 0;
    double maxSavings = 0;
    for (const savings::WhatIfPoint &point : curve.points()) {
        seats.append(QPointF(point.thresholdDays, point.seats));
        savings.append(QPointF(point.thresholdDays, point.monthlySavings));
        maxSeats = std::max(maxSeats, static_cast<double>(point.seats));
        maxSavings = std::max(maxSavings, point.monthlySavings);
    }
    m_seats->replace(seats);
    m_savings->replace(savings);
    m_axisSeats->setRange(0, niceCeiling(maxSeats));
    m_axisSavings->setRange(0, niceCeiling(maxSavings));
    m_stack->setCurrentIndex(1);
    showMarker();
    Q_EMIT curveUpdated();
}

savings::WhatIfPoint WhatIfChart::markerPoint() const
{
    if (!m_curve) {
        return {m_policy.defaultThresholdDays, 0, 0.0, 0};
    }
    return m_curve->at(m_policy.defaultThresholdDays);
}

QString WhatIfChart::money(double amount) const
{
    const QString currency = m_prices ? m_prices->currency() : u"USD"_s;
    const QString number = QLocale().toString(amount, 'f', 0);
    return currency == u"USD"_s ? QString(u"$"_s + number) : QString(number + u' ' + currency);
}

QString WhatIfChart::markerText() const
{
    return m_markerLabel->text();
}

void WhatIfChart::showMarker()
{
    if (!m_curve) {
        m_marker->clear();
        m_markerPoint->clear();
        m_markerLabel->clear();
        return;
    }
    const int days = m_policy.defaultThresholdDays;
    const savings::WhatIfPoint point = markerPoint();
    const double top = m_axisSeats->max();
    const double x = std::clamp(
        days, savings::WhatIfCurve::kMinThresholdDays, savings::WhatIfCurve::kMaxThresholdDays);
    m_marker->replace({QPointF(x, 0), QPointF(x, top)});
    m_markerPoint->replace({QPointF(x, point.seats)});
    QString text = tr("At %n day(s): %1 seats flagged, %2 a month.", nullptr, days)
                       .arg(QLocale().toString(point.seats), money(point.monthlySavings));
    if (days != point.thresholdDays) {
        text = tr("%1 is outside the curve's 30 to 365 days.").arg(tr("%n day(s)", nullptr, days));
    } else if (point.unpricedSeats > 0) {
        text += u' '
                + tr("%n of them on licenses without a price (%1), counted as free.",
                     nullptr,
                     point.unpricedSeats)
                      .arg(m_curve->unpricedLicenses().join(u", "_s));
    }
    if (!m_policy.thresholdByLicense.isEmpty()) {
        text += u' ' + tr("Licenses with their own threshold stay at it.");
    }
    m_markerLabel->setText(text);
}

} // namespace lr::ui
