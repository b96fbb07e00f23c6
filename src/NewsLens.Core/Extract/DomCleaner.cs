using System.Collections.Frozen;
using System.Text;
using NewsLens.Extract.Html;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>What cleaning took out of the page, and the page's own navigation cues found on the way.</summary>
internal sealed class CleaningLog
{
    public List<RemovedBlock> Removed { get; } = [];

    public List<string> Navigation { get; } = [];

    public List<string> Breadcrumb { get; } = [];
}

/// <summary>
/// Removes what is never article text before any scoring: non-content elements (scripts, styles, forms'
/// controls, media), elements hidden from readers (attributes, inline CSS, off-screen positioning, the
/// usual "visually hidden" classes), and blocks the page itself names as navigation, footer, share bar,
/// comments, related links or ads (tag names and class/id cues). A cue never removes an element that
/// holds most of the page's text: wrappers like "content-with-sidebar" carry the article.
/// </summary>
internal sealed class DomCleaner
{
    /// <summary>
    /// Share of the page's non-link text above which a cue-matched element is kept anyway. Calibrated on
    /// AEB/zh pages: genuine boilerplate blocks stay under ~30%; wrappers named "main-sidebar" hold 60–95%.
    /// </summary>
    private const double ProtectedTextShare = 0.5;

    /// <summary>Visible non-link characters that must remain outside a comment thread for it to be removed (≈ a short post).</summary>
    private const int MinTextBesideComments = 200;

    /// <summary>
    /// Captions (figcaption, "caption" class) leave the page only while all of them together are at most this
    /// share of its remaining non-link text. Calibrated on AEB (photo captions and credits: under 20% of a
    /// story's text) and trafilatura-eval (slideshow articles told in captions: most of the text).
    /// </summary>
    private const double MaxCaptionShare = 0.5;

    /// <summary>A caption is a line or two under a picture; an element this long (visible chars) holds more than that.</summary>
    private const int MaxCaptionChars = 1000;

    /// <summary>An h1 this long (visible chars) reads as a headline, not a logo or a section label ("News").</summary>
    private const int MinArticleHeadingChars = 12;

    /// <summary>Weak cues (side, header, tag) are trusted less: a smaller share protects.</summary>
    private const double ProtectedTextShareWeak = 0.25;

    /// <summary>Longest text kept per removed block in the record (the assess stage needs evidence, not archives).</summary>
    internal const int MaxRemovedText = 2000;

    /// <summary>Most links kept per removed block.</summary>
    internal const int MaxRemovedLinks = 60;

    /// <summary>Most navigation link texts kept for <see cref="ExtractionInfo.Navigation"/>.</summary>
    private const int MaxNavigationEntries = 200;

