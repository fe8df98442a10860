<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>lr::policy::PolicyRepository</name>
    <message numerus="yes">
        <source>The policy &apos;%1&apos; has %n open case(s): pause it instead. It can be deleted once its cases are closed.</source>
        <translation>
            <numerusform>The policy &apos;%1&apos; has %n open case: pause it instead. It can be deleted once its cases are closed.</numerusform>
            <numerusform>The policy &apos;%1&apos; has %n open cases: pause it instead. It can be deleted once its cases are closed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The policy file has %n problem(s); nothing was saved:</source>
        <translation>
            <numerusform>The policy file has %n problem; nothing was saved:</numerusform>
            <numerusform>The policy file has %n problems; nothing was saved:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::policy::PolicyValidator</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: at most %2 characters; this has %n.</source>
        <translation>
            <numerusform>%1: at most %2 characters; this has %n.</numerusform>
            <numerusform>%1: at most %2 characters; this has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: a license name has at most %2 characters; %3 has %n.</source>
        <translation>
            <numerusform>%1: a license name has at most %2 characters; %3 has %n.</numerusform>
            <numerusform>%1: a license name has at most %2 characters; %3 has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reminder: must come before the manager&apos;s answer is due (0 to %1 days, 0 for no reminder); %n day(s) is not before the %2-day deadline.</source>
        <translation>
            <numerusform>Reminder: must come before the manager&apos;s answer is due (0 to %1 days, 0 for no reminder); %n day is not before the %2-day deadline.</numerusform>
            <numerusform>Reminder: must come before the manager&apos;s answer is due (0 to %1 days, 0 for no reminder); %n days is not before the %2-day deadline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exemptions: at most %1 per policy; this has %n.</source>
        <translation>
            <numerusform>Exemptions: at most %1 per policy; this has %n.</numerusform>
            <numerusform>Exemptions: at most %1 per policy; this has %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exemption %1: the reason has at most %2 characters; this has %n.</source>
        <translation>
            <numerusform>Exemption %1: the reason has at most %2 characters; this has %n.</numerusform>
            <numerusform>Exemption %1: the reason has at most %2 characters; this has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::safety::CheckWording</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::safety::SafetyChecks</name>
    <message numerus="yes">
        <source>Only active member of %n queue(s): %1. Add another active member before deactivating, or the work routed there waits for nobody.</source>
        <translation>
            <numerusform>Only active member of %n queue: %1. Add another active member before deactivating, or the work routed there waits for nobody.</numerusform>
            <numerusform>Only active member of %n queues: %1. Add another active member before deactivating, or the work routed there waits for nobody.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Member of %n queue(s) shared with other active members: %1. Make sure they can take over the work.</source>
        <translation>
            <numerusform>Member of %n queue shared with other active members: %1. Make sure they can take over the work.</numerusform>
            <numerusform>Member of %n queues shared with other active members: %1. Make sure they can take over the work.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owns %n scheduled job(s): %1. Reassign the job(s) before deactivating; a job stops when its owner is deactivated.</source>
        <translation>
            <numerusform>Owns %n scheduled job: %1. Reassign the job before deactivating; a job stops when its owner is deactivated.</numerusform>
            <numerusform>Owns %n scheduled jobs: %1. Reassign the jobs before deactivating; a job stops when its owner is deactivated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Is the running user of %n dashboard(s): %1. Choose another running user for the dashboard(s) before deactivating.</source>
        <translation>
            <numerusform>Is the running user of %n dashboard: %1. Choose another running user for the dashboard before deactivating.</numerusform>
            <numerusform>Is the running user of %n dashboards: %1. Choose another running user for the dashboards before deactivating.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Manages %n active user(s). Give them a new manager before deactivating, so that their approvals reach someone.</source>
        <translation>
            <numerusform>Manages %n active user. Give them a new manager before deactivating, so that their approvals reach someone.</numerusform>
            <numerusform>Manages %n active users. Give them a new manager before deactivating, so that their approvals reach someone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delegated approver for %n active user(s). Choose another delegate for them before deactivating.</source>
        <translation>
            <numerusform>Delegated approver for %n active user. Choose another delegate for them before deactivating.</numerusform>
            <numerusform>Delegated approver for %n active users. Choose another delegate for them before deactivating.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Holds %n pending approval(s). Reassign the approval(s) before deactivating.</source>
        <translation>
            <numerusform>Holds %n pending approval. Reassign the approval before deactivating.</numerusform>
            <numerusform>Holds %n pending approvals. Reassign the approvals before deactivating.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Owns %n open record(s) (%1). Transfer the record(s) to an active owner before deactivating.</source>
        <translation>
            <numerusform>Owns %n open record (%1). Transfer the record to an active owner before deactivating.</numerusform>
            <numerusform>Owns %n open records (%1). Transfer the records to an active owner before deactivating.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created on %1, inside the %n-day new-user window: a new hire may not use Salesforce every month yet.</source>
        <translation>
            <numerusform>Created on %1, inside the %n-day new-user window: a new hire may not use Salesforce every month yet.</numerusform>
            <numerusform>Created on %1, inside the %n-day new-user window: a new hire may not use Salesforce every month yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kept on %1; the %n-day cooldown of this policy ends on %2.</source>
        <translation>
            <numerusform>Kept on %1; the %n-day cooldown of this policy ends on %2.</numerusform>
            <numerusform>Kept on %1; the %n-day cooldown of this policy ends on %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::CandidateDetailsView</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (threshold %Ln day(s))</source>
        <translation>
            <numerusform>%1 (threshold %Ln day)</numerusform>
            <numerusform>%1 (threshold %Ln days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::OverviewPage</name>
    <message numerus="yes">
        <source>%n license type(s).</source>
        <translation>
            <numerusform>%n license type.</numerusform>
            <numerusform>%n license types.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::OwnerField</name>
    <message numerus="yes">
        <source>Owner: pick a user from the list (%n match(es) for &quot;%1&quot;).</source>
        <translation>
            <numerusform>Owner: pick a user from the list (%n match for &quot;%1&quot;).</numerusform>
            <numerusform>Owner: pick a user from the list (%n matches for &quot;%1&quot;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::PolicyListModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::PreviewPage</name>
    <message numerus="yes">
        <source>Running the safety checks on %Ln user(s)…</source>
        <translation>
            <numerusform>Running the safety checks on %Ln user…</numerusform>
            <numerusform>Running the safety checks on %Ln users…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 in %2 s with %Ln API call(s). Nothing was changed in the org.</source>
        <translation>
            <numerusform>Scanned %1 in %2 s with %Ln API call. Nothing was changed in the org.</numerusform>
            <numerusform>Scanned %1 in %2 s with %Ln API calls. Nothing was changed in the org.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln candidate(s)</source>
        <translation>
            <numerusform>%Ln candidate</numerusform>
            <numerusform>%Ln candidates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) in scope (inactive %1 days or more)</source>
        <translation>
            <numerusform>%Ln user in scope (inactive %1 days or more)</numerusform>
            <numerusform>%Ln users in scope (inactive %1 days or more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept safe</source>
        <translation>
            <numerusform>%Ln kept safe</numerusform>
            <numerusform>%Ln kept safe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Candidates have no red finding; users kept safe have at least one. %Ln more user(s) in scope have not been inactive for as long as the policy&apos;s threshold.</source>
        <translation>
            <numerusform>Candidates have no red finding; users kept safe have at least one. %Ln more user in scope have not been inactive for as long as the policy&apos;s threshold.</numerusform>
            <numerusform>Candidates have no red finding; users kept safe have at least one. %Ln more users in scope have not been inactive for as long as the policy&apos;s threshold.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Users of %1 who have not logged in for %Ln day(s) (or the policy&apos;s threshold for their license). The preview writes nothing to the org.</source>
        <translation>
            <numerusform>Users of %1 who have not logged in for %Ln day (or the policy&apos;s threshold for their license). The preview writes nothing to the org.</numerusform>
            <numerusform>Users of %1 who have not logged in for %Ln days (or the policy&apos;s threshold for their license). The preview writes nothing to the org.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln row(s) to %1.</source>
        <translation>
            <numerusform>Saved %Ln row to %1.</numerusform>
            <numerusform>Saved %Ln rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lr::ui::WhatIfChart</name>
    <message numerus="yes">
        <source>At %n day(s): %1 seats flagged, %2 a month.</source>
        <translation>
            <numerusform>At %n day: %1 seats flagged, %2 a month.</numerusform>
            <numerusform>At %n days: %1 seats flagged, %2 a month.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them on licenses without a price (%1), counted as free.</source>
        <translation>
            <numerusform>%n of them on licenses without a price (%1), counted as free.</numerusform>
            <numerusform>%n of them on licenses without a price (%1), counted as free.</numerusform>
        </translation>
    </message>
</context>
</TS>
