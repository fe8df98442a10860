#include "core/demo/generator/loginactivity.h"

#include "core/demo/generator/connectedappcatalog.h"
#include "core/demo/generator/generationcontext.h"
#include "core/demo/generator/idsequence.h"
#include "core/demo/generator/localecatalog.h"
#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using ApiHabit = GeneratedUser::ApiHabit;
constexpr qint64 kDay = TimestampText::kDay;
constexpr qint64 kHour = TimestampText::kHour;
constexpr qint64 kMinute = TimestampText::kMinute;

enum class Kind : quint8 {
    Interactive,
    FailedPassword,
    Lockout,
    RemoteAccess, // OAuth: 'Remote Access 2.0'
    Soap,         // password login of a SOAP client: 'Other Apex API'
};

enum Variant : quint8 {
    Office = 0,
    Home = 1,
    Phone = 2,
};

// One login, compact: a 100,000-user org has over a million of them, sorted by time
// before they are written.
struct Event
{
    qint64 time;
    quint32 user;
    quint32 sequence; // makes the order total, so sorting is the same everywhere
    quint16 app;
    Kind kind;
    quint8 variant;
};

struct UserTokens
{
    qint64 firstUse = -1;
    qint64 lastUse = -1;
    qint64 uses = 0;
};

class EventPlanner
{
public:
    EventPlanner(const GenerationContext &context, const GeneratedUser &user, quint32 index)
        : m_context(context)
        , m_user(user)
        , m_index(index)
        , m_random(context.seed, RandomSource::Stream::Logins, index)
        , m_offset(LocaleCatalog::at(user.locale).utcOffsetMinutes * kMinute)
        , m_windowStart(context.anchor - LoginActivity::kWindowDays * kDay)
    { }

    void plan(QList<Event> &events, UserTokens &tokens);

private:
    void record(QList<Event> &events, qint64 time, Kind kind, quint8 variant = Office);
    void interactive(QList<Event> &events);
    void failures(QList<Event> &events);
    void api(QList<Event> &events, UserTokens &tokens);
    // Calls `each` with the start of every local day from `from` to `to` (UTC instants).
    template <typename F>
    void forEachDay(qint64 from, qint64 to, F each)
    {
        const qint64 first = TimestampText::epochDay(from + m_offset);
        const qint64 last = TimestampText::epochDay(to + m_offset);
        for (qint64 day = first; day <= last; ++day) {
            each(day * kDay - m_offset, TimestampText::dayOfWeek(day) <= 5);
        }
    }
    [[nodiscard]] qint64 activeUntil() const
    {
        qint64 end = m_context.anchor;
        if (m_user.deactivated >= 0) {
            end = std::min(end, m_user.deactivated);
        }
        if (m_user.frozenAt >= 0) {
            end = std::min(end, m_user.frozenAt);
        }
        return end;
    }

    const GenerationContext &m_context;
    const GeneratedUser &m_user;
    quint32 m_index;
    RandomSource m_random;
    qint64 m_offset;
    qint64 m_windowStart;
    quint32 m_sequence = 0;
};

void EventPlanner::plan(QList<Event> &events, UserTokens &tokens)
{
    interactive(events);
    failures(events);
    api(events, tokens);
}

void EventPlanner::record(QList<Event> &events, qint64 time, Kind kind, quint8 variant)
{
    const quint16 app = m_user.app < 0 ? 0 : static_cast<quint16>(m_user.app);
    events.append(Event{time, m_index, m_sequence++, app, kind, variant});
}

