using System.Collections.Frozen;
using System.Text;
using NewsLens.Extract.Html;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>
/// Turns a cleaned DOM into text blocks in reading order: a block element or a line break ends a block,
/// inline elements join their text. Whitespace collapses as a browser renders it.
/// </summary>
internal sealed class BlockLinearizer
{
    /// <summary>Longest single block kept; beyond this the rest is one more block (bounded memory per block).</summary>
    private const int MaxBlockChars = 100_000;

    private static readonly FrozenSet<string> BlockElements = FrozenSet.ToFrozenSet(
        ["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
         "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
         "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "text",
         "#document", "option", "frame"],
        StringComparer.Ordinal);

    public static bool IsBlock(string name) => BlockElements.Contains(name);

    public List<TextBlock> Linearize(HtmlNode root)
    {
        var run = new Run();
        var blocks = new List<TextBlock>();
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        stack.Push((root, false));
        var owners = new Stack<HtmlNode>();
        owners.Push(root);
        var linkDepth = 0;
        var preDepth = 0;
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node.Kind == HtmlNodeKind.Text)
            {
                run.Append(node.TextSpan, linkDepth > 0, preDepth > 0);
                if (run.Length > MaxBlockChars)
                    run.Flush(blocks, owners.Peek());
                continue;
            }
            var isBlock = BlockElements.Contains(node.Name);
            if (exit)
            {
                if (node.Name == "a")
                {
                    linkDepth--;
                    run.EndLink();
                }
                else if (node.Name == "pre")
                {
                    preDepth--;
                }
                if (isBlock)
                {
                    run.Flush(blocks, owners.Peek());
                    owners.Pop();
                }
                continue;
            }
            if (node.Name == "br" || node.Name == "hr")
            {
                run.Flush(blocks, owners.Peek());
                continue;
            }
            if (isBlock)
            {
                run.Flush(blocks, owners.Peek());
                owners.Push(node);
            }
            if (node.Name == "a")
            {
                linkDepth++;
                run.StartLink(node.Attr("href"));
            }
            else if (node.Name == "pre")
            {
                preDepth++;
            }
            stack.Push((node, true));
            for (var c = node.LastChild; c is not null; c = c.PreviousSibling)
                stack.Push((c, false));
        }
        run.Flush(blocks, root);
        return blocks;
    }

    internal static (BlockKind Kind, int Level) KindOf(HtmlNode owner)
    {
        for (var n = owner; n is not null && n.Depth > 0; n = n.Parent)
        {
            switch (n.Name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    return (BlockKind.Heading, n.Name[1] - '0');
                case "li" or "dd" or "dt":
                    return (BlockKind.ListItem, 0);
                case "pre":
                    return (BlockKind.Preformatted, 0);
                case "blockquote":
                    return (BlockKind.Quote, 0);
                case "figcaption" or "caption":
                    return (BlockKind.Caption, 0);
                case "td" or "th":
                    return (BlockKind.TableCell, 0);
                case "p" or "div" or "section" or "article" or "body" or "main" or "table" or "ul" or "ol":
                    return (BlockKind.Paragraph, 0);
            }
        }
        return (BlockKind.Paragraph, 0);
    }

    /// <summary>The inline text gathered since the last block boundary.</summary>
    private sealed class Run
    {
        private readonly StringBuilder text = new();
        private int linkChars;
        private bool pendingSpace;
        private List<RemovedLink>? links;
        private int linkStart = -1;
        private string? linkHref;

        public int Length => text.Length;

        public void Append(ReadOnlySpan<char> s, bool inLink, bool preformatted)
        {
            foreach (var c in s)
            {
                if (TextNormaliser.IsSpace(c) && !(preformatted && c == '\n'))
                {
                    pendingSpace = text.Length > 0;
                    continue;
                }
                if (pendingSpace)
                    text.Append(' ');
                pendingSpace = false;
                text.Append(c);
                if (inLink)
                    linkChars++;
            }
        }

        public void StartLink(string? href)
        {
            linkStart = text.Length + (pendingSpace ? 1 : 0);
            linkHref = href;
        }

        public void EndLink()
        {
            if (linkStart >= 0 && linkStart < text.Length)
            {
                var t = text.ToString(linkStart, text.Length - linkStart).Trim();
                if (t.Length > 0)
                    (links ??= []).Add(new RemovedLink(t, linkHref));
            }
            linkStart = -1;
        }

        public void Flush(List<TextBlock> blocks, HtmlNode owner)
        {
            pendingSpace = false;
            if (text.Length == 0)
                return;
            var t = text.ToString().Trim();
            text.Clear();
            if (linkStart >= 0)
                linkStart = 0;
            if (t.Length > 0)
            {
                var (kind, level) = KindOf(owner);
                blocks.Add(new TextBlock(t, kind, level, Math.Min(linkChars, t.Length), owner, (IReadOnlyList<RemovedLink>?)links ?? []));
            }
            linkChars = 0;
            links = null;
        }
    }
}
