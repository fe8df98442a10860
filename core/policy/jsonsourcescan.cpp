#include "core/policy/jsonsourcescan.h"

#include "core/policy/policyproblem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <utility>

using namespace Qt::StringLiterals;

namespace lr::policy {

namespace {

struct Frame
{
    bool object = false;
    QString path;
    QSet<QString> keys;
    QString key;           // the member being read
    qsizetype index = 0;   // the element being read
    bool expectKey = true; // in an object: the next string is a key
};

QString decodeString(QByteArrayView token)
{
    // Without escapes the bytes are the text; otherwise let the JSON parser unescape them.
    if (!token.contains('\\')) {
        return QString::fromUtf8(token.sliced(1, token.size() - 2));
    }
    const QByteArray wrapped = '[' + token.toByteArray() + ']';
    return QJsonDocument::fromJson(wrapped).array().first().toString();
}

} // namespace

qsizetype JsonSourceScan::invalidUtf8At(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if ((lead & 0xe0) == 0xc0) {
            length = 2;
            codePoint = lead & 0x1f;
            minimum = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            codePoint = lead & 0x0f;
            minimum = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xc0) != 0x80) {
                return i;
            }
            codePoint = (codePoint << 6) | (data[i + k] & 0x3f);
        }
        if (codePoint < minimum || codePoint > 0x10ffff
            || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
            return i;
        }
        i += length;
    }
    return -1;
}

std::pair<int, int> JsonSourceScan::lineAndColumn(QByteArrayView bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    const QByteArrayView before = bytes.first(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const int line = static_cast<int>(before.count('\n')) + 1;
    const int column = static_cast<int>(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return {line, column};
}

QList<JsonSourceScan::Issue> JsonSourceScan::scan(QByteArrayView json, int maxDepth)
{
    QList<Issue> issues;
    QList<Frame> stack;
    auto childPath = [&stack]() {
        if (stack.isEmpty()) {
            return u"$"_s;
        }
        const Frame &top = stack.last();
        return top.object ? PolicyProblem::memberPath(top.path, top.key)
                          : PolicyProblem::indexPath(top.path, top.index);
    };
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json.at(i);
        switch (c) {
        case '{':
        case '[': {
            Frame frame;
            frame.object = c == '{';
            frame.path = childPath();
            if (stack.size() + 1 > maxDepth) {
                issues.append({Issue::Kind::TooDeep, frame.path, {}});
                return issues;
            }
            stack.append(frame);
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty()) {
                stack.removeLast();
            }
            break;
        case ',':
            if (!stack.isEmpty()) {
                Frame &top = stack.last();
                ++top.index;
                top.expectKey = top.object;
            }
            break;
        case '"': {
            qsizetype end = i + 1;
            while (end < size && json.at(end) != '"') {
                end += json.at(end) == '\\' ? 2 : 1;
            }
            if (!stack.isEmpty() && stack.last().object && stack.last().expectKey) {
                Frame &top = stack.last();
                top.key = decodeString(json.sliced(i, end + 1 - i));
                top.expectKey = false;
                if (top.keys.contains(top.key)) {
                    issues.append({Issue::Kind::DuplicateKey,
                                   PolicyProblem::memberPath(top.path, top.key),
                                   top.key});
                }
                top.keys.insert(top.key);
            }
            i = end;
            break;
        }
        default:
            break;
        }
    }
    return issues;
}

} // namespace lr::policy
