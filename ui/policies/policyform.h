#pragma once

#include "core/policy/policy.h"
#include "core/policy/policyproblem.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QVBoxLayout;

namespace lr::org {
class OrgClient;
}

namespace lr::ui {

class ExemptionEditor;
class OwnerField;
class LicenseSettingsTable;

// Every field of one policy (design §5) as a form, with the validator's message under each
// field that has a problem. The form edits a copy of the policy it was given; policy() is that
// copy with the edits, and isDirty() says whether it differs from what was loaded.
//
// The name and the active flag are not edited here: the Policies page renames, pauses and
// resumes through the list, each a write of its own.
class PolicyForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyForm)

public:
    explicit PolicyForm(QWidget *parent = nullptr);
    ~PolicyForm() override;

    // The org's license names, offered in the per-license table and the scope lists (with
    // any other license the policy names).
    void setLicenses(const QStringList &licenses);
    // Usernames the exemptions may be given by (username -> user id), e.g. from the last scan.
    void setKnownUsers(const QHash<QString, QString> &idsByUsername);
    // The org the owner is picked from (null: none; the owner is then given by id).
    void setUserDirectory(org::OrgClient *client);

    // Loads `policy` into the form; not dirty afterwards.
    void setPolicy(const policy::Policy &policy);
    [[nodiscard]] const policy::Policy &loadedPolicy() const { return m_loaded; }
    // The loaded policy with the form's edits.
    [[nodiscard]] policy::Policy policy() const;
    [[nodiscard]] bool isDirty() const;
    // What is wrong with policy(), plus entries the form could not read (an expiry that is
    // not a date, a user it does not know). Shown under the fields by showProblems().
    [[nodiscard]] QList<policy::PolicyProblem> problems() const;
    void showProblems(const QList<policy::PolicyProblem> &problems);

    void setReadOnly(bool readOnly);
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    // Puts `widget` (the what-if curve) beside the threshold editor.
    void setThresholdCompanion(QWidget *widget);
    [[nodiscard]] QSpinBox *thresholdSpinBox() const { return m_threshold; }

Q_SIGNALS:
    // Any edit of any field, by the user or by setPolicy().
    void edited();

private:
    void setupUi();
    [[nodiscard]] QGroupBox *createThresholdGroup();
    [[nodiscard]] QGroupBox *createScopeGroup();
    [[nodiscard]] QGroupBox *createDecisionGroup();
    [[nodiscard]] QGroupBox *createRoutingGroup();
    [[nodiscard]] QGroupBox *createExemptionGroup();
    [[nodiscard]] QLabel *problemLabel(policy::PolicyField field);
    [[nodiscard]] QSpinBox *daysSpinBox(const QString &objectName);
    void connectEdits();
    void fillLicenseLists();
    void updateItsmState();

    policy::Policy m_loaded;
    QStringList m_orgLicenses;
    bool m_loading = false;
    bool m_readOnly = false;

    QVBoxLayout *m_thresholdSide = nullptr;
    QSpinBox *m_threshold = nullptr;
    LicenseSettingsTable *m_licenseTable = nullptr;
    QListWidget *m_include = nullptr;
    QListWidget *m_exclude = nullptr;
    QListWidget *m_userTypes = nullptr;
    QComboBox *m_executionPath = nullptr;
    QComboBox *m_itsmConnection = nullptr;
    QLabel *m_itsmNote = nullptr;
    QSpinBox *m_gracePeriod = nullptr;
    QSpinBox *m_managerSla = nullptr;
    QSpinBox *m_reminder = nullptr;
    QComboBox *m_timeoutAction = nullptr;
    QCheckBox *m_dryRun = nullptr;
    QSpinBox *m_cooldown = nullptr;
    QCheckBox *m_transfer = nullptr;
    QLineEdit *m_notificationChannel = nullptr;
    QComboBox *m_schedule = nullptr;
    OwnerField *m_owner = nullptr;
    ExemptionEditor *m_exemptions = nullptr;
    QMap<policy::PolicyField, QLabel *> m_problemLabels;
    QList<QWidget *> m_editors; // disabled together when read-only
};

} // namespace lr::ui
