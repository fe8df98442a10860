#pragma once

#include "core/org/orgoverview.h"

#include <QWidget>

class QLabel;

namespace lr::ui {

// The strip above every page that says which org is open and whether it is production or a
// sandbox, so nobody acts on production believing it is a test org.
class OrgHeader final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgHeader)

public:
    explicit OrgHeader(QWidget *parent = nullptr);

    void showOpening(const QString &description);
    void showOrg(const org::OrgIdentity &identity, const QString &location, bool demo);
    void showFailure(const QString &message);

    [[nodiscard]] QString orgText() const;
    [[nodiscard]] QString environmentText() const;

private:
    QLabel *m_name;
    QLabel *m_environment;
    QLabel *m_location;
};

} // namespace lr::ui
