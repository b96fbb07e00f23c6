using System.Globalization;
using System.Text;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Eval.Flags;

/// <summary>Counts for one flag family (or code): predicted codes that were expected, unexpected, missed.</summary>
internal sealed record PrCounts(int Tp, int Fp, int Fn)
{
    public double Precision => Tp + Fp == 0 ? 1 : (double)Tp / (Tp + Fp);

    public double Recall => Tp + Fn == 0 ? 1 : (double)Tp / (Tp + Fn);

    public PrCounts Add(PrCounts o) => new(Tp + o.Tp, Fp + o.Fp, Fn + o.Fn);
}

/// <summary>One case's outcome: what was raised (code → worst severity) against what was expected.</summary>
internal sealed record CaseOutcome(string Id, bool Clean, IReadOnlyDictionary<string, Severity> Raised, IReadOnlyList<string> Expected, IReadOnlyList<string> Allowed)
{
    public IEnumerable<string> FalseAlarms => Raised.Keys.Where(c => !Expected.Contains(c) && !Allowed.Contains(c));

    public IEnumerable<string> Missed => Expected.Where(c => !Raised.ContainsKey(c));
}

internal sealed record FlagReport(
    IReadOnlyList<CaseOutcome> Cases,
    IReadOnlyDictionary<string, PrCounts> ByFamily,
    PrCounts All,
    PrCounts High)
{
    public string Format(bool verbose)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"flag evaluation: {Cases.Count} cases ({Cases.Count(c => c.Clean)} clean, {Cases.Count(c => !c.Clean)} with expected flags)");
        sb.AppendLine("family        tp   fp   fn   precision  recall");
        foreach (var (family, c) in ByFamily.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            sb.AppendLine(inv, $"{family,-12} {c.Tp,4} {c.Fp,4} {c.Fn,4}   {c.Precision,8:0.000}  {c.Recall,6:0.000}");
        sb.AppendLine(inv, $"{"all",-12} {All.Tp,4} {All.Fp,4} {All.Fn,4}   {All.Precision,8:0.000}  {All.Recall,6:0.000}");
        sb.AppendLine(inv, $"high severity: {High.Tp} correct, {High.Fp} false → precision {High.Precision:0.000}");
        var clean = Cases.Where(c => c.Clean).ToArray();
        sb.AppendLine(inv, $"clean cases with any high flag: {clean.Count(c => c.Raised.Values.Any(s => s == Severity.High))} of {clean.Length}; with any flag: {clean.Count(c => c.Raised.Count > 0)}");
        foreach (var c in Cases)
        {
            var fa = c.FalseAlarms.ToArray();
            var missed = c.Missed.ToArray();
            if (!verbose && fa.Length == 0 && missed.Length == 0)
                continue;
            sb.Append(inv, $"  {c.Id}:");
            if (fa.Length > 0)
                sb.Append(" false " + string.Join(", ", fa.Select(f => $"{f}({c.Raised[f].ToString().ToLowerInvariant()})")));
            if (missed.Length > 0)
                sb.Append(" missed " + string.Join(", ", missed));
            if (verbose && fa.Length == 0 && missed.Length == 0)
                sb.Append(" ok " + string.Join(", ", c.Raised.Keys));
            sb.AppendLine();
        }
        return sb.ToString();
    }
}

/// <summary>
/// Runs the assess steps on every case and scores per family. The unit of scoring is a distinct code per case:
/// a raised code that was expected is a true positive, one neither expected nor allowed a false positive.
/// </summary>
internal static class FlagEvaluation
{
    /// <summary>The family of a code is its first dotted part ("spam.injected_brand" → "spam").</summary>
    public static string FamilyOf(string code) => code.Split('.')[0];

    public static FlagReport Run(IEnumerable<(string Path, FlagCase Case)> cases, IReadOnlyList<IArticleAnalyser> steps)
    {
        var outcomes = new List<CaseOutcome>();
        foreach (var (_, c) in cases)
        {
            var analysed = new AnalysedArticle(c.ToArticle());
            foreach (var step in steps)
                analysed = step.Analyse(analysed);
            var raised = analysed.Flags.GroupBy(f => f.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(f => f.Severity), StringComparer.Ordinal);
            outcomes.Add(new CaseOutcome(c.Id, c.Clean, raised, c.Expect, c.Allow ?? []));
        }
        var byFamily = new Dictionary<string, PrCounts>(StringComparer.Ordinal);
        var high = new PrCounts(0, 0, 0);
        foreach (var o in outcomes)
        {
            foreach (var code in o.Raised.Keys.Concat(o.Expected).Distinct(StringComparer.Ordinal))
            {
                var raised = o.Raised.ContainsKey(code);
                var expected = o.Expected.Contains(code);
                if (raised && !expected && o.Allowed.Contains(code))
                    continue;
                var counts = new PrCounts(raised && expected ? 1 : 0, raised && !expected ? 1 : 0, !raised && expected ? 1 : 0);
                var family = FamilyOf(code);
                byFamily[family] = byFamily.TryGetValue(family, out var prev) ? prev.Add(counts) : counts;
                if (raised && o.Raised[code] == Severity.High)
                    high = high.Add(new PrCounts(expected ? 1 : 0, expected ? 0 : 1, 0));
            }
        }
        var all = byFamily.Values.Aggregate(new PrCounts(0, 0, 0), (a, b) => a.Add(b));
        return new FlagReport(outcomes, byFamily, all, high);
    }
}
