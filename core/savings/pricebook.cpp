#include "core/savings/pricebook.h"

#include "core/common/logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lr::savings {

namespace {

Error badBook(const QString &message)
{
    return Error::make(Error::Kind::Usage,
                       u"BAD_PRICE_BOOK"_s,
                       PriceBook::tr("The price book cannot be read: %1").arg(message));
}

bool isCurrencyCode(const QString &code)
{
    return code.size() == 3 && std::all_of(code.cbegin(), code.cend(), [](QChar c) {
               return c >= u'A' && c <= u'Z';
           });
}

} // namespace

Result<PriceBook> PriceBook::fromJson(const QByteArray &json)
{
    if (json.size() > kMaxFileSize) {
        return badBook(tr("the file has more than %1 bytes.").arg(kMaxFileSize));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return badBook(tr("it is not valid JSON (%1 at byte %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset));
    }
    if (!document.isObject()) {
        return badBook(tr("it must be a JSON object."));
    }
    const QJsonObject root = document.object();
    if (root.value(u"format"_s).toString() != kFormat) {
        return badBook(tr("format: expected \"%1\".").arg(kFormat));
    }
    PriceBook book;
    book.m_currency = root.value(u"currency"_s).toString();
    if (!isCurrencyCode(book.m_currency)) {
        return badBook(tr("currency: expected a three-letter code such as USD."));
    }
    const QString basis = root.value(u"basis"_s).toString();
    if (basis != u"list-price-estimate"_s && basis != u"contract"_s) {
        return badBook(tr("basis: expected \"list-price-estimate\" or \"contract\"."));
    }
    book.m_estimate = basis != u"contract"_s;
    book.m_note = root.value(u"note"_s).toString();
    const QJsonValue prices = root.value(u"monthlyPrices"_s);
    if (!prices.isObject() || prices.toObject().isEmpty()) {
        return badBook(tr("monthlyPrices: expected an object of license names and prices."));
    }
    const QJsonObject priceObject = prices.toObject();
    for (auto it = priceObject.constBegin(); it != priceObject.constEnd(); ++it) {
        const double price = it.value().toDouble(-1.0);
        if (it.key().trimmed().isEmpty()) {
            return badBook(tr("monthlyPrices: a license name is empty."));
        }
        if (!it.value().isDouble() || !std::isfinite(price) || price < 0.0
            || price > kMaxMonthlyPrice) {
            return badBook(tr("monthlyPrices.%1: a price is a number from 0 to %2 (per user "
                              "and month).")
                               .arg(it.key())
                               .arg(kMaxMonthlyPrice, 0, 'f', 0));
        }
        book.m_prices.insert(it.key(), price);
    }
    return book;
}

Result<PriceBook> PriceBook::loadDefault()
{
    QFile file(kDefaultResource);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Kind::Internal,
                           u"NO_PRICE_BOOK"_s,
                           tr("The default price book is missing from this build."),
                           kDefaultResource);
    }
    Result<PriceBook> book = fromJson(file.readAll());
    if (!book) {
        qCCritical(lcPipeline).noquote() << "default price book:" << book.error().toString();
        Error error = book.error();
        error.kind = Error::Kind::Internal;
        return error;
    }
    return book;
}

std::optional<double> PriceBook::monthlyPrice(const QString &licenseName) const
{
    const auto it = m_prices.constFind(licenseName);
    if (it == m_prices.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

QStringList PriceBook::licenses() const
{
    QStringList names = m_prices.keys();
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace lr::savings
