#include "core/demo/generator/namepool.h"

#include "core/demo/generator/randomsource.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

struct Name
{
    QString display;
    QString ascii;
};

struct CulturePool
{
    QList<Name> first;
    QList<Name> last;
    bool familyFirst = false;
};

// The ASCII letters of a name: accents dropped, everything but a-z removed.
QString foldAscii(const QString &name)
{
    QString folded;
    folded.reserve(name.size());
    const QString decomposed = name.normalized(QString::NormalizationForm_D);
    for (QChar c : decomposed) {
        const QChar lower = c.toLower();
        if (lower >= u'a' && lower <= u'z') {
            folded += lower;
        } else if (lower == u'ø') {
            folded += u'o';
        } else if (lower == u'ł') {
            folded += u'l';
        }
    }
    return folded;
}

// Entries are "Display" or "Display|ascii"; without an explicit ASCII form the display
// name is lower-cased and stripped to its letters ("O'Brien" -> "obrien").
QList<Name> parse(std::initializer_list<const char16_t *> entries)
{
    QList<Name> names;
    names.reserve(static_cast<qsizetype>(entries.size()));
    for (const char16_t *entry : entries) {
        const QString text = QString::fromUtf16(entry);
        const qsizetype bar = text.indexOf(u'|');
        Name name;
        name.display = bar < 0 ? text : text.left(bar);
        name.ascii = foldAscii(bar < 0 ? text : text.mid(bar + 1));
        names.append(name);
    }
    return names;
}

using Pools = std::array<CulturePool, static_cast<size_t>(NamePool::Culture::Count)>;

