#pragma once

class QCoreApplication;

namespace lr {

// Installs the application's translations: the English plural forms, which every locale
// needs ("1 license type", "8 license types"), and the user's language when one ships.
class Translations
{
public:
    static void install(QCoreApplication &app);
};

} // namespace lr
