using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess;

/// <summary>A line that repeats a title and carries something appended to it ("标题乐天堂fun88").</summary>
/// <param name="Title">The title text the line repeats.</param>
/// <param name="SuffixStart">Start of the appended part within the line text.</param>
internal sealed record TitleSuffixLine(string Title, int SuffixStart, int SuffixEnd)
{
    public int Length => SuffixEnd - SuffixStart;
}

/// <summary>
/// Finds the page's title lines (the title, headings, the short lines at the top) and lines that repeat one of
/// them with a short foreign addition: the shape of an injected brand on a hijacked page.
/// </summary>
internal static partial class TitleLines
{
    /// <summary>Titles shorter than this are too generic to call a repetition ("企业文化").</summary>
    public const int MinTitleChars = 8;

    /// <summary>A title line is short: longer lines are body sentences.</summary>
    public const int MaxTitleChars = 64;

    /// <summary>How many leading body lines may hold the title when the extractor gave none (plain-text pages).</summary>
    private const int LeadingLines = 5;

    /// <summary>An appended brand is short; a longer addition is a subtitle or a sentence (calibrated on seed-like pages: brands run 4–14 chars).</summary>
    public const int MaxSuffixChars = 24;

    public static IReadOnlyList<string> Candidates(Article article)
    {
        var result = new List<string>();
        if (article.Title is { } t && StripMarkers(t).Length >= MinTitleChars)
            result.Add(StripMarkers(t));
        foreach (var s in article.Sections)
        {
            if (s.Heading is { } h && IsTitleLike(h))
                result.Add(h.Trim());
        }
        foreach (var p in article.Sections.SelectMany(s => s.Paragraphs).Take(LeadingLines))
        {
            var text = StripMarkers(p.Text);
            if (IsTitleLike(text))
                result.Add(text);
        }
        return result.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The title line <paramref name="line"/> repeats with a short addition, or null.</summary>
    public static TitleSuffixLine? Match(string line, IReadOnlyList<string> candidates)
    {
        var text = line.Trim();
        foreach (var title in candidates.OrderByDescending(c => c.Length))
        {
            if (text.Length <= title.Length || text.Length > title.Length + MaxSuffixChars)
                continue;
            if (text.StartsWith(title, StringComparison.Ordinal))
            {
                var start = title.Length;
                while (start < text.Length && IsSeparator(text[start]))
                    start++;
                if (start < text.Length && IsAddition(text[start..], candidates))
                    return new TitleSuffixLine(title, start + (line.Length - line.TrimStart().Length), text.Length + (line.Length - line.TrimStart().Length));
            }
            else if (text.EndsWith(title, StringComparison.Ordinal))
            {
                var end = text.Length - title.Length;
                while (end > 0 && IsSeparator(text[end - 1]))
                    end--;
                if (end > 0 && IsAddition(text[..end], candidates))
                    return new TitleSuffixLine(title, line.Length - line.TrimStart().Length, end + (line.Length - line.TrimStart().Length));
            }
        }
        return null;
    }

    /// <summary>A Chinese name glued to a Latin alias with digits, the usual spam brand shape (乐天堂fun88, 金沙js333).</summary>
    public static bool LooksLikeBrand(string s) => BrandShape().IsMatch(s.Trim());

    public static string StripMarkers(string text) => MarkerPrefix().Replace(text, "").Trim();

    private static bool IsTitleLike(string s)
    {
        var t = StripMarkers(s);
        return t.Length >= MinTitleChars && t.Length <= MaxTitleChars && !t.EndsWith('。');
    }

    /// <summary>An addition is a name, not a clause (no sentence punctuation) and not another title line repeated.</summary>
    private static bool IsAddition(string s, IReadOnlyList<string> candidates) =>
        s.Length > 0 && s.IndexOfAny(['。', '，', '！', '？', ',', '；', '：', '、']) < 0
        && !candidates.Any(c => c.Contains(s, StringComparison.Ordinal) || s.Contains(c, StringComparison.Ordinal));

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '_' or '|' or '—' or '–' or '·';

    [GeneratedRegex(@"^(?:\p{IsCJKUnifiedIdeographs}{1,6}[A-Za-z]{1,10}\d{0,6}|[A-Za-z]{1,10}\d{2,6}|\p{IsCJKUnifiedIdeographs}{1,6}\d{2,6})$")]
    private static partial Regex BrandShape();

    [GeneratedRegex(@"^(?:#{1,6}\s+|[-*•·]\s+)")]
    private static partial Regex MarkerPrefix();
}