void EventPlanner::interactive(QList<Event> &events)
{
    const qint64 last = m_user.lastLogin;
    if (last < m_windowStart) {
        return;
    }
    record(events, last, Kind::Interactive);
    const qint64 from = std::max(m_windowStart, m_user.created);
    const double workday = m_user.loginHabit / 100.0;
    forEachDay(from, last - kDay, [&](qint64 dayStart, bool working) {
        if (!m_random.chance(working ? workday : workday / 8)) {
            return;
        }
        const qint64 at = dayStart + m_random.between(7 * kHour + 30 * kMinute, 19 * kHour);
        if (at > from && at < last) {
            const quint8 variant = m_random.chance(0.08)  ? Phone
                                   : m_random.chance(0.2) ? Home
                                                          : Office;
            record(events, at, Kind::Interactive, variant);
        }
    });
}

void EventPlanner::failures(QList<Event> &events)
{
    if (m_user.failedLogins == 0) {
        return;
    }
    const qint64 end = activeUntil() - kMinute;
    // A locked account failed after its last good login; others failed somewhere in between.
    const qint64 start = m_user.passwordLocked ? std::max(m_user.lastSeen(), m_windowStart)
                                               : std::max(m_user.created, m_windowStart);
    if (start + 10 * kMinute >= end) {
        return;
    }
    qint64 at = m_random.between(start, end - 10 * kMinute);
    for (int i = 0; i < m_user.failedLogins; ++i) {
        record(events, at, Kind::FailedPassword, m_random.chance(0.3) ? Home : Office);
        at += m_random.between(5 * 1000, 90 * 1000);
    }
    if (m_user.passwordLocked) {
        record(events, at, Kind::Lockout);
    }
}

void EventPlanner::api(QList<Event> &events, UserTokens &tokens)
{
    qint64 end = activeUntil();
    const qint64 start = std::max(m_windowStart, m_user.created + kHour);
    const auto use = [&](qint64 at, Kind kind, quint8 variant) {
        if (at <= start || at >= end) {
            return;
        }
        record(events, at, kind, variant);
        tokens.firstUse = tokens.firstUse < 0 ? at : std::min(tokens.firstUse, at);
        tokens.lastUse = std::max(tokens.lastUse, at);
        ++tokens.uses;
    };
    switch (m_user.api) {
    case ApiHabit::Integration:
    case ApiHabit::LegacySoap: {
        const Kind kind = m_user.api == ApiHabit::Integration ? Kind::RemoteAccess : Kind::Soap;
        const qint64 runAt = m_random.between(0, 23) * kHour;
        const bool twiceDaily = m_random.chance(0.3);
        forEachDay(start, end, [&](qint64 dayStart, bool) {
            if (m_random.chance(0.03)) {
                return; // the other system was down that day
            }
            const qint64 at = dayStart + runAt + m_random.between(0, 40 * kMinute);
            use(at, kind, Office);
            if (twiceDaily) {
                use(at + 12 * kHour, kind, Office);
            }
        });
        break;
    }
    case ApiHabit::DataLoader:
    case ApiHabit::Cli:
    case ApiHabit::Inspector:
    case ApiHabit::Mobile: {
        double chance = 0.2;
        if (m_user.api == ApiHabit::Cli) {
            chance = 0.15;
        } else if (m_user.api == ApiHabit::Inspector) {
            chance = 0.12;
            end = std::min(end, m_user.lastLogin + kHour);
        } else if (m_user.api == ApiHabit::Mobile) {
            chance = m_user.loginHabit / 200.0;
            end = m_user.lastLogin < 0 ? -1 : std::min(end, m_user.lastLogin + 14 * kDay);
        }
        if (end <= start) {
            break;
        }
        const quint8 variant = m_user.api == ApiHabit::Mobile ? Phone : Office;
        forEachDay(start, end, [&](qint64 dayStart, bool working) {
            if (m_random.chance(working ? chance : chance / 6)) {
                use(dayStart + m_random.between(7 * kHour, 21 * kHour),
                    Kind::RemoteAccess,
                    variant);
            }
        });
        break;
    }
    case ApiHabit::DormantIntegration:
    case ApiHabit::None:
        break;
    }
}

