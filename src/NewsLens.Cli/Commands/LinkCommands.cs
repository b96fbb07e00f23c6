using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsLens.Eval.Links;
using NewsLens.Ingest;
using NewsLens.Link;
using NewsLens.Link.Normalise;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;

namespace NewsLens.Cli.Commands;

/// <summary>
/// <c>link PATH...</c>: analyse the given pages and print their copies and story threads (no store needed);
/// <c>eval links</c>: precision/recall of copy detection and thread grouping.
/// </summary>
internal static class LinkCommands
{
    public static Command CreateLink()
    {
        var options = new CommonOptions();
        var all = new Option<bool>("--all")
        {
            Description = "Also list threads of a single article.",
        };
        var command = new Command("link", "Analyse the given pages and print near-duplicates, rewrites, excerpts and story threads with timelines.");
        options.AddTo(command);
        command.Options.Add(all);
        command.SetAction(parsed => RunLink(options.Read(parsed), parsed.GetValue(all) ? ThreadListing.All : ThreadListing.Shared));
        return command;
    }

    /// <summary>The <c>links</c> evaluation; the lead hangs it under the shared <c>eval</c> verb.</summary>
    public static Command CreateEvalLinks()
    {
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "The shared data folder (events/cec, cws/pd98_*) the generated set is built from; without it only the story set runs.",
        };
        var sources = new Option<int>("--sources")
        {
            Description = "How many origin articles to generate copies from.",
            DefaultValueFactory = _ => 400,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the generator (the set is deterministic for a seed).",
            DefaultValueFactory = _ => 7,
        };
        var minCopy = new Option<double>("--min-copy-f1") { Description = "Fail (exit 1) when copy-detection F1 on the generated set is below this." };
        var minThread = new Option<double>("--min-thread-f1") { Description = "Fail when thread F1 on the generated set is below this." };
        var minStory = new Option<double>("--min-story-f1") { Description = "Fail when thread F1 on the story set is below this." };
        var writeWeights = new Option<FileInfo?>("--write-term-weights")
        {
            Description = "Instead of evaluating, build the background bigram table from --data (People's Daily 1998) and write it here.",
        };
        var shingle = new Option<int>("--shingle") { Description = "Shingle length for Han text (calibration; default from LinkOptions)." };
        var pairs = new Option<bool>("--pairs") { Description = "Print the match score of every story-set pair (calibration aid)." };
        var command = new Command("links", "Precision/recall of copy detection and story threads on a generated set and the hand-written story set.");
        command.Options.Add(data);
        command.Options.Add(sources);
        command.Options.Add(seed);
        command.Options.Add(minCopy);
        command.Options.Add(minThread);
        command.Options.Add(minStory);
        command.Options.Add(pairs);
        command.Options.Add(writeWeights);
        command.Options.Add(shingle);
        command.SetAction(parsed =>
        {
            var dir = parsed.GetValue(data);
            if (dir is not null && !dir.Exists)
            {
                Console.Error.WriteLine($"newslens: eval links: data folder {dir.FullName} does not exist");
                return Program.UsageError;
            }
            var resources = AnalysisResources.Load();
            if (parsed.GetValue(writeWeights) is { } weightsFile)
            {
                if (dir is null)
                {
                    Console.Error.WriteLine("newslens: eval links: --write-term-weights needs --data");
                    return Program.UsageError;
                }
                var table = LinkEvaluator.BuildTermWeights(dir.FullName, resources.Link.Folder);
                table.Save(weightsFile.FullName);
                Console.WriteLine($"wrote {table.Count:N0} bigrams over {table.Documents:N0} documents to {weightsFile.FullName}");
                return 0;
            }
            var pipeline = DefaultPipeline.Full(resources);
            var evaluator = new LinkEvaluator(a => Analyse(pipeline, a), resources.Link) {
                ShowStoryPairs = parsed.GetValue(pairs),
                Options = parsed.GetValue(shingle) is > 0 and var k ? LinkOptions.Default with { CjkShingle = k } : null,
            };
            if (resources.Link.Terms.IsUniform)
                Console.Error.WriteLine($"newslens: eval links: no {LinkResources.TermWeightsFile} beside the program; keywords weigh uniformly");
            var report = evaluator.Run(dir?.FullName, Math.Max(1, parsed.GetValue(sources)), parsed.GetValue(seed));
            foreach (var line in LinkEvaluator.Format(report))
                Console.WriteLine(line);
            var failures = new List<string>();
            Check("copy F1", report.Copies.F1, parsed.GetValue(minCopy), dir is not null);
            Check("thread F1", report.Threads.F1, parsed.GetValue(minThread), dir is not null);
            Check("story thread F1", report.StoryThreads.F1, parsed.GetValue(minStory), true);
            foreach (var f in failures)
                Console.Error.WriteLine($"newslens: eval links: {f}");
            return failures.Count == 0 ? 0 : 1;

            void Check(string name, double value, double floor, bool measured)
            {
                if (measured && value < floor)
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F3} is below the floor {floor:F3}"));
            }
        });
        return command;
    }

    private enum ThreadListing
    {
        Shared,
        All,
    }

    private static AnalysedArticle Analyse(ArticlePipeline pipeline, AnalysedArticle article)
    {
        foreach (var analyser in pipeline.Analysers)
            article = analyser.Analyse(article);
        return article;
    }

    private static int RunLink(RunRequest request, ThreadListing listing)
    {
        var resources = AnalysisResources.Load();
        var pipeline = DefaultPipeline.Full(resources);
        var source = new FileSource(new FileSourceOptions(request.Glob, pipeline.Limits.MaxBytes), ContainerReaders.All);
        var results = source.Expand(request.Paths)
            .AsParallel().AsOrdered().WithDegreeOfParallelism(request.Jobs)
            .SelectMany(source.Read)
            .Select(item => item.Page is { } page ? pipeline.Process(page) : ItemResult.Rejected(item.Rejection!))
            .ToList();
        foreach (var r in results.Where(r => r.Rejection is not null))
            Console.Error.WriteLine($"newslens: rejected {r.Source}: {ItemRunner.ReasonText(r.Rejection!.Reason)}: {r.Rejection.Detail}");

        var linked = Linker.LinkAll(resources.Link.CreateLinker(), results.Where(r => r.Article is not null).Select(r => r.Article!));
        var threads = listing == ThreadListing.All
            ? SingleThreads(linked)
            : linked.Threads;

        using var output = request.Out is null ? null : new StreamWriter(request.Out.FullName, append: false, new System.Text.UTF8Encoding(false));
        var writer = output ?? Console.Out;
        var format = request.Format ?? (output is null && !Console.IsOutputRedirected ? OutputFormat.Text : OutputFormat.Jsonl);
        if (format == OutputFormat.Jsonl)
            WriteJsonl(writer, linked, threads);
        else
            WriteText(writer, linked, threads);
        writer.Flush();
        return results.Any(r => r.Rejection is not null) ? ItemRunner.SomeRejected : ItemRunner.AllDone;
    }

    /// <summary>Threads including single-article ones (rebuilt from the articles' own placement).</summary>
    private static IReadOnlyList<StoryThread> SingleThreads(LinkResult linked)
    {
        var shared = linked.Threads.SelectMany(t => t.Members).ToHashSet(StringComparer.Ordinal);
        var singles = linked.Articles
            .Where(a => !shared.Contains(a.Article.Id))
            .Select(a => new StoryThread("t-" + a.Article.Id, a.Article.Title, a.Article.Published?.Date, a.Article.Published?.Date,
                [new TimelineEntry(a.Article.Id, a.Article.Published, a.Article.Published?.Date, a.Article.Title, a.Article.Source, a.Article.Site, ThreadReason.Founder, null, 1)]));
        return [.. linked.Threads, .. singles];
    }

    private static void WriteText(TextWriter w, LinkResult linked, IReadOnlyList<StoryThread> threads)
    {
        var byId = linked.Articles.ToDictionary(a => a.Article.Id, StringComparer.Ordinal);
        string Name(string id) => byId.TryGetValue(id, out var a) ? $"{Short(a.Article.Title ?? "(untitled)")} [{a.Article.Source}]" : id;

        w.WriteLine($"{linked.Articles.Count} articles, {linked.Copies.Count} copy pairs, {linked.Threads.Count} threads with more than one article");
        if (linked.Copies.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Copies");
            foreach (var c in linked.Copies.OrderBy(c => c.Kind).ThenByDescending(c => c.Similarity))
                w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Kind(c.Kind),-14} {c.Similarity:F2}  {Name(c.Earlier)}  <->  {Name(c.Later)}"));
        }
        foreach (var t in threads)
        {
            w.WriteLine();
            var span = t.First is null ? "undated" : t.First == t.Last ? Iso(t.First) : $"{Iso(t.First)} .. {Iso(t.Last)}";
            w.WriteLine($"Thread {t.Id}  {span}  ({t.Timeline.Count} article{(t.Timeline.Count == 1 ? "" : "s")})  {t.Title}");
            foreach (var e in t.Timeline)
            {
                var when = e.Published?.ToIso() ?? (e.Date is { } d ? Iso(d) : "undated");
                var why = e.Reason switch
                {
                    ThreadReason.Founder => "first report",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{Reason(e.Reason)} {e.MatchedId?[..Math.Min(8, e.MatchedId.Length)]} ({e.Score:F2})"),
                };
                w.WriteLine($"  {when,-25} {Short(e.Title ?? "(untitled)"),-40} {e.Site ?? e.Source}  [{why}]");
            }
        }
        var alone = linked.Articles.Count(a => a.Links?.ThreadId is null);
        if (alone > 0 && threads.Count == linked.Threads.Count)
        {
            w.WriteLine();
            w.WriteLine($"{alone} article{(alone == 1 ? "" : "s")} stand alone (use --all to list them).");
        }
    }

    private static void WriteJsonl(TextWriter w, LinkResult linked, IReadOnlyList<StoryThread> threads)
    {
        foreach (var c in linked.Copies)
            w.WriteLine(JsonSerializer.Serialize(new { type = "copy", earlier = c.Earlier, later = c.Later, kind = c.Kind, similarity = c.Similarity }, RecordJson.Options));
        foreach (var t in threads)
            w.WriteLine(JsonSerializer.Serialize(new { type = "thread", id = t.Id, title = t.Title, first = t.First, last = t.Last, timeline = t.Timeline }, RecordJson.Options));
    }

    private static string Kind(CopyKind k) => k switch
    {
        CopyKind.Duplicate => "duplicate",
        CopyKind.NearDuplicate => "near-duplicate",
        CopyKind.Rewrite => "rewrite",
        _ => "excerpt",
    };

    private static string Reason(ThreadReason r) => r switch
    {
        ThreadReason.Copy => "copy of",
        ThreadReason.SameEvent => "same event as",
        _ => "same story as",
    };

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Short(string s) => s.Length <= 40 ? s : s[..39] + "…";
}
