using NewsLens.Assess.Detectors;
using NewsLens.Assess.Knowledge;
using NewsLens.Assess.Rules;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Assess;

/// <summary>
/// The Assess stage: runs every detector on the analysed article and attaches the flags (most severe first)
/// and the credibility summary. Built once with loaded rules and knowledge; thread-safe.
/// </summary>
internal sealed class CredibilityAssessor : IArticleAnalyser
{
    private readonly AssessRules rules;
    private readonly IRoleKnowledge knowledge;

    public CredibilityAssessor(AssessRules rules, IRoleKnowledge knowledge)
    {
        this.rules = rules;
        this.knowledge = knowledge;
        Detectors =
        [
            new HiddenContentDetector(),
            new SpamBrandDetector(),
            new KeywordStuffingDetector(),
            new SiteMismatchDetector(),
            new FillerDetector(),
            new RepetitionDetector(),
            new LowInformationDetector(),
            new UnrelatedLinksDetector(),
            new TruncationDetector(),
            new RoleContradictionDetector(),
            new OnlyClaimDetector(),
            new CountryPairDetector(rules.Countries),
        ];
    }

    public IReadOnlyList<IFlagDetector> Detectors { get; }

    /// <summary>
    /// Signals that are weak alone and telling together: an unrelated "related articles" list on a page that is also
    /// filler or padded is the farm's dressing (medium); on an otherwise sound page it is a portal widget (low).
    /// </summary>
    private static void Corroborate(List<Flag> flags)
    {
        var farm = flags.Any(f => f.Code.StartsWith("farm.", StringComparison.Ordinal) && f.Code != UnrelatedLinksDetector.Code);
        if (!farm)
            return;
        for (var i = 0; i < flags.Count; i++)
        {
            if (flags[i].Code == UnrelatedLinksDetector.Code && flags[i].Severity == Severity.Low)
                flags[i] = flags[i] with { Severity = Severity.Medium };
        }
    }

    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var context = new AssessContext(article, rules, knowledge);
        var flags = new List<Flag>(article.Flags);
        foreach (var detector in Detectors)
            flags.AddRange(detector.Detect(context));
        Corroborate(flags);
        var ordered = flags
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Evidence.FirstOrDefault()?.Span?.Start ?? int.MaxValue)
            .ToArray();
        return article with { Flags = ordered, Credibility = CredibilityScorer.Score(ordered) };
    }
}
