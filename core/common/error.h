#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace lr {

// An error as a value, carried across every core API boundary. `code` is machine-readable
// (a Salesforce errorCode such as INVALID_SESSION_ID, or one of ours such as TIMEOUT);
// `message` is the sentence a person reads; `detail` is technical context for the log.
struct Error
{
    enum class Kind {
        Network,  // connection refused, reset, DNS, TLS
        Timeout,  // the transfer timeout fired
        Remote,   // the remote system answered with an error (errorCode is set)
        Protocol, // the remote answer could not be understood
        Usage,    // the caller passed something invalid
        Refused,  // kill switch, permissions, dry-run rules
        Storage,  // local SQLite or file system
        Internal, // a broken invariant
    };

    Kind kind = Kind::Internal;
    QString code;
    QString message;
    QString detail;
    int httpStatus = 0;
    QStringList fields;

    [[nodiscard]] static Error make(Kind kind, QString code, QString message, QString detail = {})
    {
        Error e;
        e.kind = kind;
        e.code = std::move(code);
        e.message = std::move(message);
        e.detail = std::move(detail);
        return e;
    }

    // One line for logs and the CLI: "CODE: message".
    [[nodiscard]] QString toString() const
    {
        return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
    }

    // The org refused a read for lack of permission (or does not expose the object to this
    // user at all): the answer is "unknown", not a failure.
    [[nodiscard]] bool isAccessRefusal() const
    {
        return kind == Kind::Remote
               && (code == u"INVALID_TYPE" || code == u"INSUFFICIENT_ACCESS"
                   || code == u"INSUFFICIENT_ACCESS_OR_READONLY"
                   || code == u"API_DISABLED_FOR_ORG");
    }
};

} // namespace lr
