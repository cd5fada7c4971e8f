# ./chat load and ./chat report: the load tool (src/Chat.LoadTest) against the running
# servers and Chat.Ingest, and PERFORMANCE.md regenerated from the runs' files.
# shellcheck shell=bash

loadtool_build() {
    log "Building the load tool (Release)"
    dotnet build "$ROOT/src/Chat.LoadTest" -c Release -o "$STATE/tools/loadtest" -v quiet -nologo >/dev/null ||
        die "building the load tool failed (dotnet build src/Chat.LoadTest -c Release)"
}

loadtool() { dotnet "$STATE/tools/loadtest/Chat.LoadTest.dll" "$@"; }

# The charts need a font; Debian's DejaVu is the one ScottPlot finds on a bare machine.
ensure_chart_fonts() { ensure_debian_packages /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core; }

load_run() {
    local arg
    for arg in "$@"; do
        case "$arg" in -h|--help|-\?) loadtool_build; loadtool load --help; return ;; esac
    done
    [ $# -ge 1 ] || die "usage: ./chat load baseline|stress|endurance|batch-sweep [--scale F | --messages N | --duration 15m] [--rate N] ... (./chat load --help)"
    servers_up
    ensure_chart_fonts
    loadtool_build
    local control=1 before after
    for arg in "$@"; do [ "$arg" = "--no-ingest-control" ] && control=""; done
    before=$(service_pid ingest || true)
    # The tool restarts the ingest through this script for every step; build it once up front.
    [ -n "$control" ] && service_build ingest
    set -a
    # shellcheck disable=SC1091
    source "$STATE/chat.env"
    set +a
    local status=0
    ConnectionStrings__ChatQuery=$(pg_connection chat_query) \
    CHAT_INGEST_METRICS_URL="$(service_url ingest)/metrics" \
    CHAT_INGEST_PID_FILE="$(service_pid_file ingest)" \
    CHAT_PG_PID_FILE="$PG_DATA/postmaster.pid" \
    CHAT_RABBITMQ_PID="$(rabbit_pid)" \
    CHAT_SCRIPT="$ROOT/chat" \
    CHAT_SERVICES_PREBUILT=1 \
    CHAT_ROOT="$ROOT" \
    CHAT_COMMAND="./chat load $*" \
        loadtool load "$@" || status=$?
    # If the tool restarted the ingest, leave it as it was found: stopped, or running with its defaults.
    after=$(service_pid ingest || true)
    if [ "$before" != "$after" ]; then
        service_stop ingest
        [ -n "$before" ] && CHAT_SERVICES_PREBUILT=1 service_start ingest
    fi
    return "$status"
}

perf_report() {
    loadtool_build
    CHAT_ROOT="$ROOT" loadtool report "$@"
}
