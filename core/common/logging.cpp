#include "core/common/logging.h"

Q_LOGGING_CATEGORY(lcOrg, "lr.org", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "lr.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "lr.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSoql, "lr.demo.soql", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScan, "lr.scan", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSafety, "lr.safety", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPipeline, "lr.pipeline", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPolicy, "lr.policy", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "lr.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "lr.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "lr.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "lr.ui", QtInfoMsg)
