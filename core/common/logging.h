#pragma once

#include <QLoggingCategory>

// One category per module, named lr.<module>. Enable with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="lr.org.debug=true". Nothing logged through these may contain a token,
// secret or password; HTTP traffic is logged as method, path, status and duration only.
Q_DECLARE_LOGGING_CATEGORY(lcOrg)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcSoql)
Q_DECLARE_LOGGING_CATEGORY(lcScan)
Q_DECLARE_LOGGING_CATEGORY(lcSafety)
Q_DECLARE_LOGGING_CATEGORY(lcPipeline)
Q_DECLARE_LOGGING_CATEGORY(lcPolicy)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
