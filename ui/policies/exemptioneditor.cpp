#include "ui/policies/exemptioneditor.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/org/recordid.h"
#include "core/org/userlookup.h"

#include <QCoroTask>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lr::ui {

namespace {

const QString kDateFormat = u"yyyy-MM-dd"_s;

} // namespace

ExemptionEditor::ExemptionEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("&Add exemption"), this))
    , m_remove(new QPushButton(tr("Remo&ve exemption"), this))
{
    m_table->setObjectName(u"exemptionTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("User (id or username)"), tr("Reason"), tr("Expires (yyyy-mm-dd)")});
    m_table->horizontalHeader()->setSectionResizeMode(UserColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(UserColumn, 200);
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ExpiresColumn, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(110);
    m_table->setAccessibleName(tr("Exemptions"));
    m_add->setObjectName(u"addExemptionButton"_s);
    m_remove->setObjectName(u"removeExemptionButton"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &ExemptionEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &ExemptionEditor::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling) {
            return;
        }
        if (item->column() == UserColumn) {
            const QString text = item->text().trimmed();
            if (!text.isEmpty() && userIdOf(text).isEmpty()) {
                lookUp(text);
            }
        }
        Q_EMIT exemptionsChanged();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ExemptionEditor::updateButtons);
    updateButtons();
}

void ExemptionEditor::setKnownUsers(const QHash<QString, QString> &idsByUsername)
{
    m_idsByUsername = idsByUsername;
}

void ExemptionEditor::setUserDirectory(org::OrgClient *client)
{
    m_client = client;
    ++m_directoryGeneration; // answers from another org no longer count
    m_foundIds.clear();
    m_lookingUp.clear();
    m_notInOrg.clear();
}

void ExemptionEditor::lookUp(const QString &username)
{
    const QString key = username.toLower();
    if (!m_client || m_lookingUp.contains(key) || m_notInOrg.contains(key)) {
        return;
    }
    m_lookingUp.insert(key);
    const quint64 generation = m_directoryGeneration;
    QCoro::connect(org::UserLookup::byUsername(m_client.data(), username),
                   this,
                   [this, generation, key](const Result<org::UserMatch> &user) {
                       if (generation != m_directoryGeneration) {
                           return;
                       }
                       m_lookingUp.remove(key);
                       if (user) {
                           m_foundIds.insert(key, user->id);
                       } else if (user.error().code == u"NOT_FOUND") {
                           m_notInOrg.insert(key);
                       } else {
                           qCWarning(lcUi).noquote()
                               << "exemption user lookup failed:" << user.error().toString();
                       }
                       Q_EMIT exemptionsChanged(); // the row reads differently now
                   });
}

void ExemptionEditor::setExemptions(const QList<policy::Exemption> &exemptions)
{
    m_filling = true;
    m_table->setRowCount(static_cast<int>(exemptions.size()));
    for (int row = 0; row < exemptions.size(); ++row) {
        const policy::Exemption &exemption = exemptions.at(row);
        auto *user = new QTableWidgetItem(exemption.username.isEmpty() ? exemption.userId
                                                                       : exemption.username);
        // The row's stored identity, so that an unchanged row saves as the same record.
        user->setData(Qt::UserRole, exemption.userId);
        user->setData(Qt::UserRole + 1, exemption.id);
        user->setData(Qt::UserRole + 2, exemption.username);
        user->setToolTip(exemption.userId);
        m_table->setItem(row, UserColumn, user);
        m_table->setItem(row, ReasonColumn, new QTableWidgetItem(exemption.reason));
        m_table->setItem(row,
                         ExpiresColumn,
                         new QTableWidgetItem(exemption.expires.isValid()
                                                  ? exemption.expires.toString(kDateFormat)
                                                  : QString()));
    }
    m_filling = false;
    updateButtons();
}

QString ExemptionEditor::userIdOf(const QString &text) const
{
    if (org::RecordId::isOf(text, org::RecordId::kUserPrefix)) {
        return text;
    }
    if (const QString known = m_idsByUsername.value(text); !known.isEmpty()) {
        return known;
    }
    return m_foundIds.value(text.toLower());
}

QList<policy::Exemption> ExemptionEditor::exemptions() const
{
    QList<policy::Exemption> list;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *user = m_table->item(row, UserColumn);
        const QString text = user ? user->text().trimmed() : QString();
        policy::Exemption exemption;
        const bool unchanged = user
                               && text
                                      == (user->data(Qt::UserRole + 2).toString().isEmpty()
                                              ? user->data(Qt::UserRole).toString()
                                              : user->data(Qt::UserRole + 2).toString());
        exemption.userId = unchanged ? user->data(Qt::UserRole).toString() : userIdOf(text);
        exemption.username = unchanged ? user->data(Qt::UserRole + 2).toString()
                                       : (exemption.userId == text ? QString() : text);
        exemption.id = user ? user->data(Qt::UserRole + 1).toString() : QString();
        const QTableWidgetItem *reason = m_table->item(row, ReasonColumn);
        exemption.reason = reason ? reason->text() : QString();
        const QTableWidgetItem *expires = m_table->item(row, ExpiresColumn);
        const QString date = expires ? expires->text().trimmed() : QString();
        exemption.expires = QDate::fromString(date, kDateFormat);
        list.append(exemption);
    }
    return list;
}

