#include "ui/policies/ownerfield.h"

#include "core/common/logging.h"
#include "core/org/orgclient.h"
#include "core/org/recordid.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lr::ui {

namespace {

constexpr int kSearchDelayMs = 250; // after the last key, so one query serves a word

bool isUserId(const QString &text)
{
    return org::RecordId::isOf(text, org::RecordId::kUserPrefix);
}

} // namespace

OwnerField::OwnerField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_completer(new QCompleter(this))
    , m_suggestions(new QStringListModel(this))
{
    m_edit->setObjectName(u"ownerLineEdit"_s);
    m_edit->setPlaceholderText(tr("Type a name or username; empty: whoever creates the policy"));
    m_edit->setToolTip(tr("The fallback approver: cases go to this user when a manager is "
                          "missing or inactive. Type two letters or more of a name or username "
                          "and pick the user from the list, or paste a user id (005…)."));
    m_edit->setClearButtonEnabled(true);
    m_note->setObjectName(u"ownerNoteLabel"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    setFocusProxy(m_edit);

    m_completer->setModel(m_suggestions);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(org::UserLookup::kMaxMatches);
    m_completer->popup()->setObjectName(u"ownerSuggestions"_s);
    m_edit->setCompleter(m_completer);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_note);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, &OwnerField::search);
    connect(m_edit, &QLineEdit::textEdited, this, &OwnerField::textEdited);
    connect(
        m_completer, qOverload<const QString &>(&QCompleter::activated), this, &OwnerField::choose);
}

OwnerField::~OwnerField() = default;

void OwnerField::setClient(org::OrgClient *client)
{
    m_client = client;
    ++m_generation;
    m_matches.clear();
    m_searched.clear();
    m_searchFailed = false;
    m_suggestions->setStringList({});
    if (!m_id.isEmpty() && m_edit->text() == m_idText) {
        describe(m_id);
    }
}

void OwnerField::setOwnerId(const QString &id)
{
    ++m_generation;
    m_searchDelay.stop();
    m_id = id.trimmed();
    m_idText = m_id;
    m_idInactive = false;
    m_matches.clear();
    m_searched.clear();
    m_searchFailed = false;
    m_suggestions->setStringList({});
    m_edit->setText(m_id);
    updateNote();
    if (!m_id.isEmpty()) {
        describe(m_id);
    }
}

QString OwnerField::ownerId() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    if (!m_id.isEmpty() && text == m_idText.trimmed()) {
        return m_id;
    }
    if (isUserId(text)) {
        return text;
    }
    if (const org::UserMatch *match = matchFor(text)) {
        return match->id;
    }
    return text;
}

std::optional<policy::PolicyProblem> OwnerField::problem() const
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty() || isUserId(ownerId())) {
        return std::nullopt;
    }
    policy::PolicyProblem problem;
    problem.field = policy::PolicyField::Owner;
    problem.path = policy::PolicyProblem::fieldPath(policy::PolicyField::Owner);
    const QString shown = text.left(80);
    if (!m_client) {
        problem.message = tr("Owner: without an open org, give the owner's user id (005…).");
    } else if (text.simplified().size() < org::UserLookup::kMinSearchLength) {
        problem.message = tr("Owner: type two letters or more of a name or username, or give a "
                             "user id (005…).");
    } else if (m_searchFailed && m_searched == text) {
        problem.message = tr("Owner: the org could not be searched for \"%1\"; try again, or "
                             "give the user id (005…).")
                              .arg(shown);
    } else if (m_searched != text || m_searchDelay.isActive()) {
        problem.message = tr("Owner: looking for \"%1\"…").arg(shown);
    } else if (m_matches.isEmpty()) {
        problem.message =
            tr("Owner: no active user's name or username starts with \"%1\".").arg(shown);
    } else {
        problem.message = tr("Owner: pick a user from the list (%n match(es) for \"%1\").",
                             nullptr,
                             static_cast<int>(m_matches.size()))
                              .arg(shown);
    }
    return problem;
}

