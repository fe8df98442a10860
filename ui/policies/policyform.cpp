#include "ui/policies/policyform.h"

#include "core/policy/policyvalidator.h"
#include "ui/policies/exemptioneditor.h"
#include "ui/policies/licensesettingstable.h"
#include "ui/policies/ownerfield.h"
#include "ui/policies/scrollwheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lr::ui {

using policy::Policy;
using policy::PolicyField;
using policy::PolicyProblem;

namespace {

// Spin boxes take any number up to 999, so that the validator (not the widget) says what is
// allowed, next to the field.
constexpr int kSpinMaximum = 999;

QStringList checkedTexts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked) {
            texts.append(list->item(row)->data(Qt::UserRole).toString());
        }
    }
    return texts;
}

void fillCheckList(QListWidget *list, const QStringList &values, const QStringList &checked)
{
    list->clear();
    QStringList all = values;
    for (const QString &value : checked) {
        if (!all.contains(value)) {
            all.append(value);
        }
    }
    for (const QString &value : all) {
        auto *item = new QListWidgetItem(value, list);
        item->setData(Qt::UserRole, value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(value) ? Qt::Checked : Qt::Unchecked);
    }
}

bool sameExemptions(const QList<policy::Exemption> &a, const QList<policy::Exemption> &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).userId.left(15) != b.at(i).userId.left(15) || a.at(i).reason != b.at(i).reason
            || a.at(i).expires != b.at(i).expires) {
            return false;
        }
    }
    return true;
}

// Whether the fields the form edits are the same in both.
bool sameSettings(const Policy &a, const Policy &b)
{
    return a.ownerId == b.ownerId && a.schedule == b.schedule && a.executionPath == b.executionPath
           && a.itsmConnection == b.itsmConnection
           && a.defaultThresholdDays == b.defaultThresholdDays
           && a.thresholdByLicense == b.thresholdByLicense && a.includeLicenses == b.includeLicenses
           && a.excludeLicenses == b.excludeLicenses && a.userTypes == b.userTypes
           && a.gracePeriodDays == b.gracePeriodDays && a.managerSlaDays == b.managerSlaDays
           && a.reminderDays == b.reminderDays && a.timeoutAction == b.timeoutAction
           && a.dryRun == b.dryRun && a.cooldownDays == b.cooldownDays
           && a.notificationChannel == b.notificationChannel
           && a.downgradeTargets == b.downgradeTargets
           && a.transferOpenRecords == b.transferOpenRecords
           && sameExemptions(a.exemptions, b.exemptions);
}

// A field and the message under it, as one cell of a form row.
QWidget *withProblem(QWidget *field, QLabel *problem, QWidget *parent)
{
    auto *cell = new QWidget(parent);
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(problem);
    return cell;
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PolicyForm::PolicyForm(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"policyForm"_s);
    setupUi();
    connectEdits();
}

PolicyForm::~PolicyForm() = default;

QLabel *PolicyForm::problemLabel(PolicyField field)
{
    auto *label = new QLabel(this);
    const QString key = PolicyProblem::jsonKey(field);
    label->setObjectName((key.isEmpty() ? u"owner"_s : key) + u"ProblemLabel"_s);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(u"color: #b3261e;"_s);
    label->hide();
    m_problemLabels.insert(field, label);
    return label;
}

QSpinBox *PolicyForm::daysSpinBox(const QString &objectName)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(objectName);
    spin->setRange(0, kSpinMaximum);
    spin->setSuffix(tr(" days"));
    spin->setAccelerated(true);
    m_editors.append(spin);
    return spin;
}

