#!/usr/bin/env python3
"""Runs a command and prints the CPU seconds each part of the system used meanwhile.

    python3 benchmarks/cpu-by-process.py dotnet benchmarks/Chat.Ingest.Benchmark/bin/Release/net10.0/Chat.Ingest.Benchmark.dll \
        --phases ingest --messages 400000 --output ''

Samples /proc twice a second (user + system time of every process, grouped as RabbitMQ,
PostgreSQL, Chat.Ingest, Chat.Query, wrk, a benchmark's own process and the rest) and prints
the groups' totals against the CPU seconds the machine had (elapsed x cores): where an
end-to-end rate's time went.
Processes that start and end between two samples are missed; at these run lengths that is noise.
"""
import os
import subprocess
import sys
import time

TICKS = os.sysconf("SC_CLK_TCK")


# The first group whose test matches a process's command line is its group.
GROUPS = (
    ("rabbitmq", lambda cmdline: "beam.smp" in cmdline),
    ("postgres", lambda cmdline: cmdline.startswith("postgres")),
    ("ingest", lambda cmdline: "Chat.Ingest.dll" in cmdline),
    ("query", lambda cmdline: "Chat.Query.dll" in cmdline),
    ("wrk", lambda cmdline: cmdline.startswith("wrk")),
    ("benchmark", lambda cmdline: "Benchmark.dll" in cmdline),
)


def group(cmdline: str) -> str:
    return next((name for name, matches in GROUPS if matches(cmdline)), "other")


def sample(seen: dict) -> None:
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/cmdline") as f:
                cmdline = f.read().replace("\0", " ")
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / TICKS
        first, _, name = seen.get(pid, (cpu, cpu, group(cmdline)))
        seen[pid] = (first, cpu, name)


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    seen: dict = {}
    sample(seen)
    start = time.monotonic()
    child = subprocess.Popen(sys.argv[1:])
    while child.poll() is None:
        time.sleep(0.5)
        sample(seen)
    elapsed = time.monotonic() - start
    totals: dict = {}
    for first, last, name in seen.values():
        totals[name] = totals.get(name, 0.0) + last - first
    available = elapsed * os.cpu_count()
    print(f"elapsed {elapsed:.1f} s, {available:.1f} CPU seconds available ({os.cpu_count()} cores)")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {seconds:7.1f} CPU s  {100 * seconds / available:5.1f} %")
    print(f"  {'total':<22} {sum(totals.values()):7.1f} CPU s  {100 * sum(totals.values()) / available:5.1f} %")
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
