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

    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var context = new AssessContext(article, rules, knowledge);
        var flags = new List<Flag>(article.Flags);
        foreach (var detector in Detectors)
            flags.AddRange(detector.Detect(context));
        var ordered = flags
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.Code, StringComparer.Ordinal)
            .ThenBy(f => f.Evidence.FirstOrDefault()?.Span?.Start ?? int.MaxValue)
            .ToArray();
        return article with { Flags = ordered, Credibility = CredibilityScorer.Score(ordered) };
    }
}