void PolicyForm::setupUi()
{
    // One column, so that the form fits beside the list without scrolling sideways.
    auto *pair = new QHBoxLayout;
    pair->addWidget(createDecisionGroup(), 1);
    pair->addWidget(createRoutingGroup(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createThresholdGroup());
    layout->addWidget(createScopeGroup());
    layout->addLayout(pair);
    layout->addWidget(createExemptionGroup());
    layout->addStretch(1);
    (new ScrollWheelGuard(this))->guard(this);
}

QGroupBox *PolicyForm::createThresholdGroup()
{
    auto *group = new QGroupBox(tr("Inactivity threshold"), this);
    m_threshold = daysSpinBox(u"thresholdSpinBox"_s);
    m_licenseTable = new LicenseSettingsTable(this);
    m_licenseTable->setMinimumHeight(150);
    m_editors.append(m_licenseTable);

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Default threshold:"), m_threshold, this),
                 withProblem(m_threshold, problemLabel(PolicyField::DefaultThresholdDays), this));
    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addWidget(hint(tr("Days since the last interactive login (from creation for users "
                              "who never logged in). The curve shows what each threshold "
                              "would flag in the last scan."),
                           this));
    editor->addStretch(1);

    // The curve beside the default threshold it answers to; the per-license table below,
    // across the group, where its three columns have room.
    m_thresholdSide = new QVBoxLayout;
    auto *top = new QHBoxLayout;
    top->addLayout(editor, 2);
    top->addLayout(m_thresholdSide, 5);
    auto *layout = new QVBoxLayout(group);
    layout->addLayout(top);
    layout->addWidget(hint(tr("Per license, tick a license to give it its own threshold or a "
                              "downgrade target:"),
                           this));
    layout->addWidget(m_licenseTable, 1);
    layout->addWidget(problemLabel(PolicyField::ThresholdsByLicense));
    layout->addWidget(problemLabel(PolicyField::DowngradeTargets));
    return group;
}

QGroupBox *PolicyForm::createScopeGroup()
{
    auto *group = new QGroupBox(tr("Scope"), this);
    m_include = new QListWidget(this);
    m_include->setObjectName(u"includeLicensesList"_s);
    m_exclude = new QListWidget(this);
    m_exclude->setObjectName(u"excludeLicensesList"_s);
    m_userTypes = new QListWidget(this);
    m_userTypes->setObjectName(u"userTypesList"_s);
    fillCheckList(m_userTypes, policy::PolicyValidator::userTypes(), {});
    for (QListWidget *list : {m_include, m_exclude, m_userTypes}) {
        list->setMinimumHeight(90);
        list->setMaximumHeight(130);
        m_editors.append(list);
    }
    auto *grid = new QGridLayout(group);
    grid->addWidget(buddyLabel(tr("&Include licenses:"), m_include, this), 0, 0);
    grid->addWidget(buddyLabel(tr("E&xclude licenses:"), m_exclude, this), 0, 1);
    grid->addWidget(buddyLabel(tr("&User types:"), m_userTypes, this), 0, 2);
    grid->addWidget(m_include, 1, 0);
    grid->addWidget(m_exclude, 1, 1);
    grid->addWidget(m_userTypes, 1, 2);
    grid->addWidget(hint(tr("No license included means every license."), this), 2, 0, 1, 3);
    grid->addWidget(problemLabel(PolicyField::IncludeLicenses), 3, 0, 1, 3);
    grid->addWidget(problemLabel(PolicyField::ExcludeLicenses), 4, 0, 1, 3);
    grid->addWidget(problemLabel(PolicyField::UserTypes), 5, 0, 1, 3);
    return group;
}

QGroupBox *PolicyForm::createDecisionGroup()
{
    auto *group = new QGroupBox(tr("Decision"), this);
    m_managerSla = daysSpinBox(u"managerSlaSpinBox"_s);
    m_reminder = daysSpinBox(u"reminderSpinBox"_s);
    m_reminder->setSpecialValueText(tr("No reminder"));
    m_timeoutAction = new QComboBox(this);
    m_timeoutAction->setObjectName(u"timeoutActionComboBox"_s);
    m_timeoutAction->addItem(
        tr("Hold for review"),
        QVariant::fromValue(static_cast<int>(Policy::TimeoutAction::HoldForReview)));
    m_timeoutAction->addItem(
        tr("Freeze automatically"),
        QVariant::fromValue(static_cast<int>(Policy::TimeoutAction::AutoFreeze)));
    m_gracePeriod = daysSpinBox(u"gracePeriodSpinBox"_s);
    m_cooldown = daysSpinBox(u"cooldownSpinBox"_s);
    m_dryRun = new QCheckBox(tr("D&ry run: open cases, change no user"), this);
    m_dryRun->setObjectName(u"dryRunCheckBox"_s);
    m_transfer = new QCheckBox(tr("&Transfer open records to the manager"), this);
    m_transfer->setObjectName(u"transferCheckBox"_s);
    m_transfer->setToolTip(tr("On deactivation, the user's open opportunities, cases and leads "
                              "go to their manager."));
    m_editors.append({m_timeoutAction, m_dryRun, m_transfer});

    auto *form = new QFormLayout(group);
    form->addRow(buddyLabel(tr("Manager &SLA:"), m_managerSla, this),
                 withProblem(m_managerSla, problemLabel(PolicyField::ManagerSlaDays), this));
    form->addRow(buddyLabel(tr("R&eminder after:"), m_reminder, this),
                 withProblem(m_reminder, problemLabel(PolicyField::ReminderDays), this));
    form->addRow(buddyLabel(tr("On &timeout:"), m_timeoutAction, this), m_timeoutAction);
    form->addRow(buddyLabel(tr("&Grace period:"), m_gracePeriod, this),
                 withProblem(m_gracePeriod, problemLabel(PolicyField::GracePeriodDays), this));
    form->addRow(buddyLabel(tr("&Cooldown after keep:"), m_cooldown, this),
                 withProblem(m_cooldown, problemLabel(PolicyField::CooldownDays), this));
    form->addRow(m_dryRun);
    form->addRow(m_transfer);
    return group;
}

