# ./chat bench ingest [options]: the ingest throughput benchmark; writes docs/perf/ingest.md.
# Needs the machine to itself for figures worth quoting (see docs/INGEST-TUNING.md).
# shellcheck shell=bash

bench_ingest() {
    servers_up
    set -a
    # shellcheck disable=SC1091
    source "$STATE/chat.env"
    set +a
    log "Building Chat.Ingest and its benchmark (Release)"
    dotnet build "$ROOT/benchmarks/Chat.Ingest.Benchmark" -c Release -v quiet -nologo
    dotnet "$ROOT/benchmarks/Chat.Ingest.Benchmark/bin/Release/net10.0/Chat.Ingest.Benchmark.dll" "$@"
}
