#!/usr/bin/env bash
# The README's set-up commands on Debian 12 / Ubuntu 24.04 or newer (see README.md):
#
#   tools/dev.sh console           install what is missing, build, open the console on the
#                                  demo org (needs a display)
#   tools/dev.sh test              install what is missing, build everything, run every test
#   tools/dev.sh screenshot OUT.png [ARGS...]
#                                  the console in a real X window under Xvfb, saved as a PNG
#                                  (ARGS default to --demo)
#
# Safe to run again: installed packages are detected with dpkg-query, and apt-get runs only
# for what is missing. Package list and headless set-up: shared build recipe, §1, §3, §4.
set -Eeuo pipefail

readonly CONSOLE_REL=app/license-reclaim
readonly WINDOW_TITLE='License Reclaim'
readonly SCREEN='-screen 0 1440x900x24'
readonly KEYRING_PASSWORD=ci-password # a throwaway keyring in a temporary XDG_DATA_HOME

# The complete tested list: build, runtime, the headless test tools (Xvfb, screenshots, a
# Secret Service) and the analysis tools. No Recommends are installed, so the dlopen'ed
# pieces are listed explicitly: QSQLITE driver, platform plugins, OpenGL for Charts,
# libsecret for QtKeychain, fonts for any text at all. Node.js comes on top for the tests.
readonly BASE_PACKAGES=(
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev qt6-networkauth-dev
    qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite qt6-qpa-plugins
    qtkeychain-qt6-dev qcoro-qt6-dev
    libssl-dev cmake g++ ninja-build dpkg-dev file
    xvfb xauth x11-utils imagemagick fonts-dejavu-core
    dbus gnome-keyring libsecret-1-0 libsecret-tools
    ccache clazy clang-tidy clang-format
)

script_path=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
repo_root=$(cd "$(dirname "$script_path")/.." && pwd)
caller_dir=$PWD
current_step=""

say() { printf '==> %s\n' "$*"; }
die() {
    printf 'dev.sh: %s\n' "$*" >&2
    exit 1
}
on_error() {
    local status=$?
    [[ -n $current_step ]] && printf 'dev.sh: FAILED (exit %s) while: %s\n' "$status" \
        "$current_step" >&2
    exit "$status"
}
trap on_error ERR

step() { # step <description>: announce a step; on failure on_error names it
    current_step=$1
    say "$1"
}

usage() {
    cat <<'EOF'
usage: tools/dev.sh console
       tools/dev.sh test
       tools/dev.sh screenshot OUT.png [CONSOLE ARGS...]

  console     install missing packages, build (release preset), open the console on the
              built-in demo org
  test        install missing packages (plus Node.js), build everything (ci preset), run
              every test: offscreen, then the keychain tests in a D-Bus session
  screenshot  run the console in an Xvfb window and save the screen (args default: --demo)
EOF
}

# --- packages ------------------------------------------------------------------------------

as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    else
        sudo "$@"
    fi
}

missing=()
find_missing() { # find_missing <package...>: sets missing=() to those not installed
    local -A state_of=()
    local name state
    while read -r name state; do
        [[ -n $name ]] && state_of[$name]=$state
    done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
    missing=()
    for name in "$@"; do
        [[ ${state_of[$name]:-} == installed ]] || missing+=("$name")
    done
}