QGroupBox *PolicyForm::createRoutingGroup()
{
    auto *group = new QGroupBox(tr("Routing and ownership"), this);
    m_executionPath = new QComboBox(this);
    m_executionPath->setObjectName(u"executionPathComboBox"_s);
    m_executionPath->addItem(tr("Email the manager"),
                             static_cast<int>(Policy::ExecutionPath::Email));
    m_executionPath->addItem(tr("ITSM ticket"), static_cast<int>(Policy::ExecutionPath::Itsm));
    m_executionPath->addItem(tr("Both"), static_cast<int>(Policy::ExecutionPath::Both));
    m_itsmConnection = new QComboBox(this);
    m_itsmConnection->setObjectName(u"itsmConnectionComboBox"_s);
    m_itsmNote = hint(tr("No ITSM connections are configured yet, so tickets cannot be opened: "
                         "choose \"Email the manager\" for now."),
                      this);
    m_itsmNote->setObjectName(u"itsmNoteLabel"_s);
    m_schedule = new QComboBox(this);
    m_schedule->setObjectName(u"scheduleComboBox"_s);
    m_schedule->addItem(tr("Manual"), static_cast<int>(Policy::Schedule::Manual));
    m_schedule->addItem(tr("Daily"), static_cast<int>(Policy::Schedule::Daily));
    m_schedule->addItem(tr("Weekly"), static_cast<int>(Policy::Schedule::Weekly));
    m_schedule->addItem(tr("Monthly"), static_cast<int>(Policy::Schedule::Monthly));
    m_owner = new OwnerField(this);
    m_owner->setObjectName(u"ownerField"_s);
    m_notificationChannel = new QLineEdit(this);
    m_notificationChannel->setObjectName(u"notificationChannelLineEdit"_s);
    m_notificationChannel->setPlaceholderText(tr("Secret name, e.g. slack-reclaim; empty: off"));
    m_editors.append({m_executionPath, m_schedule, m_owner, m_notificationChannel});

    auto *form = new QFormLayout(group);
    form->addRow(buddyLabel(tr("E&xecution path:"), m_executionPath, this),
                 withProblem(m_executionPath, problemLabel(PolicyField::ExecutionPath), this));
    auto *itsm = new QWidget(this);
    auto *itsmLayout = new QVBoxLayout(itsm);
    itsmLayout->setContentsMargins(0, 0, 0, 0);
    itsmLayout->setSpacing(2);
    itsmLayout->addWidget(m_itsmConnection);
    itsmLayout->addWidget(m_itsmNote);
    itsmLayout->addWidget(problemLabel(PolicyField::ItsmConnection));
    form->addRow(buddyLabel(tr("ITSM connection:"), m_itsmConnection, this), itsm);
    form->addRow(buddyLabel(tr("Sc&hedule:"), m_schedule, this), m_schedule);
    form->addRow(buddyLabel(tr("&Owner:"), m_owner, this),
                 withProblem(m_owner, problemLabel(PolicyField::Owner), this));
    auto *channel = new QWidget(this);
    auto *channelLayout = new QVBoxLayout(channel);
    channelLayout->setContentsMargins(0, 0, 0, 0);
    channelLayout->setSpacing(2);
    channelLayout->addWidget(m_notificationChannel);
    channelLayout->addWidget(hint(tr("The name under which the Slack or Teams webhook is kept "
                                     "in the secrets store, never the webhook's address: the "
                                     "address is itself a secret and never goes into the org."),
                                  this));
    channelLayout->addWidget(problemLabel(PolicyField::NotificationChannel));
    form->addRow(buddyLabel(tr("&Notification channel:"), m_notificationChannel, this), channel);
    return group;
}

