#pragma once

#include "core/demo/generator/generateduser.h"

#include <QList>

namespace lr::demo {

class RandomSource;

// Decides what employees on the full Salesforce license may do: the profile their
// department and level usually get, and the ordinary permission sets on top (Sales
// Operations, break-glass Modify All Data, Customize Application, ...). Every kind of
// elevated grant appears at least once, however small the org.
class EmployeeAccess
{
public:
    static void assign(QList<GeneratedUser> &users, RandomSource &random);
};

} // namespace lr::demo
