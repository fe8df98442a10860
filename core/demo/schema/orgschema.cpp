#include "core/demo/schema/orgschema.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

enum Access : unsigned {
    ReadOnly = 0,
    Create = 1,
    Update = 2,
    Required = 4,
    CreateUpdate = Create | Update,
};

// Builds one SObjectType; every call adds one field.
class TypeBuilder
{
public:
    TypeBuilder(const QString &name, const QString &label, const QString &prefix)
        : m_type(name, label, prefix)
    {
        SObjectField id;
        id.name = u"Id"_s;
        id.type = FieldType::Id;
        id.label = label + u" ID"_s;
        id.length = 18;
        id.nillable = false;
        id.defaultedOnCreate = true;
        m_type.addField(std::move(id));
    }

    TypeBuilder &setup()
    {
        m_type.setSetupObject(true);
        return *this;
    }
    TypeBuilder &writable(bool createable, bool updateable, bool deletable)
    {
        m_type.setWritable(createable, updateable, deletable);
        return *this;
    }

    TypeBuilder &text(const QString &name, int length, unsigned access = ReadOnly)
    {
        return add(name, FieldType::String, access, length);
    }
    TypeBuilder &email(const QString &name, unsigned access = ReadOnly)
    {
        return add(name, FieldType::Email, access, 80);
    }
    TypeBuilder &picklist(const QString &name, const QStringList &values, unsigned access)
    {
        add(name, FieldType::Picklist, access, 40);
        m_last->picklistValues = values;
        return *this;
    }
    TypeBuilder &boolean(const QString &name, unsigned access = ReadOnly)
    {
        add(name, FieldType::Boolean, access | Required, 0);
        m_last->defaultedOnCreate = true;
        return *this;
    }
    TypeBuilder &integer(const QString &name, unsigned access = ReadOnly)
    {
        add(name, FieldType::Int, access, 0);
        m_last->precision = 9;
        return *this;
    }
    TypeBuilder &currency(const QString &name, unsigned access = ReadOnly)
    {
        add(name, FieldType::Currency, access, 0);
        m_last->precision = 18;
        m_last->scale = 2;
        return *this;
    }
    TypeBuilder &date(const QString &name, unsigned access = ReadOnly)
    {
        return add(name, FieldType::Date, access, 0);
    }
    TypeBuilder &dateTime(const QString &name, unsigned access = ReadOnly)
    {
        return add(name, FieldType::DateTime, access, 0);
    }
    TypeBuilder &reference(const QString &name,
                           const QString &target,
                           const QString &relationship,
                           unsigned access = ReadOnly)
    {
        add(name, FieldType::Reference, access, 18);
        m_last->referenceTo = target;
        m_last->relationshipName = relationship;
        return *this;
    }

    // CreatedDate, CreatedById, LastModifiedDate, LastModifiedById.
    TypeBuilder &audit()
    {
        dateTime(u"CreatedDate"_s);
        reference(u"CreatedById"_s, u"User"_s, u"CreatedBy"_s);
        dateTime(u"LastModifiedDate"_s);
        reference(u"LastModifiedById"_s, u"User"_s, u"LastModifiedBy"_s);
        return *this;
    }

    // The system permission flags shared by Profile and PermissionSet.
    TypeBuilder &permissions(unsigned access)
    {
        for (const char *name : {"PermissionsApiEnabled",
                                 "PermissionsApiUserOnly",
                                 "PermissionsModifyAllData",
                                 "PermissionsViewAllData",
                                 "PermissionsCustomizeApplication",
                                 "PermissionsViewSetup",
                                 "PermissionsManageUsers",
                                 "PermissionsFreezeUsers",
                                 "PermissionsMonitorLoginHistory"}) {
            boolean(QString::fromLatin1(name), access);
        }
        return *this;
    }

    SObjectType take()
    {
        flush();
        return std::move(m_type);
    }

private:
    TypeBuilder &add(const QString &name, FieldType type, unsigned access, int length)
    {
        SObjectField f;
        f.name = name;
        f.type = type;
        f.label = name;
        f.length = length;
        f.createable = access & Create;
        f.updateable = access & Update;
        f.nillable = !(access & Required);
        flush();
        m_pending = std::move(f);
        m_last = &*m_pending;
        return *this;
    }

