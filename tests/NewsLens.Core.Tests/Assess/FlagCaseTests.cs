using NewsLens.Assess.Knowledge;
using NewsLens.Eval.Flags;
using NewsLens.Model;

namespace NewsLens.Tests.Assess;

/// <summary>Every case in Cases/Assess: the expected codes are raised, nothing else is (allowed codes aside), spans hold.</summary>
public sealed class FlagCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(AssessFixture.CasesDir, "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_raises_exactly_the_expected_flags(string file)
    {
        var c = FlagCase.Load(Path.Combine(AssessFixture.CasesDir, file));
        var analysed = AssessFixture.Run(c.ToArticle(), new KbRoleKnowledge(AssessFixture.Kb));
        var raised = analysed.Flags.Select(f => f.Code).Distinct(StringComparer.Ordinal).ToArray();
        var missing = c.Expect.Except(raised, StringComparer.Ordinal).ToArray();
        var unexpected = raised.Except(c.Expect, StringComparer.Ordinal).Except(c.Allow ?? [], StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0 && unexpected.Length == 0,
            $"case {c.Id}\ninput: {c.Title} / {c.Text[..Math.Min(80, c.Text.Length)]}…\nexpected: {string.Join(", ", c.Expect)}\nactual:\n{AssessFixture.Describe(analysed)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evidence_spans_point_at_their_text(string file)
    {
        var c = FlagCase.Load(Path.Combine(AssessFixture.CasesDir, file));
        var analysed = AssessFixture.Run(c.ToArticle(), new KbRoleKnowledge(AssessFixture.Kb));
        var a = analysed.Article;
        foreach (var p in a.Sections.SelectMany(s => s.Paragraphs))
            Assert.Equal(p.Text, p.Span.Slice(a.Text));
        foreach (var f in analysed.Flags)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.MessageZh));
            Assert.False(string.IsNullOrWhiteSpace(f.MessageEn));
            Assert.NotEmpty(f.Evidence);
            foreach (var e in f.Evidence)
            {
                if (e.Location == EvidenceLocation.Text && e.Span is { } s)
                    Assert.Equal(e.Text, s.Slice(a.Text));
                if (e.Location == EvidenceLocation.Title && e.Span is { } t)
                    Assert.Equal(e.Text, t.Slice(a.Title!));
                if (e.Location == EvidenceLocation.Removed)
                    Assert.InRange(e.RemovedIndex!.Value, 0, a.Removed.Count - 1);
            }
        }
    }
}
