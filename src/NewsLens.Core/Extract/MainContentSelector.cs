using NewsLens.Extract.Html;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>Which blocks form the article body, and which step of the fallback chain decided it.</summary>
internal sealed record Selection(string Step, bool[] Kept, HtmlNode? Container);

/// <summary>
/// Picks the article's container by block scoring, then its siblings that read like the same article.
/// A block scores by length (CJK weighted), prose punctuation (full-width counts) and low link density;
/// scores flow to the block's ancestors with decay, and a container's total is cut by its own link density
/// and moved by its class/id cues. Fallback chain, first that holds wins:
/// 1 semantic-article (the winning container is, or sits in, an article/articleBody/main element),
/// 2 scored-container (any other winning container), 3 dense-blocks (no container holds enough text:
/// every well-scored block of the page), 4 all-text (nothing scores: every block).
/// </summary>
internal sealed class MainContentSelector
{
    /// <summary>Blocks shorter than this (Latin-equivalent chars) add nothing to a container (Readability uses 25).</summary>
    private const int MinScoredLength = 25;

    /// <summary>A block more than half link text is navigation, whatever its length.</summary>
    internal const double MaxBlockLinkDensity = 0.5;

    /// <summary>A container with less body than this (≈ two sentences) is not trusted; the chain falls through.</summary>
    private const int MinContainerLength = 140;

    /// <summary>Levels of ancestors a block's score reaches.</summary>
    private const int ScoreLevels = 5;

    /// <summary>Class/id cue weight on a container (Readability's ±25, kept: it separates content from sidebars on AEB).</summary>
    private const double CueWeight = 25;

    /// <summary>Candidates within this share of the best count as alternatives when deciding whether to move up.</summary>
    private const double AlternativeShare = 0.75;

    /// <summary>How many alternative candidates under one ancestor make that ancestor the container.</summary>
    private const int AlternativesToMoveUp = 3;

    /// <summary>The article holding the title heading wins over a higher-scoring sibling article when it has this share of its score.</summary>
    private const double TitledArticleShare = 0.3;

    /// <summary>How many blocks above the body the title heading may be for the blocks between to count as the lead.</summary>
    private const int MaxLeadDistance = 12;

    /// <summary>A lead block is at least a sentence (Latin-equivalent chars).</summary>
    private const int MinLeadLength = 60;

    /// <summary>A sibling with at least this share of the winner's score joins the body.</summary>
    private const double SiblingShare = 0.2;

    /// <summary>A sibling paragraph this long with little link text joins the body regardless of score.</summary>
    private const int SiblingParagraphLength = 80;

    private const double SiblingMaxLinkDensity = 0.25;

    /// <summary>
    /// A list item with at least this link share and a non-link note shorter than <see cref="TeaserItemNoteChars"/>
    /// scores nothing: "headline【author】date" lines of forum threads and related lists. Calibrated on the zh set
    /// (thread lists: 0.19–0.5 link share, notes of 20–40 chars) without moving AEB/trafilatura-eval.
    /// </summary>
    private const double TeaserItemLinkDensity = 0.15;

    /// <summary>Visible non-link characters under which a linked list item is only a note (≈ a date, a name and counts).</summary>
    private const int TeaserItemNoteChars = 50;

    /// <summary>A same-class part of a split body needs at least this score (≈ one real paragraph)...</summary>
    private const double SplitPartMinScore = 5;

    /// <summary>...and this share of the main part's score.</summary>
    private const double SplitPartShare = 0.05;

    public Selection Select(IReadOnlyList<TextBlock> blocks, string? title = null)
    {
        var scores = new Dictionary<HtmlNode, double>();
        var blockScores = new double[blocks.Count];
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var s = BlockScore(block);
            blockScores[b] = s;
            if (s <= 0 || block.Owner is null)
                continue;
            var node = block.Owner;
            if (IsContainer(node.Name))
                Add(scores, node, s);
            var level = 0;
            for (var a = node.Parent; a is not null && level < ScoreLevels; a = a.Parent, level++)
            {
                var weight = level switch { 0 => 1.0, 1 => 0.5, _ => 1.0 / (level * 3) };
                Add(scores, a, s * weight);
            }
        }

        HtmlNode? top = null;
        var topScore = 0.0;
        var final = new Dictionary<HtmlNode, double>(scores.Count);
        foreach (var (node, raw) in scores)
        {
            if (node.Name is "#document" or "html")
                continue;
            var f = Final(node, raw);
            final[node] = f;
            if (f > topScore)
            {
                topScore = f;
                top = node;
            }
        }

