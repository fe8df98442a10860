#include "core/demo/generator/orgchart.h"

#include "core/demo/generator/randomsource.h"
#include "core/demo/generator/timestamptext.h"

using namespace Qt::StringLiterals;

namespace lr::demo {

namespace {

using Segment = GeneratedUser::Segment;

const QList<OrgChart::Department> &departments()
{
    static const QList<OrgChart::Department> list = {
        {u"Executive"_s,
         {u"Chief of Staff"_s},
         u"Chief of Staff"_s,
         u"Chief of Staff"_s,
         u"Chief Executive Officer"_s},
        {u"Sales"_s,
         {u"Account Executive"_s,
          u"Senior Account Executive"_s,
          u"Sales Development Representative"_s,
          u"Solutions Engineer"_s,
          u"Inside Sales Representative"_s},
         u"Regional Sales Manager"_s,
         u"Director, Sales"_s,
         u"VP Sales"_s},
        {u"Customer Success"_s,
         {u"Customer Success Manager"_s, u"Onboarding Specialist"_s, u"Renewals Manager"_s},
         u"Customer Success Team Lead"_s,
         u"Director, Customer Success"_s,
         u"VP Customer Success"_s},
        {u"Support"_s,
         {u"Support Engineer"_s,
          u"Senior Support Engineer"_s,
          u"Customer Support Specialist"_s,
          u"Technical Account Manager"_s},
         u"Support Team Lead"_s,
         u"Director, Support"_s,
         u"VP Customer Support"_s},
        {u"Marketing"_s,
         {u"Marketing Manager"_s,
          u"Campaign Specialist"_s,
          u"Demand Generation Manager"_s,
          u"Product Marketing Manager"_s,
          u"Marketing Operations Analyst"_s},
         u"Marketing Team Lead"_s,
         u"Director, Marketing"_s,
         u"Chief Marketing Officer"_s},
        {u"Finance"_s,
         {u"Financial Analyst"_s, u"Accountant"_s, u"Billing Specialist"_s, u"Revenue Analyst"_s},
         u"Finance Manager"_s,
         u"Controller"_s,
         u"Chief Financial Officer"_s},
        {u"Engineering"_s,
         {u"Software Engineer"_s,
          u"Senior Software Engineer"_s,
          u"QA Engineer"_s,
          u"Product Manager"_s,
          u"Salesforce Developer"_s},
         u"Engineering Manager"_s,
         u"Director, Engineering"_s,
         u"Chief Technology Officer"_s},
        {u"Operations"_s,
         {u"Operations Analyst"_s,
          u"Logistics Coordinator"_s,
          u"Field Technician"_s,
          u"Operations Specialist"_s},
         u"Operations Manager"_s,
         u"Director, Operations"_s,
         u"Chief Operating Officer"_s},
        {u"Sales Operations"_s,
         {u"Sales Operations Analyst"_s,
          u"Deal Desk Analyst"_s,
          u"Revenue Operations Analyst"_s,
          u"Salesforce Business Analyst"_s},
         u"Sales Operations Manager"_s,
         u"Director, Revenue Operations"_s,
         u"VP Revenue Operations"_s},
        {u"HR"_s,
         {u"HR Business Partner"_s, u"Recruiter"_s, u"People Operations Specialist"_s},
         u"HR Manager"_s,
         u"Director, People"_s,
         u"Chief People Officer"_s},
        {u"Legal"_s,
         {u"Corporate Counsel"_s, u"Paralegal"_s, u"Contracts Manager"_s},
         u"Legal Manager"_s,
         u"Deputy General Counsel"_s,
         u"General Counsel"_s},
        {u"IT"_s,
         {u"Salesforce Administrator"_s,
          u"Systems Engineer"_s,
          u"IT Support Specialist"_s,
          u"Security Analyst"_s},
         u"IT Manager"_s,
         u"Director, IT"_s,
         u"Chief Information Officer"_s},
        {u"Professional Services"_s,
         {u"Implementation Consultant"_s, u"Project Manager"_s, u"Solution Architect"_s},
         u"Practice Manager"_s,
         u"Director, Professional Services"_s,
         u"VP Professional Services"_s},
        {u"Procurement"_s,
         {u"Buyer"_s, u"Procurement Specialist"_s},
         u"Procurement Manager"_s,
         u"Director, Procurement"_s,
         u"Chief Procurement Officer"_s},
    };
    return list;
}

// Headcount weights per department (same order as departments()), per kind of user.
const QList<int> kEmployeeWeights = {0, 26, 7, 15, 9, 6, 12, 7, 3, 4, 2, 5, 4, 1};
const QList<int> kPlatformWeights = {0, 0, 0, 0, 0, 15, 15, 30, 0, 15, 0, 10, 5, 10};
const QList<int> kChatterWeights = {0, 2, 2, 3, 3, 10, 30, 25, 0, 10, 5, 0, 10, 10};
const QList<int> kIdentityWeights = {0, 0, 0, 0, 0, 0, 30, 40, 0, 20, 0, 10, 0, 0};

int pickFrom(RandomSource &random, const QList<int> &people)
{
    return people.isEmpty() ? -1 : random.pick(people);
}

struct DepartmentStaff
{
    QList<int> members;
    QList<int> heads;
    QList<int> directors;
    QList<int> managers;
};

void promote(QList<GeneratedUser> &users,
             DepartmentStaff &staff,
             qint64 anchor,
             RandomSource &random)
{
    // Only long-standing employees on a full license lead others.
    QList<int> candidates;
    for (int index : std::as_const(staff.members)) {
        const GeneratedUser &user = users.at(index);
        if (user.segment == Segment::Employee
            && user.created < anchor - 180 * TimestampText::kDay) {
            candidates.append(index);
        }
    }
    random.shuffle(candidates);
    const qsizetype size = staff.members.size();
    const qsizetype heads = size >= 5 ? 1 : 0;
    const qsizetype directors = size >= 20 ? std::max<qsizetype>(1, size / 40) : 0;
    const qsizetype managers = size >= 6 ? std::max<qsizetype>(1, size / 9) : 0;
    qsizetype next = 0;
    const auto take = [&](qsizetype count, QList<int> &into, int level) {
        for (qsizetype i = 0; i < count && next < candidates.size(); ++i, ++next) {
            into.append(candidates.at(next));
            users[candidates.at(next)].level = level;
        }
    };
    take(heads, staff.heads, 3);
    take(directors, staff.directors, 2);
    take(managers, staff.managers, 1);
}

void assignTitle(GeneratedUser &user, RandomSource &random)
{
    if (user.segment == Segment::Principal || user.departmentIndex < 0) {
        return;
    }
    const OrgChart::Department &department = departments().at(user.departmentIndex);
    switch (user.level) {
    case 3:
        user.title = department.headTitle;
        break;
    case 2:
        user.title = department.directorTitle;
        break;
    case 1:
        user.title = department.managerTitle;
        break;
    default:
        user.title = random.pick(department.titles);
        break;
    }
}

void assignDelegates(QList<GeneratedUser> &users, const QList<int> &leaders, RandomSource &random)
{
    for (int index : leaders) {
        if (!random.chance(0.08) || leaders.size() < 2) {
            continue;
        }
        int delegate = users.at(index).manager;
        if (delegate < 0 || random.chance(0.5)) {
            delegate = random.pick(leaders);
        }
        if (delegate != index) {
            users[index].delegatedApprover = delegate;
        }
    }
}

} // namespace

int OrgChart::departmentCount()
{
    return static_cast<int>(departments().size());
}

const OrgChart::Department &OrgChart::department(int index)
{
    return departments().at(index);
}

int OrgChart::departmentIndex(const QString &name)
{
    for (int i = 0; i < departmentCount(); ++i) {
        if (departments().at(i).name == name) {
            return i;
        }
    }
    return -1;
}

int OrgChart::pickDepartment(RandomSource &random, GeneratedUser::Segment segment)
{
    switch (segment) {
    case Segment::PlatformUser:
        return random.weighted(kPlatformWeights);
    case Segment::ChatterUser:
        return random.weighted(kChatterWeights);
    case Segment::IdentityUser:
        return random.weighted(kIdentityWeights);
    default:
        return random.weighted(kEmployeeWeights);
    }
}

void OrgChart::build(QList<GeneratedUser> &users, qint64 anchor, RandomSource &random)
{
    QList<DepartmentStaff> staff(departmentCount());
    QList<int> employees;
    for (int i = 0; i < users.size(); ++i) {
        const GeneratedUser &user = users.at(i);
        if (user.departmentIndex >= 0 && !user.isService()) {
            staff[user.departmentIndex].members.append(i);
        }
        if (user.segment == Segment::Employee
            && user.created < anchor - 365 * TimestampText::kDay) {
            employees.append(i);
        }
    }
    int ceo = -1;
    if (!employees.isEmpty()) {
        ceo = random.pick(employees);
        GeneratedUser &chief = users[ceo];
        staff[chief.departmentIndex].members.removeOne(ceo);
        chief.departmentIndex = departmentIndex(u"Executive"_s);
        chief.department = departments().at(chief.departmentIndex).name;
        chief.level = 4;
        chief.title = departments().at(chief.departmentIndex).headTitle;
    }
    QList<int> leaders;
    for (DepartmentStaff &department : staff) {
        promote(users, department, anchor, random);
        for (int head : std::as_const(department.heads)) {
            users[head].manager = random.chance(0.9) ? ceo : -1;
        }
        const QList<int> &above = department.heads;
        for (int director : std::as_const(department.directors)) {
            users[director].manager = above.isEmpty() ? ceo : random.pick(above);
        }
        const QList<int> &upper =
            department.directors.isEmpty() ? department.heads : department.directors;
        for (int manager : std::as_const(department.managers)) {
            users[manager].manager = upper.isEmpty() ? ceo : random.pick(upper);
        }
        const QList<int> &leads = !department.managers.isEmpty() ? department.managers : upper;
        for (int member : std::as_const(department.members)) {
            GeneratedUser &user = users[member];
            if (user.level == 0) {
                // A few people have no manager on record, as in every real org.
                user.manager = random.chance(0.04) ? -1 : pickFrom(random, leads);
            }
            assignTitle(user, random);
        }
        leaders += department.managers;
        leaders += department.directors;
    }
    assignDelegates(users, leaders, random);

    const int it = departmentIndex(u"IT"_s);
    QList<int> itLeads = staff.at(it).managers + staff.at(it).directors;
    for (GeneratedUser &user : users) {
        if (user.isService() && random.chance(0.5)) {
            user.manager = pickFrom(random, itLeads);
        }
    }
}

} // namespace lr::demo
