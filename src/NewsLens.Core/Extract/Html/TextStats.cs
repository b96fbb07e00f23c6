namespace NewsLens.Extract.Html;

/// <summary>Fills <see cref="HtmlNode.TextChars"/> and <see cref="HtmlNode.LinkChars"/> bottom-up, without recursion.</summary>
internal static class TextStats
{
    public static void Compute(HtmlNode root)
    {
        // Pre-order list reversed is a valid post-order for summing children into parents.
        var order = new List<HtmlNode> { root };
        order.AddRange(root.Descendants());
        foreach (var node in order)
        {
            node.TextChars = 0;
            node.LinkChars = 0;
        }
        for (var k = order.Count - 1; k >= 0; k--)
        {
            var node = order[k];
            if (node.Kind == HtmlNodeKind.Text)
            {
                node.TextChars = CountVisible(node.Text!);
            }
            else if (node.Name == "a" && node.Attr("href") is not null)
            {
                node.LinkChars = node.TextChars;
            }
            if (node.Parent is { } parent)
            {
                parent.TextChars += node.TextChars;
                parent.LinkChars += node.LinkChars;
            }
        }
    }

    public static int CountVisible(string text)
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
