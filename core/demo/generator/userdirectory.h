#pragma once

#include "core/demo/generator/generateduser.h"

#include <QList>

namespace lr::demo {

class RandomSource;

// The planned users sorted into the groups the rest of the org is built from: who is
// recently active, who has been idle for long, who is deactivated, the admins, the
// integration users, each department's staff. Lists hold user indexes in index order.
class UserDirectory
{
public:
    UserDirectory(const QList<GeneratedUser> &users, qint64 anchor);

    [[nodiscard]] const QList<GeneratedUser> &users() const { return *m_users; }
    [[nodiscard]] const GeneratedUser &at(int index) const { return m_users->at(index); }

    // Internal staff (no integration or community users) by state.
    [[nodiscard]] const QList<int> &recent() const { return m_recent; } // active, login <= 30 days
    [[nodiscard]] const QList<int> &stale() const { return m_stale; }   // active, idle > 180 days
    [[nodiscard]] const QList<int> &inactive() const { return m_inactive; } // IsActive = false
    [[nodiscard]] const QList<int> &staff() const { return m_staff; }       // every state
    [[nodiscard]] const QList<int> &leaders() const { return m_leaders; }   // managers and above
    [[nodiscard]] const QList<int> &admins() const { return m_admins; }     // active admins
    [[nodiscard]] const QList<int> &services() const { return m_services; }
    [[nodiscard]] const QList<int> &partners() const { return m_partners; }
    [[nodiscard]] const QList<int> &department(int index) const { return m_departments.at(index); }
    [[nodiscard]] const QList<int> &department(const QString &name) const;

    // A random member of `primary`, or of `fallback` when `primary` is empty; -1 if both are.
    [[nodiscard]] static int
    pick(RandomSource &random, const QList<int> &primary, const QList<int> &fallback = {});

private:
    const QList<GeneratedUser> *m_users;
    QList<int> m_recent;
    QList<int> m_stale;
    QList<int> m_inactive;
    QList<int> m_staff;
    QList<int> m_leaders;
    QList<int> m_admins;
    QList<int> m_services;
    QList<int> m_partners;
    QList<QList<int>> m_departments;
};

} // namespace lr::demo
