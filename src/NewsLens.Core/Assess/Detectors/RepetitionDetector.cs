using System.Text;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// farm.repeated_sentences and farm.repeated_title: the same sentence or the title line printed again and
/// again, a cheap way farms pad pages.
/// </summary>
internal sealed class RepetitionDetector : IFlagDetector
{
    public const string SentenceCode = "farm.repeated_sentences";
    public const string TitleCode = "farm.repeated_title";

    /// <summary>Short sentences repeat honestly ("双方表示。"); only long ones count (CJK characters, after normalising).</summary>
    private const int MinSentenceChars = 16;

    /// <summary>One repeat could be a quote and its recap; two or more repeats mark padding.</summary>
    private const int MinRepeatedSentences = 2;

    /// <summary>A unit repeating the title may add this much (a subtitle) and still be a title line, not a paragraph.</summary>
    private const int MaxTitleLineExtra = 40;

    public string Family => "farm";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var groups = context.Sentences
            .Select(s => (Key: Normalise(s.Text), Sentence: s))
            .Where(x => x.Key.Length >= MinSentenceChars)
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .ToList();
        var repeats = groups.Sum(g => g.Count() - 1);
        if (groups.Count > 0 && repeats >= MinRepeatedSentences)
        {
            var evidence = groups.SelectMany(g => g.Select(x => new Evidence(x.Sentence.Text, EvidenceLocation.Text, x.Sentence.Span, null)));
            yield return FlagMaker.Make(SentenceCode, Severity.Medium, evidence,
                $"同样的句子在文中重复出现（{repeats}次重复），是内容农场凑字数的手法。",
                $"The same sentences appear again and again ({repeats} repeats): a content-farm way to pad a page.");
        }

        var titles = TitleLines.Candidates(context.Article).Where(t => t.Length >= TitleLines.MinTitleChars).ToArray();
        var title = context.Title?.Text is { } tt ? TitleLines.StripMarkers(tt) : titles.FirstOrDefault();
        if (title is null || title.Length < TitleLines.MinTitleChars)
            yield break;
        var lines = new List<Evidence>();
        foreach (var u in context.Units)
        {
            if (u.Kind == UnitKind.Title || u.Kind == UnitKind.MetaKeywords)
                continue;
            if (u.Block is { } b && b.Reason != RemovalReason.RepeatedTitle && b.Reason != RemovalReason.InjectedText)
                continue;
            if (u.Text.Contains(title, StringComparison.Ordinal) && u.Text.Length <= title.Length + MaxTitleLineExtra)
                lines.Add(u.ToEvidence());
        }
        // The headline printed once in the body (the page's h1) is normal; twice more is padding.
        if (lines.Count >= 3 || (lines.Count == 2 && lines.Any(l => l.Text.Length > title.Length)))
        {
            yield return FlagMaker.Make(TitleCode, lines.Count >= 3 ? Severity.Medium : Severity.Low, lines,
                $"标题行在页面中重复出现{lines.Count}次（有时连同副标题拼接），是内容农场页面的常见特征。",
                $"The title line is repeated {lines.Count} times on the page (sometimes glued to a subtitle), a common content-farm trait.");
        }
    }

    /// <summary>Letters, digits and CJK only: punctuation and spacing differences do not hide a repeat.</summary>
    private static string Normalise(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
