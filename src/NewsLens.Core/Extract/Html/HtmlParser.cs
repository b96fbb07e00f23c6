using System.Buffers;
using System.Net;
using NewsLens.Pipeline;

namespace NewsLens.Extract.Html;

/// <summary>
/// A tolerant, single-pass HTML tokenizer and tree builder. It follows the parts of the HTML5 tree
/// construction rules that change the shape extraction sees (implied end tags of p/li/td/tr/option,
/// void elements, raw-text elements, end tags that do not match, scope boundaries at tables) and skips the
/// rest (foster parenting, the adoption agency, foreign content). It never recurses, so input depth costs
/// no stack; nesting deeper than the limit is rejected as <see cref="RejectionReason.TooDeep"/>.
/// Chosen over AngleSharp and HtmlAgilityPack by measurement (see bench/extraction.sh): several times
/// faster on the AEB pages, and the depth limit is enforced while building rather than after.
/// </summary>
internal sealed class HtmlParser
{
    /// <summary>Longest attribute value kept; longer ones (inline images as data: URIs) are cut, never needed whole.</summary>
    private const int MaxAttributeValue = 2048;

    /// <summary>Most attributes kept on one element; a hostile tag with thousands of attributes costs nothing more.</summary>
    private const int MaxAttributes = 32;

    /// <summary>How far down the open-element stack an end tag looks for its start tag before being ignored.</summary>
    private const int MaxEndTagSearch = 64;

    /// <summary>
    /// The only attributes extraction reads; every other one (src, srcset, data-*, width...) is skipped
    /// without allocating, which is most of the parse cost saved on real pages.
    /// </summary>
    private static readonly AsciiNameTable KeptAttributeNames = new(
        "class id style href hidden aria-hidden role itemprop content name property http-equiv datetime type rel lang xml:lang title pubdate charset".Split(' '));

    /// <summary>The characters <see cref="char.IsWhiteSpace(char)"/> accepts below U+0080.</summary>
    private static readonly SearchValues<char> AsciiWhitespace = SearchValues.Create(" \t\n\v\f\r");

    private readonly int maxDepth;

    public HtmlParser(int maxDepth) => this.maxDepth = maxDepth;