    void flush()
    {
        if (m_pending) {
            m_type.addField(std::move(*m_pending));
            m_pending.reset();
        }
    }

    SObjectType m_type;
    std::optional<SObjectField> m_pending;
    SObjectField *m_last = nullptr; // the field being described, until the next one starts
};

const QStringList kUserTypes = {
    u"Standard"_s,
    u"PowerPartner"_s,
    u"PowerCustomerSuccess"_s,
    u"CustomerSuccess"_s,
    u"CspLitePortal"_s,
    u"CsnOnly"_s,
    u"SelfService"_s,
    u"Guest"_s,
};

SObjectType organization()
{
    return TypeBuilder(u"Organization"_s, u"Organization"_s, u"00D"_s)
        .setup()
        .text(u"Name"_s, 80)
        .text(u"Division"_s, 80)
        .boolean(u"IsSandbox"_s)
        .integer(u"FiscalYearStartMonth"_s)
        .boolean(u"UsesStartDateAsFiscalYearName"_s)
        .text(u"OrganizationType"_s, 40)
        .text(u"InstanceName"_s, 5)
        .text(u"TimeZoneSidKey"_s, 40)
        .text(u"LanguageLocaleKey"_s, 40)
        .text(u"DefaultLocaleSidKey"_s, 40)
        .text(u"Country"_s, 80)
        .audit()
        .take();
}

SObjectType userLicense()
{
    return TypeBuilder(u"UserLicense"_s, u"User License"_s, u"100"_s)
        .setup()
        .text(u"Name"_s, 40)
        .text(u"MasterLabel"_s, 40)
        .text(u"LicenseDefinitionKey"_s, 40)
        .picklist(u"Status"_s, {u"Active"_s, u"Disabled"_s}, ReadOnly)
        .integer(u"TotalLicenses"_s)
        .integer(u"UsedLicenses"_s)
        .dateTime(u"UsedLicensesLastUpdated"_s)
        .dateTime(u"CreatedDate"_s)
        .dateTime(u"LastModifiedDate"_s)
        .take();
}

SObjectType profile()
{
    return TypeBuilder(u"Profile"_s, u"Profile"_s, u"00e"_s)
        .setup()
        .text(u"Name"_s, 255)
        .text(u"Description"_s, 255)
        .reference(u"UserLicenseId"_s, u"UserLicense"_s, u"UserLicense"_s)
        .picklist(u"UserType"_s, kUserTypes, ReadOnly)
        .permissions(ReadOnly)
        .audit()
        .take();
}

SObjectType permissionSet()
{
    return TypeBuilder(u"PermissionSet"_s, u"Permission Set"_s, u"0PS"_s)
        .setup()
        .text(u"Name"_s, 80)
        .text(u"Label"_s, 80)
        .text(u"Description"_s, 255)
        .text(u"NamespacePrefix"_s, 15)
        .boolean(u"IsOwnedByProfile"_s)
        .boolean(u"IsCustom"_s)
        .reference(u"ProfileId"_s, u"Profile"_s, u"Profile"_s)
        .permissions(ReadOnly)
        .audit()
        .take();
}

SObjectType permissionSetAssignment()
{
    return TypeBuilder(u"PermissionSetAssignment"_s, u"Permission Set Assignment"_s, u"0Pa"_s)
        .setup()
        .writable(true, false, true)
        .reference(u"AssigneeId"_s, u"User"_s, u"Assignee"_s, Create | Required)
        .reference(u"PermissionSetId"_s, u"PermissionSet"_s, u"PermissionSet"_s, Create | Required)
        .dateTime(u"SystemModstamp"_s)
        .take();
}

SObjectType objectPermissions()
{
    TypeBuilder builder(u"ObjectPermissions"_s, u"Object Permissions"_s, u"110"_s);
    builder.setup()
        .reference(u"ParentId"_s, u"PermissionSet"_s, u"Parent"_s)
        .text(u"SobjectType"_s, 40);
    for (const char *name : {"PermissionsRead",
                             "PermissionsCreate",
                             "PermissionsEdit",
                             "PermissionsDelete",
                             "PermissionsViewAllRecords",
                             "PermissionsModifyAllRecords"}) {
        builder.boolean(QString::fromLatin1(name));
    }
    return builder.audit().take();
}

