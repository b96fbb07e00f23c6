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

    public List<TextBlock> Linearize(HtmlNode root)
    {
        var walk = new Walk(root);
        // Depth-first without a stack: an element is entered on the way down and left on the way up.
        var node = root;
        var descend = walk.Enter(node);
        while (true)
        {
            if (descend && node.FirstChild is { } first)
            {
                node = first;
                descend = walk.Enter(node);
                continue;
            }
            if (descend)
                walk.Leave(node);
            while (node != root && node.NextSibling is null)
            {
                walk.After(node);
                node = node.Parent!;
                walk.Leave(node);
            }
            if (node == root)
                break;
            walk.After(node);
            node = node.NextSibling!;
            descend = walk.Enter(node);
        }
        return walk.Finish();
    }

    /// <summary>The state of one linearising walk: the open block owners, link and pre nesting, and the current run.</summary>
    private sealed class Walk(HtmlNode root)
    {
        private readonly Run run = new();
        private readonly List<TextBlock> blocks = [];
        private readonly Stack<HtmlNode> owners = new([root]);
        private int linkDepth;
        private int preDepth;

        /// <summary>Handles arriving at a node; true when the walk goes into it (and will <see cref="Leave"/> it).</summary>
        public bool Enter(HtmlNode node)
        {
            if (node.Kind == HtmlNodeKind.Text)
            {
                run.Append(node.TextSpan, linkDepth > 0, preDepth > 0);
                if (run.Length > MaxBlockChars)
                    run.Flush(blocks, owners.Peek());
                return false;
            }
            if (node.Name == "br" || node.Name == "hr")
            {
                run.Flush(blocks, owners.Peek());
                return false;
            }
            if (node.Is(TagFlags.Block))
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
            Gaps(node.GapsBeforeChildren);
            return true;
        }

        /// <summary>Handles the whitespace gaps right after a node, once its subtree is done.</summary>
        public void After(HtmlNode node) => Gaps(node.GapsAfter);

        /// <summary>Each gap reads as a " " text node would.</summary>
        private void Gaps(int count)
        {
            for (var k = 0; k < count; k++)
                run.Append(" ", linkDepth > 0, preDepth > 0);
        }

        public void Leave(HtmlNode node)
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
            if (node.Is(TagFlags.Block))
            {
                run.Flush(blocks, owners.Peek());
                owners.Pop();
            }
        }

        public List<TextBlock> Finish()
        {
            run.Flush(blocks, root);
            return blocks;
        }
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
        /// <summary>The run's characters (a plain buffer: a StringBuilder re-allocates its capacity on every clear once it has grown).</summary>
        private char[] text = new char[256];
        private int length;
        private int linkChars;
        private bool pendingSpace;
        private List<RemovedLink>? links;
        private int linkStart = -1;
        private string? linkHref;

        public int Length => length;

        public void Append(ReadOnlySpan<char> s, bool inLink, bool preformatted)
        {
            if (length + s.Length + 1 > text.Length)
                Array.Resize(ref text, Math.Max(text.Length * 2, length + s.Length + 1));
            var buffer = text;
            var n = length;
            foreach (var c in s)
            {
                if (TextNormaliser.IsSpace(c) && !(preformatted && c == '\n'))
                {
                    pendingSpace = n > 0;
                    continue;
                }
                if (pendingSpace)
                    buffer[n++] = ' ';
                pendingSpace = false;
                buffer[n++] = c;
                if (inLink)
                    linkChars++;
            }
            length = n;
        }

        public void StartLink(string? href)
        {
            linkStart = length + (pendingSpace ? 1 : 0);
            linkHref = href;
        }

        public void EndLink()
        {
            if (linkStart >= 0 && linkStart < length)
            {
                var t = text.AsSpan(linkStart, length - linkStart).Trim();
                if (t.Length > 0)
                    (links ??= []).Add(new RemovedLink(new string(t), linkHref));
            }
            linkStart = -1;
        }

        public void Flush(List<TextBlock> blocks, HtmlNode owner)
        {
            pendingSpace = false;
            if (length == 0)
                return;
            var trimmed = text.AsSpan(0, length).Trim();
            var t = trimmed.Length > 0 ? new string(trimmed) : "";
            length = 0;
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
