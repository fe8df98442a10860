#include "ui/orgheader.h"

#include <QHBoxLayout>
#include <QLabel>

namespace lr::ui {

namespace {

QString badgeStyle(const char *background)
{
    return QStringLiteral("QLabel { background: %1; color: white; border-radius: 4px; "
                          "padding: 2px 8px; font-weight: bold; }")
        .arg(QLatin1String(background));
}

} // namespace

OrgHeader::OrgHeader(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_environment(new QLabel(this))
    , m_location(new QLabel(this))
{
    setObjectName(QStringLiteral("orgHeader"));
    m_name->setObjectName(QStringLiteral("orgNameLabel"));
    m_environment->setObjectName(QStringLiteral("environmentLabel"));
    m_location->setObjectName(QStringLiteral("orgLocationLabel"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_location->setForegroundRole(QPalette::PlaceholderText);
    m_environment->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(m_name);
    layout->addWidget(m_environment);
    layout->addSpacing(12);
    layout->addWidget(m_location, 1);
}

void OrgHeader::showOpening(const QString &description)
{
    m_name->setText(tr("Opening…"));
    m_location->setText(description);
    m_environment->hide();
}

void OrgHeader::showOrg(const org::OrgIdentity &identity, const QString &location, bool demo)
{
    m_name->setText(identity.name);
    if (identity.sandbox) {
        m_environment->setText(tr("SANDBOX"));
        m_environment->setStyleSheet(badgeStyle("#2e7d32"));
        m_environment->setToolTip(tr("A Salesforce sandbox: a copy of production for testing."));
    } else {
        m_environment->setText(tr("PRODUCTION"));
        m_environment->setStyleSheet(badgeStyle("#c62828"));
        m_environment->setToolTip(tr("Production: actions here change real users' access."));
    }
    m_environment->show();
    const QString org = tr("Org %1").arg(identity.id);
    m_location->setText(demo ? tr("%1 · built-in demo org (%2)").arg(org, location)
                             : tr("%1 · %2").arg(org, location));
}

void OrgHeader::showFailure(const QString &message)
{
    m_name->setText(tr("No org open"));
    m_environment->hide();
    m_location->setText(message);
}

QString OrgHeader::orgText() const
{
    return m_name->text();
}

QString OrgHeader::environmentText() const
{
    return m_environment->isVisible() ? m_environment->text() : QString();
}

} // namespace lr::ui