QGroupBox *PolicyForm::createExemptionGroup()
{
    auto *group = new QGroupBox(tr("Exemptions"), this);
    m_exemptions = new ExemptionEditor(this);
    auto *layout = new QVBoxLayout(group);
    layout->addWidget(m_exemptions, 1);
    layout->addWidget(problemLabel(PolicyField::Exemptions));
    return group;
}

void PolicyForm::connectEdits()
{
    const auto changed = [this] {
        if (!m_loading) {
            Q_EMIT edited();
        }
    };
    for (QSpinBox *spin : {m_threshold, m_gracePeriod, m_managerSla, m_reminder, m_cooldown}) {
        connect(spin, &QSpinBox::valueChanged, this, changed);
    }
    connect(m_threshold, &QSpinBox::valueChanged, m_licenseTable, [this](int days) {
        m_licenseTable->setDefaultDays(days);
    });
    for (QComboBox *combo : {m_executionPath, m_timeoutAction, m_schedule, m_itsmConnection}) {
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    }
    connect(m_executionPath, &QComboBox::currentIndexChanged, this, &PolicyForm::updateItsmState);
    for (QCheckBox *box : {m_dryRun, m_transfer}) {
        connect(box, &QCheckBox::toggled, this, changed);
    }
    connect(m_notificationChannel, &QLineEdit::textChanged, this, changed);
    connect(m_owner, &OwnerField::ownerChanged, this, changed);
    for (QListWidget *list : {m_include, m_exclude, m_userTypes}) {
        connect(list, &QListWidget::itemChanged, this, changed);
    }
    connect(m_licenseTable, &LicenseSettingsTable::settingsChanged, this, changed);
    connect(m_exemptions, &ExemptionEditor::exemptionsChanged, this, changed);
}

void PolicyForm::setLicenses(const QStringList &licenses)
{
    m_orgLicenses = licenses;
    if (!m_loaded.name.isEmpty()) {
        const Policy edited = policy();
        const bool wasLoading = m_loading;
        m_loading = true;
        fillLicenseLists();
        // Keep the edits made so far.
        fillCheckList(m_include, m_orgLicenses, edited.includeLicenses);
        fillCheckList(m_exclude, m_orgLicenses, edited.excludeLicenses);
        m_licenseTable->setSettings(m_orgLicenses,
                                    edited.thresholdByLicense,
                                    edited.downgradeTargets,
                                    edited.defaultThresholdDays);
        m_loading = wasLoading;
    }
}

void PolicyForm::setKnownUsers(const QHash<QString, QString> &idsByUsername)
{
    m_exemptions->setKnownUsers(idsByUsername);
}

void PolicyForm::setUserDirectory(org::OrgClient *client)
{
    m_owner->setClient(client);
    m_exemptions->setUserDirectory(client);
}

void PolicyForm::fillLicenseLists()
{
    fillCheckList(m_include, m_orgLicenses, m_loaded.includeLicenses);
    fillCheckList(m_exclude, m_orgLicenses, m_loaded.excludeLicenses);
    m_licenseTable->setSettings(m_orgLicenses,
                                m_loaded.thresholdByLicense,
                                m_loaded.downgradeTargets,
                                m_loaded.defaultThresholdDays);
}

