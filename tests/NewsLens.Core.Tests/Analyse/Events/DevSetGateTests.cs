using NewsLens.Analyse.Knowledge;
using NewsLens.Eval.Events;
using Xunit.Abstractions;

namespace NewsLens.Tests.Analyse.Events;

/// <summary>The events development set (Cases/Events/devset.txt) stays above its pinned floors.</summary>
public sealed class DevSetGateTests(ITestOutputHelper output)
{
    /// <summary>Pinned a little under the measured figures (see the report of `newslens eval events`).</summary>
    private const double MinF1 = 0.85;

    private const double MinPrecision = 0.90;

    [Fact]
    public void Event_extraction_meets_the_dev_set_floors()
    {
        var kb = KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb"));
        var cases = EventDevSet.Read(Path.Combine(AppContext.BaseDirectory, "Cases", "Events", "devset.txt"));
        Assert.True(cases.Count >= 150, $"the dev set has {cases.Count} sentences");
        var report = new EventEvaluation(kb).Run(cases);
        foreach (var s in report.Scores)
            output.WriteLine(s.ToString());
        foreach (var m in report.Misses)
            output.WriteLine(m);
        var main = report.Score(EventEvaluation.TypeActorsDate);
        Assert.True(main.F1 >= MinF1, $"F1 {main.F1:0.000} < {MinF1}");
        Assert.True(main.Precision >= MinPrecision, $"precision {main.Precision:0.000} < {MinPrecision}");
    }
}
