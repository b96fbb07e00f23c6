using System.Globalization;
using NewsLens.Analyse.Dates;

namespace NewsLens.Eval.Dates;

/// <summary>Counts for one line of the report.</summary>
internal sealed record Share(int Correct, int Total)
{
    public double Ratio => Total == 0 ? 0 : (double)Correct / Total;

    public override string ToString() => Total == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Correct}/{Total} = {Ratio:P1}");
}

/// <summary>The date evaluation summary: in-scope shares overall and per spec family, out-of-scope classes apart.</summary>
internal sealed record DateEvalSummary(Share Extraction, Share Parsing, IReadOnlyList<(string Family, Share Extraction, Share Parsing)> Families,
    IReadOnlyList<(ScopeClass Scope, int Cases, Share Extraction, Share Parsing)> OutOfScope, IReadOnlyList<CaseOutcome> Outcomes)
{
    public static DateEvalSummary From(IReadOnlyList<CaseOutcome> outcomes)
    {
        static Share Ext(IEnumerable<CaseOutcome> o) { var l = o.Where(x => x.Extracted is not null).ToList(); return new(l.Count(x => x.Extracted == true), l.Count); }
        static Share Par(IEnumerable<CaseOutcome> o) { var l = o.Where(x => x.Parsed is not null).ToList(); return new(l.Count(x => x.Parsed == true), l.Count); }

        // Extraction and parsing have separate scopes (lunar and vague cases are out of scope for parsing only).
        var extIn = outcomes.Where(o => o.Extracted is not null && EvalScope(o, parsing: false) == ScopeClass.None).ToList();
        var parIn = outcomes.Where(o => o.Parsed is not null && EvalScope(o, parsing: true) == ScopeClass.None).ToList();
        var families = outcomes.Select(o => o.Case.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(f => (f, Ext(extIn.Where(o => o.Case.Family == f)), Par(parIn.Where(o => o.Case.Family == f))))
            .Where(t => t.Item2.Total + t.Item3.Total > 0).ToList();
        var outOf = Enum.GetValues<ScopeClass>().Where(s => s != ScopeClass.None)
            .Select(s =>
            {
                var e = outcomes.Where(o => o.Extracted is not null && EvalScope(o, parsing: false) == s).ToList();
                var p = outcomes.Where(o => o.Parsed is not null && EvalScope(o, parsing: true) == s).ToList();
                return (s, e.Concat(p).Select(o => o.Case).Distinct().Count(), Ext(e), Par(p));
            })
            .Where(t => t.Item2 > 0).ToList();
        return new DateEvalSummary(Ext(extIn), Par(parIn), families, outOf, outcomes);
    }

    public static ScopeClass EvalScope(CaseOutcome o, bool parsing) => DateEvaluation.Classify(o.Case, parsing);

    public void Write(TextWriter w, string dataDir, bool failures)
    {
        w.WriteLine($"Recognizers-Text zh DateTime specs: {Outcomes.Count} cases from {dataDir}");
        w.WriteLine("In scope (news dates):");
        w.WriteLine($"  extraction (exact span set)   {Extraction}");
        w.WriteLine($"  parsing    (span + value)     {Parsing}");
        w.WriteLine("  by spec family                 extraction            parsing");
        foreach (var (family, e, p) in Families)
            w.WriteLine($"    {family,-28} {e,-21} {p}");
        var allExt = Outcomes.Where(o => o.Extracted is not null).ToList();
        var allPar = Outcomes.Where(o => o.Parsed is not null).ToList();
        w.WriteLine($"All cases, nothing excluded: extraction {new Share(allExt.Count(o => o.Extracted == true), allExt.Count)}, parsing {new Share(allPar.Count(o => o.Parsed == true), allPar.Count)}");
        w.WriteLine("Out of scope (counted apart; why: see ScopeClass in src/NewsLens.Eval/Dates/DateEvaluation.cs):");
        foreach (var (scope, cases, e, p) in OutOfScope)
            w.WriteLine($"    {scope,-28} {cases,3} cases   extraction {e,-18} parsing {p}");
        if (!failures)
            return;
        w.WriteLine("In-scope failures:");
        foreach (var o in Outcomes)
        {
            var extFail = o.Extracted == false && EvalScope(o, parsing: false) == ScopeClass.None;
            var parFail = o.Parsed == false && EvalScope(o, parsing: true) == ScopeClass.None;
            if (!extFail && !parFail)
                continue;
            var got = string.Join(" ", o.Predicted.Select(m => $"[{m.Text}@{m.Span.Start} {m.Kind} {m.Value}{(m.End is null ? "" : "~" + m.End)}]"));
            var want = string.Join(" ", o.Case.Results.Select(r => $"[{r.Text}@{r.Start}]"));
            w.WriteLine($"  {o.Case.File}#{o.Case.Index} {(extFail ? "EXT" : "")}{(parFail ? "PAR" : "")} {o.Case.Input} | ref {o.Case.Reference?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} | want {want} | got {got}{(parFail ? " | " + o.Detail : "")}");
        }
    }

    public static DateEvalSummary Run(string dataDir)
    {
        var cases = RecognizersTextSpec.Load(dataDir);
        return From(new DateEvaluation(new DateRecognizer()).Run(cases));
    }
}
