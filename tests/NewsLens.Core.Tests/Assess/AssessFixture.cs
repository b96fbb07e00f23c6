using NewsLens.Analyse.Knowledge;
using NewsLens.Assess;
using NewsLens.Assess.Knowledge;
using NewsLens.Assess.Rules;
using NewsLens.Eval.Flags;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Assess;

/// <summary>Shared loaded rules and helpers to build articles and run the assess steps on them.</summary>
internal static class AssessFixture
{
    public static AssessRules Rules { get; } = AssessRules.Load();

    /// <summary>The shipped KB (kb/ is copied beside the test assembly), loaded once.</summary>
    public static KnowledgeBase Kb { get; } = KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb"));

    public static string CasesDir => Path.Combine(AppContext.BaseDirectory, "Cases", "Assess");

    public static AnalysedArticle Run(Article article, IRoleKnowledge? knowledge = null)
    {
        var steps = new IArticleAnalyser[] { new InjectedTextCleaner(Rules), new CredibilityAssessor(Rules, knowledge ?? new NoKnowledge()) };
        var analysed = new AnalysedArticle(article);
        foreach (var s in steps)
            analysed = s.Analyse(analysed);
        return analysed;
    }

    /// <summary>An article from case-style text: blank lines split paragraphs, "## " opens a section.</summary>
    public static Article Article(string text, string? title = null, string? published = null, IReadOnlyList<CaseRemoved>? removed = null,
        IReadOnlyList<string>? navigation = null, IReadOnlyList<string>? breadcrumb = null, IReadOnlyList<string>? meta = null, string? site = null, string? url = null) =>
        new FlagCase("test", null, title, published, site, url, text, removed, navigation, breadcrumb, meta, [], null).ToArticle();

    public static string Describe(AnalysedArticle a) =>
        string.Join("\n", a.Flags.Select(f => $"{f.Severity} {f.Code}: {f.MessageEn} «{string.Join(" | ", f.Evidence.Select(e => e.Text))}»"));
}
