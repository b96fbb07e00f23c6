using System.Text;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// farm.repeated_sentences and farm.repeated_title: the same sentence or the title line printed again and
/// again, a cheap way farms pad pages.
/// </summary>
internal sealed partial class RepetitionDetector : IFlagDetector
{
    public const string SentenceCode = "farm.repeated_sentences";
    public const string TitleCode = "farm.repeated_title";

    /// <summary>Short sentences repeat honestly ("双方表示。"); only long ones count (CJK characters, after normalising).</summary>
    private const int MinSentenceChars = 16;

    /// <summary>One repeat could be a quote and its recap; two or more repeats mark padding.</summary>
    private const int MinRepeatedSentences = 2;

    /// <summary>Repeated sentences making up this share of the body are padding (medium); below it, low. Honest pages with
    /// pull quotes or repeated interview questions stay under 10%; the padded samples exceed 25%.</summary>
    private const double PaddingShare = 0.15;

    /// <summary>A unit repeating the title may add this much (a subtitle) and still be a title line, not a paragraph.</summary>
    private const int MaxTitleLineExtra = 40;

    /// <summary>Title copies in the body and removed blocks: pages print the headline once or twice honestly (h1, share card).</summary>
    private const int MinTitleLines = 3;

    public string Family => "farm";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        var groups = context.Sentences
            .Select(s => (Key: Normalise(s.Text), Sentence: s))
            .Where(x => x.Key.Length >= MinSentenceChars && !FieldLine().IsMatch(x.Sentence.Text) && !IsCodeLike(x.Sentence.Text))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .ToList();
        var repeats = groups.Sum(g => g.Count() - 1);
        if (groups.Count > 0 && repeats >= MinRepeatedSentences)
        {
            // Interviews repeat a question, features a pull quote: a few repeats are design. Padding is a share of the text.
            var share = groups.Sum(g => (g.Count() - 1) * g.First().Sentence.Text.Length) / (double)Math.Max(1, context.BodyChars);
            var evidence = groups.SelectMany(g => g.Select(x => new Evidence(x.Sentence.Text, EvidenceLocation.Text, x.Sentence.Span, null)));
            yield return FlagMaker.Make(SentenceCode, share >= PaddingShare ? Severity.Medium : Severity.Low, evidence,
                $"同样的句子在文中重复出现（{repeats}次重复，占正文{share:P0}），是内容农场凑字数的手法。",
                $"The same sentences appear again and again ({repeats} repeats, {share:P0} of the text): a content-farm way to pad a page.");
        }

        var titles = TitleLines.Candidates(context.Article).Where(t => t.Length >= TitleLines.MinTitleChars).ToArray();
        var title = context.Title?.Text is { } tt ? TitleLines.StripMarkers(tt) : titles.FirstOrDefault();
        // Western section headings open with the title words ("Coinbase vs. Coinbase Pro: Security"); only Chinese is judged.
        if (title is null || title.Length < TitleLines.MinTitleChars || !context.IsChinese)
            yield break;
        var lines = new List<Evidence>();
        foreach (var u in context.Units)
        {
            if (u.Kind == UnitKind.Title || u.Kind == UnitKind.MetaKeywords)
                continue;
            if (u.Block is { } b && b.Reason != RemovalReason.RepeatedTitle && b.Reason != RemovalReason.InjectedText)
                continue;
            if (u.Text.Contains(title, StringComparison.Ordinal) && u.Text.Length <= title.Length + MaxTitleLineExtra && !Reply().IsMatch(u.Text))
                lines.Add(u.ToEvidence());
        }
        // The headline printed once or twice (h1, a share card) is normal; three or more copies is padding.
        if (lines.Count >= MinTitleLines)
        {
            yield return FlagMaker.Make(TitleCode, lines.Count > MinTitleLines ? Severity.Medium : Severity.Low, lines,
                $"标题行在页面中重复出现{lines.Count}次（有时连同副标题拼接），是内容农场页面的常见特征。",
                $"The title line is repeated {lines.Count} times on the page (sometimes glued to a subtitle), a common content-farm trait.");
        }
    }

    /// <summary>"唱片公司：Synnara Music": a label-value line of a table or infobox, repeated by design.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^：:，。]{1,8}[：:]")]
    private static partial System.Text.RegularExpressions.Regex FieldLine();

    /// <summary>Comment headers quote the title ("re: 标题", "回复：标题"): they are replies, not padding.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:re|回复|答复)\s*[:：]", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Reply();

    /// <summary>Mostly ASCII letters and symbols: code samples repeat lines by nature.</summary>
    private static bool IsCodeLike(string s) => s.Count(c => c < 128 && !char.IsWhiteSpace(c)) * 2 > s.Length;

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