// LoginHistory has 14 columns, most of them from small sets. Each row binds only its Id,
// LoginTime, user and "login kind"; the rest comes from two lookup tables the generator
// fills first (one row per user, one per kind of login) and drops afterwards. CROSS JOIN
// keeps the VALUES list as the outer loop, so rows are inserted in the order given.
const QString kUserTable = u"lr_gen_login_user"_s;
const QString kKindTable = u"lr_gen_login_kind"_s;
const QStringList kUserColumns = {u"k"_s,
                                  u"UserId"_s,
                                  u"OfficeIp"_s,
                                  u"HomeIp"_s,
                                  u"Browser"_s,
                                  u"Platform"_s,
                                  u"CountryIso"_s,
                                  u"LoginUrl"_s};
const QStringList kKindColumns = {u"k"_s,
                                  u"LoginType"_s,
                                  u"LoginSubType"_s,
                                  u"Status"_s,
                                  u"Application"_s,
                                  u"ApiType"_s,
                                  u"ApiVersion"_s,
                                  u"IpSource"_s,
                                  u"FixedIp"_s,
                                  u"Browser"_s,
                                  u"Platform"_s,
                                  u"CountryIso"_s,
                                  u"LoginUrl"_s};
enum IpSource {
    OfficeIp = 0,
    HomeIp = 1,
    FixedIp = 2,
};

Result<void> exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        return Error::make(Error::Kind::Storage,
                           u"DEMO_ORG_STORAGE"_s,
                           u"The demo org generator cannot prepare its login history"_s,
                           query.lastError().text());
    }
    return {};
}

Result<void> createLookupTables(const QSqlDatabase &db)
{
    const auto create = [&db](const QString &table, const QStringList &columns) {
        QStringList definitions = {u"k INTEGER PRIMARY KEY"_s};
        for (qsizetype i = 1; i < columns.size(); ++i) {
            definitions.append(columns.at(i));
        }
        return exec(db, u"CREATE TEMP TABLE %1 (%2)"_s.arg(table, definitions.join(u", "_s)));
    };
    if (auto r = create(kUserTable, kUserColumns); !r) {
        return r;
    }
    return create(kKindTable, kKindColumns);
}

Result<void> dropLookupTables(const QSqlDatabase &db)
{
    if (auto r = exec(db, u"DROP TABLE IF EXISTS temp."_s + kUserTable); !r) {
        return r;
    }
    return exec(db, u"DROP TABLE IF EXISTS temp."_s + kKindTable);
}

Result<void> writeUserLookup(const GenerationContext &context, const QList<GeneratedUser> &users)
{
    static const QStringList browsers = {u"Chrome 131"_s,
                                         u"Edge 131"_s,
                                         u"Safari 18"_s,
                                         u"Firefox 133"_s,
                                         u"Chrome 130"_s,
                                         u"Chrome 129"_s};
    static const QStringList platforms = {
        u"Windows 10"_s, u"Windows 11"_s, u"Mac OSX"_s, u"Linux"_s};
    const QString siteHost =
        QString(context.loginHost).replace(u".my.salesforce.com"_s, u".my.site.com"_s);
    BatchInserter out = BatchInserter::createRaw(context.db, kUserTable, kUserColumns);
    for (qsizetype i = 0; i < users.size(); ++i) {
        const GeneratedUser &user = users.at(i);
        const QString &browser = browsers.at(user.browser % browsers.size());
        const bool safari = browser.startsWith(u"Safari"_s);
        out.add(static_cast<int>(i));
        out.add(user.id);
        out.add(user.officeIp);
        out.add(user.homeIp);
        out.add(browser);
        out.add(safari ? platforms.at(2) : platforms.at(user.platform % platforms.size()));
        out.add(LocaleCatalog::at(user.locale).countryIso);
        out.add(user.isInternal() ? context.loginHost : siteHost);
    }
    return out.finish();
}

