using System.Diagnostics;
using System.Globalization;
using NewsLens.Model;
using NewsLens.Pipeline;
using NewsLens.Storage;
using NewsLens.Storage.Postgres;
using NewsLens.Storage.Sqlite;

namespace NewsLens.Bench.Storage;

/// <summary>
/// Storage throughput and search latency:
/// <c>storage ingest DATA_DIR --count N (--db FILE | --pg CONNSTR) [--samples DIR]</c> stores N generated articles
/// (one transaction each, as ingest does) and prints articles/s;
/// <c>storage search DATA_DIR (--db FILE | --pg CONNSTR) [--queries N]</c> runs a fixed query mix (entities,
/// common and rare words, two-word queries, 20% with a filter) once to warm up and once timed, and prints
/// p50/p95/p99 latency with the process's peak memory. Run by bench/storage.sh.
/// </summary>
internal static class StorageBench
{
    private const int Seed = 20250415;
    private const int DefaultQueries = 200;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] is not ("ingest" or "search"))
        {
            Console.Error.WriteLine("usage: storage ingest DATA_DIR --count N (--db FILE | --pg CONNSTR) [--samples DIR]");
            Console.Error.WriteLine("       storage search DATA_DIR (--db FILE | --pg CONNSTR) [--queries N]");
            return 2;
        }
        var dataDir = args[1];
        var options = Options(args[2..]);
        var samples = options.GetValueOrDefault("--samples");
        var generator = new CorpusGenerator(dataDir, SampleTexts(samples));
        using var store = Open(options);
        return args[0] == "ingest"
            ? Ingest(store, generator, int.Parse(options.GetValueOrDefault("--count") ?? "100000", CultureInfo.InvariantCulture), options)
            : Search(store, generator, int.Parse(options.GetValueOrDefault("--queries") ?? DefaultQueries.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), options);
    }

    private static int Ingest(IArticleStore store, CorpusGenerator generator, int count, Dictionary<string, string> options)
    {
        var already = store.Counts().Articles;
        Console.WriteLine($"storage ingest: {Kind(options)}, {generator.SentenceCount:N0} corpus sentences, {already:N0} articles already stored, target {count:N0}");
        var clock = Stopwatch.StartNew();
        var generateTime = TimeSpan.Zero;
        long stored = 0;
        var lastReport = Stopwatch.StartNew();
        var g = Stopwatch.StartNew();
        var rowsTime = TimeSpan.Zero;
        var batchSize = int.Parse(options.GetValueOrDefault("--batch") ?? "1", CultureInfo.InvariantCulture);
        if (batchSize > 1)
        {
            // Corpus building only: many articles per transaction (the per-article figure is measured without --batch).
            var sqlite = store as SqliteArticleStore ?? throw new ArgumentException("--batch is for SQLite corpus building");
            sqlite.TuneForBulkLoad();
            foreach (var chunk in generator.Generate(count, Seed).Skip((int)already).Chunk(batchSize))
            {
                stored += sqlite.StoreMany(chunk);
                if (lastReport.Elapsed.TotalSeconds >= 60)
                {
                    Console.WriteLine($"  {already + stored:N0} stored, {stored / clock.Elapsed.TotalSeconds:N0} articles/s (batched)");
                    lastReport.Restart();
                }
            }
            using var me = Process.GetCurrentProcess();
            Console.WriteLine($"storage ingest: {stored:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s in batches of {batchSize} (corpus building); process CPU {me.TotalProcessorTime.TotalSeconds:0.0} s");
            PrintMemory("ingest");
            return 0;
        }
        foreach (var article in generator.Generate(count, Seed).Skip((int)already))
        {
            generateTime += g.Elapsed;
            if (options.ContainsKey("--profile"))
            {
                var r = Stopwatch.StartNew();
                _ = ArticleRows.From(article);
                rowsTime += r.Elapsed;
            }
            store.Store(article);
            stored++;
            if (lastReport.Elapsed.TotalSeconds >= 30)
            {
                Console.WriteLine($"  {already + stored:N0} stored, {stored / clock.Elapsed.TotalSeconds:N0} articles/s");
                lastReport.Restart();
            }
            g.Restart();
        }
        var storeTime = clock.Elapsed - generateTime;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"storage ingest: process CPU {self.TotalProcessorTime.TotalSeconds:0.0} s (user+sys, all threads) for {stored:N0} articles = {self.TotalProcessorTime.TotalMilliseconds / Math.Max(1, stored):0.00} ms CPU per article including generation");
        if (rowsTime > TimeSpan.Zero)
            Console.WriteLine($"storage ingest: flattening (JSON, index terms, rows) {rowsTime.TotalMilliseconds / Math.Max(1, stored):0.00} ms per article");
        Console.WriteLine($"storage ingest: {stored:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s; store time {storeTime.TotalSeconds:0.0} s = {stored / Math.Max(0.001, storeTime.TotalSeconds):N0} articles/s (one transaction per article; generation excluded)");
        if (options.TryGetValue("--db", out var db))
        {
            var size = new FileInfo(db).Length + (File.Exists(db + "-wal") ? new FileInfo(db + "-wal").Length : 0);
            Console.WriteLine($"storage ingest: database {size / 1048576.0:N0} MiB ({size / (double)Math.Max(1, already + stored) / 1024:0.0} KiB per article)");
        }
        PrintMemory("ingest");
        return 0;
    }

    private static int Search(IArticleStore store, CorpusGenerator generator, int count, Dictionary<string, string> options)
    {
        var articles = store.Counts().Articles;
        var queries = QueryMix.Build(generator, count, Seed);
        Console.WriteLine($"storage search: {Kind(options)}, {articles:N0} articles, {queries.Count} queries ({QueryMix.Describe(queries)})");
        foreach (var q in queries)
            store.Search(q); // warm-up: the first pass loads index pages into the cache
        var times = new List<double>(queries.Count);
        var cpu = new List<double>(queries.Count);
        var hits = 0L;
        var empty = 0;
        using var self = Process.GetCurrentProcess();
        foreach (var q in queries)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var r = store.Search(q);
            times.Add(sw.Elapsed.TotalMilliseconds);
            self.Refresh();
            cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            hits += r.Hits.Count;
            if (r.Hits.Count == 0)
                empty++;
        }
        times.Sort();
        cpu.Sort();
        static double P(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        Console.WriteLine($"storage search: wall p50 {P(times, 0.50):0.0} ms, p95 {P(times, 0.95):0.0} ms, p99 {P(times, 0.99):0.0} ms, max {times[^1]:0.0} ms; mean {hits / (double)queries.Count:0.0} hits shown (limit {SearchQuery.DefaultLimit}), {empty} queries without hits");
        // On a shared, loaded machine wall time includes waiting for a core; process CPU time per query is what the query costs.
        Console.WriteLine($"storage search: CPU p50 {P(cpu, 0.50):0.0} ms, p95 {P(cpu, 0.95):0.0} ms, p99 {P(cpu, 0.99):0.0} ms, max {cpu[^1]:0.0} ms (process CPU time per query, all threads)");
        var slow = queries.Zip(times.Count == queries.Count ? ReTime(store, queries) : [], (q, t) => (q, t)).OrderByDescending(x => x.t).Take(5);
        foreach (var (q, t) in slow)
            Console.WriteLine($"  slowest: {t,7:0.0} ms  {q.Text}{Filter(q)}");
        PrintMemory("search");
        return 0;
    }

    /// <summary>Times each query again in its original order, to name the slowest ones.</summary>
    private static List<double> ReTime(IArticleStore store, IReadOnlyList<SearchQuery> queries)
    {
        var list = new List<double>(queries.Count);
        foreach (var q in queries)
        {
            var sw = Stopwatch.StartNew();
            store.Search(q);
            list.Add(sw.Elapsed.TotalMilliseconds);
        }
        return list;
    }

    private static string Filter(SearchQuery q) =>
        (q.Site is not null ? $" --site {q.Site}" : "") + (q.From is not null ? $" --from {q.From:yyyy-MM-dd} --to {q.To:yyyy-MM-dd}" : "") +
        (q.Flag is not null ? $" --flag {q.Flag}" : "") + (q.Entity is not null ? $" --entity {q.Entity}" : "");

    private static void PrintMemory(string phase)
    {
        // VmHWM: the process's peak resident set; the managed heap is only part of it (SQLite's page cache is native).
        var hwm = File.Exists("/proc/self/status")
            ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        using var me = Process.GetCurrentProcess();
        Console.WriteLine($"storage {phase}: peak RSS {hwm ?? (me.PeakWorkingSet64 / 1024 + " kB")}, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB");
    }

    private static IArticleStore Open(Dictionary<string, string> options) =>
        options.TryGetValue("--pg", out var pg) ? new PostgresArticleStore(pg)
        : options.TryGetValue("--db", out var db) ? new SqliteArticleStore(db)
        : throw new ArgumentException("give --db FILE or --pg CONNSTR");

    private static string Kind(Dictionary<string, string> options) => options.ContainsKey("--pg") ? "PostgreSQL" : "SQLite";

    private static IEnumerable<string> SampleTexts(string? samples)
    {
        if (samples is null || !Directory.Exists(samples))
            yield break;
        var pipeline = DefaultPipeline.ExtractOnly();
        foreach (var file in Directory.EnumerateFiles(samples).Order(StringComparer.Ordinal))
        {
            var result = pipeline.Process(new RawPage(file, File.ReadAllBytes(file), null, null, NewsLens.Ingest.FileSource.FormatFromName(file)));
            if (result.Article is { } a)
                yield return a.Article.Text;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            map[args[i]] = args[i + 1];
        return map;
    }
}

