#include "core/demo/generator/userpopulation.h"

#include "core/demo/generator/connectedappcatalog.h"
#include "core/demo/generator/employeeaccess.h"
#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/idsequence.h"
#include "core/demo/generator/localecatalog.h"
#include "core/demo/generator/namepool.h"
#include "core/demo/generator/orgchart.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using Segment = GeneratedUser::Segment;
using ApiHabit = GeneratedUser::ApiHabit;
using Profile = LicenseCatalog::Profile;
using PermissionSet = LicenseCatalog::PermissionSet;
constexpr qint64 kDay = TimestampText::kDay;
constexpr qint64 kHour = TimestampText::kHour;
constexpr qint64 kMinute = TimestampText::kMinute;

// Days since the last interactive login, in bands; the weights below give most users a
// recent login and a long tail of stale ones.
constexpr int kBandCount = 9;
constexpr int kBandFirst[kBandCount] = {0, 8, 31, 61, 91, 121, 181, 271, 366};
constexpr int kBandLast[kBandCount] = {7, 30, 60, 90, 120, 180, 270, 365, 400};
constexpr int kNever = -1;
// Per mille: never logged in, then the nine bands.
const QList<int> kEmployeeBands = {30, 560, 150, 60, 45, 35, 35, 35, 25, 25};
const QList<int> kChatterBands = {80, 300, 150, 90, 80, 60, 60, 70, 60, 50};
const QList<int> kExternalBands = {150, 150, 150, 100, 90, 70, 70, 80, 70, 70};
const QList<int> kIdentityBands = {60, 450, 150, 70, 60, 40, 40, 50, 40, 40};

// Interactive logins per hundred working days, and how many people log in that often.
const QList<int> kHabits = {4, 6, 8, 12, 20, 45};
const QList<int> kHabitWeights = {25, 25, 20, 15, 10, 5};

const QList<int> kBrowserWeights = {34, 18, 16, 12, 10, 10};
const QList<int> kPlatformWeights = {40, 25, 30, 5};

struct Company
{
    QString name;
    QString domain;
};

const QList<Company> &customers()
{
    static const QList<Company> list = {
        {u"Contoso Ltd."_s, u"contoso.example"_s},
        {u"Fabrikam, Inc."_s, u"fabrikam.example"_s},
        {u"Northwind Traders"_s, u"northwind.example"_s},
        {u"Tailspin Toys"_s, u"tailspin.example"_s},
        {u"Adventure Works"_s, u"adventure-works.example"_s},
        {u"Woodgrove Bank"_s, u"woodgrove.example"_s},
        {u"Alpine Ski House"_s, u"alpineskihouse.example"_s},
        {u"Coho Winery"_s, u"cohowinery.example"_s},
        {u"Margie's Travel"_s, u"margiestravel.example"_s},
        {u"City Power & Light"_s, u"cpandl.example"_s},
        {u"Wide World Importers"_s, u"wideworld.example"_s},
        {u"Humongous Insurance"_s, u"humongous.example"_s},
    };
    return list;
}

const QList<Company> &partners()
{
    static const QList<Company> list = {
        {u"Bluewater Consulting"_s, u"bluewater.example"_s},
        {u"Summit Partners Group"_s, u"summitpartners.example"_s},
        {u"Redwood Solutions GmbH"_s, u"redwood-solutions.example"_s},
        {u"Keystone Systems"_s, u"keystone.example"_s},
        {u"Northstar Integrators"_s, u"northstar.example"_s},
    };
    return list;
}

QList<Segment> planSegments(int others, RandomSource &random)
{
    const auto share = [others](int perTenThousand, int minimum) {
        return std::max(others * perTenThousand / 10000, std::min(minimum, others / 10));
    };
    const std::pair<Segment, int> planned[] = {
        {Segment::Service, share(60, 10)},
        {Segment::ChatterUser, share(700, 2)},
        {Segment::PlatformUser, share(900, 2)},
        {Segment::IdentityUser, share(150, 1)},
        {Segment::CustomerLogin, share(350, 1)},
        {Segment::CustomerMember, share(100, 1)},
        {Segment::Partner, share(200, 1)},
    };
    QList<Segment> segments;
    segments.reserve(others);
    for (const auto &[segment, count] : planned) {
        segments.insert(segments.size(), count, segment);
    }
    segments.insert(segments.size(), others - segments.size(), Segment::Employee);
    random.shuffle(segments);
    return segments;
}