// One kind of login: everything LoginHistory says about it besides who and when. NULL
// Browser, Platform, CountryIso and LoginUrl mean "the user's own".
void addKind(BatchInserter &out, int key, Kind kind, quint8 variant, int appIndex)
{
    const auto status = [kind] {
        switch (kind) {
        case Kind::FailedPassword:
            return u"Invalid Password"_s;
        case Kind::Lockout:
            return u"Password Lockout"_s;
        default:
            return u"Success"_s;
        }
    };
    const int ip = variant == Office ? OfficeIp : HomeIp;
    out.add(key);
    if (kind != Kind::RemoteAccess && kind != Kind::Soap) {
        out.add(u"Application"_s);
        out.addNull();
        out.add(status());
        out.add(u"Browser"_s);
        out.addNull();
        out.addNull();
        out.add(ip);
        out.addNull();
        out.add(variant == Phone ? QVariant(u"Mobile Safari 18"_s) : QVariant());
        out.add(variant == Phone ? QVariant(u"iPhone"_s) : QVariant());
        out.addNull();
        out.addNull();
        return;
    }
    const ConnectedAppCatalog::App &app = ConnectedAppCatalog::at(appIndex);
    // Integrations call from their vendor's cloud; people from where they work.
    const bool integration = appIndex >= ConnectedAppCatalog::PersonalCount;
    const bool soap = kind == Kind::Soap;
    out.add(soap ? u"Other Apex API"_s : u"Remote Access 2.0"_s);
    out.addText(soap ? QString() : app.loginSubType);
    out.add(status());
    out.add(app.name);
    out.add(soap && !app.apiType.startsWith(u"Soap"_s) ? u"Soap Partner"_s : app.apiType);
    out.add(app.apiVersion);
    out.add(integration ? int(FixedIp) : ip);
    out.add(integration ? QVariant(u"198.51.100.%1"_s.arg(200 + appIndex % 50)) : QVariant());
    out.add(u"Unknown"_s);
    out.add(variant != Phone                             ? u"Unknown"_s
            : appIndex == ConnectedAppCatalog::MobileIos ? u"iOS"_s
                                                         : u"Android"_s);
    out.add(integration ? QVariant(u"US"_s) : QVariant());
    out.addNull();
}

Result<qint64> writeHistory(const GenerationContext &context,
                            const QList<GeneratedUser> &users,
                            const QList<Event> &events)
{
    if (auto r = writeUserLookup(context, users); !r) {
        return r.error();
    }
    // The kinds in order of first use, so that their keys are the same on every run.
    QHash<quint32, int> kinds;
    BatchInserter kindsOut = BatchInserter::createRaw(context.db, kKindTable, kKindColumns);
    QList<int> eventKinds;
    eventKinds.reserve(events.size());
    for (const Event &event : events) {
        const quint32 key =
            (quint32(event.kind) << 24) | (quint32(event.variant) << 16) | event.app;
        auto it = kinds.constFind(key);
        if (it == kinds.cend()) {
            const int index = static_cast<int>(kinds.size());
            it = kinds.insert(key, index);
            addKind(kindsOut, index, event.kind, event.variant, event.app);
        }
        eventKinds.append(*it);
    }
    if (auto r = kindsOut.finish(); !r) {
        return r.error();
    }
    const QString select = uR"(SELECT v.column1, u.UserId, v.column2, k.LoginType, k.LoginSubType,
 k.Status, k.Application, k.ApiType, k.ApiVersion,
 CASE k.IpSource WHEN 0 THEN u.OfficeIp WHEN 1 THEN u.HomeIp ELSE k.FixedIp END,
 COALESCE(k.Browser, u.Browser), COALESCE(k.Platform, u.Platform),
 COALESCE(k.LoginUrl, u.LoginUrl), COALESCE(k.CountryIso, u.CountryIso)
 FROM %1 AS v CROSS JOIN )"_s
                           + kUserTable + u" AS u ON u.k = v.column3 CROSS JOIN "_s + kKindTable
                           + u" AS k ON k.k = v.column4"_s;
    auto out = BatchInserter::createSelect(context.db,
                                           *context.schema->object(u"LoginHistory"_s),
                                           {u"Id"_s,
                                            u"UserId"_s,
                                            u"LoginTime"_s,
                                            u"LoginType"_s,
                                            u"LoginSubType"_s,
                                            u"Status"_s,
                                            u"Application"_s,
                                            u"ApiType"_s,
                                            u"ApiVersion"_s,
                                            u"SourceIp"_s,
                                            u"Browser"_s,
                                            u"Platform"_s,
                                            u"LoginUrl"_s,
                                            u"CountryIso"_s},
                                           4,
                                           select);
    if (!out) {
        return out.error();
    }
    IdSequence ids(u"0Ya");
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Event &event = events.at(i);
        out->add(ids.next());
        out->add(TimestampText::dateTime(event.time));
        out->add(static_cast<int>(event.user));
        out->add(eventKinds.at(i));
    }
    if (auto r = out->finish(); !r) {
        return r.error();
    }
    return out->rowCount();
}

