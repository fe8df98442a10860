#pragma once

#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lr::demo {

// One element of a Salesforce metadata XML file (a .object-meta.xml, .field-meta.xml ...),
// read with QXmlStreamReader into a small tree, with the checks every reader of the metadata
// needs. Every error names the file, the element and its line, so a bad file in
// installer/salesforce is found at once.
class MetadataElement
{
public:
    // Reads `path`; the root element must be `rootName` in the Metadata API namespace.
    // `displayPath` is how errors name the file.
    [[nodiscard]] static Result<MetadataElement>
    parseFile(const QString &path, const QString &displayPath, const QString &rootName);

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const QString &text() const { return m_text; }
    [[nodiscard]] qint64 line() const { return m_line; }
    [[nodiscard]] const QList<MetadataElement> &children() const { return m_children; }
    [[nodiscard]] QList<const MetadataElement *> children(QStringView name) const;
    // The first child called `name`, or nullptr.
    [[nodiscard]] const MetadataElement *child(QStringView name) const;

    // An error about this element: "<file>: <element> (line n): <problem>".
    [[nodiscard]] Error error(const QString &problem) const;

    // Fails on a child this reader does not know (neither `understood` nor `ignored`), and on
    // a repeated child that is not in `repeatable`.
    [[nodiscard]] Result<void> checkChildren(const QStringList &understood,
                                             const QStringList &ignored = {},
                                             const QStringList &repeatable = {}) const;

    // The text of child `name`; an error when it is missing or empty.
    [[nodiscard]] Result<QString> requiredText(QStringView name) const;
    // The text of child `name`, or `fallback` when there is no such child.
    [[nodiscard]] QString text(QStringView name, const QString &fallback = {}) const;
    // Child `name` as true/false, or `fallback` when absent; anything else is an error.
    [[nodiscard]] Result<bool> boolean(QStringView name, bool fallback) const;
    // Child `name` as a whole number, or `fallback` when absent.
    [[nodiscard]] Result<int> integer(QStringView name, int fallback) const;

private:
    QString m_name;
    QString m_text;
    QString m_file;
    qint64 m_line = 0;
    QList<MetadataElement> m_children;

    friend class MetadataElementReader;
};

} // namespace lr::demo