Pools buildPools()
{
    Pools pools;
    using C = NamePool::Culture;
    auto at = [&pools](C culture) -> CulturePool & { return pools[static_cast<size_t>(culture)]; };
    at(C::English).first = parse(
        {u"James",  u"Mary",    u"Robert",    u"Patricia", u"John",        u"Jennifer", u"Michael",
         u"Linda",  u"David",   u"Elizabeth", u"William",  u"Barbara",     u"Richard",  u"Susan",
         u"Joseph", u"Jessica", u"Thomas",    u"Sarah",    u"Christopher", u"Karen",    u"Daniel",
         u"Emily",  u"Matthew", u"Ashley",    u"Anthony",  u"Megan",       u"Andrew",   u"Olivia",
         u"Joshua", u"Hannah",  u"Ryan",      u"Chloe",    u"Brandon",     u"Grace",    u"Tyler",
         u"Zoë",    u"Nathan",  u"Lauren",    u"Kevin",    u"Mary-Kate"});
    at(C::English).last = parse(
        {u"Smith",  u"Johnson",  u"Williams", u"Brown",  u"Jones",    u"Miller",   u"Davis",
         u"Wilson", u"Anderson", u"Taylor",   u"Thomas", u"Moore",    u"Jackson",  u"Martin",
         u"Lee",    u"Thompson", u"White",    u"Harris", u"Clark",    u"Lewis",    u"Robinson",
         u"Walker", u"Young",    u"Allen",    u"King",   u"Wright",   u"Scott",    u"Green",
         u"Baker",  u"Adams",    u"Nelson",   u"Hill",   u"Campbell", u"Mitchell", u"Roberts",
         u"Carter", u"Phillips", u"Evans",    u"Turner", u"Parker"});
    at(C::IrishItalian).first = parse({u"Siobhán",
                                       u"Liam",
                                       u"Aoife",
                                       u"Seán",
                                       u"Niamh",
                                       u"Ciarán",
                                       u"Giulia",
                                       u"Marco",
                                       u"Francesca",
                                       u"Luca",
                                       u"Chiara",
                                       u"Matteo",
                                       u"Róisín",
                                       u"Declan"});
    at(C::IrishItalian).last = parse({u"O'Brien",
                                      u"O'Connor",
                                      u"O'Neill",
                                      u"O'Sullivan",
                                      u"D'Arcy",
                                      u"D'Angelo",
                                      u"McCarthy",
                                      u"Murphy",
                                      u"Kelly",
                                      u"Rossi",
                                      u"Bianchi",
                                      u"Esposito",
                                      u"Romano",
                                      u"De Luca",
                                      u"Ricci",
                                      u"Ó Súilleabháin"});
    at(C::Hispanic).first = parse({u"José",
                                   u"María",
                                   u"Juan",
                                   u"Carmen",
                                   u"Luis",
                                   u"Sofía",
                                   u"Carlos",
                                   u"Lucía",
                                   u"Javier",
                                   u"Valentina",
                                   u"Diego",
                                   u"Camila",
                                   u"Miguel",
                                   u"Isabel",
                                   u"Alejandro",
                                   u"Daniela",
                                   u"María José",
                                   u"Íñigo"});
    at(C::Hispanic).last = parse({u"García",
                                  u"Martínez",
                                  u"Rodríguez",
                                  u"López",
                                  u"Hernández",
                                  u"González",
                                  u"Pérez",
                                  u"Sánchez",
                                  u"Ramírez",
                                  u"Torres",
                                  u"Flores",
                                  u"Rivera",
                                  u"Gómez",
                                  u"Díaz",
                                  u"Núñez",
                                  u"Ortiz",
                                  u"Castillo",
                                  u"García-Morales"});
    at(C::GermanicSlavic).first = parse({u"Lukas",
                                         u"Anna",
                                         u"Jonas",
                                         u"Lena",
                                         u"Maximilian",
                                         u"Sophie",
                                         u"Felix",
                                         u"Marie",
                                         u"Björn",
                                         u"Ingrid",
                                         u"Søren",
                                         u"Astrid",
                                         u"Łukasz",
                                         u"Zofia",
                                         u"Jürgen|juergen",
                                         u"Käthe|kaethe",
                                         u"Matthias",
                                         u"Johanna",
                                         u"Agnieszka"});
    at(C::GermanicSlavic).last =
        parse({u"Müller|mueller", u"Schmidt",
               u"Schneider",      u"Fischer",
               u"Weber",          u"Meyer",
               u"Wagner",         u"Becker",
               u"Schulz",         u"Hoffmann",
               u"Koch",           u"Richter",
               u"Lindqvist",      u"Johansson",
               u"Nielsen",        u"Kowalski",
               u"Nowak",          u"Wiśniewska",
               u"Østergaard",     u"Müller-Lüdenscheidt|muellerluedenscheidt"});
    at(C::FrenchDutch).first = parse({u"Camille",
                                      u"Louis",
                                      u"Léa",
                                      u"Hugo",
                                      u"Chloé",
                                      u"Théo",
                                      u"Manon",
                                      u"Gabriel",
                                      u"Inès",
                                      u"Jules",
                                      u"Sanne",
                                      u"Daan",
                                      u"Emma",
                                      u"Bram",
                                      u"Fleur",
                                      u"Joost",
                                      u"Jean-Baptiste",
                                      u"Anaïs"});
    at(C::FrenchDutch).last = parse({u"Martin",
                                     u"Bernard",
                                     u"Dubois",
                                     u"Thomas",
                                     u"Robert",
                                     u"Richard",
                                     u"Petit",
                                     u"Durand",
                                     u"Leroy",
                                     u"Moreau",
                                     u"Lefèvre",
                                     u"Fournier",
                                     u"de Vries",
                                     u"van den Berg",
                                     u"Jansen",
                                     u"Bakker",
                                     u"Visser",
                                     u"van Dijk"});
    at(C::Portuguese).first = parse({u"João",
                                     u"Ana",
                                     u"Pedro",
                                     u"Beatriz",
                                     u"Gabriel",
                                     u"Mariana",
                                     u"Rafael",
                                     u"Larissa",
                                     u"Thiago",
                                     u"Fernanda",
                                     u"Lucas",
                                     u"Juliana",
                                     u"Conceição"});
    at(C::Portuguese).last = parse({u"Silva",
                                    u"Santos",
                                    u"Oliveira",
                                    u"Souza",
                                    u"Pereira",
                                    u"Lima",
                                    u"Carvalho",
                                    u"Ferreira",
                                    u"Rodrigues",
                                    u"Almeida",
                                    u"Costa",
                                    u"Gonçalves",
                                    u"Araújo"});
    at(C::Japanese).familyFirst = true;
    at(C::Japanese).first = parse({u"太郎|taro",
                                   u"花子|hanako",
                                   u"翔太|shota",
                                   u"美咲|misaki",
                                   u"健太|kenta",
                                   u"陽菜|hina",
                                   u"大輔|daisuke",
                                   u"結衣|yui",
                                   u"拓也|takuya",
                                   u"さくら|sakura",
                                   u"蓮|ren",
                                   u"葵|aoi"});
    at(C::Japanese).last = parse({u"佐藤|sato",
                                  u"鈴木|suzuki",
                                  u"高橋|takahashi",
                                  u"田中|tanaka",
                                  u"伊藤|ito",
                                  u"渡辺|watanabe",
                                  u"山本|yamamoto",
                                  u"中村|nakamura",
                                  u"小林|kobayashi",
                                  u"加藤|kato",
                                  u"吉田|yoshida",
                                  u"山田|yamada"});
    at(C::Chinese).familyFirst = true;
    at(C::Chinese).first = parse({u"伟|wei",
                                  u"芳|fang",
                                  u"娜|na",
                                  u"静|jing",
                                  u"磊|lei",
                                  u"洋|yang",
                                  u"婷|ting",
                                  u"杰|jie",
                                  u"秀英|xiuying",
                                  u"建华|jianhua",
                                  u"晓明|xiaoming",
                                  u"丽|li"});
    at(C::Chinese).last = parse({u"王|wang",
                                 u"李|li",
                                 u"张|zhang",
                                 u"刘|liu",
                                 u"陈|chen",
                                 u"杨|yang",
                                 u"黄|huang",
                                 u"赵|zhao",
                                 u"吴|wu",
                                 u"周|zhou",
                                 u"徐|xu",
                                 u"孙|sun"});
    at(C::Korean).familyFirst = true;
    at(C::Korean).first = parse({u"민준|minjun",
                                 u"서연|seoyeon",
                                 u"지훈|jihoon",
                                 u"수빈|subin",
                                 u"현우|hyunwoo",
                                 u"지민|jimin",
                                 u"예준|yejun",
                                 u"하은|haeun"});
    at(C::Korean).last = parse({u"김|kim",
                                u"이|lee",
                                u"박|park",
                                u"최|choi",
                                u"정|jung",
                                u"강|kang",
                                u"조|cho",
                                u"윤|yoon"});
    at(C::Indian).first = parse({u"Aarav",
                                 u"Priya",
                                 u"Rohan",
                                 u"Ananya",
                                 u"Vikram",
                                 u"Sneha",
                                 u"Arjun",
                                 u"Kavya",
                                 u"Rahul",
                                 u"Divya",
                                 u"Aditya",
                                 u"Pooja",
                                 u"Sanjay",
                                 u"Meera",
                                 u"Karthik",
                                 u"Lakshmi"});
    at(C::Indian).last = parse({u"Sharma",
                                u"Patel",
                                u"Iyer",
                                u"Reddy",
                                u"Nair",
                                u"Gupta",
                                u"Singh",
                                u"Kumar",
                                u"Menon",
                                u"Rao",
                                u"Joshi",
                                u"Mehta",
                                u"Krishnan",
                                u"Banerjee",
                                u"Chatterjee",
                                u"Desai"});
    at(C::Russian).first = parse({u"Дмитрий|dmitry",
                                  u"Анна|anna",
                                  u"Алексей|alexey",
                                  u"Мария|maria",
                                  u"Сергей|sergey",
                                  u"Екатерина|ekaterina",
                                  u"Иван|ivan",
                                  u"Ольга|olga",
                                  u"Никита|nikita",
                                  u"Татьяна|tatiana"});
    at(C::Russian).last = parse({u"Иванов|ivanov",
                                 u"Смирнов|smirnov",
                                 u"Кузнецов|kuznetsov",
                                 u"Попов|popov",
                                 u"Соколов|sokolov",
                                 u"Лебедев|lebedev",
                                 u"Козлов|kozlov",
                                 u"Новиков|novikov",
                                 u"Морозов|morozov",
                                 u"Волков|volkov"});
    at(C::Greek).first = parse({u"Σοφία|sofia",
                                u"Γιώργος|giorgos",
                                u"Ελένη|eleni",
                                u"Νίκος|nikos",
                                u"Μαρία|maria",
                                u"Δημήτρης|dimitris"});
    at(C::Greek).last = parse({u"Παπαδόπουλος|papadopoulos",
                               u"Νικολάου|nikolaou",
                               u"Γεωργίου|georgiou",
                               u"Οικονόμου|oikonomou",
                               u"Παπαδάκης|papadakis",
                               u"Βασιλείου|vasileiou"});
    at(C::Arabic).first =
        parse({u"Omar", u"Fatima", u"Ahmed", u"Layla", u"Youssef", u"Nour", u"Karim", u"Amira"});
    at(C::Arabic).last = parse({u"Haddad",
                                u"Khalil",
                                u"Nasser",
                                u"Mansour",
                                u"Saleh",
                                u"Farouk",
                                u"El-Amin",
                                u"Al-Sayed"});
    return pools;
}

