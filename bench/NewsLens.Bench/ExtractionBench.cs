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

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var slowest = 0.0;
        var slowestName = "";
        var total = 0.0;
        for (var r = 0; r < rounds; r++)
        {
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
            total += sw.Elapsed.TotalSeconds;
            GC.Collect();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {r + 1}: {pages.Count / sw.Elapsed.TotalSeconds:F0} pages/s, {bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s, managed heap after {GC.GetTotalMemory(true) / 1e6:F1} MB"));
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"newslens decode+extract: {pages.Count * rounds / total:F0} pages/s wall, {pages.Count * rounds / cpu:F0} pages per CPU-second (one thread; includes GC); slowest page {slowest:F1} ms wall ({Path.GetFileName(slowestName)})"));
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
        Phases(pages, texts);
        return 0;
    }

    /// <summary>
    /// Where the time goes, stage by stage, in CPU time of this process (the machine may be shared: CPU time,
    /// unlike wall time, does not count the time other processes hold the core).
    /// </summary>
    private static void Phases(List<RawPage> pages, List<string> texts)
    {
        var decoder = new NewsLens.Decode.CharsetDecoder();
        var names = new List<string>();
        var costs = new List<double>();
        void Time(string name, Action action)
        {
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            action();
            names.Add(name);
            costs.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
        }
        Time("decode", () => { foreach (var p in pages) decoder.Decode(p); });
        var roots = new List<HtmlNode>();
        Time("parse", () => { foreach (var t in texts) roots.Add(new HtmlParser(512).Parse(t)); });
        var metas = new List<NewsLens.Extract.PageMetadata>();
        Time("metadata", () => { foreach (var r in roots) metas.Add(new NewsLens.Extract.MetadataReader().Read(r)); });

        Time("classify", () => { foreach (var r in roots) foreach (var d in r.Descendants()) if (d.IsElement) NewsLens.Extract.BoilerplateCues.Classify(d); });
        Time("hidden", () => { foreach (var r in roots) foreach (var d in r.Descendants()) if (d.IsElement) NewsLens.Extract.DomCleaner.IsHidden(d); });
        Time("clean", () => { foreach (var r in roots) new NewsLens.Extract.DomCleaner().Clean(r, new NewsLens.Extract.CleaningLog()); });
        var blocks = new List<List<NewsLens.Extract.TextBlock>>();
        Time("linearize", () => { foreach (var r in roots) blocks.Add(new NewsLens.Extract.BlockLinearizer().Linearize(r)); });
        Time("select", () => { foreach (var b in blocks) new NewsLens.Extract.MainContentSelector().Select(b); });
        Time("trim", () =>
        {
            for (var i = 0; i < blocks.Count; i++)
                new NewsLens.Extract.BoundaryTrimmer().Trim(blocks[i], new NewsLens.Model.RemovalReason?[blocks[i].Count], metas[i].TitleTag);
        });
        Console.WriteLine("phases (CPU ms over the set): " + string.Join(", ", names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {costs[i]:F0}"))));
    }

    private static List<RawPage> LoadPages(string data, string set)
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
