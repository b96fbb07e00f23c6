namespace NewsLens.Bench;

/// <summary>Whole-corpus throughput runs: <c>dotnet run -c Release --project bench/NewsLens.Bench -- AREA DATA_DIR</c>.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var benches = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
        {
            ["language"] = Language.LanguageBench.Run,
            ["extraction"] = ExtractionBench.Run,
            ["extraction-trace"] = ExtractionTrace.Run,
            ["extraction-digest"] = ExtractionDigest.Run,
            ["extraction-loop"] = ExtractionLoop.Run,
            ["dates"] = DatesBench.Run,
            ["storage"] = Storage.StorageBench.Run,
            ["links"] = Links.LinkBench.Run,
        };
        if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: NewsLens.Bench AREA [args]; areas: {string.Join(", ", benches.Keys.Order(StringComparer.Ordinal))}");
            return 2;
        }
        return run(args[1..]);
    }
}
