using System.Diagnostics;
using System.Globalization;
using NewsLens.Eval.Extraction;
using NewsLens.Extract.Html;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Bench;

/// <summary>
/// <c>extraction DATA_DIR [aeb|trafilatura|zh|gne] [rounds]</c>: decode+extract throughput on one thread over
/// a whole set (pages held in memory, one warm-up round), parse-only throughput, the slowest page, and
/// managed memory after each round (flat memory = no growth across rounds).
/// </summary>
internal static class ExtractionBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: extraction DATA_DIR [aeb|trafilatura|zh|gne] [rounds]");
            return 2;
        }
        var set = args.Length > 1 ? args[1] : "aeb";
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var pages = LoadPages(args[0], set);
        var bytes = pages.Sum(p => (long)p.Bytes.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"extraction bench: {set}, {pages.Count} pages, {bytes / 1e6:F1} MB, {rounds} rounds after one warm-up, one thread"));

        var pipeline = DefaultPipeline.ExtractOnly();
        foreach (var p in pages)
            pipeline.Process(p);

        var allocBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        var slowest = 0.0;
        var slowestName = "";
        var total = 0.0;
        var cpu = 0.0;
        var bestWall = double.MaxValue;
        var bestCpu = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var roundCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var p in pages)
            {
                var t = Stopwatch.GetTimestamp();
                pipeline.Process(p);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (ms > slowest)
                {
                    slowest = ms;
                    slowestName = p.Source;
                }
            }
            sw.Stop();
            // The forced collection below is the memory probe, not the workload: it is left out of the CPU figure.
            var thisCpu = (Process.GetCurrentProcess().TotalProcessorTime - roundCpu).TotalSeconds;
            cpu += thisCpu;
            bestCpu = Math.Min(bestCpu, thisCpu);
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            total += sw.Elapsed.TotalSeconds;
            GC.Collect();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {r + 1}: {pages.Count / sw.Elapsed.TotalSeconds:F0} pages/s, {bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s, managed heap after {GC.GetTotalMemory(true) / 1e6:F1} MB"));
        }
        var perPage = (GC.GetAllocatedBytesForCurrentThread() - allocBefore) / (double)(pages.Count * rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per page: {perPage / 1e3:F0} KB ({perPage / (bytes / (double)pages.Count):F1}x the page's bytes); gen0 collections {GC.CollectionCount(0) - gcBefore}, time in GC {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms since start"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newslens decode+extract: {pages.Count * rounds / total:F0} pages/s wall, {pages.Count * rounds / cpu:F0} pages per CPU-second (one thread; includes GC); slowest page {slowest:F1} ms wall ({Path.GetFileName(slowestName)})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best round: {pages.Count / bestWall:F0} pages/s wall, {pages.Count / bestCpu:F0} pages per CPU-second"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine load average while running: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores (wall figures suffer when this exceeds the core count)"));

        // Parse cost alone: the share of the budget the tree builder takes.
        var decoder = new NewsLens.Decode.CharsetDecoder();
        var texts = pages.Select(p => decoder.Decode(p).Text).ToList();
        var parser = new HtmlParser(PipelineLimits.Default.MaxDomDepth);
        var psw = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var t in texts)
                parser.Parse(t);
        }
        psw.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parse only (own tree builder): {pages.Count * rounds / psw.Elapsed.TotalSeconds:F0} pages/s"));
        Phases(pages, texts, rounds);
        return 0;
    }

    /// <summary>
    /// Where the time goes, stage by stage, in CPU time of this process (the machine may be shared: CPU time,
    /// unlike wall time, does not count the time other processes hold the core). Each phase runs once per
    /// round on fresh trees; the figure is the round with the least CPU time (the least disturbed by other
    /// load), and the allocation figure is per round.
    /// </summary>
    private static void Phases(List<RawPage> pages, List<string> texts, int rounds)
    {
        var decoder = new NewsLens.Decode.CharsetDecoder();
        var names = new List<string>();
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        var allocated = new Dictionary<string, double>(StringComparer.Ordinal);
        void Time(string name, Action action)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            action();
            var ms = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            if (!best.TryGetValue(name, out var b))
            {
                names.Add(name);
                b = double.MaxValue;
            }
            best[name] = Math.Min(b, ms);
            allocated[name] = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1e6;
        }
        for (var round = 0; round < Math.Max(rounds, 3); round++)
        {
            Time("decode", () => { foreach (var p in pages) decoder.Decode(p); });
            var roots = new List<HtmlNode>();
            Time("parse", () => { foreach (var t in texts) roots.Add(new HtmlParser(512).Parse(t)); });
            var metas = new List<NewsLens.Extract.PageMetadata>();
            Time("metadata", () => { foreach (var r in roots) metas.Add(new NewsLens.Extract.MetadataReader().Read(r)); });
            Time("classify", () =>
            {
                foreach (var r in roots)
                    for (var d = r.FirstChild; d is not null; d = r.NextInSubtree(d))
                        if (d.IsElement)
                            NewsLens.Extract.BoilerplateCues.Classify(d);
            });
            Time("hidden", () =>
            {
                foreach (var r in roots)
                    for (var d = r.FirstChild; d is not null; d = r.NextInSubtree(d))
                        if (d.IsElement)
                            NewsLens.Extract.DomCleaner.IsHidden(d);
            });
            Time("clean", () => { foreach (var r in roots) new NewsLens.Extract.DomCleaner().Clean(r, new NewsLens.Extract.CleaningLog()); });
            var blocks = new List<List<NewsLens.Extract.TextBlock>>();
            Time("linearize", () => { foreach (var r in roots) blocks.Add(new NewsLens.Extract.BlockLinearizer().Linearize(r)); });
            Time("select", () => { foreach (var b in blocks) new NewsLens.Extract.MainContentSelector().Select(b); });
            Time("trim", () =>
            {
                for (var i = 0; i < blocks.Count; i++)
                    new NewsLens.Extract.BoundaryTrimmer().Trim(blocks[i], new NewsLens.Model.RemovalReason?[blocks[i].Count], metas[i].TitleTag);
            });
        }
        Console.WriteLine("phases (CPU ms over the set, least of the rounds): " + string.Join(", ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n} {best[n]:F0}"))));
        Console.WriteLine("phases (MB allocated over the set): " + string.Join(", ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n} {allocated[n]:F0}"))));
    }

    internal static List<RawPage> LoadPages(string data, string set)
    {
        if (set == "gne")
        {
            var root = Path.Combine(data, "extraction", "gne-testpages-zh", "html");
            if (!Directory.Exists(root))
                root = Path.Combine(data, "gne-testpages-zh", "html");
            return Directory.EnumerateFiles(root, "*.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new RawPage(f, ExtractionDatasets.ReadGz(f), null, null, PageFormat.Html)).ToList();
        }
        var ds = set switch { "trafilatura" => ExtractionDataset.Trafilatura, "zh" => ExtractionDataset.Zh, _ => ExtractionDataset.Aeb };
        var folder = ExtractionDatasets.Resolve(data, ds);
        return ExtractionDatasets.Load(folder, ds).Where(p => File.Exists(p.Path))
            .Select(p => new RawPage(p.Path, ExtractionDatasets.ReadGz(p.Path), null, p.Url, PageFormat.Html)).ToList();
    }
}