    private static readonly FrozenSet<string> HiddenClasses = FrozenSet.ToFrozenSet(
        ["hidden", "hide", "d-none", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible", "offscreen", "element-invisible"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HiddenClassLookup = HiddenClasses.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Clean(HtmlNode root, CleaningLog log)
    {
        DropNonContent(root, log);
        var pageText = Math.Max(1, root.TextChars - root.LinkChars);
        var cues = new Dictionary<string, (CueVerdict, RemovalReason)>(StringComparer.Ordinal);
        List<HtmlNode>? captions = null;
        var captionText = 0;
        for (var node = root.FirstChild; node is not null;)
        {
            if (node.IsElement && Boilerplate(node, pageText, cues) is { } reason)
            {
                if (reason == RemovalReason.Caption)
                {
                    // Captions go only once the whole page has been seen: a gallery told in its captions keeps them.
                    (captions ??= []).Add(node);
                    captionText += node.TextChars - node.LinkChars;
                    node = root.NextInSubtree(node, skipChildren: true);
                    continue;
                }
                var next = root.NextInSubtree(node, skipChildren: true);
                Record(node, reason, hidden: false, log);
                Subtract(node);
                node.Remove();
                node = next;
                continue;
            }
            node = root.NextInSubtree(node);
        }
        if (captions is not null && captionText <= Math.Max(1, root.TextChars - root.LinkChars) * MaxCaptionShare)
        {
            foreach (var caption in captions)
            {
                Record(caption, RemovalReason.Caption, hidden: false, log);
                Subtract(caption);
                caption.Remove();
            }
        }
    }

    private static void DropNonContent(HtmlNode root, CleaningLog log)
    {
        // Each element's children are judged when the walk reaches the element, before it goes below.
        for (var node = root; node is not null; node = root.NextInSubtree(node))
        {
            for (var child = node.FirstChild; child is not null;)
            {
                var next = child.NextSibling;
                if (child.IsElement)
                {
                    var drop = child.Is(TagFlags.NonContent);
                    if (!drop && IsHidden(child))
                    {
                        Record(child, RemovalReason.Hidden, hidden: true, log);
                        drop = true;
                    }
                    if (drop)
                    {
                        Subtract(child);
                        child.Remove();
                    }
                }
                child = next;
            }
        }
    }

    /// <summary>Takes a subtree's text out of its ancestors' counts before it is detached.</summary>
    private static void Subtract(HtmlNode node)
    {
        if (node.TextChars == 0)
            return;
        for (var a = node.Parent; a is not null; a = a.Parent)
        {
            a.TextChars -= node.TextChars;
            a.LinkChars -= node.LinkChars;
        }
    }

    internal static bool IsHidden(HtmlNode node)
    {
        if (!node.HasAttributes)
            return false;
        if (node.Attr("hidden") is not null)
            return true;
        if (node.Attr("aria-hidden") is "true")
            return true;
        if (node.Attr("style") is { } style && HiddenByStyle(style))
            return true;
        if (node.Attr("class") is { } cls)
        {
            foreach (var range in cls.AsSpan().SplitAny(" \t\n"))
            {
                if (HiddenClassLookup.Contains(cls.AsSpan()[range]))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Inline CSS that keeps a block from readers: display:none, visibility:hidden, far off-screen, zero size text.</summary>
    internal static bool HiddenByStyle(string style)
    {
        // Spaces out and lower case, in a stack buffer for the usual short style (no string per element).
        Span<char> buffer = style.Length <= 512 ? stackalloc char[style.Length] : new char[style.Length];
        var n = 0;
        foreach (var c in style)
        {
            if (c != ' ')
                buffer[n++] = char.ToLowerInvariant(c);
        }
        ReadOnlySpan<char> s = buffer[..n];
        if (s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal))
            return true;
        if (s.Contains("font-size:0", StringComparison.Ordinal) && !s.Contains("font-size:0.", StringComparison.Ordinal))
            return true;
        // Off-screen: a negative offset of 3+ digits (left:-9999px, text-indent:-5000px, top:-1000em).
        foreach (var prop in (ReadOnlySpan<string>)["left:-", "top:-", "text-indent:-", "margin-left:-"])
        {
            var at = s.IndexOf(prop, StringComparison.Ordinal);
            if (at >= 0)
            {
                var digits = 0;
                for (var k = at + prop.Length; k < s.Length && char.IsAsciiDigit(s[k]); k++)
                    digits++;
                if (digits >= 3)
                    return true;
            }
        }
        return false;
    }

    private static RemovalReason? Boilerplate(HtmlNode node, int pageText, Dictionary<string, (CueVerdict, RemovalReason)> cues)
    {
        var reason = BoilerplateCue(node, pageText, cues);
        // A header that holds a plain (unlinked) top heading is the article's own header: title, kicker and the
        // lead paragraph under it. It stays for selection to judge; the menus inside it still go on their own cues.
        if (reason == RemovalReason.Header && HoldsArticleHeading(node))
            return null;
        return reason;
    }

    private static bool HoldsArticleHeading(HtmlNode node)
    {
        for (var d = node.FirstChild; d is not null; d = node.NextInSubtree(d))
        {
            if (d.IsElement && d.Name == "h1")
                return d.TextChars >= MinArticleHeadingChars && d.LinkChars * 2 < d.TextChars;
        }
        return false;
    }

    private static RemovalReason? BoilerplateCue(HtmlNode node, int pageText, Dictionary<string, (CueVerdict, RemovalReason)> cues)
    {
        var share = (node.TextChars - node.LinkChars) / (double)pageText;
        RemovalReason? byTag = node.Name switch
        {
            "nav" => RemovalReason.Navigation,
            "footer" => RemovalReason.Footer,
            "aside" => RemovalReason.OutsideMainContent,
            "figcaption" when IsCaption(node) => RemovalReason.Caption,
            "form" when node.TextChars < 200 || node.LinkChars * 2 > node.TextChars => RemovalReason.Form,
            "header" when HasDescendant(node, "nav") => RemovalReason.Header,
            _ => null,
        };
        if (byTag is { } t && share < ProtectedTextShare)
            return t;
        if (node.Attr("role") is { } role && role is "navigation" or "contentinfo" or "complementary" or "banner" && share < ProtectedTextShare)
        {
            return role switch
            {
                "navigation" => RemovalReason.Navigation,
                "contentinfo" => RemovalReason.Footer,
                "banner" => RemovalReason.Header,
                _ => RemovalReason.OutsideMainContent,
            };
        }
        // Inline elements never hold a boilerplate block worth a cue check; skipping them halves the cost.
        if (node.Name is "body" or "html" or "article" or "main" or "#document" or "a" or "span" or "b" or "i" or "em" or "strong" or "font" or "br" or "img" or "small" or "sup" or "sub" or "u" or "code" or "abbr" or "time" or "cite" or "q" or "mark" or "s" or "strike" or "big" or "tt" || !node.HasAttributes)
            return null;
        var (verdict, reason) = BoilerplateCues.Classify(node, cues);
        // Comment threads can outweigh a short post; they go whenever the page keeps some text without them.
        if (verdict == CueVerdict.Boilerplate && reason == RemovalReason.Comments && pageText - (node.TextChars - node.LinkChars) >= MinTextBesideComments)
            return reason;
        if (reason == RemovalReason.Caption && verdict == CueVerdict.Boilerplate && !IsCaption(node))
            return null;
        return verdict switch
        {
            CueVerdict.Boilerplate when share < ProtectedTextShare => reason,
            CueVerdict.WeakBoilerplate when share < ProtectedTextShareWeak => reason,
            _ => null,
        };
    }

    /// <summary>Short and without a heading: "caption" names that wrap a titled module or a video's whole description are not captions.</summary>
    private static bool IsCaption(HtmlNode node)
    {
        if (node.TextChars > MaxCaptionChars)
            return false;
        for (var d = node.FirstChild; d is not null; d = node.NextInSubtree(d))
        {
            if (d.IsElement && d.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                return false;
        }
        return true;
    }

    private static bool HasDescendant(HtmlNode node, string name)
    {
        for (var d = node.FirstChild; d is not null; d = node.NextInSubtree(d))
        {
            if (string.Equals(d.Name, name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Keeps a removed subtree in the log when it carries text, with its links (injected anchors live there).</summary>
    internal static void Record(HtmlNode node, RemovalReason reason, bool hidden, CleaningLog log)
    {
        // Text and link texts are collapsed as they are gathered (no joined copy to collapse afterwards).
        var text = new CollapsedText(LineBreaks.Kept);
        var links = new List<RemovedLink>();
        var linkText = new CollapsedText(LineBreaks.Collapsed);
        // The record keeps the first MaxRemovedText characters; only a breadcrumb needs its whole text.
        AppendText(node, text, links, linkText, limitText: reason != RemovalReason.Breadcrumb);
        if (text.Length == 0)
            return;
        var t = reason == RemovalReason.Breadcrumb ? text.ToString() : text.ToString(MaxRemovedText);
        if (reason is RemovalReason.Navigation or RemovalReason.Header && log.Navigation.Count < MaxNavigationEntries)
        {
            foreach (var link in links)
            {
                if (link.Text.Length is > 0 and <= 40 && !log.Navigation.Contains(link.Text) && log.Navigation.Count < MaxNavigationEntries)
                    log.Navigation.Add(link.Text);
            }
        }
        if (reason == RemovalReason.Breadcrumb && log.Breadcrumb.Count == 0)
            log.Breadcrumb.AddRange(BreadcrumbTrail(t, links));
        if (t.Length > MaxRemovedText)
            t = t[..MaxRemovedText];
        log.Removed.Add(new RemovedBlock(t, reason, node.Name + Describe(node), hidden, links.Count > MaxRemovedLinks ? links[..MaxRemovedLinks] : links));
    }

    private static string Describe(HtmlNode node)
    {
        var id = node.Attr("id");
        var cls = node.Attr("class");
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(id))
            sb.Append('#').Append(id.Trim());
        if (!string.IsNullOrWhiteSpace(cls))
            sb.Append('.').Append(cls.Trim().Replace(' ', '.'));
        return sb.Length > 120 ? sb.ToString(0, 120) : sb.ToString();
    }

    /// <summary>The trail of a breadcrumb block: its link texts, then the trailing plain part ("首页 > 新闻 > 正文").</summary>
    internal static List<string> BreadcrumbTrail(string text, List<RemovedLink> links)
    {
        var parts = new List<string>();
        foreach (var piece in text.Split(['>', '»', '›', '/', '|', '→', '＞', '\u00BB'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var p = piece.Trim(' ', ':', '：');
            if (p.StartsWith("当前位置", StringComparison.Ordinal) || p.StartsWith("您的位置", StringComparison.Ordinal) || p.StartsWith("你的位置", StringComparison.Ordinal) || p.StartsWith("You are here", StringComparison.OrdinalIgnoreCase))
            {
                var colon = p.IndexOfAny([':', '：']);
                p = colon >= 0 ? p[(colon + 1)..].Trim() : "";
            }
            if (p.Length is > 0 and <= 40)
                parts.Add(p);
        }
        if (parts.Count == 0)
        {
            foreach (var l in links)
            {
                if (l.Text.Length is > 0 and <= 40)
                    parts.Add(l.Text);
            }
        }
        return parts;
    }

    private static void AppendText(HtmlNode root, CollapsedText text, List<RemovedLink> links, CollapsedText linkText, bool limitText)
    {
        // Depth-first over the subtree without a stack, entering and leaving elements (whitespace gaps sit before an
        // element's first child and after a node); a non-content element below the root is skipped whole.
        // With limitText the text stops once it holds more visible characters than a record keeps (collapsing
        // whitespace never shortens visible text, so the kept prefix is the same), and the walk stops when the
        // links are full too.
        var textFull = false;
        var node = root;
        while (true)
        {
            if (textFull && links.Count > MaxRemovedLinks)
                break;
            var descend = false;
            if (node.Kind == HtmlNodeKind.Text)
            {
                if (!textFull)
                {
                    text.Append(node.TextSpan);
                    textFull = limitText && text.Visible > MaxRemovedText;
                }
            }
            else if (node == root || !node.Is(TagFlags.NonContent))
            {
                descend = true;
                if (node.Name == "a" && links.Count <= MaxRemovedLinks)
                {
                    linkText.Clear();
                    node.AppendInnerText(linkText);
                    if (linkText.Length > 0)
                        links.Add(new RemovedLink(linkText.ToString(), node.Attr("href")));
                }
                if (!textFull && (node.Is(TagFlags.Block) || node.Name == "br"))
                    text.AppendLineBreak();
                if (!textFull)
                    HtmlNode.AppendGaps(text, node.GapsBeforeChildren);
            }
            if (descend && node.FirstChild is { } first)
            {
                node = first;
                continue;
            }
            while (node != root && node.NextSibling is null)
            {
                if (!textFull)
                    HtmlNode.AppendGaps(text, node.GapsAfter);
                node = node.Parent!;
            }
            if (node == root)
                break;
            if (!textFull)
                HtmlNode.AppendGaps(text, node.GapsAfter);
            node = node.NextSibling!;
        }
    }
}
