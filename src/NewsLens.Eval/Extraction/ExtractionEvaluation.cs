using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Eval.Extraction;

/// <summary>One page's outcome in an evaluation run.</summary>
public sealed record EvalPageResult(EvalPage Page, Article? Article, string? Rejection, double Milliseconds, double ShingleF1, double CjkShingleF1);

/// <summary>Counts for one metadata field: how often gold exists, how often we answered, how often right.</summary>
public sealed record FieldScore(int Gold, int Predicted, int Correct, int PredictedWithoutGold)
{
    public double Recall => Gold == 0 ? 0 : Correct / (double)Gold;

    public double Precision => Predicted - PredictedWithoutGold == 0 ? 0 : Correct / (double)(Predicted - PredictedWithoutGold);
}

public sealed record ExtractionReport(
    ExtractionDataset Dataset,
    IReadOnlyList<EvalPageResult> Pages,
    ShingleScore? Shingle,
    ShingleScore? CjkShingle,
    SnippetScore? Snippets,
    FieldScore Title,
    FieldScore Date,
    FieldScore Author,
    double TotalSeconds)
{
    /// <summary>The set's own headline metric: AEB word-shingle F1, zh CJK-character shingle F1, trafilatura snippet F1.</summary>
    public double MainF1 => Dataset switch
    {
        ExtractionDataset.Aeb => Shingle!.F1,
        ExtractionDataset.Zh => CjkShingle!.F1,
        _ => Snippets!.F1,
    };

    public int Rejected => Pages.Count(p => p.Article is null);

    public double PagesPerSecond => TotalSeconds > 0 ? Pages.Count / TotalSeconds : 0;

    public EvalPageResult Slowest => Pages.MaxBy(p => p.Milliseconds)!;

    public string Format(int worst)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(ci, $"dataset {ExtractionDatasets.FolderName(Dataset)}: {Pages.Count} pages, {Rejected} rejected, {Pages.Count(p => p.Milliseconds > 1000)} over 1 s");
        if (Shingle is { } s)
            sb.AppendLine(ci, $"  shingle F1 (\\w+ tokens, AEB metric): P {s.Precision:F3}  R {s.Recall:F3}  F1 {s.F1:F3}  exact {s.Accuracy:F3}");
        if (CjkShingle is { } c)
            sb.AppendLine(ci, $"  shingle F1 (CJK chars as tokens):    P {c.Precision:F3}  R {c.Recall:F3}  F1 {c.F1:F3}  exact {c.Accuracy:F3}");
        if (Snippets is { } n)
            sb.AppendLine(ci, $"  snippets (trafilatura metric): P {n.Precision:F3}  R {n.Recall:F3}  F1 {n.F1:F3}  accuracy {n.Accuracy:F3}  (tp {n.Tp} fp {n.Fp} fn {n.Fn} tn {n.Tn})");
        AppendField(sb, "title", Title);
        AppendField(sb, "date", Date);
        AppendField(sb, "author", Author);
        var steps = Pages.Where(p => p.Article is not null).GroupBy(p => p.Article!.Extraction.Step, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");
        sb.AppendLine(ci, $"  steps: {string.Join(", ", steps)}");
        sb.AppendLine(ci, $"  time: {TotalSeconds:F2} s, {PagesPerSecond:F0} pages/s (one thread, decode+extract), slowest {Slowest.Milliseconds:F0} ms ({Slowest.Page.Id})");
        foreach (var r in Pages.Where(p => p.Rejection is not null))
            sb.AppendLine(ci, $"  rejected {r.Page.Id}: {r.Rejection}");
        if (worst > 0)
        {
            var key = Dataset == ExtractionDataset.Zh ? (Func<EvalPageResult, double>)(p => p.CjkShingleF1) : p => p.ShingleF1;
            foreach (var r in Pages.OrderBy(key).Take(worst))
                sb.AppendLine(ci, $"  worst {key(r):F3} {r.Page.Id} step={r.Article?.Extraction.Step} title={r.Article?.Title}");
        }
        return sb.ToString();
    }

    private static void AppendField(StringBuilder sb, string name, FieldScore f)
    {
        if (f.Gold == 0)
            return;
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"  {name}: {f.Correct}/{f.Gold} correct (accuracy {f.Recall:F3}); answered {f.Predicted}, precision where gold exists {f.Precision:F3}; answered where gold is unknown {f.PredictedWithoutGold}");
    }
}

