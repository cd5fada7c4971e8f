// The services' Prometheus metrics live in one process-wide registry, and several test classes
// read them (staleness gauges, refresh counters): classes of this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
