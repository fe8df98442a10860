#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace lr::policy {

// Checks on the text of a JSON file that QJsonDocument does not make: strict UTF-8 (it
// replaces invalid bytes silently), duplicate keys (it keeps one silently) and a nesting
// depth far below its own limit of 1024.
class JsonSourceScan
{
public:
    struct Issue
    {
        enum class Kind {
            DuplicateKey,
            TooDeep,
        };
        Kind kind = Kind::DuplicateKey;
        QString path; // the duplicate member, or the first value nested too deep
        QString key;  // the duplicate key
    };

    // The offset of the first byte that is not part of valid UTF-8 (overlong forms,
    // surrogates and code points past U+10FFFF count as invalid), or -1.
    [[nodiscard]] static qsizetype invalidUtf8At(QByteArrayView bytes);
    // The 1-based line and column (in characters) of a byte offset.
    [[nodiscard]] static std::pair<int, int> lineAndColumn(QByteArrayView bytes, qsizetype offset);
    // Every duplicate key, and the first value nested deeper than `maxDepth` (the top-level
    // value is depth 1); `json` must be text QJsonDocument accepted.
    [[nodiscard]] static QList<Issue> scan(QByteArrayView json, int maxDepth);
};

} // namespace lr::policy
