# ./chat test: bring the servers up, build the solution and run every test project against them.
# shellcheck shell=bash

# The dashboard's browser test drives Debian's Chromium (playwright-core, installed by the build,
# downloads no browser); fonts so that its screenshots have text.
CHROMIUM=/usr/bin/chromium

ensure_browser() {
    [ -x "$CHROMIUM" ] && [ -d /usr/share/fonts/truetype/dejavu ] && return 0
    log "Installing Chromium and fonts for the dashboard's browser test (Debian packages)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-liberation >/dev/null
    [ -x "$CHROMIUM" ] || die "Chromium is not at $CHROMIUM after installing Debian's chromium package"
}

run_tests() {
    servers_up
    ensure_browser
    set -a
    # shellcheck disable=SC1091
    source "$STATE/chat.env"
    set +a
    log "Building the solution"
    dotnet build "$ROOT/Chat.sln" -c Debug -v quiet -nologo
    log "Running the tests"
    mkdir -p "$LOG_DIR"
    local out=$LOG_DIR/test-output.log status=0
    dotnet test "$ROOT/Chat.sln" -c Debug --no-build -nologo "$@" 2>&1 | tee "$out" || status=$?
    # One closing line for the whole run, summed over the test assemblies.
    awk '
        /(Passed|Failed)! +- +Failed: / {
            for (i = 1; i <= NF; i++) {
                v = $(i + 1); gsub(/,/, "", v)
                if ($i == "Failed:") f += v
                if ($i == "Passed:") p += v
                if ($i == "Skipped:") s += v
            }
        }
        END { printf "%d passed, %d failed, %d skipped\n", p, f, s }
    ' "$out"
    return "$status"
}