SObjectType user()
{
    return TypeBuilder(u"User"_s, u"User"_s, u"005"_s)
        .setup()
        .writable(true, true, false)
        .text(u"Username"_s, 80, CreateUpdate | Required)
        .text(u"FirstName"_s, 40, CreateUpdate)
        .text(u"LastName"_s, 80, CreateUpdate | Required)
        .text(u"Name"_s, 121)
        .text(u"Alias"_s, 8, CreateUpdate | Required)
        .text(u"CommunityNickname"_s, 40, CreateUpdate)
        .email(u"Email"_s, CreateUpdate | Required)
        .boolean(u"IsActive"_s, CreateUpdate)
        .picklist(u"UserType"_s, kUserTypes, ReadOnly)
        .dateTime(u"LastLoginDate"_s)
        .reference(u"ProfileId"_s, u"Profile"_s, u"Profile"_s, CreateUpdate | Required)
        .reference(u"ManagerId"_s, u"User"_s, u"Manager"_s, CreateUpdate)
        .reference(u"DelegatedApproverId"_s, u"User"_s, QString(), CreateUpdate)
        .text(u"Department"_s, 80, CreateUpdate)
        .text(u"Division"_s, 80, CreateUpdate)
        .text(u"Title"_s, 80, CreateUpdate)
        .text(u"CompanyName"_s, 80, CreateUpdate)
        .text(u"FederationIdentifier"_s, 512, CreateUpdate)
        .boolean(u"UserPermissionsMarketingUser"_s, CreateUpdate)
        .boolean(u"UserPermissionsKnowledgeUser"_s, CreateUpdate)
        .boolean(u"UserPermissionsSupportUser"_s, CreateUpdate)
        .text(u"TimeZoneSidKey"_s, 40, CreateUpdate | Required)
        .text(u"LocaleSidKey"_s, 40, CreateUpdate | Required)
        .text(u"LanguageLocaleKey"_s, 40, CreateUpdate | Required)
        .text(u"EmailEncodingKey"_s, 40, CreateUpdate | Required)
        .audit()
        .take();
}

SObjectType userLogin()
{
    return TypeBuilder(u"UserLogin"_s, u"User Login"_s, u"060"_s)
        .setup()
        .writable(false, true, false)
        .reference(u"UserId"_s, u"User"_s, u"User"_s)
        .boolean(u"IsFrozen"_s, Update)
        .boolean(u"IsPasswordLocked"_s, Update)
        .dateTime(u"LastModifiedDate"_s)
        .reference(u"LastModifiedById"_s, u"User"_s, u"LastModifiedBy"_s)
        .take();
}

SObjectType loginHistory()
{
    return TypeBuilder(u"LoginHistory"_s, u"Login History"_s, u"0Ya"_s)
        .reference(u"UserId"_s, u"User"_s, QString())
        .dateTime(u"LoginTime"_s)
        .picklist(u"LoginType"_s,
                  {u"Application"_s,
                   u"Remote Access 2.0"_s,
                   u"Remote Access 1.0"_s,
                   u"Partner Product"_s,
                   u"SAML Idp Initiated SSO"_s,
                   u"Other Apex API"_s},
                  ReadOnly)
        .text(u"LoginSubType"_s, 40)
        .text(u"Status"_s, 128)
        .text(u"Application"_s, 64)
        .text(u"ApiType"_s, 40)
        .text(u"ApiVersion"_s, 40)
        .text(u"SourceIp"_s, 39)
        .text(u"Browser"_s, 64)
        .text(u"Platform"_s, 64)
        .text(u"LoginUrl"_s, 256)
        .text(u"CountryIso"_s, 2)
        .take();
}

