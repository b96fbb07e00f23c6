using System.Diagnostics;
using System.Globalization;
using NewsLens.Eval.Links;
using NewsLens.Link;
using NewsLens.Link.Copies;
using NewsLens.Link.Normalise;
using NewsLens.Model;

namespace NewsLens.Bench.Links;

/// <summary>
/// <c>links DATA_DIR [DOCS]</c>: MinHash signatures/s, LSH add and query time at DOCS (default 100,000)
/// indexed documents, thread assignment rate, and memory. The corpus is made from the shared data's
/// articles (People's Daily 1998, CEC) by the eval generator: variants plus recombined paragraphs.
/// </summary>
internal static class LinkBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: NewsLens.Bench links DATA_DIR [DOCS]");
            return 2;
        }
        var docs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var sources = SourceArticles.Load(args[0]);
        Console.WriteLine($"links bench: {sources.Count} source articles, target {docs:N0} documents");
        var texts = Corpus(sources, docs);
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine($"corpus: {texts.Count:N0} texts, {chars / (double)texts.Count:F0} chars on average");

        var folder = new FallbackScriptFolder();
        var detector = new CopyDetector(LinkOptions.Default, folder);
        // Warm-up, then time signing.
        for (var i = 0; i < 200; i++)
            detector.Sign(texts[i]);
        var watch = Stopwatch.StartNew();
        var signatures = new CopySignature[texts.Count];
        for (var i = 0; i < texts.Count; i++)
            signatures[i] = detector.Sign(texts[i]);
        var signSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"sign:   {texts.Count / signSeconds:N0} signatures/s ({chars / signSeconds / 1e6:F1} M chars/s, one thread)");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new LshIndex(LinkOptions.Default);
        watch.Restart();
        for (var i = 0; i < signatures.Length; i++)
            index.Add("d" + i.ToString(CultureInfo.InvariantCulture), signatures[i]);
        var addSeconds = watch.Elapsed.TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"index:  {signatures.Length / addSeconds:N0} adds/s; {index.Count:N0} documents use {(after - before) / 1e6:F0} MB ({(after - before) / (double)index.Count:F0} bytes/doc incl. signature)");

        var rng = new Random(11);
        var queries = Enumerable.Range(0, 2000).Select(_ => signatures[rng.Next(signatures.Length)]).ToArray();
        var times = new double[queries.Length];
        var found = 0L;
        for (var q = 0; q < queries.Length; q++)
        {
            var t0 = Stopwatch.GetTimestamp();
            found += detector.Find(index, queries[q]).Count;
            times[q] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"query:  p50 {times[times.Length / 2]:F3} ms, p95 {times[(int)(times.Length * 0.95)]:F3} ms, p99 {times[(int)(times.Length * 0.99)]:F3} ms at {index.Count:N0} docs (candidates verified; {found / (double)queries.Length:F1} copies per query)"));

        var linkCount = Math.Min(texts.Count, 20_000);
        var linker = LinkResources.Load(AppContext.BaseDirectory).CreateLinker();
        var baseDate = new DateOnly(2025, 1, 1);
        watch.Restart();
        for (var i = 0; i < linkCount; i++)
        {
            var article = EvalArticles.Build("bench:" + i.ToString(CultureInfo.InvariantCulture), "t" + i.ToString(CultureInfo.InvariantCulture), baseDate.AddDays(i / 500), "bench", [texts[i]]);
            linker.Add(new AnalysedArticle(article));
        }
        var linkSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"link:   {linkCount / linkSeconds:N0} articles/s through Linker.Add (sign + copies + thread) over {linkCount:N0} articles, 500 a day; {linker.Threads(2).Count:N0} threads");
        Console.WriteLine($"memory: working set {Environment.WorkingSet / 1e6:F0} MB, GC heap {GC.GetTotalMemory(false) / 1e6:F0} MB");
        return 0;
    }

    /// <summary>
    /// Sources, their generated variants, then recombinations (paragraphs of two random articles) until
    /// <paramref name="target"/> texts: realistic lengths and vocabulary, a realistic share of copies.
    /// </summary>
    private static List<string> Corpus(IReadOnlyList<SourceArticle> sources, int target)
    {
        var texts = new List<string>(target);
        var generator = new VariantGenerator(new Dictionary<char, char>());
        for (var i = 0; i < sources.Count && texts.Count < target; i++)
        {
            foreach (var g in generator.Generate(sources[i], i))
                texts.Add(string.Join("\n\n", g.Paragraphs));
        }
        var rng = new Random(5);
        while (texts.Count < target)
        {
            var a = sources[rng.Next(sources.Count)];
            var b = sources[rng.Next(sources.Count)];
            var paragraphs = a.Paragraphs.Take(Math.Max(1, a.Paragraphs.Count / 2)).Concat(b.Paragraphs.Skip(b.Paragraphs.Count / 2));
            texts.Add(string.Join("\n\n", paragraphs));
        }
        return texts;
    }
}
