# ./chat bench query (bench_query): load N messages into a database of their own
# (chat_bench_query), start Chat.Query (Release) on it, time every query over HTTP, measure the
# room timeline's requests/s with wrk at a few concurrency levels, EXPLAIN the hot queries, and
# write docs/perf/query.md. Needs the machine to itself for real figures; every load is bounded in
# count and time.
# shellcheck shell=bash

bench_query_usage() {
    cat <<USAGE
./chat bench query [--messages N] [--requests N] [--wrk-seconds S] [--connections "8,32,64"]
  --messages     messages to load (default 10000000; the data set is reused when unchanged)
  --requests     timed requests per query (default 1000; capped at 60 s per query)
  --wrk-seconds  duration of each wrk run (default 10)
  --connections  wrk concurrency levels (default 8,32,64)
USAGE
}

bench_query() {
    local messages=10000000 requests=1000 seconds=10 connections="8,32,64"
    while [ $# -gt 0 ]; do
        case "$1" in
            --messages) messages=$2; shift 2 ;;
            --requests) requests=$2; shift 2 ;;
            --wrk-seconds) seconds=$2; shift 2 ;;
            --connections) connections=$2; shift 2 ;;
            -h|--help) bench_query_usage; return 0 ;;
            *) bench_query_usage >&2; die "unknown option $1" ;;
        esac
    done
    local command="./chat bench query --messages $messages --requests $requests --wrk-seconds $seconds --connections $connections"

    servers_up
    ensure_debian_packages wrk wrk
    set -a
    # shellcheck disable=SC1091
    source "$STATE/chat.env"
    set +a

    log "Building the service and the benchmark (Release)"
    dotnet build "$ROOT/benchmarks/Chat.Query.Benchmark" -c Release -v quiet -nologo -clp:ErrorsOnly
    local bench="$ROOT/benchmarks/Chat.Query.Benchmark/bin/Release/net10.0/Chat.Query.Benchmark.dll"
    local service="$ROOT/src/Chat.Query/bin/Release/net10.0/Chat.Query.dll"

    log "Preparing $messages messages"
    dotnet "$bench" prepare --messages "$messages"

    local port=${CHAT_QUERY_BENCH_PORT:-$((PG_PORT + 20))} pid
    local url="http://127.0.0.1:$port"
    log "Starting Chat.Query on $url"
    mkdir -p "$LOG_DIR"
    (
        cd "$ROOT/src/Chat.Query" &&
        exec env ConnectionStrings__Chat="Host=127.0.0.1;Port=$PG_PORT;Database=chat_bench_query;Username=chat_query;Password=$CHAT_QUERY_PASSWORD" \
            'Serilog__MinimumLevel__Override__Serilog.AspNetCore.RequestLoggingMiddleware=Warning' \
            Access__Open=true RateLimit__PermitsPerSecond=1000000 \
            ASPNETCORE_ENVIRONMENT=Production \
            dotnet "$service" --urls "$url"
    ) > "$LOG_DIR/query-bench-service.log" 2>&1 &
    pid=$!
    # shellcheck disable=SC2064
    trap "kill $pid 2>/dev/null || true" EXIT
    local i
    for i in $(seq 1 60); do
        curl -sf "$url/health/ready" >/dev/null && break
        kill -0 "$pid" 2>/dev/null || { tail -n 20 "$LOG_DIR/query-bench-service.log" >&2; die "Chat.Query did not start"; }
        sleep 1
    done
    curl -sf "$url/health/ready" >/dev/null || die "Chat.Query is not ready on $url"

    log "Measuring"
    (cd "$ROOT" && dotnet "$bench" measure --messages "$messages" --url "$url" --requests "$requests" \
        --wrk-seconds "$seconds" --connections "$connections" --output docs/perf/query.md --command "$command")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    trap - EXIT
}