class Planner
{
public:
    Planner(const GenerationContext &context)
        : m_context(context)
        , m_random(context.seed, RandomSource::Stream::Users)
        , m_ageDays(static_cast<int>((context.anchor - context.orgCreated) / kDay) - 10)
    { }

    QList<GeneratedUser> build(int count);

private:
    GeneratedUser principal(int role);
    GeneratedUser person(Segment segment, int ordinal);
    GeneratedUser service(int ordinal);
    void nameInternal(GeneratedUser &user, NamePool::Culture culture);
    void nameExternal(GeneratedUser &user, NamePool::Culture culture);
    void nameService(GeneratedUser &user, int ordinal);
    void setName(GeneratedUser &user, const PersonName &name, const QString &domain);
    // Asks for the username `wanted@domain` for the user being planned; given out later.
    void requestAccount(const QString &wanted, const QString &domain, const QString &mailbox = {});
    void assignAccounts(QList<GeneratedUser> &users, const QList<int> &creationOrder);
    QString uniqueLocalPart(const QString &wanted);
    void setLocale(GeneratedUser &user, int locale);
    void setDates(GeneratedUser &user, int band, bool newHire);
    qint64 loginOnDay(const GeneratedUser &user, int daysAgo);
    void setLifecycle(GeneratedUser &user);
    void setDevices(GeneratedUser &user);
    void setApiHabit(GeneratedUser &user, int &band);
    // Ids in creation order, as Salesforce gives them; returns the indexes in that order.
    QList<int> assignIds(QList<GeneratedUser> &users);
    int band(const QList<int> &weights) { return m_random.weighted(weights) - 1; }

    const GenerationContext &m_context;
    RandomSource m_random;
    int m_ageDays;
    struct PendingAccount
    {
        QString wanted;
        QString domain;
        QString mailbox; // a shared mailbox instead of the user's own address
    };
    QList<PendingAccount> m_accounts; // per user index
    QSet<QString> m_localParts;
    QHash<QString, int> m_nextSuffix;
    int m_employeeNumber = 1000;
};

QList<GeneratedUser> Planner::build(int count)
{
    QList<GeneratedUser> users;
    users.reserve(count);
    for (int role = 0; role < std::min(count, UserPopulation::kPrincipalCount); ++role) {
        users.append(principal(role));
    }
    const QList<Segment> segments = planSegments(count - static_cast<int>(users.size()), m_random);
    std::array<int, 16> ordinals = {};
    for (Segment segment : segments) {
        const int ordinal = ordinals[static_cast<size_t>(segment)]++;
        users.append(segment == Segment::Service ? service(ordinal) : person(segment, ordinal));
    }
    RandomSource chartRandom(m_context.seed, RandomSource::Stream::OrgChart);
    OrgChart::build(users, m_context.anchor, chartRandom);
    EmployeeAccess::assign(users, m_random);
    assignAccounts(users, assignIds(users));
    return users;
}

GeneratedUser Planner::principal(int role)
{
    struct Role
    {
        const char16_t *local, *first, *last, *department, *title;
        Profile profile;
        int createdDaysAgo;
        qint64 lastLoginAgo;
    };
    static const Role roles[] = {
        {u"admin",
         u"Morgan",
         u"Reyes",
         u"IT",
         u"Salesforce Administrator",
         Profile::SystemAdministrator,
         0,
         2 * kHour},
        {u"analyst",
         u"Jordan",
         u"Blake",
         u"Sales Operations",
         u"Sales Operations Analyst",
         Profile::StandardUser,
         700,
         1 * kHour},
        {u"viewer",
         u"Casey",
         u"Lindqvist",
         u"Finance",
         u"Business Operations Manager",
         Profile::ReadOnly,
         480,
         26 * kHour},
    };
    const Role &r = roles[role];
    GeneratedUser user;
    user.segment = Segment::Principal;
    user.profile = r.profile;
    setLocale(user, LocaleCatalog::home());
    PersonName name;
    name.first = QString::fromUtf16(r.first);
    name.last = QString::fromUtf16(r.last);
    setName(user, name, {});
    requestAccount(QString::fromUtf16(r.local), m_context.emailDomain);
    user.alias = QString::fromUtf16(r.local).left(8);
    user.department = QString::fromUtf16(r.department);
    user.departmentIndex = OrgChart::departmentIndex(user.department);
    user.title = QString::fromUtf16(r.title);
    user.federationId = u"E%1"_s.arg(++m_employeeNumber, 6, 10, QLatin1Char('0'));
    user.companyName = m_context.orgName;
    user.created =
        r.createdDaysAgo == 0 ? m_context.orgCreated : m_context.anchor - r.createdDaysAgo * kDay;
    user.lastLogin = m_context.anchor - r.lastLoginAgo;
    user.loginHabit = 90;
    if (role == 1) {
        user.permissionSets.append(PermissionSet::SalesOperations);
    }
    setDevices(user);
    return user;
}

