#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace lr::savings {

// Monthly prices per user license, by the license's name as the org reports it
// (UserLicense.Name: "Salesforce", "Salesforce Platform" …). Until the org's own contract
// prices are stored, the console uses the default book shipped in resources/pricebook: public
// list prices, which every figure built on them must call estimates (isEstimate()).
//
// The file format ("license-reclaim-pricebook/1"):
//   { "format": "license-reclaim-pricebook/1", "currency": "USD",
//     "basis": "list-price-estimate" | "contract", "note": "…",
//     "monthlyPrices": { "Salesforce": 165, … } }
class PriceBook
{
    Q_DECLARE_TR_FUNCTIONS(lr::savings::PriceBook)

public:
    static inline const QString kFormat = QStringLiteral("license-reclaim-pricebook/1");
    static inline const QString kDefaultResource =
        QStringLiteral(":/pricebook/default-pricebook.json");
    static constexpr qsizetype kMaxFileSize = 1024 * 1024;
    static constexpr double kMaxMonthlyPrice = 100000.0;

    // Reads a price book file. A Usage error (code BAD_PRICE_BOOK) says what is wrong and
    // where ("monthlyPrices.Salesforce: a price is a number of at least 0 …"); nothing is
    // half-read.
    [[nodiscard]] static Result<PriceBook> fromJson(const QByteArray &json);
    // The list-price book compiled into lrcore; an Internal error only if the build broke it.
    [[nodiscard]] static Result<PriceBook> loadDefault();

    [[nodiscard]] const QString &currency() const { return m_currency; }
    [[nodiscard]] bool isEstimate() const { return m_estimate; }
    [[nodiscard]] const QString &note() const { return m_note; }
    // The monthly price of one seat of `licenseName`; nullopt when the book has none.
    [[nodiscard]] std::optional<double> monthlyPrice(const QString &licenseName) const;
    [[nodiscard]] QStringList licenses() const;

private:
    QString m_currency;
    bool m_estimate = true;
    QString m_note;
    QHash<QString, double> m_prices;
};

} // namespace lr::savings
