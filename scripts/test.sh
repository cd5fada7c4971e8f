# ./chat test: bring the servers up, build the solution and run every test project against them.
# shellcheck shell=bash

run_tests() {
    servers_up
    # The deployment test validates docker/docker-compose.yml with it (no Docker engine needed).
    ensure_debian_packages docker-compose docker-compose
    # The dashboard's browser test drives Debian's Chromium through playwright-core (installed by
    # the build; it downloads no browser); the fonts give its screenshots text.
    ensure_debian_packages /usr/bin/chromium chromium
    ensure_debian_packages /usr/share/fonts/truetype/dejavu fonts-dejavu-core fonts-liberation
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
