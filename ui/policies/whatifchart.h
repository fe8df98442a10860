#pragma once

#include "core/policy/policy.h"
#include "core/savings/pricebook.h"
#include "core/savings/whatifcurve.h"

#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace lr::ui {

class OrgWorkspace;

// The what-if curve beside the threshold editor: seats flagged and their monthly cost
// against the default inactivity threshold (30 to 365 days), from the workspace's last scan,
// with the policy's current threshold marked and its numbers in a label.
//
//   setPolicy() ──> marker moves at once on the curve there is
//               └─> 250 ms later (debounced) WhatIfCurve::compute on a pool thread
//                     └─> curve replaced, marker redrawn, curveUpdated()
//
// Without a scan it says so, with a button that asks for one (scanRequested()).
class WhatIfChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfChart)

public:
    explicit WhatIfChart(OrgWorkspace *workspace, QWidget *parent = nullptr);
    ~WhatIfChart() override;

    void setPolicy(const policy::Policy &policy);

    [[nodiscard]] bool hasCurve() const { return m_curve.has_value(); }
    [[nodiscard]] int markerThreshold() const { return m_policy.defaultThresholdDays; }
    // The numbers at the marker; zeros without a curve.
    [[nodiscard]] savings::WhatIfPoint markerPoint() const;
    [[nodiscard]] QString markerText() const;

Q_SIGNALS:
    void scanRequested();
    void curveUpdated();

private:
    void setupUi();
    void setupChart();
    void scheduleCompute();
    void compute();
    void showCurve(const savings::WhatIfCurve &curve);
    void showMarker();
    [[nodiscard]] QString money(double amount) const;

    OrgWorkspace *m_workspace;
    policy::Policy m_policy;
    std::optional<savings::PriceBook> m_prices;
    QString m_priceError;
    std::optional<savings::WhatIfCurve> m_curve;
    quint64 m_generation = 0;
    QTimer m_debounce;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QPushButton *m_scanButton = nullptr;
    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QLineSeries *m_seats = nullptr;
    QLineSeries *m_savings = nullptr;
    QLineSeries *m_marker = nullptr;
    QScatterSeries *m_markerPoint = nullptr;
    QValueAxis *m_axisX = nullptr;
    QValueAxis *m_axisSeats = nullptr;
    QValueAxis *m_axisSavings = nullptr;
    QLabel *m_markerLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
};

} // namespace lr::ui
