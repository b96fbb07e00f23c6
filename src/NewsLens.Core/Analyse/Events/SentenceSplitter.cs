using NewsLens.Model;

namespace NewsLens.Analyse.Events;

/// <summary>A sentence of the article text and its clauses (split at Chinese commas and semicolons).</summary>
internal sealed record Sentence(Span Span, string Text, IReadOnlyList<Span> Clauses);

/// <summary>Splits article text into sentences at 。！？!? and line breaks, and sentences into clauses.</summary>
internal static class SentenceSplitter
{
    /// <summary>Sentences longer than this are cut (run-on text without punctuation); keeps per-sentence work bounded.</summary>
    public const int MaxSentenceChars = 600;

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?' or '\n' or '；';

    private static bool IsClauseEnd(char c) => c is '，' or ',' or '；' or ';' or '：' or ':';

    public static int SentenceStart(string text, int position)
    {
        var i = Math.Min(position, text.Length) - 1;
        while (i >= 0 && !IsSentenceEnd(text[i]) && position - i < MaxSentenceChars)
            i--;
        return i + 1;
    }

    public static IReadOnlyList<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length || IsSentenceEnd(text[i]) || i - start >= MaxSentenceChars;
            if (!end)
                continue;
            var stop = i < text.Length && text[i] != '\n' ? i + 1 : i;
            Add(text, start, stop, result);
            start = stop == i ? i + 1 : stop;
        }
        return result;
    }

    private static void Add(string text, int start, int end, List<Sentence> into)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end <= start)
            return;
        var clauses = new List<Span>();
        var c = start;
        for (var i = start; i < end; i++)
        {
            if (IsClauseEnd(text[i]))
            {
                if (i > c)
                    clauses.Add(new Span(c, i));
                c = i + 1;
            }
        }
        if (end > c)
            clauses.Add(new Span(c, end));
        into.Add(new Sentence(new Span(start, end), text[start..end], clauses));
    }
}
