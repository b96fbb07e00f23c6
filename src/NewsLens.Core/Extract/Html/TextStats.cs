namespace NewsLens.Extract.Html;

/// <summary>Counting of the visible characters behind <see cref="HtmlNode.TextChars"/> and <see cref="HtmlNode.LinkChars"/> (the parser fills them bottom-up as it closes elements).</summary>
internal static class TextStats
{
    public static int CountVisible(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
                n++;
        }
        return n;
    }
}
