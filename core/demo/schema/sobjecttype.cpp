#include "core/demo/schema/sobjecttype.h"

namespace lr::demo {

SObjectType::SObjectType(QString name, QString label, QString keyPrefix)
    : m_name(std::move(name))
    , m_label(std::move(label))
    , m_keyPrefix(std::move(keyPrefix))
{ }

void SObjectType::setWritable(bool createable, bool updateable, bool deletable)
{
    m_createable = createable;
    m_updateable = updateable;
    m_deletable = deletable;
}

void SObjectType::addField(SObjectField field)
{
    const qsizetype index = m_fields.size();
    m_byLowerName.insert(field.name.toLower(), index);
    if (!field.relationshipName.isEmpty()) {
        m_byLowerRelationship.insert(field.relationshipName.toLower(), index);
    }
    m_fields.append(std::move(field));
}

const SObjectField *SObjectType::field(QStringView name) const
{
    const auto it = m_byLowerName.constFind(name.toString().toLower());
    return it == m_byLowerName.cend() ? nullptr : &m_fields.at(*it);
}

const SObjectField *SObjectType::fieldByRelationship(QStringView relationship) const
{
    const auto it = m_byLowerRelationship.constFind(relationship.toString().toLower());
    return it == m_byLowerRelationship.cend() ? nullptr : &m_fields.at(*it);
}

} // namespace lr::demo