        if (top is not null)
        {
            top = PreferTitledArticle(top, topScore, final, blocks, title);
            top = MoveUpForAlternatives(top, topScore, final);
            topScore = final.GetValueOrDefault(top, topScore);
            var included = IncludedNodes(top, topScore, final);
            AddSameClassParts(top, topScore, final, included);
            var kept = new bool[blocks.Count];
            var length = 0;
            for (var b = 0; b < blocks.Count; b++)
            {
                if (blocks[b].Owner is { } owner && IsInside(owner, included))
                {
                    kept[b] = true;
                    length += blockScores[b] > 0 ? blocks[b].EffectiveLength : 0;
                }
            }
            if (length >= MinContainerLength)
            {
                AddLead(blocks, kept, title);
                return new Selection(IsSemantic(top) ? "1:semantic-article" : "2:scored-container", kept, top);
            }
        }

        return Fallback(blocks);
    }

    /// <summary>Steps 3 and 4 of the chain, also used when trimming leaves a chosen container empty.</summary>
    public Selection Fallback(IReadOnlyList<TextBlock> blocks)
    {
        var dense = new bool[blocks.Count];
        var any = false;
        for (var b = 0; b < blocks.Count; b++)
        {
            dense[b] = BlockScore(blocks[b]) > 0;
            any |= dense[b];
        }
        if (any)
            return new Selection("3:dense-blocks", dense, null);
        var all = new bool[blocks.Count];
        Array.Fill(all, true);
        return new Selection("4:all-text", all, null);
    }

    /// <summary>
    /// The lead (standfirst, teaser) often sits with the title, outside the body container: prose blocks
    /// between the title heading and the first kept block join the body.
    /// </summary>
    private static void AddLead(IReadOnlyList<TextBlock> blocks, bool[] kept, string? title)
    {
        if (title is null)
            return;
        var first = Array.IndexOf(kept, true);
        if (first <= 0)
            return;
        var heading = -1;
        for (var i = first - 1; i >= 0 && i >= first - MaxLeadDistance; i--)
        {
            if (blocks[i].Kind == BlockKind.Heading && BoundaryTrimmer.SameTitle(blocks[i].Text, title))
            {
                heading = i;
                break;
            }
        }
        if (heading < 0)
            return;
        for (var i = heading + 1; i < first; i++)
        {
            var b = blocks[i];
            // A deck set as a subheading or a photo caption is display text, not the lead paragraph.
            if (b.Kind is BlockKind.Heading or BlockKind.Caption)
                continue;
            var prose = b.EffectiveLength >= MinLeadLength && b.LinkDensity < SiblingMaxLinkDensity && b.Punctuation >= 1;
            if (prose && (!BoundaryTrimmer.IsMetaLine(b.Text) || b.EffectiveLength >= MinLeadLength * 3))
                kept[i] = true;
        }
    }

    internal static double BlockScore(TextBlock block)
    {
        if (block.EffectiveLength < MinScoredLength || block.LinkDensity >= MaxBlockLinkDensity)
            return 0;
        // A list item that is a link with a short note (date, author, counts) is a teaser or a thread entry, not prose.
        if (block.Kind == BlockKind.ListItem && block.LinkDensity >= TeaserItemLinkDensity && block.VisibleChars - block.LinkChars < TeaserItemNoteChars)
            return 0;
        return (1 + block.Punctuation + Math.Min(block.EffectiveLength / 100.0, 3)) * (1 - block.LinkDensity);
    }

    private static void Add(Dictionary<HtmlNode, double> scores, HtmlNode node, double s) =>
        scores[node] = scores.GetValueOrDefault(node) + s;

    private static bool IsContainer(string name) => name is "div" or "td" or "section" or "article" or "main" or "body" or "text" or "center" or "font" or "span";

    private static double Final(HtmlNode node, double raw)
    {
        var tag = node.Name switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var cue = BoilerplateCues.Classify(node).Verdict switch
        {
            CueVerdict.Content => CueWeight,
            CueVerdict.Boilerplate or CueVerdict.WeakBoilerplate => -CueWeight,
            _ => 0,
        };
        var linkDensity = node.TextChars == 0 ? 0 : node.LinkChars / (double)node.TextChars;
        return (raw + tag + cue) * (1 - linkDensity);
    }

    /// <summary>
    /// On a page of several &lt;article&gt;s (a post followed by teasers of others), the page's own story is
    /// the one under the title heading, even when another one scores a little higher.
    /// </summary>
    private static HtmlNode PreferTitledArticle(HtmlNode top, double topScore, Dictionary<HtmlNode, double> final, IReadOnlyList<TextBlock> blocks, string? title)
    {
        if (top.Name != "article" || title is null)
            return top;
        HtmlNode? heading = null;
        foreach (var b in blocks)
        {
            if (b.Kind == BlockKind.Heading && b.Owner is not null && BoundaryTrimmer.SameTitle(b.Text, title))
            {
                heading = b.Owner;
                break;
            }
        }
        if (heading is null || IsDescendant(heading, top))
            return top;
        for (var a = heading.Parent; a is not null; a = a.Parent)
        {
            if (a.Name == "article")
                return final.TryGetValue(a, out var f) && f >= topScore * TitledArticleShare ? a : top;
        }
        return top;
    }

    /// <summary>When several near-best candidates share an ancestor, the article is split across them: take the ancestor.</summary>
    private static HtmlNode MoveUpForAlternatives(HtmlNode top, double topScore, Dictionary<HtmlNode, double> final)
    {
        var alternatives = new List<HtmlNode>();
        foreach (var (node, f) in final)
        {
            if (node != top && f >= topScore * AlternativeShare)
                alternatives.Add(node);
        }
        if (alternatives.Count < AlternativesToMoveUp)
            return top;
        for (var a = top.Parent; a is not null && a.Name is not ("body" or "html" or "#document"); a = a.Parent)
        {
            var under = 0;
            foreach (var alt in alternatives)
            {
                if (IsDescendant(alt, a))
                    under++;
            }
            if (under >= AlternativesToMoveUp)
                return a;
        }
        return top;
    }

    private static HashSet<HtmlNode> IncludedNodes(HtmlNode top, double topScore, Dictionary<HtmlNode, double> final)
    {
        var included = new HashSet<HtmlNode> { top };
        if (top.Parent is not { } parent)
            return included;
        var threshold = Math.Max(10, topScore * SiblingShare);
        var topClass = top.Attr("class");
        for (var sibling = parent.FirstChild; sibling is not null; sibling = sibling.NextSibling)
        {
            if (sibling == top || !sibling.IsElement)
                continue;
            // Sibling <article>s are other stories of a listing page, never the rest of this one.
            if (sibling.Name == "article" && top.Name == "article")
                continue;
            var bonus = topClass is not null && string.Equals(sibling.Attr("class"), topClass, StringComparison.Ordinal) ? topScore * SiblingShare : 0;
            if (final.TryGetValue(sibling, out var f) && f + bonus >= threshold)
            {
                included.Add(sibling);
                continue;
            }
            if (sibling.Name == "p" && sibling.TextChars > 0)
            {
                var ld = sibling.LinkChars / (double)sibling.TextChars;
                var eff = TextNormaliser.EffectiveLength(PlainText(sibling));
                if ((eff >= SiblingParagraphLength && ld < SiblingMaxLinkDensity) || (ld == 0 && eff > 0 && EndsSentence(PlainText(sibling))))
                    included.Add(sibling);
            }
        }
        return included;
    }

    /// <summary>
    /// Bodies split around ads and embeds repeat the body container's tag and class ("article-body",
    /// "component-content") further down the page: those parts join when they carry prose of their own.
    /// </summary>
    private static void AddSameClassParts(HtmlNode top, double topScore, Dictionary<HtmlNode, double> final, HashSet<HtmlNode> included)
    {
        var cls = top.Attr("class");
        if (string.IsNullOrWhiteSpace(cls))
            return;
        var min = Math.Max(SplitPartMinScore, topScore * SplitPartShare);
        foreach (var (node, f) in final)
        {
            if (f < min || included.Contains(node) || node.Name != top.Name || !string.Equals(node.Attr("class"), cls, StringComparison.Ordinal))
                continue;
            if (IsDescendant(node, top) || IsDescendant(top, node))
                continue;
            included.Add(node);
        }
    }

    private static string PlainText(HtmlNode node)
    {
        var sb = new System.Text.StringBuilder();
        node.AppendInnerText(sb);
        return sb.ToString().Trim();
    }

    private static bool EndsSentence(string s) => s.Length > 0 && s[^1] is '.' or '。' or '!' or '?' or '！' or '？' or '"' or '”';

    private static bool IsInside(HtmlNode node, HashSet<HtmlNode> included)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (included.Contains(n))
                return true;
        }
        return false;
    }

    private static bool IsDescendant(HtmlNode node, HtmlNode ancestor)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (n == ancestor)
                return true;
        }
        return false;
    }

    private static bool IsSemantic(HtmlNode node)
    {
        for (var n = node; n is not null; n = n.Parent)
        {
            if (n.Name is "article" or "main")
                return true;
            if (n.Attr("itemprop") is { } p && p.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
