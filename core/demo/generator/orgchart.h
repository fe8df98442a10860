#pragma once

#include "core/demo/generator/generateduser.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace lr::demo {

class RandomSource;

// The company behind the org: departments with their titles, and the reporting lines
// (User.ManagerId) and delegated approvers between the people in them.
class OrgChart
{
public:
    struct Department
    {
        QString name;
        QStringList titles; // individual contributors
        QString managerTitle;
        QString directorTitle;
        QString headTitle;
    };

    [[nodiscard]] static int departmentCount();
    [[nodiscard]] static const Department &department(int index);
    [[nodiscard]] static int departmentIndex(const QString &name);
    // A department for a new member of `segment`, weighted by headcount.
    [[nodiscard]] static int pickDepartment(RandomSource &random, GeneratedUser::Segment segment);

    // Promotes heads, directors and managers among the long-standing employees of each
    // department, gives everyone a title, a manager (some none) and some managers a
    // delegated approver. Service accounts may report to someone in IT.
    static void build(QList<GeneratedUser> &users, qint64 anchor, RandomSource &random);
};

} // namespace lr::demo
