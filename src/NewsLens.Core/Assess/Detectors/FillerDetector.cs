using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// farm.filler: content-farm / machine-written filler, measured as the weight of template phrases
/// (Rules/filler-phrases.tsv) per 1,000 body characters plus an essay skeleton of generic headings.
/// </summary>
internal sealed partial class FillerDetector : IFlagDetector
{
    public const string Code = "farm.filler";

    /// <summary>
    /// Weighted template phrases per 1,000 characters for a medium flag. Honest samples (wire news,
    /// commentary, official statements) scored 0–1.3; the seeds' filler pieces score 2.5–4.
    /// </summary>
    private const double MediumDensity = 2.0;

    /// <summary>Below the medium level but still clearly templated.</summary>
    private const double LowDensity = 1.4;

    /// <summary>At least this many different strong (weight ≥ 0.5) phrases: one cliché repeated is style, not a template.</summary>
    private const int MinDistinctStrong = 2;

    /// <summary>Bodies shorter than this give too few phrases to measure a density.</summary>
    private const int MinBodyChars = 400;

    /// <summary>Each generic essay heading (背景/意义/影响/挑战/展望…) adds this weight: the skeleton of generated essays.</summary>
    private const double SkeletonHeadingWeight = 0.5;

    public string Family => "farm";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var chars = context.BodyChars;
        if (chars < MinBodyChars)
            yield break;
        var hits = new List<(double Weight, Evidence Evidence, int Phrase)>();
        foreach (var u in context.Body)
        {
            for (var i = 0; i < context.Rules.Filler.Count; i++)
            {
                var phrase = context.Rules.Filler[i];
                MatchCollection matches;
                try
                {
                    matches = phrase.Pattern.Matches(u.Text);
                    _ = matches.Count;
                }
                catch (RegexMatchTimeoutException)
                {
                    continue;
                }
                foreach (Match m in matches)
                    hits.Add((phrase.Weight, u.Part(m.Index, m.Index + m.Length), i));
            }
            if (u.Kind is UnitKind.Heading or UnitKind.ListItem && SkeletonHeading().IsMatch(u.Text))
                hits.Add((SkeletonHeadingWeight, u.ToEvidence(), -1));
        }
        var score = hits.Sum(h => h.Weight) * 1000.0 / chars;
        var distinctStrong = hits.Where(h => h.Weight >= 0.5 && h.Phrase >= 0).Select(h => h.Phrase).Distinct().Count();
        if (distinctStrong < MinDistinctStrong || score < LowDensity)
            yield break;
        var severity = score >= MediumDensity ? Severity.Medium : Severity.Low;
        var evidence = hits.OrderByDescending(h => h.Weight).ThenBy(h => h.Evidence.Span?.Start ?? 0).Select(h => h.Evidence);
        var sample = string.Join("、", hits.OrderByDescending(h => h.Weight).Select(h => "“" + FlagMaker.Quote(h.Evidence.Text, 14) + "”").Distinct(StringComparer.Ordinal).Take(4));
        yield return FlagMaker.Make(Code, severity, evidence,
            $"文章充斥套话模板（{sample}等，每千字{score:0.0}处），信息量低，像内容农场或机器生成的填充文字。",
            $"The text is full of template phrases ({hits.Count} found, {score:0.0} per 1,000 characters, e.g. {sample}): content-farm or machine-written filler.");
    }

    /// <summary>A numbered essay heading whose topic word is generic: "一、访问目的与战略意义", "4、双方的战略合作前景".</summary>
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,2}、|\d{1,2}[、.])?.{0,14}(?:背景|意义|影响|挑战|展望|前景|分析|总结|结语)$")]
    private static partial Regex SkeletonHeading();
}
