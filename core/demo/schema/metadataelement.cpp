#include "core/demo/schema/metadataelement.h"

#include <QFile>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

const QString kMetadataNamespace = u"http://soap.sforce.com/2006/04/metadata"_s;

Error fileError(const QString &file, const QString &problem)
{
    return Error::make(
        Error::Kind::Internal, u"LR_METADATA_INVALID"_s, u"%1: %2"_s.arg(file, problem));
}

} // namespace

// Builds the tree; a friend, so the element keeps no setters.
class MetadataElementReader
{
public:
    static Result<MetadataElement> element(QXmlStreamReader &xml, const QString &file)
    {
        MetadataElement element;
        element.m_name = xml.name().toString();
        element.m_file = file;
        element.m_line = xml.lineNumber();
        QString text;
        while (!xml.atEnd()) {
            switch (xml.readNext()) {
            case QXmlStreamReader::StartElement: {
                Result<MetadataElement> child = MetadataElementReader::element(xml, file);
                if (!child) {
                    return child;
                }
                element.m_children.append(std::move(child.value()));
                break;
            }
            case QXmlStreamReader::Characters:
                text += xml.text();
                break;
            case QXmlStreamReader::EndElement:
                if (!element.m_children.isEmpty() && !text.trimmed().isEmpty()) {
                    return element.error(u"has both text and child elements"_s);
                }
                element.m_text = text.trimmed();
                return element;
            default:
                break;
            }
        }
        return fileError(
            file, u"line %1: %2"_s.arg(QString::number(xml.lineNumber()), xml.errorString()));
    }
};

Result<MetadataElement>
MetadataElement::parseFile(const QString &path, const QString &displayPath, const QString &rootName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(displayPath, u"cannot be read: %1"_s.arg(file.errorString()));
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() != rootName) {
            return fileError(
                displayPath,
                u"line %1: the root element is <%2>, expected <%3>"_s.arg(
                    QString::number(xml.lineNumber()), xml.name().toString(), rootName));
        }
        if (xml.namespaceUri() != kMetadataNamespace) {
            return fileError(displayPath,
                             u"<%1> is not in the Metadata API namespace %2"_s.arg(
                                 rootName, kMetadataNamespace));
        }
        Result<MetadataElement> root = MetadataElementReader::element(xml, displayPath);
        if (root && xml.hasError()) {
            return fileError(displayPath, xml.errorString());
        }
        return root;
    }
    return fileError(
        displayPath,
        xml.hasError() ? u"line %1: %2"_s.arg(QString::number(xml.lineNumber()), xml.errorString())
                       : u"holds no XML element"_s);
}

QList<const MetadataElement *> MetadataElement::children(QStringView name) const
{
    QList<const MetadataElement *> found;
    for (const MetadataElement &child : m_children) {
        if (child.m_name == name) {
            found.append(&child);
        }
    }
    return found;
}

const MetadataElement *MetadataElement::child(QStringView name) const
{
    for (const MetadataElement &child : m_children) {
        if (child.m_name == name) {
            return &child;
        }
    }
    return nullptr;
}

Error MetadataElement::error(const QString &problem) const
{
    return fileError(m_file, u"<%1> (line %2): %3"_s.arg(m_name, QString::number(m_line), problem));
}

Result<void> MetadataElement::checkChildren(const QStringList &understood,
                                            const QStringList &ignored,
                                            const QStringList &repeatable) const
{
    QStringList seen;
    for (const MetadataElement &child : m_children) {
        if (!understood.contains(child.m_name) && !ignored.contains(child.m_name)) {
            return child.error(u"unsupported element in <%1>; the demo org understands %2"_s.arg(
                m_name, understood.join(u", "_s)));
        }
        if (seen.contains(child.m_name) && !repeatable.contains(child.m_name)) {
            return child.error(u"appears more than once"_s);
        }
        seen.append(child.m_name);
    }
    return {};
}

Result<QString> MetadataElement::requiredText(QStringView name) const
{
    const MetadataElement *found = child(name);
    if (!found || found->m_text.isEmpty()) {
        return error(u"needs a <%1>"_s.arg(name));
    }
    return found->m_text;
}

QString MetadataElement::text(QStringView name, const QString &fallback) const
{
    const MetadataElement *found = child(name);
    return found ? found->m_text : fallback;
}

Result<bool> MetadataElement::boolean(QStringView name, bool fallback) const
{
    const MetadataElement *found = child(name);
    if (!found) {
        return fallback;
    }
    if (found->m_text == u"true" || found->m_text == u"false") {
        return found->m_text == u"true";
    }
    return found->error(u"must be true or false, not '%1'"_s.arg(found->m_text));
}

Result<int> MetadataElement::integer(QStringView name, int fallback) const
{
    const MetadataElement *found = child(name);
    if (!found) {
        return fallback;
    }
    bool ok = false;
    const int value = found->m_text.toInt(&ok);
    if (!ok) {
        return found->error(u"must be a whole number, not '%1'"_s.arg(found->m_text));
    }
    return value;
}

} // namespace lr::demo
