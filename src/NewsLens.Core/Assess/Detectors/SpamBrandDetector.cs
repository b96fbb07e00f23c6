using NewsLens.Assess.Rules;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// spam.injected_brand and spam.title_brand: gambling / adult / pharma / game-cheat brands and domains on a
/// page that is not about them, wherever they sit (title line, body, removed blocks, meta keywords).
/// </summary>
internal sealed class SpamBrandDetector : IFlagDetector
{
    public const string InjectedCode = "spam.injected_brand";
    public const string TitleCode = "spam.title_brand";

    /// <summary>
    /// A page with at least this many other family words (topic words included) is about the family (news on a
    /// gambling crackdown, a casino operator's results): its brand names are reporting, not injection.
    /// Calibrated on our clean gambling/pharma news samples, which carry 4+ such words; injected pages carry 0–1.
    /// </summary>
    public const int TopicSupport = 3;

    /// <summary>Removed blocks that are the page's own chrome or injected lines: a brand there was put on the page.</summary>
    private static readonly HashSet<RemovalReason> ChromeReasons =
    [
        RemovalReason.RepeatedTitle, RemovalReason.InjectedText, RemovalReason.Footer, RemovalReason.Header,
        RemovalReason.Navigation, RemovalReason.OutsideMainContent, RemovalReason.LowTextDensity, RemovalReason.SourceLine,
        RemovalReason.Byline, RemovalReason.Breadcrumb,
    ];

    public string Family => "spam";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var lexicon = context.Rules.Lexicon;
        var titles = TitleLines.Candidates(context.Article);
        var found = new List<(string Code, SpamFamily Family, Severity Severity, Evidence Evidence, string Name)>();
        var bodyRuns = new List<(int Start, int End)>();

        foreach (var unit in context.Units)
        {
            if (unit.Block is { Hidden: true } || unit.Block?.Reason == RemovalReason.Hidden)
                continue; // HiddenContentDetector reports hidden blocks.
            var runs = BrandRuns.Find(lexicon, unit.Text);
            var suffix = unit.Kind is UnitKind.Title ? null : TitleLines.Match(unit.Text, titles);
            foreach (var run in runs)
            {
                if (run.Weight < BrandRuns.Strong)
                    continue;
                var onTitleLine = unit.Kind == UnitKind.Title
                    || (suffix is not null && run.Start >= suffix.SuffixStart && run.End <= suffix.SuffixEnd)
                    || unit.Block?.Reason == RemovalReason.RepeatedTitle;
                var severity = unit.Block?.Reason switch
                {
                    null => Severity.High,
                    { } r when ChromeReasons.Contains(r) => Severity.High,
                    _ => Severity.Medium, // adverts and comment boxes: a shady site, not proof of injection into the article
                };
                found.Add((onTitleLine ? TitleCode : InjectedCode, run.Family, severity, unit.Part(run.Start, run.End), run.Slice(unit.Text)));
                if (unit.Span is { } s && unit.Location == EvidenceLocation.Text)
                    bodyRuns.Add((s.Start + run.Start, s.Start + run.End));
            }
            // A title line with an unknown name glued on: the shape of injection even when the lexicon lacks the brand.
            if (suffix is not null && runs.All(r => r.Weight < BrandRuns.Strong))
            {
                var added = unit.Text[suffix.SuffixStart..suffix.SuffixEnd];
                if (TitleLines.LooksLikeBrand(added))
                    found.Add((TitleCode, SpamFamily.Gambling, Severity.Medium, unit.Part(suffix.SuffixStart, suffix.SuffixEnd), added));
            }
        }

        foreach (var group in found.GroupBy(f => (f.Code, f.Family)).OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.Family))
        {
            var support = BrandRuns.Support(context, group.Key.Family, bodyRuns);
            var lexiconKnown = group.Any(g => g.Severity == Severity.High);
            var severity = group.Max(g => g.Severity);
            if (support >= TopicSupport)
            {
                // The page is about this family: only a brand glued onto a title line still looks injected.
                if (group.Key.Code != TitleCode)
                    continue;
                severity = Severity.Low;
            }
            var names = string.Join("、", group.Select(g => g.Name).Distinct(StringComparer.OrdinalIgnoreCase).Take(4));
            var zhFamily = FlagMaker.Zh(group.Key.Family);
            var enFamily = FlagMaker.En(group.Key.Family);
            var evidence = group.Select(g => g.Evidence);
            if (group.Key.Code == TitleCode)
            {
                yield return lexiconKnown
                    ? FlagMaker.Make(TitleCode, severity, evidence,
                        $"标题行被附加了{zhFamily}品牌“{names}”，与文章内容无关，是网页被植入垃圾信息的典型迹象。",
                        $"A title line carries the {enFamily} brand \"{names}\", unrelated to the article: a typical sign of injected spam on a hijacked page.")
                    : FlagMaker.Make(TitleCode, severity, evidence,
                        $"标题行末尾被附加了来历不明的名称“{names}”，形似博彩等品牌，疑为植入内容。",
                        $"A title line has an unexplained name \"{names}\" glued to it, shaped like a gambling-style brand; it looks injected.");
            }
            else
            {
                yield return FlagMaker.Make(InjectedCode, severity, evidence,
                    $"页面出现与主题无关的{zhFamily}品牌或网址“{names}”，疑为被植入的推广内容。",
                    $"The page carries the {enFamily} brand or domain \"{names}\", unrelated to its subject: likely injected promotion.");
            }
        }
    }
}
