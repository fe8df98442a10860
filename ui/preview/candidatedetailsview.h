#pragma once

#include <QTextBrowser>

namespace lr::ui {

class CandidateTableModel;

// The details of the user selected in the Preview: whether the policy would reclaim the
// seat, every finding (check id, red or amber, and its sentence) and the facts the checks
// weighed (username, license, profile, manager, last login, days inactive).
class CandidateDetailsView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CandidateDetailsView)

public:
    explicit CandidateDetailsView(QWidget *parent = nullptr);

    // Shows the user of `row` of the model (a source row, not a proxy row).
    void showUser(const CandidateTableModel &model, int row);
    // Shows a hint instead of a user.
    void showHint(const QString &text);

private:
    [[nodiscard]] QString factsHtml(const CandidateTableModel &model, int row) const;
    [[nodiscard]] QString findingsHtml(const CandidateTableModel &model, int row) const;
};

} // namespace lr::ui
