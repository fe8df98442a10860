#!/usr/bin/env bash
# Builds the release preset and runs the scan benchmark: a 100,000-user demo org (override
# with USERS=N), the scan beside a bare fetch of the same pages, medians of ROUNDS rounds
# (default 3), printed as a table. Run tools/dev.sh test (or console) once first, so that the
# packages are installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target bench_scan lrctl
build/release/tests/bench/bench_scan --users "${USERS:-100000}" --rounds "${ROUNDS:-3}"
