#!/usr/bin/env bash
# Runs the unmodified jsforce client (tests/compat/jsforce/check.mjs) against a demo org
# served by lrctl, and exits with node's status.
#
# Usage: run_jsforce.sh <path-to-lrctl>
#
# lrctl demo-org serve must print exactly these four lines first on stdout, then keep
# serving until it is terminated:
#   instance_url=http://127.0.0.1:PORT
#   access_token=...
#   analyst_token=...
#   viewer_token=...
set -euo pipefail

readonly USERS=3000
readonly SEED=7
# Seconds for lrctl to generate the org and print its lines.
readonly START_TIMEOUT=${LR_COMPAT_START_TIMEOUT:-120}

die() {
    printf 'compat_jsforce: %s\n' "$*" >&2
    exit 1
}

[[ $# -eq 1 ]] || die "usage: $0 <path-to-lrctl>"
[[ -f $1 && -x $1 ]] || die "lrctl is not an executable file: $1"
lrctl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: the server runs elsewhere

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
client_dir=$here/jsforce
command -v node >/dev/null 2>&1 \
    || die "node is not installed (tools/dev.sh test installs nodejs and npm)"
[[ -f $client_dir/node_modules/jsforce/package.json ]] \
    || die "jsforce is not installed: run npm ci in tests/compat/jsforce"

work=$(mktemp -d "${TMPDIR:-/tmp}/lr-compat-jsforce.XXXXXX")
server_pid=""

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

show_server_log() {
    printf -- '--- lrctl stdout ---\n' >&2
    head -c 4000 "$work/stdout" >&2 || true
    printf -- '--- lrctl stderr (last lines) ---\n' >&2
    tail -n 30 "$work/stderr" >&2 || true
}

# The server keeps its files in the scratch dir, never in the user's home.
mkdir -p "$work/data" "$work/config" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
# Created here, not by the background job's redirection, which may run after the first poll.
: >"$work/stdout"
: >"$work/stderr"
(
    cd "$work"
    exec env XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
        XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime" \
        "$lrctl" demo-org serve --users "$USERS" --seed "$SEED"
) >"$work/stdout" 2>"$work/stderr" &
server_pid=$!

# Wait for the four lines (by polling the file: a pipe would block on a silent server).
deadline=$((SECONDS + START_TIMEOUT))
while :; do
    lines=$(wc -l <"$work/stdout")
    ((lines >= 4)) && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        status=0
        wait "$server_pid" || status=$?
        server_pid=""
        show_server_log
        die "lrctl demo-org serve exited with status $status before printing its four lines"
    fi
    if ((SECONDS >= deadline)); then
        show_server_log
        die "lrctl demo-org serve printed $lines of 4 lines in ${START_TIMEOUT} s" \
            "(is its stdout flushed after each line?)"
    fi
    sleep 0.2
done

value_of() { # value_of <line-number> <key>: the value of "key=value" on that line
    local line
    line=$(sed -n "${1}p" "$work/stdout")
    line=${line%$'\r'}
    if [[ $line != "$2="?* ]]; then
        show_server_log
        die "line $1 of lrctl's output should be $2=..., got: ${line:0:80}"
    fi
    printf '%s' "${line#"$2="}"
}
instance_url=$(value_of 1 instance_url)
access_token=$(value_of 2 access_token)
value_of 3 analyst_token >/dev/null
value_of 4 viewer_token >/dev/null
[[ $instance_url =~ ^http://127\.0\.0\.1:[0-9]+$ ]] \
    || die "instance_url should be http://127.0.0.1:PORT, got: $instance_url"

echo "compat_jsforce: demo org at $instance_url ($USERS users, seed $SEED)"

# The demo org is on loopback: a proxy from the environment must not intercept jsforce.
status=0
env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY -u all_proxy -u ALL_PROXY \
    node "$client_dir/check.mjs" "$instance_url" "$access_token" || status=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
    show_server_log
    printf 'compat_jsforce: lrctl demo-org serve died during the check\n' >&2
    ((status != 0)) || status=1
elif ((status != 0)); then
    show_server_log
fi
exit "$status"