void PolicyForm::setPolicy(const Policy &policy)
{
    m_loading = true;
    m_loaded = policy;
    m_threshold->setValue(policy.defaultThresholdDays);
    fillLicenseLists();
    fillCheckList(m_userTypes, policy::PolicyValidator::userTypes(), policy.userTypes);
    m_executionPath->setCurrentIndex(
        m_executionPath->findData(static_cast<int>(policy.executionPath)));
    m_itsmConnection->clear();
    m_itsmConnection->addItem(tr("(none)"), QString());
    if (!policy.itsmConnection.isEmpty()) {
        m_itsmConnection->addItem(policy.itsmConnection, policy.itsmConnection);
        m_itsmConnection->setCurrentIndex(1);
    }
    m_gracePeriod->setValue(policy.gracePeriodDays);
    m_managerSla->setValue(policy.managerSlaDays);
    m_reminder->setValue(policy.reminderDays);
    m_timeoutAction->setCurrentIndex(
        m_timeoutAction->findData(static_cast<int>(policy.timeoutAction)));
    m_dryRun->setChecked(policy.dryRun);
    m_cooldown->setValue(policy.cooldownDays);
    m_transfer->setChecked(policy.transferOpenRecords);
    m_notificationChannel->setText(policy.notificationChannel);
    m_schedule->setCurrentIndex(m_schedule->findData(static_cast<int>(policy.schedule)));
    m_owner->setOwnerId(policy.ownerId);
    m_exemptions->setExemptions(policy.exemptions);
    updateItsmState();
    m_loading = false;
    Q_EMIT edited();
}

Policy PolicyForm::policy() const
{
    Policy edited = m_loaded;
    edited.defaultThresholdDays = m_threshold->value();
    edited.thresholdByLicense = m_licenseTable->thresholds();
    edited.downgradeTargets = m_licenseTable->downgrades();
    edited.includeLicenses = checkedTexts(m_include);
    edited.excludeLicenses = checkedTexts(m_exclude);
    edited.userTypes = checkedTexts(m_userTypes);
    edited.executionPath =
        static_cast<Policy::ExecutionPath>(m_executionPath->currentData().toInt());
    edited.itsmConnection = m_itsmConnection->currentData().toString();
    edited.gracePeriodDays = m_gracePeriod->value();
    edited.managerSlaDays = m_managerSla->value();
    edited.reminderDays = m_reminder->value();
    edited.timeoutAction =
        static_cast<Policy::TimeoutAction>(m_timeoutAction->currentData().toInt());
    edited.dryRun = m_dryRun->isChecked();
    edited.cooldownDays = m_cooldown->value();
    edited.transferOpenRecords = m_transfer->isChecked();
    edited.notificationChannel = m_notificationChannel->text().trimmed();
    edited.schedule = static_cast<Policy::Schedule>(m_schedule->currentData().toInt());
    edited.ownerId = m_owner->ownerId();
    edited.exemptions = m_exemptions->exemptions();
    return edited;
}

bool PolicyForm::isDirty() const
{
    return !sameSettings(policy(), m_loaded);
}

QList<PolicyProblem> PolicyForm::problems() const
{
    QList<PolicyProblem> problems = m_exemptions->problems();
    if (const auto owner = m_owner->problem()) {
        problems.append(*owner);
    }
    for (const PolicyProblem &problem : policy().validate()) {
        // An exemption entry the editor could not read, or an owner the field could not
        // find, is reported once, by the editor that knows why.
        const bool known = std::any_of(problems.cbegin(), problems.cend(), [&](const auto &p) {
            return p.field == problem.field && p.path == problem.path;
        });
        if (!known) {
            problems.append(problem);
        }
    }
    return problems;
}

void PolicyForm::showProblems(const QList<PolicyProblem> &problems)
{
    QMap<PolicyField, QStringList> messages;
    for (const PolicyProblem &problem : problems) {
        messages[problem.field].append(problem.message);
    }
    for (auto it = m_problemLabels.cbegin(); it != m_problemLabels.cend(); ++it) {
        const QStringList lines = messages.value(it.key());
        it.value()->setText(lines.join(u'\n'));
        it.value()->setVisible(!lines.isEmpty());
    }
}

void PolicyForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget *editor : std::as_const(m_editors)) {
        editor->setEnabled(!readOnly);
    }
    m_exemptions->setEditable(!readOnly);
    updateItsmState();
}

void PolicyForm::setThresholdCompanion(QWidget *widget)
{
    m_thresholdSide->addWidget(widget);
}

void PolicyForm::updateItsmState()
{
    // Connections are chosen from the configured ones; there are none yet, so the box only
    // shows what a stored policy names, and says why it cannot be changed.
    m_itsmConnection->setEnabled(false);
    const auto path = static_cast<Policy::ExecutionPath>(m_executionPath->currentData().toInt());
    m_itsmNote->setVisible(path != Policy::ExecutionPath::Email);
}

} // namespace lr::ui