SObjectType group()
{
    return TypeBuilder(u"Group"_s, u"Group"_s, u"00G"_s)
        .setup()
        .text(u"Name"_s, 40)
        .text(u"DeveloperName"_s, 80)
        .picklist(
            u"Type"_s,
            {u"Queue"_s, u"Regular"_s, u"Role"_s, u"RoleAndSubordinates"_s, u"Organization"_s},
            ReadOnly)
        .email(u"Email"_s)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s)
        .boolean(u"DoesIncludeBosses"_s)
        .boolean(u"DoesSendEmailToMembers"_s)
        .audit()
        .take();
}

SObjectType groupMember()
{
    return TypeBuilder(u"GroupMember"_s, u"Group Member"_s, u"011"_s)
        .setup()
        .writable(true, false, true)
        .reference(u"GroupId"_s, u"Group"_s, u"Group"_s, Create | Required)
        .reference(u"UserOrGroupId"_s, u"User"_s, QString(), Create | Required)
        .dateTime(u"SystemModstamp"_s)
        .take();
}

SObjectType queueSobject()
{
    return TypeBuilder(u"QueueSobject"_s, u"Queue Sobject"_s, u"03g"_s)
        .setup()
        .reference(u"QueueId"_s, u"Group"_s, u"Queue"_s)
        .picklist(u"SobjectType"_s, {u"Case"_s, u"Lead"_s, u"Opportunity"_s}, ReadOnly)
        .reference(u"CreatedById"_s, u"User"_s, u"CreatedBy"_s)
        .dateTime(u"SystemModstamp"_s)
        .take();
}

SObjectType cronJobDetail()
{
    return TypeBuilder(u"CronJobDetail"_s, u"Job"_s, u"08a"_s)
        .text(u"Name"_s, 255)
        .picklist(u"JobType"_s,
                  {u"1"_s, u"3"_s, u"4"_s, u"6"_s, u"7"_s, u"8"_s, u"9"_s, u"A"_s},
                  ReadOnly)
        .take();
}

SObjectType cronTrigger()
{
    return TypeBuilder(u"CronTrigger"_s, u"Scheduled Jobs"_s, u"08e"_s)
        .reference(u"CronJobDetailId"_s, u"CronJobDetail"_s, u"CronJobDetail"_s)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s)
        .text(u"CronExpression"_s, 255)
        .text(u"State"_s, 16)
        .text(u"TimeZoneSidKey"_s, 40)
        .dateTime(u"StartTime"_s)
        .dateTime(u"EndTime"_s)
        .dateTime(u"NextFireTime"_s)
        .dateTime(u"PreviousFireTime"_s)
        .integer(u"TimesTriggered"_s)
        .audit()
        .take();
}

SObjectType dashboard()
{
    return TypeBuilder(u"Dashboard"_s, u"Dashboard"_s, u"01Z"_s)
        .text(u"Title"_s, 80)
        .text(u"DeveloperName"_s, 80)
        .text(u"Description"_s, 255)
        .text(u"FolderName"_s, 256)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s)
        .reference(u"RunningUserId"_s, u"User"_s, u"RunningUser"_s)
        .picklist(u"Type"_s, {u"SpecifiedUser"_s, u"LoggedInUser"_s, u"MyTeamUser"_s}, ReadOnly)
        .audit()
        .take();
}

SObjectType opportunity()
{
    return TypeBuilder(u"Opportunity"_s, u"Opportunity"_s, u"006"_s)
        .writable(true, true, true)
        .text(u"Name"_s, 120, CreateUpdate | Required)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s, CreateUpdate)
        .picklist(u"StageName"_s,
                  {u"Prospecting"_s,
                   u"Qualification"_s,
                   u"Proposal/Price Quote"_s,
                   u"Negotiation/Review"_s,
                   u"Closed Won"_s,
                   u"Closed Lost"_s},
                  CreateUpdate | Required)
        .currency(u"Amount"_s, CreateUpdate)
        .date(u"CloseDate"_s, CreateUpdate | Required)
        .boolean(u"IsClosed"_s)
        .boolean(u"IsWon"_s)
        .audit()
        .take();
}