// The profile every user of a segment starts with; employees get theirs from
// EmployeeAccess once their department and level are known.
Profile segmentProfile(Segment segment)
{
    switch (segment) {
    case Segment::PlatformUser:
        return Profile::StandardPlatformUser;
    case Segment::ChatterUser:
        return Profile::ChatterFreeUser;
    case Segment::IdentityUser:
        return Profile::IdentityUser;
    case Segment::CustomerLogin:
        return Profile::CustomerCommunityLoginUser;
    case Segment::CustomerMember:
        return Profile::CustomerCommunityUser;
    case Segment::Partner:
        return Profile::PartnerCommunityUser;
    default:
        return Profile::StandardUser;
    }
}

void Planner::nameExternal(GeneratedUser &user, NamePool::Culture culture)
{
    static const QStringList customerTitles = {
        u"IT Manager"_s, u"Buyer"_s, u"Office Manager"_s, QString()};
    static const QStringList partnerTitles = {
        u"Channel Account Manager"_s, u"Partner Sales Representative"_s, u"Pre-Sales Engineer"_s};
    const bool partner = user.segment == Segment::Partner;
    const Company &company = partner ? m_random.pick(partners()) : m_random.pick(customers());
    user.companyName = company.name;
    setName(user, NamePool::person(m_random, culture), company.domain);
    user.title = partner ? m_random.pick(partnerTitles) : m_random.pick(customerTitles);
}

void Planner::nameInternal(GeneratedUser &user, NamePool::Culture culture)
{
    user.companyName = m_context.orgName;
    setName(user, NamePool::person(m_random, culture), m_context.emailDomain);
    user.departmentIndex = OrgChart::pickDepartment(m_random, user.segment);
    user.department = OrgChart::department(user.departmentIndex).name;
    if (m_random.chance(0.75)) {
        user.federationId = u"E%1"_s.arg(++m_employeeNumber, 6, 10, QLatin1Char('0'));
    }
}

GeneratedUser Planner::person(Segment segment, int ordinal)
{
    GeneratedUser user;
    user.segment = segment;
    user.profile = segmentProfile(segment);
    setLocale(user, LocaleCatalog::pick(m_random));
    const NamePool::Culture culture = m_random.chance(0.7) ? LocaleCatalog::at(user.locale).culture
                                                           : NamePool::anyCulture(m_random);
    if (user.isInternal()) {
        nameInternal(user, culture);
    } else {
        nameExternal(user, culture);
    }
    const QList<int> &weights = !user.isInternal()                 ? kExternalBands
                                : segment == Segment::ChatterUser  ? kChatterBands
                                : segment == Segment::IdentityUser ? kIdentityBands
                                                                   : kEmployeeBands;
    int lastBand = band(weights);
    bool newHire = m_random.chance(0.025);
    if (newHire) {
        lastBand = m_random.chance(0.35) ? kNever : 0;
    }
    setApiHabit(user, lastBand);
    if (segment == Segment::Employee && ordinal < kBandCount + 3) {
        // The first employees cover every band, a new hire who logged in and one who has
        // not, so that even a small org shows every case.
        lastBand = ordinal <= kBandCount ? ordinal - 1 : (ordinal == kBandCount + 1 ? 0 : kNever);
        newHire = ordinal > kBandCount;
    }
    setDates(user, lastBand, newHire);
    user.loginHabit = kHabits.at(m_random.weighted(kHabitWeights));
    user.marketingUser = user.department == u"Marketing"_s && m_random.chance(0.8);
    user.supportUser = user.department == u"Support"_s && m_random.chance(0.7);
    user.knowledgeUser = user.department == u"Support"_s && m_random.chance(0.4);
    setLifecycle(user);
    setDevices(user);
    return user;
}

