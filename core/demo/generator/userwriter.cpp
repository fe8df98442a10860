#include "core/demo/generator/userwriter.h"

#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/idsequence.h"
#include "core/demo/generator/localecatalog.h"
#include "core/demo/generator/timestamptext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

QVariant reference(const QList<GeneratedUser> &users, int index)
{
    return index < 0 ? QVariant() : QVariant(users.at(index).id);
}

QVariant dateTimeOrNull(qint64 msecs)
{
    return msecs < 0 ? QVariant() : QVariant(TimestampText::dateTime(msecs));
}

qint64 lastModified(const GeneratedUser &user)
{
    return std::max({user.created, user.deactivated, user.frozenAt});
}

Result<void> writeUsers(const GenerationContext &context,
                        const QList<GeneratedUser> &users,
                        const QList<int> &order)
{
    auto out = context.inserter(u"User"_s,
                                {u"Id"_s,
                                 u"Username"_s,
                                 u"FirstName"_s,
                                 u"LastName"_s,
                                 u"Name"_s,
                                 u"Alias"_s,
                                 u"CommunityNickname"_s,
                                 u"Email"_s,
                                 u"IsActive"_s,
                                 u"UserType"_s,
                                 u"LastLoginDate"_s,
                                 u"ProfileId"_s,
                                 u"ManagerId"_s,
                                 u"DelegatedApproverId"_s,
                                 u"Department"_s,
                                 u"Division"_s,
                                 u"Title"_s,
                                 u"CompanyName"_s,
                                 u"FederationIdentifier"_s,
                                 u"UserPermissionsMarketingUser"_s,
                                 u"UserPermissionsKnowledgeUser"_s,
                                 u"UserPermissionsSupportUser"_s,
                                 u"TimeZoneSidKey"_s,
                                 u"LocaleSidKey"_s,
                                 u"LanguageLocaleKey"_s,
                                 u"EmailEncodingKey"_s,
                                 u"CreatedDate"_s,
                                 u"CreatedById"_s,
                                 u"LastModifiedDate"_s,
                                 u"LastModifiedById"_s});
    if (!out) {
        return out.error();
    }
    QList<QString> profileIds;
    QList<QString> userTypes;
    for (int p = 0; p < int(LicenseCatalog::Profile::Count); ++p) {
        const auto profile = static_cast<LicenseCatalog::Profile>(p);
        profileIds.append(LicenseCatalog::profileId(profile));
        userTypes.append(LicenseCatalog::profile(profile).userType);
    }
    for (int index : order) {
        const GeneratedUser &user = users.at(index);
        const LocaleCatalog::Locale &locale = LocaleCatalog::at(user.locale);
        out->add(user.id);
        out->add(user.username);
        out->addText(user.firstName);
        out->add(user.lastName);
        out->add(user.name);
        out->add(user.alias);
        out->add(user.nickname);
        out->add(user.email);
        out->addBool(user.active);
        out->add(userTypes.at(int(user.profile)));
        out->add(dateTimeOrNull(user.lastLogin));
        out->add(profileIds.at(int(user.profile)));
        out->add(reference(users, user.manager));
        out->add(reference(users, user.delegatedApprover));
        out->addText(user.department);
        out->addText(user.isInternal() ? user.division : QString());
        out->addText(user.title);
        out->addText(user.companyName);
        out->addText(user.federationId);
        out->addBool(user.marketingUser);
        out->addBool(user.knowledgeUser);
        out->addBool(user.supportUser);
        out->add(locale.timeZone);
        out->add(locale.locale);
        out->add(locale.language);
        out->add(user.emailEncoding);
        out->add(TimestampText::dateTime(user.created));
        out->add(context.adminId);
        out->add(TimestampText::dateTime(lastModified(user)));
        out->add(context.adminId);
    }
    return out->finish();
}

Result<void> writeLogins(const GenerationContext &context,
                         const QList<GeneratedUser> &users,
                         const QList<int> &order)
{
    auto out = context.inserter(u"UserLogin"_s,
                                {u"Id"_s,
                                 u"UserId"_s,
                                 u"IsFrozen"_s,
                                 u"IsPasswordLocked"_s,
                                 u"LastModifiedDate"_s,
                                 u"LastModifiedById"_s});
    if (!out) {
        return out.error();
    }
    IdSequence ids(u"060");
    for (int index : order) {
        const GeneratedUser &user = users.at(index);
        out->add(ids.next());
        out->add(user.id);
        out->addBool(user.frozen);
        out->addBool(user.passwordLocked);
        out->add(TimestampText::dateTime(user.frozen ? user.frozenAt : user.created));
        out->add(context.adminId);
    }
    return out->finish();
}

Result<void> writeAssignments(const GenerationContext &context,
                              const QList<GeneratedUser> &users,
                              const QList<int> &order)
{
    auto out =
        context.inserter(u"PermissionSetAssignment"_s,
                         {u"Id"_s, u"AssigneeId"_s, u"PermissionSetId"_s, u"SystemModstamp"_s});
    if (!out) {
        return out.error();
    }
    IdSequence ids(u"0Pa");
    for (int index : order) {
        const GeneratedUser &user = users.at(index);
        const QString created = TimestampText::dateTime(user.created);
        out->add(ids.next());
        out->add(user.id);
        out->add(LicenseCatalog::profilePermissionSetId(user.profile));
        out->add(created);
        for (LicenseCatalog::PermissionSet set : user.permissionSets) {
            out->add(ids.next());
            out->add(user.id);
            out->add(LicenseCatalog::permissionSetId(set));
            out->add(created);
        }
    }
    return out->finish();
}

} // namespace

Result<void> UserWriter::write(const GenerationContext &context, const QList<GeneratedUser> &users)
{
    QList<int> order(users.size());
    for (int i = 0; i < users.size(); ++i) {
        order[i] = i;
    }
    // Ids were given in creation order; write in id order (same length, so text order).
    std::sort(order.begin(), order.end(), [&users](int a, int b) {
        return users.at(a).id < users.at(b).id;
    });
    if (auto r = writeUsers(context, users, order); !r) {
        return r;
    }
    if (auto r = writeLogins(context, users, order); !r) {
        return r;
    }
    return writeAssignments(context, users, order);
}

} // namespace lr::demo