/// <summary>The benchmark's query mix, drawn from the corpus vocabulary by frequency band.</summary>
internal static class QueryMix
{
    public static IReadOnlyList<SearchQuery> Build(CorpusGenerator generator, int count, int seed)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in generator.Sentences)
        {
            foreach (var (a, b) in s.Words)
            {
                if (b - a >= 2 && NewsLens.Storage.Search.IndexTerms.IsAllCjk(s.Text.AsSpan(a, b - a)))
                    words[s.Text[a..b]] = words.GetValueOrDefault(s.Text[a..b]) + 1;
            }
            foreach (var (a, b, _) in s.Entities)
            {
                if (b - a >= 2)
                    entities[s.Text[a..b]] = entities.GetValueOrDefault(s.Text[a..b]) + 1;
            }
        }
        var byFreq = words.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToArray();
        var topEntities = entities.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(300).ToArray();
        var common = byFreq.Skip(20).Take(1000).ToArray();
        var rare = byFreq.Skip(5000).Take(25000).ToArray();
        var random = new Random(seed);
        string Pick(string[] from) => from[random.Next(from.Length)];
        var queries = new List<SearchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var text = (i % 10) switch
            {
                0 or 1 or 2 => Pick(topEntities),
                3 or 4 or 5 => Pick(common),
                6 or 7 => Pick(rare),
                _ => Pick(topEntities) + " " + Pick(common),
            };
            var q = new SearchQuery(text);
            q = (i % 15) switch
            {
                0 => q with { Site = $"site{random.Next(40):D2}.example.cn" },
                1 => q with { From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 3, 31) },
                2 => q with { Flag = "spam" },
                _ => q,
            };
            queries.Add(q);
        }
        return queries;
    }

    public static string Describe(IReadOnlyList<SearchQuery> queries) =>
        "30% entity names, 30% common words, 20% rare words, 20% entity + word; " +
        $"{queries.Count(q => q.Site is not null || q.From is not null || q.Flag is not null)} with a site, date or flag filter";
}