void Planner::nameService(GeneratedUser &user, int ordinal)
{
    const ConnectedAppCatalog::App &app = ConnectedAppCatalog::at(user.app);
    const int round = ordinal / ConnectedAppCatalog::integrationCount();
    const QString key = round == 0 ? app.systemKey : app.systemKey + QString::number(round + 1);
    // Naming styles seen in real orgs; only some match the default service patterns.
    QString local;
    QString last = u"Integration"_s;
    switch (ordinal % 5) {
    case 0:
        local = ordinal == 0 ? u"integration"_s : u"integration."_s + key;
        break;
    case 1:
        local = u"api-"_s + key;
        last = u"API User"_s;
        break;
    case 2:
        local = u"svc-"_s + key;
        last = u"Service Account"_s;
        break;
    case 3:
        local = key + u".integration"_s;
        break;
    default:
        local = key + u".sync"_s;
        last = u"Sync"_s;
        break;
    }
    PersonName name;
    name.first = ordinal == 0 ? u"Integration"_s : app.systemLabel;
    name.last = ordinal == 0 ? u"User"_s : last;
    setName(user, name, {});
    // Some notify a shared IT mailbox instead of an address of their own.
    requestAccount(local,
                   m_context.emailDomain,
                   ordinal % 5 >= 3 ? u"it-integrations@"_s + m_context.emailDomain : QString());
    const bool prefixed = local.startsWith(u"api-"_s) || local.startsWith(u"svc-"_s);
    user.alias = ordinal == 0 ? u"intuser"_s
                 : prefixed   ? local.left(3) + key.left(5)
                              : key.left(5) + u"int"_s;
}

GeneratedUser Planner::service(int ordinal)
{
    GeneratedUser user;
    user.segment = Segment::Service;
    setLocale(user, LocaleCatalog::home());
    user.app = ConnectedAppCatalog::integration(ordinal);
    nameService(user, ordinal);
    user.department = u"IT"_s;
    user.departmentIndex = OrgChart::departmentIndex(user.department);
    user.title = u"Integration User"_s;
    user.companyName = m_context.orgName;

    // Where the seat comes from: the integration license, a legacy API-only profile on a
    // full license, or a full license made API-only by a permission set. The first one is
    // the classic integration@ admin everybody signs in as now and then.
    const bool apiOnly = ordinal != 0;
    if (!apiOnly) {
        user.profile = Profile::SystemAdministrator;
    } else if (ordinal % 4 == 1) {
        user.profile = Profile::StandardUser;
        user.permissionSets.append(PermissionSet::ApiOnlyIntegration);
    } else if (ordinal % 4 == 3) {
        user.profile = Profile::LegacyApiOnly;
    } else {
        user.profile = Profile::ApiOnlyIntegrations;
    }
    // Every sixth integration is dormant; some still log in with a password over SOAP.
    const bool passwordOnly = ConnectedAppCatalog::at(user.app).loginSubType.isEmpty();
    user.api = ordinal % 6 == 5                     ? ApiHabit::DormantIntegration
               : (ordinal % 6 == 3 || passwordOnly) ? ApiHabit::LegacySoap
                                                    : ApiHabit::Integration;
    user.created = m_context.anchor - m_random.between(300, std::max(301, m_ageDays)) * kDay
                   - m_random.between(0, kDay);
    if (!apiOnly) {
        user.lastLogin = loginOnDay(user, m_random.intBetween(5, 40));
    } else if (m_random.chance(0.4)) {
        // Someone signed in as it once, before it was made API-only.
        const int maxDays = static_cast<int>((m_context.anchor - user.created) / kDay) - 1;
        if (maxDays > 200) {
            user.lastLogin = loginOnDay(user, m_random.intBetween(200, std::min(maxDays, 400)));
        }
    }
    if (ordinal % 13 == 7) {
        // A decommissioned integration, switched off properly.
        user.active = false;
        user.api = ApiHabit::DormantIntegration;
        user.deactivated =
            std::max(m_context.anchor - m_random.between(20, 150) * kDay, user.lastSeen() + kDay);
    }
    setDevices(user);
    return user;
}

