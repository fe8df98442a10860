#include "core/demo/generator/employeeaccess.h"

#include "core/demo/generator/randomsource.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using Segment = GeneratedUser::Segment;
using Profile = LicenseCatalog::Profile;
using PermissionSet = LicenseCatalog::PermissionSet;

// One of three profiles, with the chances of the first two (the rest goes to the third).
Profile oneOf(RandomSource &random, Profile a, double pa, Profile b, double pb, Profile c)
{
    const double r = random.unit();
    return r < pa ? a : (r < pa + pb ? b : c);
}

Profile profileFor(const GeneratedUser &user, RandomSource &random)
{
    const QString &d = user.department;
    if (d == u"Sales"_s) {
        return user.level >= 1 ? oneOf(random,
                                       Profile::SalesManager,
                                       0.7,
                                       Profile::StandardUser,
                                       0.3,
                                       Profile::StandardUser)
                               : oneOf(random,
                                       Profile::SalesRepresentative,
                                       0.7,
                                       Profile::StandardUser,
                                       0.25,
                                       Profile::ReadOnly);
    }
    if (d == u"Customer Success"_s) {
        return oneOf(random,
                     Profile::StandardUser,
                     0.8,
                     Profile::SalesRepresentative,
                     0.2,
                     Profile::ReadOnly);
    }
    if (d == u"Support"_s) {
        return oneOf(random,
                     Profile::SupportAgent,
                     0.75,
                     Profile::StandardUser,
                     0.2,
                     Profile::SolutionManager);
    }
    if (d == u"Marketing"_s) {
        return oneOf(
            random, Profile::MarketingUser, 0.8, Profile::StandardUser, 0.2, Profile::ReadOnly);
    }
    if (d == u"Finance"_s || d == u"Legal"_s) {
        return oneOf(
            random, Profile::ContractManager, 0.5, Profile::ReadOnly, 0.3, Profile::StandardUser);
    }
    if (d == u"IT"_s) {
        return oneOf(random,
                     Profile::SystemAdministrator,
                     0.12,
                     Profile::StandardUser,
                     0.6,
                     Profile::ReadOnly);
    }
    if (d == u"Engineering"_s) {
        return oneOf(
            random, Profile::StandardUser, 0.5, Profile::SolutionManager, 0.15, Profile::ReadOnly);
    }
    if (d == u"Sales Operations"_s) {
        return oneOf(random,
                     Profile::SystemAdministrator,
                     0.05,
                     Profile::StandardUser,
                     0.85,
                     Profile::ReadOnly);
    }
    return oneOf(random, Profile::StandardUser, 0.6, Profile::ReadOnly, 0.4, Profile::ReadOnly);
}

void grantSets(GeneratedUser &user, RandomSource &random)
{
    const QString &d = user.department;
    const bool sales = d == u"Sales"_s || d == u"Customer Success"_s;
    const bool it = d == u"IT"_s;
    const bool salesOps = d == u"Sales Operations"_s;
    const struct
    {
        PermissionSet set;
        double chance;
    } grants[] = {
        {PermissionSet::SalesOperations, salesOps ? 0.7 : (sales && user.level >= 1 ? 0.1 : 0)},
        {PermissionSet::BreakGlass, it || d == u"Engineering"_s ? 0.012 : 0},
        {PermissionSet::CustomizeApplication, it ? 0.08 : (salesOps ? 0.05 : 0)},
        {PermissionSet::LoginHistoryAuditor, it || d == u"Legal"_s ? 0.04 : 0},
        {PermissionSet::FreezeUsers, it ? 0.06 : 0},
        {PermissionSet::SalesProductivity, sales ? 0.4 : 0},
        {PermissionSet::ServiceConsole, d == u"Support"_s ? 0.6 : 0},
        {PermissionSet::ReportBuilder, 0.08},
        {PermissionSet::DocuSignUser, d == u"Sales"_s ? 0.15 : (d == u"Legal"_s ? 0.3 : 0)},
        {PermissionSet::CpqUser, d == u"Sales"_s ? 0.12 : 0},
    };
    for (const auto &[set, chance] : grants) {
        if (random.chance(chance)) {
            user.permissionSets.append(set);
        }
    }
}

void ensureMinimum(QList<GeneratedUser> &users, PermissionSet set, int minimum)
{
    int held = 0;
    for (const GeneratedUser &user : std::as_const(users)) {
        held += user.has(set) ? 1 : 0;
    }
    for (GeneratedUser &user : users) {
        if (held >= minimum) {
            return;
        }
        if (user.segment == Segment::Employee && !user.has(set)
            && user.profile != Profile::SystemAdministrator) {
            user.permissionSets.append(set);
            ++held;
        }
    }
}

} // namespace

void EmployeeAccess::assign(QList<GeneratedUser> &users, RandomSource &random)
{
    for (GeneratedUser &user : users) {
        if (user.segment == Segment::Employee) {
            user.profile = profileFor(user, random);
            grantSets(user, random);
        }
    }
    // Admins through a permission set, not only through the profile, even in a small org.
    ensureMinimum(users, PermissionSet::BreakGlass, 2);
    ensureMinimum(users, PermissionSet::CustomizeApplication, 1);
    ensureMinimum(users, PermissionSet::LoginHistoryAuditor, 1);
    ensureMinimum(users, PermissionSet::FreezeUsers, 1);
}

} // namespace lr::demo
