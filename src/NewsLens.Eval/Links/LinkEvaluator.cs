using System.Diagnostics;
using System.Globalization;
using NewsLens.Link;
using NewsLens.Link.Normalise;
using NewsLens.Link.Threads;
using NewsLens.Model;

namespace NewsLens.Eval.Links;

/// <summary>Copy-detection scores on the generated set (origin–variant pairs are the positives).</summary>
internal sealed record CopyScores(long TruePositive, long FalsePositive, long Positives, IReadOnlyDictionary<VariantKind, (int Found, int Total)> ByVariant, double KindAgreement)
{
    public double Precision => TruePositive + FalsePositive == 0 ? 1 : TruePositive / (double)(TruePositive + FalsePositive);

    public double Recall => Positives == 0 ? 1 : TruePositive / (double)Positives;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

internal sealed record LinkEvalReport(
    int Sources,
    int Articles,
    CopyScores Copies,
    PairCounts Threads,
    int StoryArticles,
    PairCounts StoryThreads,
    int StoryFalseCopies,
    double ArticlesPerSecond,
    IReadOnlyList<string> Notes);

/// <summary>
/// Runs the linker on (1) copies generated from real articles of the shared data and (2) the hand-written
/// story set, and scores copy detection and thread grouping. <paramref name="analyse"/> applies whatever
/// analysers the pipeline has (entities, dates, events), so thread grouping is measured with them.
/// </summary>
internal sealed class LinkEvaluator(Func<AnalysedArticle, AnalysedArticle> analyse, LinkResources resources)
{
    /// <summary>Examples of each error kind printed in the report.</summary>
    private const int ExamplesShown = 5;

