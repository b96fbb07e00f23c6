using System.Diagnostics;
using System.Globalization;
using NewsLens.Pipeline;

namespace NewsLens.Bench;

/// <summary>
/// <c>extraction-loop DATA_DIR SET ROUNDS</c>: the decode+extract loop of <see cref="ExtractionBench"/> alone, with
/// nothing else in the process (no phase split, no parse-only pass), so a sampling profiler (perf with
/// DOTNET_PerfMapEnabled=1) sees only the pipeline, and old and new builds can be run alternately. Prints one line:
/// pages per CPU-second over all rounds and for the least disturbed round, KB allocated per page, and the load.
/// </summary>
internal static class ExtractionLoop
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: extraction-loop DATA_DIR [aeb|trafilatura|zh|gne] ROUNDS");
            return 2;
        }
        var pages = ExtractionBench.LoadPages(args[0], args[1]);
        var rounds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var pipeline = DefaultPipeline.ExtractOnly();
        foreach (var p in pages)
            pipeline.Process(p);
        var allocBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpu = 0.0;
        var bestCpu = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var p in pages)
                pipeline.Process(p);
            var thisCpu = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalSeconds;
            cpu += thisCpu;
            bestCpu = Math.Min(bestCpu, thisCpu);
        }
        var perPage = (GC.GetAllocatedBytesForCurrentThread() - allocBefore) / (double)(pages.Count * rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args[1]}: {pages.Count * rounds / cpu:F0} pages per CPU-second, best round {pages.Count / bestCpu:F0}, {perPage / 1e3:F0} KB allocated per page, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return 0;
    }
}