void Planner::setName(GeneratedUser &user, const PersonName &name, const QString &domain)
{
    user.firstName = name.first;
    user.lastName = name.last;
    user.name = name.fullName();
    if (domain.isEmpty()) {
        return;
    }
    QString first = name.asciiFirst.isEmpty() ? u"user"_s : name.asciiFirst;
    QString last = name.asciiLast.isEmpty() ? u"x"_s : name.asciiLast;
    requestAccount(first + u'.' + last, domain);
    user.alias = QString(first.left(1) + last).left(8);
}

QString Planner::uniqueLocalPart(const QString &wanted)
{
    // Common names repeat thousands of times in a large org: continue from the last suffix
    // handed out for this name instead of probing from 2 every time.
    const QString base = wanted.left(36);
    QString local = base;
    int &next = m_nextSuffix[base];
    if (next > 0 || m_localParts.contains(local)) {
        for (int n = std::max(next, 2);; ++n) {
            local = base + QString::number(n);
            if (!m_localParts.contains(local)) {
                next = n + 1;
                break;
            }
        }
    }
    m_localParts.insert(local);
    return local;
}

void Planner::requestAccount(const QString &wanted, const QString &domain, const QString &mailbox)
{
    m_accounts.append({wanted, domain, mailbox});
}

void Planner::assignAccounts(QList<GeneratedUser> &users, const QList<int> &creationOrder)
{
    // The first John Smith keeps john.smith@; later ones get john.smith2@, as admins do it.
    // A sandbox appends its name to usernames and masks email addresses.
    const QString usernameSuffix = m_context.sandbox ? u".uat"_s : QString();
    const QString emailSuffix = m_context.sandbox ? u".invalid"_s : QString();
    for (int index : creationOrder) {
        GeneratedUser &user = users[index];
        const PendingAccount &account = m_accounts.at(index);
        const QString local = uniqueLocalPart(account.wanted);
        user.username = local + u'@' + account.domain + usernameSuffix;
        user.email = (account.mailbox.isEmpty() ? local + u'@' + account.domain : account.mailbox)
                     + emailSuffix;
        user.nickname = local;
    }
}

void Planner::setLocale(GeneratedUser &user, int locale)
{
    user.locale = locale;
    const LocaleCatalog::Locale &info = LocaleCatalog::at(locale);
    user.division = info.division;
    user.emailEncoding = m_random.chance(0.15) ? info.altEncoding : u"UTF-8"_s;
}

qint64 Planner::loginOnDay(const GeneratedUser &user, int daysAgo)
{
    const qint64 offset = LocaleCatalog::at(user.locale).utcOffsetMinutes * kMinute;
    const qint64 localToday = TimestampText::epochDay(m_context.anchor + offset);
    const qint64 localTime = m_random.between(7 * kHour + 30 * kMinute, 19 * kHour);
    qint64 at = (localToday - daysAgo) * kDay + localTime - offset;
    if (at > m_context.anchor - kMinute) {
        at = m_context.anchor - m_random.between(kMinute, 3 * kHour);
    }
    return at;
}

void Planner::setDates(GeneratedUser &user, int lastBand, bool newHire)
{
    if (newHire) {
        const int createdDaysAgo = m_random.intBetween(1, 29);
        user.created = m_context.anchor - createdDaysAgo * kDay - m_random.between(0, 8 * kHour);
        if (lastBand != kNever) {
            user.lastLogin = loginOnDay(user, m_random.intBetween(0, createdDaysAgo - 1));
        }
    } else {
        const int daysAgo = lastBand == kNever
                                ? kNever
                                : m_random.intBetween(kBandFirst[lastBand], kBandLast[lastBand]);
        const int low = std::max(daysAgo + 1, 31);
        const int span = std::max(1, m_ageDays - low);
        // The smaller of two draws: more recent hires than old ones, as in a growing company.
        const int createdDaysAgo =
            low + static_cast<int>(std::min(m_random.below(span), m_random.below(span)));
        user.created = m_context.anchor - createdDaysAgo * kDay - m_random.between(0, 12 * kHour);
        if (daysAgo != kNever) {
            user.lastLogin = loginOnDay(user, daysAgo);
        }
    }
    if (user.lastLogin >= 0 && user.created >= user.lastLogin) {
        user.created = user.lastLogin - m_random.between(kHour, 3 * kDay);
    }
    user.created = std::max(user.created, m_context.orgCreated + kDay);
}