const Pools &pools()
{
    static const Pools instance = buildPools();
    return instance;
}

} // namespace

QString PersonName::fullName() const
{
    return familyNameFirst ? last + u' ' + first : first + u' ' + last;
}

PersonName NamePool::person(RandomSource &random, Culture culture)
{
    const CulturePool &pool = pools()[static_cast<size_t>(culture)];
    const Name &first = random.pick(pool.first);
    const Name &last = random.pick(pool.last);
    PersonName person;
    person.first = first.display;
    person.last = last.display;
    person.asciiFirst = first.ascii;
    person.asciiLast = last.ascii;
    person.familyNameFirst = pool.familyFirst;
    if (culture == Culture::English && random.chance(0.012)) {
        static const QList<QString> suffixes = {u", Jr."_s, u", Sr."_s, u", III"_s};
        person.last += random.pick(suffixes);
    }
    return person;
}

NamePool::Culture NamePool::anyCulture(RandomSource &random)
{
    static const QList<int> weights = {38, 6, 12, 8, 6, 5, 4, 4, 2, 9, 2, 1, 3};
    return static_cast<Culture>(random.weighted(weights));
}

NamePool::Culture NamePool::latinCulture(RandomSource &random)
{
    static const QList<Culture> latin = {Culture::English,
                                         Culture::English,
                                         Culture::English,
                                         Culture::IrishItalian,
                                         Culture::Hispanic,
                                         Culture::GermanicSlavic,
                                         Culture::FrenchDutch,
                                         Culture::Portuguese,
                                         Culture::Indian};
    return random.pick(latin);
}

} // namespace lr::demo
