using System.Globalization;
using AsyncLead.LoadBench;

// dotnet run -c Release --project bench/AsyncLead.LoadBench -- ack [--seconds 5] [--connections 1,16,64]
//                                                         slow [--seconds 3] [--connections 1,16]
//                                                         save [--seconds 5] [--idle 60] [--connections 1,64]
//                                                         footprint [--idle 10] [--binary path/to/AsyncLead.dll]
//                                                         scheduler [--due 100000] [--rows 1000000] [--processes 1,3]
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "ack";
var seconds = Option("--seconds", "5");
var connections = Connections("1,16,64");

switch (mode)
{
    case "ack":
        await AckPathBench.RunAsync(connections, TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)));
        return 0;
    case "slow":
        await SlowSlackBench.RunAsync(Connections("1,16"), TimeSpan.FromSeconds(double.Parse(Option("--seconds", "3"), CultureInfo.InvariantCulture)));
        return 0;
    case "save":
        await SavePathBench.RunAsync(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Option("--idle", "60"), CultureInfo.InvariantCulture)), Connections("1,64"));
        return 0;
    case "footprint":
        await FootprintBench.RunAsync(restarts: 5, idle: TimeSpan.FromSeconds(double.Parse(Option("--idle", "10"), CultureInfo.InvariantCulture)),
            binary: Option("--binary", "") is { Length: > 0 } binary ? Path.GetFullPath(binary) : null);
        return 0;
    case "scheduler":
        await SchedulerBench.RunAsync(
            due: int.Parse(Option("--due", "100000"), CultureInfo.InvariantCulture),
            filler: int.Parse(Option("--rows", "1000000"), CultureInfo.InvariantCulture),
            processCounts: Option("--processes", "1,3").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList());
        await SchedulerBench.RunRateLimitedAsync(channels: 10, perChannel: int.Parse(Option("--per-channel", "20"), CultureInfo.InvariantCulture));
        return 0;
    case "worker":
        await SchedulerBench.RunWorkerAsync(Option("--connection", ""), Option("--slack", ""));
        return 0;
    default:
        Console.Error.WriteLine("usage: ack [--seconds 5] [--connections 1,16,64] | slow [--seconds 3] [--connections 1,16] | save [--seconds 5] [--idle 60] [--connections 1,64] | footprint [--idle 10] [--binary path] | scheduler [--due 100000] [--rows 1000000] [--processes 1,3] [--per-channel 20]");
        return 2;
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

List<int> Connections(string fallback) =>
    Option("--connections", fallback).Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