    public LinkEvalReport Run(string? dataDir, int maxSources, int seed)
    {
        var notes = new List<string>();
        var generated = new List<(Article Article, GeneratedArticle Gold)>();
        var sources = 0;
        if (dataDir is not null)
        {
            var all = SourceArticles.Load(dataDir);
            var rng = new Random(seed);
            var chosen = all.OrderBy(_ => rng.Next()).Take(maxSources).OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
            sources = chosen.Length;
            var generator = new VariantGenerator(TraditionalMap(resources.Folder));
            foreach (var (source, i) in chosen.Select((s, i) => (s, i)))
            {
                foreach (var g in generator.Generate(source, seed * 100_003 + i))
                {
                    var article = EvalArticles.Build($"gen:{g.Origin}#{g.Kind.ToString().ToLowerInvariant()}", g.Title, g.Date, g.Site, g.Paragraphs);
                    generated.Add((article, g));
                }
            }
        }

        var watch = Stopwatch.StartNew();
        var result = Linker.LinkAll(resources.CreateLinker(Options), generated.Select(g => analyse(new AnalysedArticle(g.Article))));
        var rate = generated.Count / Math.Max(watch.Elapsed.TotalSeconds, 1e-6);
        var gold = generated.ToDictionary(g => g.Article.Id, g => g.Gold, StringComparer.Ordinal);
        var copies = ScoreCopies(result, gold, notes);
        var threads = PairCounts.FromLabels(result.Articles.Select(a => (a.Links?.ThreadId, gold[a.Article.Id].Origin)).ToArray());
        ExplainThreadErrors(result, id => gold[id].Origin, id => $"{gold[id].Origin}#{gold[id].Kind}", "generated", notes);

        var stories = StorySet.Load();
        var storyArticles = stories.Select(s => (Article: EvalArticles.Build("story:" + s.Id, s.Title, s.Date, s.Site, s.Paragraphs), Gold: s)).ToArray();
        var storyGold = storyArticles.ToDictionary(s => s.Article.Id, s => s.Gold, StringComparer.Ordinal);
        var storyResult = Linker.LinkAll(resources.CreateLinker(Options), storyArticles.Select(s => analyse(new AnalysedArticle(s.Article))));
        var storyThreads = PairCounts.FromLabels(storyResult.Articles.Select(a => (a.Links?.ThreadId, storyGold[a.Article.Id].Story)).ToArray());
        ExplainThreadErrors(storyResult, id => storyGold[id].Story, id => storyGold[id].Id, "stories", notes);
        foreach (var c in storyResult.Copies)
            notes.Add($"stories: copy reported between independent texts {storyGold[c.Earlier].Id} and {storyGold[c.Later].Id} ({c.Kind}, {c.Similarity:F2})");

        if (ShowStoryPairs)
        {
            var profiler = new NewsLens.Link.Threads.StoryProfiler(resources.Folder, resources.Terms);
            var detector = new NewsLens.Link.Copies.CopyDetector(Options ?? LinkOptions.Default, resources.Folder);
            var profiles = storyResult.Articles.Select(a => (Profile: profiler.Profile(a), Gold: storyGold[a.Article.Id])).ToArray();
            for (var i = 0; i < profiles.Length; i++)
            {
                for (var j = i + 1; j < profiles.Length; j++)
                {
                    var (pa, ga) = profiles[i];
                    var (pb, gb) = profiles[j];
                    var m = NewsLens.Link.Threads.StoryMatcher.Score(pa, pb, null);
                    var terms = pa.Keywords.Cosine(pb.Keywords);
                    var jac = NewsLens.Link.Copies.CopyClassifier.Compare(
                        detector.Sign(storyResult.Articles[i].Article), detector.Sign(storyResult.Articles[j].Article)).Jaccard;
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"pair {ga.Id}~{gb.Id} {(string.Equals(ga.Story, gb.Story, StringComparison.Ordinal) ? "SAME" : "diff")} score={m.Score:F3} cosine={terms:F3} J={jac:F3}"));
                }
            }
        }
        return new LinkEvalReport(sources, generated.Count, copies, threads, storyArticles.Length, storyThreads, storyResult.Copies.Count, rate, notes);
    }

    /// <summary>Linking options under test (calibration of shingle length and banding).</summary>
    public LinkOptions? Options { get; init; }

    /// <summary>Prints every story-set pair's score (calibration aid).</summary>
    public bool ShowStoryPairs { get; init; }

    private static CopyScores ScoreCopies(LinkResult result, Dictionary<string, GeneratedArticle> gold, List<string> notes)
    {
        long tp = 0, fp = 0, kindRight = 0;
        var found = new HashSet<(string, string)>();
        var wrongShown = 0;
        foreach (var pair in result.Copies)
        {
            var a = gold[pair.Earlier];
            var b = gold[pair.Later];
            if (!string.Equals(a.Origin, b.Origin, StringComparison.Ordinal))
            {
                fp++;
                if (wrongShown++ < ExamplesShown)
                    notes.Add($"generated: false copy {a.Origin}#{a.Kind} ~ {b.Origin}#{b.Kind} ({pair.Kind}, {pair.Similarity:F2})");
                continue;
            }
            if (a.Kind != VariantKind.Original && b.Kind != VariantKind.Original)
                continue; // two variants of one origin: not scored either way
            var variant = a.Kind == VariantKind.Original ? b : a;
            tp++;
            found.Add((variant.Origin, variant.Kind.ToString()));
            if (Expected(variant.Kind).Contains(pair.Kind))
                kindRight++;
        }
        var byVariant = new Dictionary<VariantKind, (int, int)>();
        var missedShown = 0;
        foreach (var group in gold.Values.Where(g => g.Kind != VariantKind.Original).GroupBy(g => g.Kind))
        {
            var total = group.Count();
            var hit = group.Count(g => found.Contains((g.Origin, g.Kind.ToString())));
            byVariant[group.Key] = (hit, total);
            foreach (var miss in group.Where(g => !found.Contains((g.Origin, g.Kind.ToString()))).Take(ExamplesShown - Math.Min(ExamplesShown, missedShown)))
            {
                missedShown++;
                notes.Add($"generated: missed copy {miss.Origin}#{miss.Kind}");
            }
        }
        var positives = byVariant.Values.Sum(v => (long)v.Item2);
        return new CopyScores(tp, fp, positives, byVariant, tp == 0 ? 0 : kindRight / (double)tp);
    }

    /// <summary>The kinds a correct classifier may give each variant (a light rewrite can be a near-duplicate).</summary>
    private static CopyKind[] Expected(VariantKind kind) => kind switch
    {
        VariantKind.Repost => [CopyKind.Duplicate, CopyKind.NearDuplicate],
        VariantKind.Traditional => [CopyKind.Duplicate, CopyKind.NearDuplicate],
        VariantKind.Rewrite => [CopyKind.NearDuplicate, CopyKind.Rewrite],
        VariantKind.Excerpt => [CopyKind.Excerpt],
        VariantKind.Rework => [CopyKind.Rewrite],
        _ => [],
    };

    private static void ExplainThreadErrors(LinkResult result, Func<string, string> goldOf, Func<string, string> nameOf, string set, List<string> notes)
    {
        var shown = 0;
        foreach (var thread in result.Threads)
        {
            var stories = thread.Timeline.GroupBy(e => goldOf(e.ArticleId), StringComparer.Ordinal).ToArray();
            if (stories.Length > 1 && shown++ < ExamplesShown)
                notes.Add($"{set}: thread {thread.Id} merges {string.Join(" + ", stories.Select(g => string.Join(",", g.Select(e => nameOf(e.ArticleId)))))}");
        }
        shown = 0;
        var byGold = result.Articles.GroupBy(a => goldOf(a.Article.Id), StringComparer.Ordinal);
        foreach (var g in byGold)
        {
            var threads = g.Select(a => a.Links?.ThreadId ?? "alone:" + nameOf(a.Article.Id)).Distinct(StringComparer.Ordinal).Count();
            if (threads > 1 && shown++ < ExamplesShown)
                notes.Add($"{set}: story {g.Key} split over {threads} threads: {string.Join(", ", g.Select(a => nameOf(a.Article.Id) + "→" + (a.Links?.ThreadId ?? "alone")))}");
        }
    }

    /// <summary>
    /// Simplified → traditional for the script-change variant: the Unihan table (models/t2s.txt) inverted
    /// when it is loaded, else the built-in fallback table inverted (then the variant measures shingling
    /// across a script change, not the table's coverage).
    /// </summary>
    private static Dictionary<char, char> TraditionalMap(IScriptFolder folder) => ChainedScriptFolder.Inverse(folder);

    /// <summary>
    /// Builds the background bigram table from People's Daily 1998 (the CEC corpus is for evaluation only and
    /// stays out): the reproducible source of models/link/bigram-df.bin.
    /// </summary>
    public static TermWeights BuildTermWeights(string dataDir, IScriptFolder folder)
    {
        var normaliser = new LinkTextNormaliser(folder);
        var docs = SourceArticles.LoadPeoplesDaily(dataDir).Select(a => normaliser.Normalise(a.Title + " " + string.Join(" ", a.Paragraphs)));
        return TermWeights.FromDocuments(docs);
    }

    public static IEnumerable<string> Format(LinkEvalReport r)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Create(inv, $"links: generated set: {r.Sources} origins → {r.Articles} articles (linked at {r.ArticlesPerSecond:F0} articles/s)");
        var c = r.Copies;
        yield return string.Create(inv, $"  copies   P={c.Precision:F3} R={c.Recall:F3} F1={c.F1:F3} (found {c.TruePositive} of {c.Positives} origin–variant pairs, {c.FalsePositive} false pairs); kind agreement {c.KindAgreement:F3}");
        yield return "  recall by variant: " + string.Join(", ", c.ByVariant.OrderBy(kv => kv.Key).Select(kv => string.Create(inv, $"{kv.Key.ToString().ToLowerInvariant()} {kv.Value.Found}/{kv.Value.Total}")));
        yield return $"  threads  {r.Threads}";
        yield return string.Create(inv, $"links: story set: {r.StoryArticles} hand-written articles");
        yield return $"  threads  {r.StoryThreads}";
        yield return $"  false copies between independent texts: {r.StoryFalseCopies}";
        foreach (var n in r.Notes)
            yield return "  - " + n;
        yield return string.Create(inv, $"SCORES copy_f1={c.F1:F3} thread_f1={r.Threads.F1:F3} story_f1={r.StoryThreads.F1:F3} story_precision={r.StoryThreads.Precision:F3}");
    }
}