SObjectType supportCase()
{
    return TypeBuilder(u"Case"_s, u"Case"_s, u"500"_s)
        .writable(true, true, true)
        .text(u"CaseNumber"_s, 30)
        .text(u"Subject"_s, 255, CreateUpdate)
        .picklist(u"Status"_s, {u"New"_s, u"Working"_s, u"Escalated"_s, u"Closed"_s}, CreateUpdate)
        .picklist(u"Priority"_s, {u"High"_s, u"Medium"_s, u"Low"_s}, CreateUpdate)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s, CreateUpdate)
        .boolean(u"IsClosed"_s)
        .audit()
        .take();
}

SObjectType lead()
{
    return TypeBuilder(u"Lead"_s, u"Lead"_s, u"00Q"_s)
        .writable(true, true, true)
        .text(u"FirstName"_s, 40, CreateUpdate)
        .text(u"LastName"_s, 80, CreateUpdate | Required)
        .text(u"Name"_s, 121)
        .text(u"Company"_s, 255, CreateUpdate | Required)
        .picklist(u"Status"_s,
                  {u"Open - Not Contacted"_s,
                   u"Working - Contacted"_s,
                   u"Closed - Converted"_s,
                   u"Closed - Not Converted"_s},
                  CreateUpdate | Required)
        .reference(u"OwnerId"_s, u"User"_s, u"Owner"_s, CreateUpdate)
        .boolean(u"IsConverted"_s)
        .audit()
        .take();
}

SObjectType oauthToken()
{
    return TypeBuilder(u"OauthToken"_s, u"Oauth Token"_s, u"0CQ"_s)
        .writable(false, false, true)
        .text(u"AppName"_s, 255)
        .reference(u"UserId"_s, u"User"_s, u"User"_s)
        .dateTime(u"LastUsedDate"_s)
        .integer(u"UseCount"_s)
        .dateTime(u"CreatedDate"_s)
        .take();
}

SObjectType processInstanceWorkitem()
{
    return TypeBuilder(u"ProcessInstanceWorkitem"_s, u"Approval Request"_s, u"04i"_s)
        .reference(u"ActorId"_s, u"User"_s, u"Actor"_s)
        .reference(u"OriginalActorId"_s, u"User"_s, u"OriginalActor"_s)
        .dateTime(u"CreatedDate"_s)
        .reference(u"CreatedById"_s, u"User"_s, u"CreatedBy"_s)
        .take();
}

} // namespace

OrgSchema OrgSchema::standard()
{
    OrgSchema schema;
    schema.addObject(organization());
    schema.addObject(userLicense());
    schema.addObject(profile());
    schema.addObject(permissionSet());
    schema.addObject(permissionSetAssignment());
    schema.addObject(objectPermissions());
    schema.addObject(user());
    schema.addObject(userLogin());
    schema.addObject(loginHistory());
    schema.addObject(group());
    schema.addObject(groupMember());
    schema.addObject(queueSobject());
    schema.addObject(cronJobDetail());
    schema.addObject(cronTrigger());
    schema.addObject(dashboard());
    schema.addObject(opportunity());
    schema.addObject(supportCase());
    schema.addObject(lead());
    schema.addObject(oauthToken());
    schema.addObject(processInstanceWorkitem());
    return schema;
}

void OrgSchema::addObject(SObjectType type)
{
    const qsizetype index = m_objects.size();
    m_byLowerName.insert(type.name().toLower(), index);
    if (!type.keyPrefix().isEmpty()) {
        m_byPrefix.insert(type.keyPrefix(), index);
    }
    m_objects.append(std::move(type));
}

const SObjectType *OrgSchema::object(QStringView name) const
{
    const auto it = m_byLowerName.constFind(name.toString().toLower());
    return it == m_byLowerName.cend() ? nullptr : &m_objects.at(*it);
}

const SObjectType *OrgSchema::objectByKeyPrefix(QStringView prefix) const
{
    const auto it = m_byPrefix.constFind(prefix.toString());
    return it == m_byPrefix.cend() ? nullptr : &m_objects.at(*it);
}

QStringList OrgSchema::objectNames() const
{
    QStringList names;
    names.reserve(m_objects.size());
    for (const SObjectType &type : m_objects) {
        names.append(type.name());
    }
    return names;
}

} // namespace lr::demo