    /// <summary>
    /// Parses a whole page. The returned root is a synthetic "#document" element; every node's
    /// <see cref="HtmlNode.TextChars"/> and <see cref="HtmlNode.LinkChars"/> are filled as it is built.
    /// </summary>
    public HtmlNode Parse(string html)
    {
        var state = new BuildState(HtmlNode.Element("#document", TagTable.DocumentFlags, null), maxDepth);
        var scratch = new List<string>();
        var i = 0;
        var n = html.Length;
        var textStart = 0;
        while (i < n)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
                break;
            if (lt + 1 >= n)
                break;
            var c = html[lt + 1];
            if (c == '!' || c == '?')
            {
                state.Text(html, textStart, lt);
                i = SkipDeclarationOrComment(html, lt);
                textStart = i;
            }
            else if (c == '/')
            {
                var nameStart = lt + 2;
                if (nameStart < n && char.IsAsciiLetter(html[nameStart]))
                {
                    state.Text(html, textStart, lt);
                    var nameEnd = ScanName(html, nameStart);
                    var (name, flags) = TagName(html, nameStart, nameEnd);
                    var gt = html.IndexOf('>', nameEnd);
                    i = gt < 0 ? n : gt + 1;
                    textStart = i;
                    state.EndTag(name, flags);
                }
                else
                {
                    // "</>" or "</ 3": a bogus comment up to '>'.
                    state.Text(html, textStart, lt);
                    var gt = html.IndexOf('>', lt + 2);
                    i = gt < 0 ? n : gt + 1;
                    textStart = i;
                }
            }
            else if (char.IsAsciiLetter(c))
            {
                state.Text(html, textStart, lt);
                var nameEnd = ScanName(html, lt + 1);
                var (name, flags) = TagName(html, lt + 1, nameEnd);
                var (attributes, end, selfClosing) = ScanAttributes(html, nameEnd, scratch);
                i = end;
                var close = (flags & TagFlags.RawText) != 0 && !selfClosing ? FindRawTextEnd(html, i, name) : -1;
                // svg, math and select are skipped whole only when they are closed; an unclosed one must not swallow the page.
                if (close >= 0 && close == n && name is "svg" or "math" or "select")
                    close = -1;
                if (close >= 0)
                {
                    // Only JSON-LD scripts and the title are read later; other raw text is skipped unallocated.
                    var keepText = name == "title" || (name == "script" && IsJsonType(attributes));
                    var content = keepText ? html[i..close] : null;
                    state.RawTextElement(name, flags, attributes, content);
                    var gt = close < n ? html.IndexOf('>', close) : -1;
                    i = gt < 0 ? n : gt + 1;
                }
                else if ((flags & TagFlags.SkippedVoid) == 0)
                {
                    state.StartTag(name, flags, attributes, selfClosing || (flags & TagFlags.Void) != 0);
                }
                textStart = i;
            }
            else
            {
                // A literal '<' in text ("a < b"): keep scanning, it stays part of the text run.
                i = lt + 1;
            }
        }
        state.Text(html, textStart, n);
        state.Finish();
        return state.Root;
    }

    private static int ScanName(string s, int i)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\n' or '\f' or '/' or '>')
                break;
            i++;
        }
        return i;
    }

    private static (string Name, TagFlags Flags) TagName(string s, int start, int end)
    {
        var span = s.AsSpan(start, end - start);
        if (TagTable.TryGet(span, out var known, out var flags))
            return (known, flags);
        return (span.ToString().ToLowerInvariant(), TagFlags.None);
    }

    private static int SkipDeclarationOrComment(string s, int lt)
    {
        if (string.CompareOrdinal(s, lt, "<!--", 0, 4) == 0)
        {
            var end = s.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? s.Length : end + 3;
        }
        var gt = s.IndexOf('>', lt + 2);
        return gt < 0 ? s.Length : gt + 1;
    }

    private static int FindRawTextEnd(string s, int from, string name)
    {
        var i = from;
        while (true)
        {
            var lt = s.IndexOf("</", i, StringComparison.Ordinal);
            if (lt < 0 || lt + 2 + name.Length > s.Length)
                return s.Length;
            if (string.Compare(s, lt + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var after = lt + 2 + name.Length;
                if (after >= s.Length || s[after] is '>' or ' ' or '\t' or '\n' or '/' or '\f')
                    return lt;
            }
            i = lt + 2;
        }
    }

    /// <summary>The kept attributes of a start tag (gathered in <paramref name="scratch"/>, returned as an exact-size array), where the tag ends, and whether it is self-closing.</summary>
    private static (string[]? Attributes, int End, bool SelfClosing) ScanAttributes(string s, int i, List<string> scratch)
    {
        scratch.Clear();
        var n = s.Length;
        while (i < n)
        {
            var c = s[i];
            if (c == '>')
                return (Kept(scratch), i + 1, false);
            if (c == '/' && i + 1 < n && s[i + 1] == '>')
                return (Kept(scratch), i + 2, true);
            if (c is ' ' or '\t' or '\n' or '\f' or '/')
            {
                i++;
                continue;
            }
            var nameStart = i;
            while (i < n && s[i] is not (' ' or '\t' or '\n' or '\f' or '/' or '>' or '='))
                i++;
            var nameEnd = i;
            while (i < n && s[i] is ' ' or '\t' or '\n' or '\f')
                i++;
            var attributeIndex = KeptAttributeNames.IndexOf(s.AsSpan(nameStart, nameEnd - nameStart));
            var keep = attributeIndex >= 0 && scratch.Count < MaxAttributes * 2;
            var value = "";
            if (i < n && s[i] == '=')
            {
                i++;
                while (i < n && s[i] is ' ' or '\t' or '\n' or '\f')
                    i++;
                if (i < n && s[i] is '"' or '\'')
                {
                    var q = s[i];
                    var close = s.IndexOf(q, i + 1);
                    if (close < 0)
                        close = n;
                    value = keep ? Value(s, i + 1, close) : "";
                    i = Math.Min(n, close + 1);
                }
                else
                {
                    var vStart = i;
                    while (i < n && s[i] is not (' ' or '\t' or '\n' or '\f' or '>'))
                        i++;
                    value = keep ? Value(s, vStart, i) : "";
                }
            }
            if (keep)
            {
                scratch.Add(KeptAttributeNames[attributeIndex]);
                scratch.Add(value);
            }
        }
        return (Kept(scratch), n, false);
    }

    /// <summary>The gathered name/value pairs as an exact-size array.</summary>
    private static string[]? Kept(List<string> scratch)
    {
        if (scratch.Count == 0)
            return null;
        var kept = new string[scratch.Count];
        for (var k = 0; k < kept.Length; k++)
            kept[k] = scratch[k];
        return kept;
    }

    private static bool IsJsonType(string[]? attributes)
    {
        if (attributes is null)
            return false;
        for (var k = 0; k + 1 < attributes.Length; k += 2)
        {
            if (attributes[k] == "type" && attributes[k + 1].Contains("json", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static string Value(string s, int start, int end)
    {
        var length = Math.Min(end - start, MaxAttributeValue);
        if (length <= 0)
            return "";
        var raw = s.Substring(start, length);
        return raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
    }

    /// <summary>The open-element stack and the rules that decide where the next node goes.</summary>
    private sealed class BuildState(HtmlNode root, int maxDepth)
    {
        // Where an implied end tag stops looking (shared arrays: a collection expression per call would allocate per tag).
        private static readonly string[] ListItemScope = ["ul", "ol", "menu", "table", "td", "div"];
        private static readonly string[] DefinitionScope = ["dl", "table", "td", "div"];
        private static readonly string[] OptionScope = ["select", "datalist"];
        private static readonly string[] RowScope = ["table", "tbody", "thead", "tfoot"];
        private static readonly string[] CellScope = ["tr", "table"];
        private static readonly string[] TableScope = ["table"];

        /// <summary>Elements made so far: each one's number is its hash code (cheaper than the runtime's identity hash).</summary>
        private int made;

        private readonly List<HtmlNode> open = [root];
        private bool headOpen;

        /// <summary>Open elements that are links (a with href): text added now is link text.</summary>
        private int linkDepth;

        /// <summary>Open p elements: with none open, a block start tag has no p to close and the stack is not searched.</summary>
        private int openParagraphs;

        /// <summary>Open a and li elements, for the same shortcut on their implied end tags.</summary>
        private int openAnchors;

        private int openItems;

        private void Count(HtmlNode e, int delta)
        {
            switch (e.Name)
            {
                case "p":
                    openParagraphs += delta;
                    break;
                case "a":
                    openAnchors += delta;
                    break;
                case "li":
                    openItems += delta;
                    break;
            }
        }

        public HtmlNode Root { get; } = root;

        private HtmlNode Current => open[^1];

        public void Text(string s, int start, int end)
        {
            if (end <= start)
                return;
            var span = s.AsSpan(start, end - start);
            // Most runs between tags are indentation: one vectorised search finds the first visible character.
            var first = span.IndexOfAnyExcept(AsciiWhitespace);
            if (first < 0)
            {
                Gap();
                return;
            }
            // One pass over the rest: visible characters (none means a whitespace gap) and whether entities need decoding.
            var visible = 0;
            var entities = false;
            foreach (var c in span[first..])
            {
                if ((c > ' ' && c < '\u0080') || !char.IsWhiteSpace(c))
                {
                    visible++;
                    entities |= c == '&';
                }
            }
            if (visible == 0)
            {
                Gap();
                return;
            }
            // Text without entities stays a range of the page until someone asks for its string.
            HtmlNode node;
            if (entities)
            {
                node = HtmlNode.TextNode(WebUtility.HtmlDecode(span.ToString()));
                visible = TextStats.CountVisible(node.TextSpan);
            }
            else
            {
                node = HtmlNode.TextNode(s, start, end - start);
            }
            Current.Append(node);
            AddStats(node, visible);
        }

        /// <summary>
        /// Whitespace between tags only separates words: it is counted where it stood (after the last child, or
        /// before the first), one gap per run, none right after text, as a " " text node would have been.
        /// </summary>
        private void Gap()
        {
            var current = Current;
            switch (current.LastChild)
            {
                case { Kind: HtmlNodeKind.Text }:
                    return;
                case { } last:
                    last.GapsAfter = 1;
                    return;
                default:
                    current.GapsBeforeChildren = 1;
                    return;
            }
        }

        /// <summary>
        /// Counts a text node's visible characters into its parent; an element's totals reach its own parent
        /// when it is closed (<see cref="PopTo"/>), so every ancestor ends with the sum of its subtree.
        /// </summary>
        private void AddStats(HtmlNode text) => AddStats(text, TextStats.CountVisible(text.TextSpan));

        private void AddStats(HtmlNode text, int visible)
        {
            if (visible == 0)
                return;
            text.TextChars = visible;
            var parent = Current;
            parent.TextChars += visible;
            if (linkDepth > 0)
            {
                text.LinkChars = visible;
                parent.LinkChars += visible;
            }
        }

        private static bool IsLink(HtmlNode e) => e.Name == "a" && e.Attr("href") is not null;

        /// <summary>Closes the open elements from index <paramref name="k"/> up, passing each one's text totals to its parent.</summary>
        private void PopTo(int k)
        {
            for (var j = open.Count - 1; j >= k; j--)
            {
                var e = open[j];
                if (IsLink(e))
                {
                    linkDepth--;
                    e.LinkChars = e.TextChars;
                }
                Count(e, -1);
                var parent = open[j - 1];
                parent.TextChars += e.TextChars;
                parent.LinkChars += e.LinkChars;
            }
            open.RemoveRange(k, open.Count - k);
        }

        /// <summary>Closes everything still open at the end of the input.</summary>
        public void Finish() => PopTo(1);

        public void RawTextElement(string name, TagFlags flags, string[]? attributes, string? content)
        {
            var element = HtmlNode.Element(name, flags, attributes);
            Push(element);
            if (!string.IsNullOrEmpty(content))
            {
                var text = HtmlNode.TextNode(name == "title" ? WebUtility.HtmlDecode(content) : content);
                element.Append(text);
                AddStats(text);
            }
            PopTo(open.Count - 1);
        }

        public void StartTag(string name, TagFlags flags, string[]? attributes, bool isVoid)
        {
            // Anything but head content ends the head, as in browsers (an unclosed head must not swallow the page).
            if (headOpen && name is not ("meta" or "link" or "title" or "script" or "style" or "base" or "noscript" or "template"))
                CloseHead();
            switch (name)
            {
                case "html" or "body" or "head" when HasOpen(name):
                    return; // A second <body> adds nothing; its attributes are not needed.
                case "li" when openItems > 0:
                    CloseUpTo("li", stopAt: ListItemScope);
                    break;
                case "dt" or "dd":
                    CloseUpTo("dd", stopAt: DefinitionScope);
                    CloseUpTo("dt", stopAt: DefinitionScope);
                    break;
                case "option":
                    CloseUpTo("option", stopAt: OptionScope);
                    break;
                case "tr":
                    CloseUpTo("tr", stopAt: RowScope);
                    break;
                case "td" or "th":
                    CloseUpTo("td", stopAt: CellScope);
                    CloseUpTo("th", stopAt: CellScope);
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseUpTo("tbody", stopAt: TableScope);
                    CloseUpTo("thead", stopAt: TableScope);
                    CloseUpTo("tfoot", stopAt: TableScope);
                    break;
                case "a" when openAnchors > 0:
                    CloseUpTo("a", stopAt: TagFlags.Special);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when Current.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    PopTo(open.Count - 1);
                    break;
            }
            if ((flags & TagFlags.ClosesParagraph) != 0 && openParagraphs > 0)
                CloseUpTo("p", stopAt: TagFlags.ScopeBoundary);
            var element = HtmlNode.Element(name, flags, attributes);
            Push(element);
            if (isVoid)
                PopTo(open.Count - 1);
            else if (name == "head")
                headOpen = true;
        }

        private void CloseHead()
        {
            headOpen = false;
            for (var k = open.Count - 1; k >= 1; k--)
            {
                if (open[k].Name == "head")
                {
                    PopTo(k);
                    return;
                }
            }
        }

        public void EndTag(string name, TagFlags flags)
        {
            if (name == "head")
            {
                if (headOpen)
                    CloseHead();
                return;
            }
            if (name is "br")
            {
                // Browsers read a stray </br> as <br>.
                StartTag("br", TagTable.FlagsOf("br"), null, isVoid: true);
                return;
            }
            var isSpecial = (flags & TagFlags.Special) != 0;
            var limit = Math.Max(1, open.Count - MaxEndTagSearch);
            for (var k = open.Count - 1; k >= limit; k--)
            {
                var node = open[k];
                if (string.Equals(node.Name, name, StringComparison.Ordinal))
                {
                    PopTo(k);
                    return;
                }
                // An inline end tag never closes a block it is not in; a block end tag stays inside its table cell.
                if (!isSpecial && node.Is(TagFlags.Special))
                    return;
                if (isSpecial && node.Is(TagFlags.ScopeBoundary) && name is not ("table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "caption"))
                    return;
                if (name is "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" && node.Name == "table")
                    return;
            }
        }

        private void Push(HtmlNode element)
        {
            if (open.Count > maxDepth)
                throw new PageRejectedException(RejectionReason.TooDeep, $"element nesting deeper than {maxDepth} (at <{element.Name}>)");
            element.Ordinal = ++made;
            Current.Append(element);
            open.Add(element);
            if (IsLink(element))
                linkDepth++;
            Count(element, +1);
        }

        private bool HasOpen(string name)
        {
            foreach (var node in open)
            {
                if (string.Equals(node.Name, name, StringComparison.Ordinal))
                    return true;
            }
            return false;
        }

        private void CloseUpTo(string name, TagFlags stopAt)
        {
            var limit = Math.Max(1, open.Count - MaxEndTagSearch);
            for (var k = open.Count - 1; k >= limit; k--)
            {
                var node = open[k];
                if (string.Equals(node.Name, name, StringComparison.Ordinal))
                {
                    PopTo(k);
                    return;
                }
                if (node.Is(stopAt))
                    return;
            }
        }

        private void CloseUpTo(string name, string[] stopAt)
        {
            var limit = Math.Max(1, open.Count - MaxEndTagSearch);
            for (var k = open.Count - 1; k >= limit; k--)
            {
                var node = open[k].Name;
                if (string.Equals(node, name, StringComparison.Ordinal))
                {
                    PopTo(k);
                    return;
                }
                if (Array.IndexOf(stopAt, node) >= 0)
                    return;
            }
        }
    }
}
