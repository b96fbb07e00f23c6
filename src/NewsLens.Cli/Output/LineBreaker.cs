using Spectre.Console;

namespace NewsLens.Cli.Output;

/// <summary>
/// Wraps a paragraph to a terminal width in cells (a CJK character takes two). Chinese breaks between any two
/// characters, except that a line never starts with closing punctuation (。，、）」… — the typesetting rule
/// readers expect; the character before it moves down with it); space-separated words are not split.
/// Spectre's own wrapping knows neither rule.
/// </summary>
internal static class LineBreaker
{
    private const string NoLineStart = "。，、；：？！）」』】》〉”’….,;:?!)]}%·～-—";

    public static IEnumerable<string> Wrap(string text, int width)
    {
        width = Math.Max(width, 4);
        var start = 0;
        while (start < text.Length)
        {
            var cells = 0;
            var end = start;
            while (end < text.Length && cells + text[end].GetCellWidth() <= width)
                cells += text[end++].GetCellWidth();
            if (end < text.Length)
                end = BreakBefore(text, start, end);
            yield return text[start..end].TrimEnd();
            start = end;
            while (start < text.Length && text[start] == ' ')
                start++;
        }
    }

    /// <summary>Where to end a full line that would otherwise end before <paramref name="end"/>.</summary>
    private static int BreakBefore(string text, int start, int end)
    {
        var at = end;
        // Inside a word of a space-separated script: back up to the last space.
        if (IsWordChar(text[at]) && IsWordChar(text[at - 1]))
        {
            var space = text.LastIndexOf(' ', at - 1, at - start);
            if (space > start)
                return space + 1;
        }
        // Closing punctuation may not open a line: take the characters before it down too.
        while (at > start + 1 && NoLineStart.Contains(text[at]))
            at--;
        return at;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) && c.GetCellWidth() == 1;
}
