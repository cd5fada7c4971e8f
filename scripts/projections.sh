# ./chat bench projections: refresh durations of the analytics views at given log sizes
# (benchmarks/Chat.Projections.Benchmark), in a benchmark database of the local server.
# shellcheck shell=bash

bench_projections() {
    servers_up
    set -a
    # shellcheck disable=SC1091
    source "$STATE/chat.env"
    set +a
    cd "$ROOT"
    CHAT_SCRIPT="$ROOT/chat" dotnet run -c Release --project "$ROOT/benchmarks/Chat.Projections.Benchmark" -v quiet -- "$@"
}