QList<policy::PolicyProblem> ExemptionEditor::problems() const
{
    QList<policy::PolicyProblem> result;
    const auto add = [&result](int row, const QString &member, const QString &message) {
        policy::PolicyProblem problem;
        problem.field = policy::PolicyField::Exemptions;
        problem.index = row;
        problem.path = policy::PolicyProblem::memberPath(
            policy::PolicyProblem::indexPath(
                policy::PolicyProblem::fieldPath(policy::PolicyField::Exemptions), row),
            member);
        problem.message = message;
        result.append(problem);
    };
    const QList<policy::Exemption> list = exemptions();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *user = m_table->item(row, UserColumn);
        const QString text = user ? user->text().trimmed() : QString();
        if (!text.isEmpty() && list.at(row).userId.isEmpty()) {
            const QString number = QString::number(row + 1);
            const QString key = text.toLower();
            QString message;
            if (!m_client) {
                message = tr("Exemption %1: no user %2 in the last scan; give the user id "
                             "(005…).")
                              .arg(number, text);
            } else if (m_notInOrg.contains(key)) {
                message = tr("Exemption %1: there is no user with the username %2 in this "
                             "org.")
                              .arg(number, text);
            } else if (m_lookingUp.contains(key)) {
                message = tr("Exemption %1: looking for the user %2…").arg(number, text);
            } else {
                message = tr("Exemption %1: the user %2 could not be looked up; try again, or "
                             "give the user id (005…).")
                              .arg(number, text);
            }
            add(row, u"userId"_s, message);
        }
        const QTableWidgetItem *expires = m_table->item(row, ExpiresColumn);
        const QString date = expires ? expires->text().trimmed() : QString();
        if (!date.isEmpty() && !list.at(row).expires.isValid()) {
            add(row,
                u"expires"_s,
                tr("Exemption %1: the expiry %2 is not a date like 2026-09-30 (leave it empty "
                   "for none).")
                    .arg(QString::number(row + 1), date));
        }
    }
    return result;
}

void ExemptionEditor::setEditable(bool editable)
{
    m_editable = editable;
    m_table->setEditTriggers(editable ? QAbstractItemView::DoubleClicked
                                            | QAbstractItemView::EditKeyPressed
                                            | QAbstractItemView::AnyKeyPressed
                                      : QAbstractItemView::NoEditTriggers);
    updateButtons();
}

void ExemptionEditor::addRow()
{
    const int row = m_table->rowCount();
    m_filling = true;
    m_table->insertRow(row);
    for (int column = 0; column < ColumnCount; ++column) {
        m_table->setItem(row, column, new QTableWidgetItem);
    }
    m_filling = false;
    m_table->setCurrentCell(row, UserColumn);
    m_table->setFocus();
    m_table->editItem(m_table->item(row, UserColumn));
    Q_EMIT exemptionsChanged();
}

void ExemptionEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row())) {
            rows.append(index.row());
        }
    }
    if (rows.isEmpty() && m_table->currentRow() >= 0) {
        rows.append(m_table->currentRow());
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows) {
        m_table->removeRow(row);
    }
    if (!rows.isEmpty()) {
        Q_EMIT exemptionsChanged();
    }
}

void ExemptionEditor::updateButtons()
{
    m_add->setEnabled(m_editable);
    m_remove->setEnabled(m_editable && m_table->rowCount() > 0);
}

} // namespace lr::ui