void Planner::setLifecycle(GeneratedUser &user)
{
    const qint64 seen = user.lastSeen();
    const qint64 idleDays = (m_context.anchor - seen) / kDay;
    const double deactivation = idleDays > 180  ? 0.30
                                : idleDays > 90 ? 0.15
                                : idleDays > 30 ? 0.05
                                                : 0.01;
    if (seen + kDay < m_context.anchor - kHour && m_random.chance(deactivation)) {
        user.active = false;
        user.deactivated = m_random.between(seen + kDay, m_context.anchor - kHour);
        return;
    }
    if (seen + 2 * kHour < m_context.anchor && m_random.chance(idleDays > 90 ? 0.10 : 0.003)) {
        user.frozen = true;
        user.frozenAt = m_random.between(seen + kHour, m_context.anchor - kHour);
    }
    if (m_random.chance(0.005)) {
        user.passwordLocked = true;
        user.failedLogins = m_random.intBetween(3, 5);
    } else if (m_random.chance(0.04)) {
        user.failedLogins = m_random.intBetween(1, 3);
    }
}

void Planner::setDevices(GeneratedUser &user)
{
    user.browser = static_cast<quint8>(m_random.weighted(kBrowserWeights));
    user.platform = static_cast<quint8>(m_random.weighted(kPlatformWeights));
    user.officeIp =
        u"203.0.113.%1"_s.arg(1 + (user.locale * 11 + m_random.intBetween(0, 10)) % 254);
    user.homeIp = (m_random.chance(0.5) ? u"198.51.100.%1"_s : u"192.0.2.%1"_s)
                      .arg(m_random.intBetween(1, 254));
}

void Planner::setApiHabit(GeneratedUser &user, int &lastBand)
{
    const QString &department = user.department;
    if (user.segment == Segment::Employee) {
        const bool dataPeople = department == u"Sales Operations"_s || department == u"Finance"_s
                                || department == u"Marketing"_s || department == u"IT"_s;
        if (dataPeople && m_random.chance(0.08)) {
            user.api = ApiHabit::DataLoader;
            user.app = ConnectedAppCatalog::DataLoader;
            if (m_random.chance(0.5)) {
                // Works in Data Loader, hardly ever in the browser.
                lastBand = m_random.intBetween(3, 6);
            }
        } else if ((department == u"Engineering"_s || department == u"IT"_s)
                   && m_random.chance(0.12)) {
            user.api = ApiHabit::Cli;
            user.app = ConnectedAppCatalog::SalesforceCli;
        } else if ((department == u"IT"_s || department == u"Sales Operations"_s)
                   && m_random.chance(0.15)) {
            user.api = ApiHabit::Inspector;
            user.app = ConnectedAppCatalog::Inspector;
        }
    }
    const bool field = department == u"Sales"_s || department == u"Customer Success"_s
                       || department == u"Support"_s;
    if (user.api == ApiHabit::None && user.isInternal() && m_random.chance(field ? 0.2 : 0.04)) {
        user.api = ApiHabit::Mobile;
        user.app = m_random.chance(0.6) ? ConnectedAppCatalog::MobileIos
                                        : ConnectedAppCatalog::MobileAndroid;
    }
}

QList<int> Planner::assignIds(QList<GeneratedUser> &users)
{
    QList<int> order(users.size());
    for (int i = 0; i < users.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&users](int a, int b) {
        const qint64 ca = users.at(a).created;
        const qint64 cb = users.at(b).created;
        return ca != cb ? ca < cb : a < b;
    });
    IdSequence ids(u"005");
    for (int index : std::as_const(order)) {
        users[index].id = ids.next();
    }
    return order;
}

} // namespace

QList<GeneratedUser> UserPopulation::build(const GenerationContext &context, int count)
{
    return Planner(context).build(count);
}

} // namespace lr::demo
