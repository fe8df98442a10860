#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <chrono>

namespace lr {

// One HTTP request as our local servers see it, detached from Qt HTTP Server's types (whose
// API changes between Qt 6.4, 6.5 and 6.8).
struct HttpRequest
{
    QByteArray method;   // upper case: GET, POST, PATCH, DELETE, HEAD, PUT
    QString path;        // percent-decoded path, e.g. /services/data/v66.0/query
    QByteArray rawQuery; // the query string as sent, still encoded
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;

    // The first header with this name, compared case-insensitively; empty if absent.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    // A query parameter, form-decoded ('+' is a space, then percent-decoding), as browsers
    // and most HTTP clients send it. Null when absent.
    [[nodiscard]] QString queryValue(QStringView key) const;
    [[nodiscard]] bool hasQueryValue(QStringView key) const;
};

// The answer to an HttpRequest. A delay holds the answer back (the connection stays open);
// dropConnection closes the socket without answering, as a failing network would.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    std::chrono::milliseconds delay{0};
    bool dropConnection = false;

    [[nodiscard]] static HttpResponse json(int status, QByteArray body);
    [[nodiscard]] static HttpResponse html(int status, QByteArray body);
    [[nodiscard]] static HttpResponse empty(int status);
    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

} // namespace lr
