using System.Collections.Frozen;
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

    private static readonly FrozenSet<string> VoidElements = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"],
        StringComparer.Ordinal);

    /// <summary>Elements whose content is not markup. Only script (for JSON-LD) and title keep their text.</summary>
    private static readonly FrozenSet<string> RawTextElements = FrozenSet.ToFrozenSet(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"],
        StringComparer.Ordinal);

    /// <summary>Start tags that close an open p (HTML5 "closes a p element in button scope").</summary>
    private static readonly FrozenSet<string> ClosesParagraph = FrozenSet.ToFrozenSet(
        ["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
         "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
         "summary", "table", "ul", "li", "dd", "dt"],
        StringComparer.Ordinal);

    /// <summary>HTML5 "special" elements: an unmatched inline end tag never closes across them.</summary>
    private static readonly FrozenSet<string> Special = FrozenSet.ToFrozenSet(
        ["address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption",
         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "li", "main", "menu", "nav", "ol", "p",
         "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "select", "button", "marquee", "object", "applet"],
        StringComparer.Ordinal);

    /// <summary>Scope boundaries: a block end tag does not close elements outside the table cell it is in.</summary>
    private static readonly FrozenSet<string> ScopeBoundary = FrozenSet.ToFrozenSet(
        ["html", "table", "td", "th", "caption", "template", "object", "marquee", "applet"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> KnownNames = FrozenDictionary.ToFrozenDictionary(
        "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta nav noscript object ol optgroup option p param picture pre q s samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr text"
            .Split(' ').Select(n => KeyValuePair.Create(n, n)), StringComparer.Ordinal);

    private readonly int maxDepth;

    public HtmlParser(int maxDepth) => this.maxDepth = maxDepth;

    /// <summary>Parses a whole page. The returned root is a synthetic "#document" element.</summary>
    public HtmlNode Parse(string html)
    {
        var state = new BuildState(HtmlNode.Element("#document", null), maxDepth);
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
                    var name = TagName(html, nameStart, nameEnd);
                    var gt = html.IndexOf('>', nameEnd);
                    i = gt < 0 ? n : gt + 1;
                    textStart = i;
                    state.EndTag(name);
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
                var name = TagName(html, lt + 1, nameEnd);
                var (attributes, end, selfClosing) = ScanAttributes(html, nameEnd);
                i = end;
                if (RawTextElements.Contains(name) && !selfClosing)
                {
                    var close = FindRawTextEnd(html, i, name);
                    var content = name is "script" or "title" or "noscript" ? html[i..close] : null;
                    state.RawTextElement(name, attributes, content);
                    var gt = close < n ? html.IndexOf('>', close) : -1;
                    i = gt < 0 ? n : gt + 1;
                }
                else
                {
                    state.StartTag(name, attributes, selfClosing || VoidElements.Contains(name));
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

    private static string TagName(string s, int start, int end)
    {
        var span = s.AsSpan(start, end - start);
        Span<char> lower = stackalloc char[Math.Min(span.Length, 64)];
        if (span.Length > 64)
            return span.ToString().ToLowerInvariant();
        span.ToLowerInvariant(lower);
        var lookup = KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(lower, out var known) ? known : lower.ToString();
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

    private static (List<KeyValuePair<string, string>>? Attributes, int End, bool SelfClosing) ScanAttributes(string s, int i)
    {
        List<KeyValuePair<string, string>>? attributes = null;
        var n = s.Length;
        while (i < n)
        {
            var c = s[i];
            if (c == '>')
                return (attributes, i + 1, false);
            if (c == '/' && i + 1 < n && s[i + 1] == '>')
                return (attributes, i + 2, true);
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
                    value = Value(s, i + 1, close);
                    i = Math.Min(n, close + 1);
                }
                else
                {
                    var vStart = i;
                    while (i < n && s[i] is not (' ' or '\t' or '\n' or '\f' or '>'))
                        i++;
                    value = Value(s, vStart, i);
                }
            }
            if (nameEnd > nameStart && (attributes?.Count ?? 0) < MaxAttributes)
                (attributes ??= []).Add(KeyValuePair.Create(s[nameStart..nameEnd].ToLowerInvariant(), value));
        }
        return (attributes, n, false);
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
        private readonly List<HtmlNode> open = [root];

        public HtmlNode Root { get; } = root;

        private HtmlNode Current => open[^1];

        public void Text(string s, int start, int end)
        {
            if (end <= start)
                return;
            var span = s.AsSpan(start, end - start);
            if (span.IsWhiteSpace())
            {
                // Whitespace between tags only separates words; one space keeps that, without a string per gap.
                if (Current.HasChildren && Current.Children[^1] is { Kind: HtmlNodeKind.Text })
                    return;
                Current.Append(HtmlNode.TextNode(" "));
                return;
            }
            var raw = span.ToString();
            Current.Append(HtmlNode.TextNode(raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw));
        }

        public void RawTextElement(string name, List<KeyValuePair<string, string>>? attributes, string? content)
        {
            var element = HtmlNode.Element(name, attributes);
            Push(element);
            if (!string.IsNullOrEmpty(content))
                element.Append(HtmlNode.TextNode(name == "title" ? WebUtility.HtmlDecode(content) : content));
            open.RemoveAt(open.Count - 1);
        }

        public void StartTag(string name, List<KeyValuePair<string, string>>? attributes, bool isVoid)
        {
            switch (name)
            {
                case "html" or "body" or "head" when HasOpen(name):
                    return; // A second <body> adds nothing; its attributes are not needed.
                case "li":
                    CloseUpTo("li", stopAt: ["ul", "ol", "menu", "table", "td", "div"]);
                    break;
                case "dt" or "dd":
                    CloseUpTo("dd", stopAt: ["dl", "table", "td", "div"]);
                    CloseUpTo("dt", stopAt: ["dl", "table", "td", "div"]);
                    break;
                case "option":
                    CloseUpTo("option", stopAt: ["select", "datalist"]);
                    break;
                case "tr":
                    CloseUpTo("tr", stopAt: ["table", "tbody", "thead", "tfoot"]);
                    break;
                case "td" or "th":
                    CloseUpTo("td", stopAt: ["tr", "table"]);
                    CloseUpTo("th", stopAt: ["tr", "table"]);
                    break;
                case "tbody" or "thead" or "tfoot":
                    CloseUpTo("tbody", stopAt: ["table"]);
                    CloseUpTo("thead", stopAt: ["table"]);
                    CloseUpTo("tfoot", stopAt: ["table"]);
                    break;
                case "a":
                    CloseUpTo("a", stopAt: Special);
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" when Current.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    open.RemoveAt(open.Count - 1);
                    break;
            }
            if (ClosesParagraph.Contains(name))
                CloseUpTo("p", stopAt: ScopeBoundary);
            var element = HtmlNode.Element(name, attributes);
            Push(element);
            if (isVoid)
                open.RemoveAt(open.Count - 1);
        }

        public void EndTag(string name)
        {
            if (name is "br")
            {
                // Browsers read a stray </br> as <br>.
                StartTag("br", null, isVoid: true);
                return;
            }
            var isSpecial = Special.Contains(name);
            var limit = Math.Max(1, open.Count - MaxEndTagSearch);
            for (var k = open.Count - 1; k >= limit; k--)
            {
                var node = open[k];
                if (string.Equals(node.Name, name, StringComparison.Ordinal))
                {
                    open.RemoveRange(k, open.Count - k);
                    return;
                }
                // An inline end tag never closes a block it is not in; a block end tag stays inside its table cell.
                if (!isSpecial && Special.Contains(node.Name))
                    return;
                if (isSpecial && ScopeBoundary.Contains(node.Name) && name is not ("table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "caption"))
                    return;
                if (name is "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" && node.Name == "table")
                    return;
            }
        }

        private void Push(HtmlNode element)
        {
            if (open.Count > maxDepth)
                throw new PageRejectedException(RejectionReason.TooDeep, $"element nesting deeper than {maxDepth} (at <{element.Name}>)");
            Current.Append(element);
            open.Add(element);
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

        private void CloseUpTo(string name, IReadOnlySet<string> stopAt)
        {
            var limit = Math.Max(1, open.Count - MaxEndTagSearch);
            for (var k = open.Count - 1; k >= limit; k--)
            {
                var node = open[k].Name;
                if (string.Equals(node, name, StringComparison.Ordinal))
                {
                    open.RemoveRange(k, open.Count - k);
                    return;
                }
                if (stopAt.Contains(node))
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
                    open.RemoveRange(k, open.Count - k);
                    return;
                }
                if (Array.IndexOf(stopAt, node) >= 0)
                    return;
            }
        }
    }
}