install_packages() { # install_packages <package...>
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        die "this script needs Debian or Ubuntu (dpkg and apt-get)"
    fi
    local -a wanted
    mapfile -t wanted < <(printf '%s\n' "$@" | sort -u)
    find_missing "${wanted[@]}"
    if [[ ${#missing[@]} -eq 0 ]]; then
        say "System packages: all ${#wanted[@]} installed"
        return
    fi
    if [[ $EUID -ne 0 ]] && ! command -v sudo >/dev/null 2>&1; then
        die "not root and no sudo: as root, apt-get install ${missing[*]}"
    fi
    step "Installing ${#missing[@]} missing package(s) (a minute or two): ${missing[*]}"
    local log status=0
    log=$(mktemp "${TMPDIR:-/tmp}/lr-apt.XXXXXX")
    {
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
                --no-install-recommends "${missing[@]}"
    } >"$log" 2>&1 || status=$?
    if [[ $status -ne 0 ]]; then
        tail -n 40 "$log" >&2
        rm -f "$log"
        die "apt-get failed (exit $status); its last lines are above"
    fi
    grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$log" || true
    rm -f "$log"
    find_missing "${missing[@]}"
    [[ ${#missing[@]} -eq 0 ]] || die "still not installed after apt-get: ${missing[*]}"
}

install_node() {
    # A Node.js from elsewhere (e.g. with its own npm) is fine; Debian's npm would conflict.
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        say "Node.js: $(node --version), npm $(npm --version)"
    else
        install_packages nodejs npm
    fi
    node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
        || die "Node.js $(node --version) is too old: the jsforce check needs Node.js 18+"
}

check_qt_version() {
    local version
    version=$(dpkg-query -W -f='${Version}' qt6-base-dev)
    dpkg --compare-versions "$version" ge 6.4 \
        || die "qt6-base-dev is $version; the project needs Qt 6.4+ (Debian 12, Ubuntu 24.04)"
}

install_base() { # install_base [extra package...]
    install_packages "${BASE_PACKAGES[@]}" "$@"
    check_qt_version
}

# --- build ---------------------------------------------------------------------------------

configure() { # configure <preset>
    local -a extra=()
    if command -v ccache >/dev/null 2>&1; then
        extra+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    step "Configuring (preset $1${extra:+, ccache})"
    cmake --preset "$1" "${extra[@]}" >"build/configure-$1.log" 2>&1 \
        || { tail -n 40 "build/configure-$1.log" >&2; false; }
}

build() { # build <preset> [target]
    step "Building (preset $1${2:+, target $2})"
    if [[ -n ${2:-} ]] && ! ninja -C "build/$1" -t query "$2" >/dev/null 2>&1; then
        die "the build defines no target '$2' yet (app/CMakeLists.txt)"
    fi
    cmake --build --preset "$1" ${2:+--target "$2"}
}

build_console() {
    install_base
    mkdir -p build
    configure release
    build release license-reclaim
}

# --- console -------------------------------------------------------------------------------

cmd_console() {
    build_console
    local console=build/release/$CONSOLE_REL
    if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
        printf 'dev.sh: no display (%s and %s are empty): run %s --demo %s\n' \
            "\$DISPLAY" "\$WAYLAND_DISPLAY" "$repo_root/$console" \
            'in a desktop session, or tools/dev.sh screenshot shot.png' >&2
        exit 1
    fi
    current_step=""
    say "Opening the console on the demo org: $console --demo $*"
    exec "$console" --demo "$@"
}

# --- test ----------------------------------------------------------------------------------

npm_ci() {
    local dir=tests/compat/jsforce
    local stamp=$dir/node_modules/.lr-package-lock.sha256
    local sum
    sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [[ -f $stamp && $(<"$stamp") == "$sum" && -d $dir/node_modules/jsforce ]]; then
        say "npm: $dir/node_modules matches package-lock.json"
        return
    fi
    step "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    printf '%s\n' "$sum" >"$stamp"
}

passed=0
failed=0
count_results() { # count_results <ctest log>: adds ctest's closing counts to the totals
    local line total fails
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$1" \
        | tail -n 1 || true)
    [[ -n $line ]] || return 0
    fails=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + total - fails))
    failed=$((failed + fails))
}

cmd_test() {
    install_base ca-certificates # npm ci needs them for the registry; only a Recommends
    install_node
    mkdir -p build
    configure ci
    build ci
    npm_ci

    local scratch status_main=0 status_keychain=0
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/lr-dev-test.XXXXXX")
    # shellcheck disable=SC2064 # expand now: the path is fixed
    trap "rm -rf '$scratch'" EXIT
    mkdir -m 700 "$scratch/runtime" "$scratch/keyring-runtime"
    mkdir "$scratch/keyring-data"

    step "Tests without the keychain (offscreen)"
    {
        QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$scratch/runtime \
            ctest --preset ci -LE keychain 2>&1 | tee "$scratch/main.log"
    } || status_main=$?
    count_results "$scratch/main.log"

    # Secret Service on a private bus: gnome-keyring with a fresh keyring, unlocked from
    # stdin. Never with a display: a keyring prompt would open there and hang the tests.
    step "Keychain tests (D-Bus session, unlocked gnome-keyring)"
    # shellcheck disable=SC2016 # expanded by the shell inside the D-Bus session
    local in_session='printf %s "$KEYRING_PASSWORD" \
            | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec ctest --preset ci -L keychain'
    {
        env -u DISPLAY -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
            XDG_RUNTIME_DIR="$scratch/keyring-runtime" XDG_DATA_HOME="$scratch/keyring-data" \
            KEYRING_PASSWORD="$KEYRING_PASSWORD" \
            dbus-run-session -- bash -c "$in_session" 2>&1 | tee "$scratch/keychain.log"
    } || status_keychain=$?
    count_results "$scratch/keychain.log"
    current_step=""

    if [[ $status_main -ne 0 || $status_keychain -ne 0 ]] && [[ $failed -eq 0 ]]; then
        failed=1 # ctest itself failed (no tests found, crash) without counting a test
    fi
    printf '\ntests: %d passed, %d failed\n' "$passed" "$failed"
    [[ $failed -eq 0 && $status_main -eq 0 && $status_keychain -eq 0 ]]
}

# --- screenshot ----------------------------------------------------------------------------

cmd_screenshot() {
    [[ $# -ge 1 ]] || die "usage: tools/dev.sh screenshot OUT.png [CONSOLE ARGS...]"
    local out=$1
    shift
    [[ $out == /* ]] || out=$caller_dir/$out
    [[ $# -gt 0 ]] || set -- --demo
    build_console
    step "Screenshot of '$CONSOLE_REL $*' under Xvfb to $out"
    env -u WAYLAND_DISPLAY xvfb-run -a -s "$SCREEN" \
        bash "$script_path" _shot-inner "$out" "build/release/$CONSOLE_REL" "$@"
    current_step=""
    say "Saved $out"
}

# Runs inside xvfb-run: start the console, wait for its window, grab the screen, stop it.
cmd_shot_inner() {
    local out=$1 console=$2
    shift 2
    QT_QPA_PLATFORM=xcb "$console" "$@" &
    local pid=$! waited=0
    # shellcheck disable=SC2064 # expand now: the pid is fixed
    trap "kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true" EXIT
    until xwininfo -root -tree 2>/dev/null | grep -qF "$WINDOW_TITLE"; do
        kill -0 "$pid" 2>/dev/null || die "the console exited before showing its window"
        ((waited < 300)) || die "no window titled '$WINDOW_TITLE' after 30 s"
        sleep 0.1
        waited=$((waited + 1))
    done
    sleep 2 # let the first page finish loading and painting
    kill -0 "$pid" 2>/dev/null || die "the console exited while loading"
    import -window root "$out"
}

# --- main ----------------------------------------------------------------------------------

cd "$repo_root"
command=${1:-}
[[ $# -gt 0 ]] && shift
case $command in
console) cmd_console "$@" ;;
test)
    [[ $# -eq 0 ]] || die "tools/dev.sh test takes no arguments"
    cmd_test
    ;;
screenshot) cmd_screenshot "$@" ;;
_shot-inner) cmd_shot_inner "$@" ;;
-h | --help | help) usage ;;
*)
    [[ -z $command ]] || printf "dev.sh: unknown command '%s'\n" "$command" >&2
    usage >&2
    exit 2
    ;;
esac
