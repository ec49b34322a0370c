// Where allocations come from, in a dotnet-trace file of the runtime's allocation ticks (one event per ~100 KB allocated on a
// thread, with its stack). See docs/performance.md, "Profiling":
//
//   dotnet-trace collect --providers Microsoft-Windows-DotNETRuntime:0x1:5 -o alloc.nettrace -- dotnet <benchmark dll> …
//   dotnet run --project bench/profiling/AllocationTicks -- alloc.nettrace            the EC analyzers' frames
//   dotnet run --project bench/profiling/AllocationTicks -- alloc.nettrace METHOD N   below any frame named like METHOD, N frames
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

if (args.Length == 0)
{
    Console.Error.WriteLine("usage: AllocationTicks <file.nettrace> [METHOD [FRAMES]]");
    return 1;
}

using var log = new TraceLog(TraceLog.CreateFromEventPipeDataFile(args[0]));
var method = args.Length > 1 ? args[1] : null;
var depth = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
var inclusive = new Dictionary<string, double>();
var innermost = new Dictionary<string, double>();
double total = 0, matched = 0;

static bool IsEc(string frame) => frame.StartsWith("ErrorContract.Analyzers.", StringComparison.Ordinal) && !frame.StartsWith("ErrorContract.Analyzers.Benchmarks", StringComparison.Ordinal);

static string Short(string frame) => frame.Length > 160 ? frame.Substring(0, 160) : frame;

static void Add(Dictionary<string, double> map, string key, double bytes) => map[key] = map.GetValueOrDefault(key) + bytes;

foreach (var data in log.Events)
{
    if (data is not GCAllocationTickTraceData tick)
    {
        continue;
    }

    double bytes = tick.AllocationAmount64;
    total += bytes;
    var frames = new List<string>();
    for (var frame = data.CallStack(); frame != null; frame = frame.Caller)
    {
        frames.Add(frame.CodeAddress.FullMethodName ?? "?");
    }

    if (method == null)
    {
        var at = frames.FindIndex(IsEc);
        if (at < 0)
        {
            continue;
        }

        matched += bytes;
        foreach (var frame in frames.Where(IsEc).Distinct())
        {
            Add(inclusive, Short(frame), bytes);
        }

        Add(innermost, Short(frames[at]) + "  ->  " + (at > 0 ? Short(frames[at - 1]) : "(itself)") + "  [" + tick.TypeName + "]", bytes);
    }
    else
    {
        var at = frames.FindIndex(f => f.Contains(method, StringComparison.Ordinal));
        if (at < 0)
        {
            continue;
        }

        matched += bytes;
        var chain = string.Join("  <-  ", Enumerable.Range(Math.Max(0, at - depth), Math.Min(at, depth)).Select(i => Short(frames[i])));
        Add(inclusive, (chain.Length == 0 ? "(itself)" : chain) + "  [" + tick.TypeName + "]", bytes);
    }
}

Console.WriteLine($"sampled {total / 1e6:F1} MB, of which {matched / 1e6:F1} MB {(method == null ? "in the EC analyzers' frames" : "below " + method)}");
Console.WriteLine(method == null ? "--- every EC method, inclusive" : "--- the frames below it");
foreach (var (key, bytes) in inclusive.OrderByDescending(p => p.Value).Take(60))
{
    Console.WriteLine($"{bytes / 1e6,9:F2} MB  {key}");
}

if (method == null)
{
    Console.WriteLine("--- innermost EC method -> what it called [type allocated]");
    foreach (var (key, bytes) in innermost.OrderByDescending(p => p.Value).Take(60))
    {
        Console.WriteLine($"{bytes / 1e6,9:F2} MB  {key}");
    }
}

return 0;