Result<void> writeTokens(const GenerationContext &context,
                         const QList<GeneratedUser> &users,
                         const QList<UserTokens> &tokens)
{
    auto out = context.inserter(
        u"OauthToken"_s,
        {u"Id"_s, u"AppName"_s, u"UserId"_s, u"LastUsedDate"_s, u"UseCount"_s, u"CreatedDate"_s});
    if (!out) {
        return out.error();
    }
    RandomSource random(context.seed, RandomSource::Stream::Logins, quint64(users.size()) + 1);
    IdSequence ids(u"0CQ");
    for (qsizetype i = 0; i < users.size(); ++i) {
        const GeneratedUser &user = users.at(i);
        // Password logins leave no token; deactivation revokes a user's tokens.
        if (user.app < 0 || user.api == ApiHabit::LegacySoap || !user.active) {
            continue;
        }
        UserTokens use = tokens.at(i);
        if (use.lastUse < 0) {
            // Granted once, silent ever since (dormant integrations, idle mobile users).
            const qint64 latest = context.anchor - 200 * kDay;
            if (user.created + kDay >= latest) {
                continue;
            }
            use.lastUse = random.between(user.created + kDay, latest);
            use.firstUse = use.lastUse;
        }
        // The grant came before the first use; uses between the grant and the login history
        // window count too, at most a few a day.
        const qint64 granted = random.between(user.created, use.firstUse);
        const qint64 daysBefore = (use.firstUse - granted) / kDay;
        use.uses += random.between(std::min<qint64>(daysBefore, 1), daysBefore * 2 + 1);
        out->add(ids.next());
        out->add(ConnectedAppCatalog::at(user.app).name);
        out->add(user.id);
        out->add(TimestampText::dateTime(use.lastUse));
        out->add(use.uses);
        out->add(TimestampText::dateTime(granted));
    }
    return out->finish();
}

} // namespace

Result<qint64> LoginActivity::write(const GenerationContext &context,
                                    const QList<GeneratedUser> &users)
{
    QList<Event> events;
    events.reserve(users.size() * 14);
    QList<UserTokens> tokens(users.size());
    for (qsizetype i = 0; i < users.size(); ++i) {
        EventPlanner(context, users.at(i), static_cast<quint32>(i)).plan(events, tokens[i]);
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.time != b.time) {
            return a.time < b.time;
        }
        return a.user != b.user ? a.user < b.user : a.sequence < b.sequence;
    });
    if (auto r = createLookupTables(context.db); !r) {
        return r.error();
    }
    auto written = writeHistory(context, users, events);
    if (auto r = dropLookupTables(context.db); !r && written) {
        return r.error();
    }
    if (!written) {
        return written;
    }
    if (auto r = writeTokens(context, users, tokens); !r) {
        return r.error();
    }
    return written;
}

} // namespace lr::demo