void OwnerField::textEdited()
{
    ++m_generation; // an answer about the old text no longer applies
    const QString text = m_edit->text().simplified();
    if (m_client && text.size() >= org::UserLookup::kMinSearchLength && !isUserId(text)) {
        m_searchDelay.start();
    } else {
        m_searchDelay.stop();
    }
    updateNote();
    Q_EMIT ownerChanged();
}

void OwnerField::search()
{
    if (!m_client) {
        return;
    }
    const QString text = m_edit->text().trimmed();
    const quint64 generation = ++m_generation;
    QCoro::connect(
        org::UserLookup::search(m_client.data(), text),
        this,
        [this, generation, text](const Result<QList<org::UserMatch>> &found) {
            if (generation != m_generation) {
                return;
            }
            m_searched = text;
            m_searchFailed = !found;
            m_matches = found ? found.value() : QList<org::UserMatch>();
            if (!found) {
                qCWarning(lcUi).noquote() << "owner search failed:" << found.error().toString();
            }
            QStringList shown;
            for (const org::UserMatch &match : std::as_const(m_matches)) {
                shown.append(match.display());
            }
            m_suggestions->setStringList(shown);
            if (!shown.isEmpty() && m_edit->hasFocus() && !matchFor(text)) {
                m_completer->setCompletionPrefix(text);
                // As wide as the longest "Name (username)", so none is cut off.
                QAbstractItemView *popup = m_completer->popup();
                QRect under = m_edit->rect();
                under.setWidth(std::max(under.width(),
                                        popup->sizeHintForColumn(0)
                                            + popup->verticalScrollBar()->sizeHint().width()
                                            + 2 * popup->frameWidth()));
                m_completer->complete(under);
            }
            updateNote();
            Q_EMIT ownerChanged();
        });
}

void OwnerField::choose(const QString &display)
{
    const auto it = std::find_if(m_matches.cbegin(), m_matches.cend(), [&](const auto &match) {
        return match.display() == display;
    });
    if (it == m_matches.cend()) {
        return;
    }
    ++m_generation;
    m_searchDelay.stop();
    m_id = it->id;
    m_idText = display;
    m_idInactive = !it->active;
    m_edit->setText(display);
    // Show the name rather than the end of the username, once the completer is done.
    QMetaObject::invokeMethod(
        m_edit, [edit = m_edit] { edit->setCursorPosition(0); }, Qt::QueuedConnection);
    updateNote();
    Q_EMIT ownerChanged();
}

void OwnerField::describe(const QString &id)
{
    if (!m_client) {
        return;
    }
    const quint64 generation = ++m_generation;
    QCoro::connect(org::UserLookup::byId(m_client.data(), id),
                   this,
                   [this, generation, id](const Result<org::UserMatch> &user) {
                       if (generation != m_generation || m_id != id) {
                           return;
                       }
                       if (!user) {
                           // The id stays as it is; validation and the org judge it on save.
                           qCInfo(lcUi).noquote()
                               << "owner" << id << "not described:" << user.error().code;
                           return;
                       }
                       const bool untouched = m_edit->text() == m_idText;
                       m_idText = user->display();
                       m_idInactive = !user->active;
                       if (untouched) {
                           m_edit->setText(m_idText); // the same owner, in words
                           m_edit->setCursorPosition(0);
                       }
                       updateNote();
                   });
}

const org::UserMatch *OwnerField::matchFor(const QString &text) const
{
    for (const org::UserMatch &match : m_matches) {
        if (match.display().compare(text, Qt::CaseInsensitive) == 0
            || match.username.compare(text, Qt::CaseInsensitive) == 0) {
            return &match;
        }
    }
    return nullptr;
}

void OwnerField::updateNote()
{
    const bool showsOwner = !m_id.isEmpty() && m_edit->text() == m_idText;
    if (showsOwner && m_idInactive) {
        m_note->setText(tr("This user is inactive: cases that fall back to the owner would wait "
                           "for nobody. Pick an active user."));
        m_note->show();
    } else if (showsOwner && m_idText != m_id) {
        m_note->setText(tr("User id %1").arg(m_id));
        m_note->show();
    } else {
        m_note->clear();
        m_note->hide();
    }
}

} // namespace lr::ui
