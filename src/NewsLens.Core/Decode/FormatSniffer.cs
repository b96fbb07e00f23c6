using NewsLens.Model;

namespace NewsLens.Decode;

/// <summary>Settles HTML vs Markdown vs plain text from the hint, the Content-Type and the text itself.</summary>
internal static class FormatSniffer
{
    public static PageFormat Sniff(PageFormat hint, string? contentType, string text)
    {
        if (contentType is not null)
        {
            if (contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
                return PageFormat.Html;
            if (contentType.Contains("markdown", StringComparison.OrdinalIgnoreCase))
                return PageFormat.Markdown;
        }
        var looksHtml = LooksLikeHtml(text);
        return hint switch
        {
            PageFormat.Html => PageFormat.Html,
            // A .txt that is really a saved web page is treated as the page it is.
            PageFormat.Text or PageFormat.Markdown when looksHtml => PageFormat.Html,
            PageFormat.Text or PageFormat.Markdown => hint,
            _ when looksHtml => PageFormat.Html,
            _ when LooksLikeMarkdown(text) => PageFormat.Markdown,
            _ => PageFormat.Text,
        };
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<", StringComparison.Ordinal) && (head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.Contains("<p>", StringComparison.OrdinalIgnoreCase)));
    }

    private static bool LooksLikeMarkdown(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096));
        return head.StartsWith("# ", StringComparison.Ordinal) || head.Contains("\n# ", StringComparison.Ordinal)
            || head.Contains("\n## ", StringComparison.Ordinal) || head.Contains("](", StringComparison.Ordinal);
    }
}
