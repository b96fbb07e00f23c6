using NewsLens.Model;

namespace NewsLens.Storage.Search;

/// <summary>A short passage of the article around the query's hits; <see cref="Highlights"/> index into <see cref="Text"/>.</summary>
/// <param name="Start">Where <see cref="Text"/> starts in the article text.</param>
public sealed record Snippet(string Text, int Start, IReadOnlyList<Span> Highlights)
{
    /// <summary>The snippet with each highlight wrapped in the given markers.</summary>
    public string Marked(string open, string close)
    {
        var sb = new System.Text.StringBuilder(Text.Length + (Highlights.Count * (open.Length + close.Length)));
        var at = 0;
        foreach (var h in Highlights)
        {
            sb.Append(Text, at, h.Start - at).Append(open).Append(Text, h.Start, h.Length).Append(close);
            at = h.End;
        }
        return sb.Append(Text, at, Text.Length - at).ToString();
    }
}

/// <summary>
/// Builds highlighted snippets in C# for both stores: the indexes hold bigram terms, not readable text, so
/// the engines' own snippet functions would show "金正 正恩". Hits are found in the folded article text.
/// </summary>
internal static class Snippets
{
    /// <summary>Snippet length in characters: about two lines of Chinese in an 80-column terminal.</summary>
    public const int Window = 120;

    /// <summary>How far back the window may move to start at a sentence boundary.</summary>
    private const int BoundarySlack = 30;

    /// <summary>Articles longer than this are searched for hits only in their first part (bounded work per hit).</summary>
    private const int MaxScannedChars = 100_000;

    public static Snippet Build(string text, IReadOnlyList<QueryTerm> terms)
    {
        var scanned = text.Length > MaxScannedChars ? text[..MaxScannedChars] : text;
        var folded = TextFolding.Fold(scanned);
        var hits = new List<(Span Span, int Term)>();
        for (var t = 0; t < terms.Count; t++)
        {
            var surface = terms[t].Surface;
            if (surface.Length == 0)
                continue;
            var at = 0;
            while ((at = folded.IndexOf(surface, at, StringComparison.Ordinal)) >= 0)
            {
                hits.Add((new Span(at, at + surface.Length), t));
                at += surface.Length;
            }
        }
        hits.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        var start = BestWindowStart(hits, scanned.Length);
        start = SentenceStart(scanned, start);
        var end = Math.Min(scanned.Length, start + Window);
        var highlights = new List<Span>();
        var last = start;
        foreach (var (span, _) in hits)
        {
            if (span.Start < last || span.End > end)
                continue;
            highlights.Add(new Span(span.Start - start, span.End - start));
            last = span.End;
        }
        var snippet = scanned[start..end].Replace('\n', ' ');
        return new Snippet(snippet, start, highlights);
    }

    /// <summary>The window start that covers the most distinct terms, then the most hits; earliest wins ties.</summary>
    private static int BestWindowStart(List<(Span Span, int Term)> hits, int length)
    {
        if (hits.Count == 0)
            return 0;
        var best = hits[0].Span.Start;
        var bestDistinct = -1;
        var bestCount = -1;
        for (var i = 0; i < hits.Count; i++)
        {
            var from = hits[i].Span.Start;
            var seen = 0UL;
            var count = 0;
            for (var j = i; j < hits.Count && hits[j].Span.End <= from + Window; j++)
            {
                seen |= 1UL << Math.Min(hits[j].Term, 63);
                count++;
            }
            var distinct = System.Numerics.BitOperations.PopCount(seen);
            if (distinct > bestDistinct || (distinct == bestDistinct && count > bestCount))
            {
                best = from;
                bestDistinct = distinct;
                bestCount = count;
            }
        }
        // Give the first hit some leading context.
        return Math.Max(0, Math.Min(best - (Window / 4), length - Window));
    }

    private static int SentenceStart(string text, int start)
    {
        if (start <= 0)
            return 0;
        for (var i = start; i > Math.Max(0, start - BoundarySlack); i--)
        {
            if (text[i - 1] is '。' or '！' or '？' or '\n' or '.' or '!' or '?' or '；')
                return i;
        }
        return start;
    }
}
