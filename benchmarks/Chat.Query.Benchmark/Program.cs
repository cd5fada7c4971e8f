using Chat.Query.Benchmark;

// ./chat bench query runs this twice: 'prepare' loads the data set, then (with the service
// started on it) 'measure' times every query, runs wrk and writes docs/perf/query.md.
var settings = BenchmarkSettings.Parse(args.Skip(1).ToList());
switch (args.FirstOrDefault())
{
    case "prepare":
        await new BenchmarkDataset(settings).PrepareAsync();
        break;
    case "measure":
        await QueryBenchmark.RunAsync(settings);
        break;
    default:
        Console.Error.WriteLine("usage: Chat.Query.Benchmark prepare|measure [--messages N] [--url U] [--requests N] [--wrk-seconds S] [--connections 8,32,64] [--output FILE]");
        return 2;
}

return 0;
