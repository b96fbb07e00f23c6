using System.Text;
using NewsLens.Model;

namespace NewsLens.Storage.Search;

/// <summary>
/// Turns article text into the space-separated terms both full-text indexes store (SQLite FTS5 with the
/// unicode61 tokenizer, PostgreSQL to_tsvector('simple')). Chinese has no spaces, so CJK runs become
/// overlapping character bigrams plus the run's last character: every substring query of two or more
/// characters is then a bigram phrase, and a one-character query is a prefix query. Space-separated
/// scripts become folded words. When the segmenter has run, its multi-character CJK words go into a
/// separate column so whole-word hits rank above hits that merely contain the characters.
/// </summary>
internal static class IndexTerms
{
    /// <summary>Longest text indexed per article, in characters; later text is stored but not searchable.
    /// 200k characters is far beyond any news article (the longest pages in ../shared/data are ~60k).</summary>
    public const int MaxIndexedChars = 200_000;

    /// <summary>PostgreSQL keeps at most 16,383 positions per lexeme list; terms past that still match, unpositioned.</summary>
    public const int MaxWordTerms = 20_000;

    public static string Build(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var length = Math.Min(text.Length, MaxIndexedChars);
        var sb = new StringBuilder(length * 3);
        var i = 0;
        while (i < length)
        {
            var cls = TextFolding.Classify(text[i]);
            var start = i;
            while (i < length && TextFolding.Classify(text[i]) == cls)
                i++;
            if (cls == CharClass.Separator)
                continue;
            if (cls == CharClass.Word)
                AppendTerm(sb, text.AsSpan(start, i - start));
            else
                AppendBigrams(sb, text.AsSpan(start, i - start));
        }
        return sb.ToString();
    }

    /// <summary>The segmenter's words that contain CJK and are longer than one character, folded.</summary>
    public static string Words(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count == 0)
            return "";
        var sb = new StringBuilder();
        var count = 0;
        foreach (var t in tokens)
        {
            if (t.Span.End > MaxIndexedChars || count >= MaxWordTerms)
                break;
            var word = t.Text.AsSpan();
            if (word.Length < 2 || !IsAllCjk(word))
                continue;
            AppendTerm(sb, word);
            count++;
        }
        return sb.ToString();
    }

    internal static bool IsAllCjk(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (TextFolding.Classify(c) != CharClass.Cjk)
                return false;
        }
        return s.Length > 0;
    }

    private static void AppendBigrams(StringBuilder sb, ReadOnlySpan<char> run)
    {
        var units = TextUnits(run);
        for (var k = 0; k + 1 < units.Count; k++)
            AppendTerm(sb, run[units[k].Start..units[k + 1].End]);
        AppendTerm(sb, run[units[^1].Start..units[^1].End]);
    }

    /// <summary>Character units of a run: a surrogate pair counts as one character.</summary>
    internal static List<Range> TextUnits(ReadOnlySpan<char> run)
    {
        var units = new List<(int Start, int End)>(run.Length);
        var i = 0;
        while (i < run.Length)
        {
            var n = char.IsHighSurrogate(run[i]) && i + 1 < run.Length && char.IsLowSurrogate(run[i + 1]) ? 2 : 1;
            units.Add((i, i + n));
            i += n;
        }
        return units.ConvertAll(u => new Range(u.Start, u.End));
    }

    private static void AppendTerm(StringBuilder sb, ReadOnlySpan<char> term)
    {
        if (sb.Length > 0)
            sb.Append(' ');
        foreach (var c in term)
            sb.Append(TextFolding.Fold(c));
    }
}