/// <summary>
/// Runs decode + extract over one benchmark set on one thread and scores the result with the set's own
/// metric (and the CJK-character variant for every set, since it costs nothing).
/// </summary>
public static class ExtractionEvaluation
{
    public static ExtractionReport Run(string data, ExtractionDataset set, string? referenceFile = null)
    {
        var folder = ExtractionDatasets.Resolve(data, set);
        var pages = ExtractionDatasets.Load(folder, set);
        var reference = referenceFile is null ? null : ExtractionDatasets.LoadReference(referenceFile);
        var pipeline = DefaultPipeline.ExtractOnly();
        var results = new List<EvalPageResult>(pages.Count);
        // One untimed pass over the first page: otherwise that page carries the pipeline's JIT compilation
        // (about 1 s on a loaded machine) and reads as the slowest page of the set.
        if (reference is null && pages.Count > 0 && File.Exists(pages[0].Path))
            pipeline.Process(new RawPage(pages[0].Path, ExtractionDatasets.ReadGz(pages[0].Path), null, pages[0].Url, PageFormat.Html));
        var total = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            var bytes = File.Exists(page.Path) ? ExtractionDatasets.ReadGz(page.Path) : [];
            var sw = Stopwatch.StartNew();
            Article? article;
            string? rejection = null;
            if (reference is not null)
            {
                var body = reference.GetValueOrDefault(page.Id) ?? "";
                article = new Article("", page.Id, null, null, null, null, null, "", body, [], [], ExtractionInfo.None("reference"));
            }
            else
            {
                var result = pipeline.Process(new RawPage(page.Path, bytes, null, page.Url, PageFormat.Html));
                article = result.Article?.Article;
                rejection = result.Rejection is { } r ? $"{r.Reason}: {r.Detail}" : null;
            }
            sw.Stop();
            var text = article?.Text ?? "";
            var f1 = page.GoldBody is null ? 0 : PageF1(ShingleScorer.Match(page.GoldBody, text, TokenMode.WordRuns));
            var cjk = page.GoldBody is null ? 0 : PageF1(ShingleScorer.Match(page.GoldBody, text, TokenMode.CjkCharacters));
            results.Add(new EvalPageResult(page, article, rejection, sw.Elapsed.TotalMilliseconds, f1, cjk));
        }
        total.Stop();
        ShingleScore? shingle = null, cjkShingle = null;
        SnippetScore? snippets = null;
        if (set == ExtractionDataset.Trafilatura)
        {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            foreach (var r in results)
            {
                var c = SnippetScorer.Count(r.Article?.Text, r.Page.With, r.Page.Without);
                tp += c.Tp;
                fp += c.Fp;
                fn += c.Fn;
                tn += c.Tn;
            }
            snippets = new SnippetScore(tp, fp, fn, tn);
        }
        else
        {
            shingle = Score(results, TokenMode.WordRuns);
            cjkShingle = Score(results, TokenMode.CjkCharacters);
        }
        var elapsed = results.Sum(r => r.Milliseconds) / 1000.0;
        return new ExtractionReport(set, results, shingle, cjkShingle, snippets,
            Field(results, p => p.GoldTitle, a => a.Title, SameTitle),
            Field(results, p => p.GoldDate, a => a.Published?.ToIso(), SameDate),
            Field(results, p => p.GoldAuthor, a => a.Author, SameAuthor),
            elapsed);
    }

    private static double PageF1(PageCounts c) => c.Tp == 0 ? (c.Fp == 0 && c.Fn == 0 ? 1 : 0) : 2 * c.Tp / (2 * c.Tp + c.Fp + c.Fn);

    private static ShingleScore Score(List<EvalPageResult> results, TokenMode mode)
    {
        var counts = new List<PageCounts>(results.Count);
        var exact = 0;
        foreach (var r in results)
        {
            counts.Add(ShingleScorer.Match(r.Page.GoldBody, r.Article?.Text, mode));
            if (ShingleScorer.SameTokens(r.Page.GoldBody, r.Article?.Text, mode))
                exact++;
        }
        return ShingleScorer.Aggregate(counts, exact);
    }

    private static FieldScore Field(List<EvalPageResult> results, Func<EvalPage, string?> gold, Func<Article, string?> predicted, Func<string, string, bool> same)
    {
        int g = 0, p = 0, c = 0, pNoGold = 0;
        foreach (var r in results)
        {
            var gv = gold(r.Page);
            var pv = r.Article is null ? null : predicted(r.Article);
            if (gv is not null)
                g++;
            if (pv is not null)
            {
                p++;
                if (gv is null)
                    pNoGold++;
            }
            if (gv is not null && pv is not null && same(gv, pv))
                c++;
        }
        return new FieldScore(g, p, c, pNoGold);
    }

    /// <summary>Titles compare after whitespace normalisation, case-insensitively.</summary>
    internal static bool SameTitle(string gold, string predicted) =>
        string.Equals(SnippetScorer.Normalise(gold), SnippetScorer.Normalise(predicted), StringComparison.OrdinalIgnoreCase);

    /// <summary>Dates compare at the gold's own precision ("2018" matches any day of 2018).</summary>
    internal static bool SameDate(string gold, string predicted) =>
        predicted.Length >= gold.Length && string.CompareOrdinal(predicted, 0, gold, 0, gold.Length) == 0;

    /// <summary>Authors compare without spaces, punctuation and case.</summary>
    internal static bool SameAuthor(string gold, string predicted) =>
        string.Equals(Letters(gold), Letters(predicted), StringComparison.Ordinal);

    private static string Letters(string s) => string.Concat(s.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
