using NewsLens.Analyse.Dates;
using NewsLens.Eval.Dates;

namespace NewsLens.Tests.Analyse.Dates;

public sealed class DateEvaluationTests
{
    private static string MiniSpec => Path.Combine(AppContext.BaseDirectory, "Analyse", "Dates", "Cases", "rt-mini");

    [Fact]
    public void Loads_both_result_shapes_with_end_inclusive_offsets_converted()
    {
        var cases = RecognizersTextSpec.Load(MiniSpec);
        Assert.Equal(7, cases.Count);
        var model = Assert.Single(cases, c => c.Input == "会议从4月1日到3日");
        var r = Assert.Single(model.Results);
        Assert.Equal((2, 8), (r.Start, r.Length));
        Assert.Equal(["2025-04-01|2025-04-03"], r.Readings);
        var parser = Assert.Single(cases, c => c.Input == "9日开会");
        Assert.Equal(["2025-06-09", "2025-05-09"], parser.Results[0].Readings);
    }

    [Fact]
    public void Scores_in_scope_cases_and_keeps_durations_apart()
    {
        var summary = DateEvalSummary.From(new DateEvaluation(new DateRecognizer()).Run(RecognizersTextSpec.Load(MiniSpec)));
        // Extraction: both extractor cases (the component file does not penalise 明天) and the range model case.
        Assert.Equal(new Share(3, 3), summary.Extraction);
        // Parsing: 9日 (either reading), 明年, 后天 (wrong on purpose: the spec fixture says 06-09, the right answer is 06-08), the range.
        Assert.Equal(new Share(3, 4), summary.Parsing);
        var duration = Assert.Single(summary.OutOfScope);
        Assert.Equal(ScopeClass.Duration, duration.Scope);
        Assert.Equal(new Share(1, 1), duration.Parsing);
    }
}
