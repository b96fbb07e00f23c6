using System.Buffers;
using System.Collections.Frozen;
using NewsLens.Extract.Html;
using NewsLens.Model;

namespace NewsLens.Extract;

/// <summary>Whether an element's class/id names it as content, as boilerplate, or says nothing.</summary>
internal enum CueVerdict
{
    None,
    Content,

    /// <summary>A weak cue (side, header, tag...): boilerplate only when nothing names the element as content.</summary>
    WeakBoilerplate,

    /// <summary>A specific cue (share, comment, related, breadcrumb, footer, ad...): boilerplate even inside an article wrapper.</summary>
    Boilerplate,
}

/// <summary>
/// Reads the names pages give their blocks (class and id, in English and in the pinyin/Chinese naming of
/// Chinese sites) as cues for content or boilerplate. Short cue words must match a whole name token
/// ("ad" must not hit "header"); long ones may match inside compound names ("articleBreadcrumb").
/// </summary>
internal static class BoilerplateCues
{
    private static readonly (string Word, RemovalReason Reason)[] SubstringCues =
    [
        ("breadcrumb", RemovalReason.Breadcrumb), ("crumb", RemovalReason.Breadcrumb), ("mianbao", RemovalReason.Breadcrumb),
        ("share", RemovalReason.ShareBar), ("social", RemovalReason.ShareBar), ("fenxiang", RemovalReason.ShareBar), ("bdshare", RemovalReason.ShareBar), ("jiathis", RemovalReason.ShareBar),
        ("footer", RemovalReason.Footer), ("copyright", RemovalReason.Footer), ("banquan", RemovalReason.Footer),
        ("comment", RemovalReason.Comments), ("disqus", RemovalReason.Comments), ("pinglun", RemovalReason.Comments), ("respond", RemovalReason.Comments),
        ("related", RemovalReason.RelatedLinks), ("recommend", RemovalReason.RelatedLinks), ("xiangguan", RemovalReason.RelatedLinks), ("tuijian", RemovalReason.RelatedLinks),
        ("outbrain", RemovalReason.RelatedLinks), ("taboola", RemovalReason.RelatedLinks), ("paihang", RemovalReason.RelatedLinks), ("popular", RemovalReason.RelatedLinks),
        ("navbar", RemovalReason.Navigation), ("navigation", RemovalReason.Navigation), ("menu", RemovalReason.Navigation), ("daohang", RemovalReason.Navigation),
        ("sitemap", RemovalReason.Navigation),
        ("advert", RemovalReason.Advertisement), ("sponsor", RemovalReason.Advertisement), ("guanggao", RemovalReason.Advertisement), ("newsletter", RemovalReason.Advertisement),
        ("subscribe", RemovalReason.Advertisement), ("cookie", RemovalReason.Advertisement), ("promo", RemovalReason.Advertisement),
        ("signup", RemovalReason.Form), ("login", RemovalReason.Form),
        ("caption", RemovalReason.Caption),
    ];

    /// <summary>Cues that also name layout wrappers holding the article ("content-sidebar-wrap", "post tag-x").</summary>
    private static readonly (string Word, RemovalReason Reason)[] WeakSubstringCues =
    [
        ("sidebar", RemovalReason.OutsideMainContent), ("masthead", RemovalReason.Header),
    ];

    private static readonly FrozenSet<string> WeakTokens = FrozenSet.ToFrozenSet(
        ["side", "aside", "widget", "rail", "header", "topbar", "hot", "more", "rank", "tags", "tag", "bottom", "position", "location", "foot", "banner"],
        StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, RemovalReason> TokenCues = new Dictionary<string, RemovalReason>(StringComparer.Ordinal)
    {
        ["nav"] = RemovalReason.Navigation, ["navi"] = RemovalReason.Navigation, ["topnav"] = RemovalReason.Navigation, ["subnav"] = RemovalReason.Navigation,
        ["ad"] = RemovalReason.Advertisement, ["ads"] = RemovalReason.Advertisement, ["adv"] = RemovalReason.Advertisement, ["gg"] = RemovalReason.Advertisement, ["banner"] = RemovalReason.Advertisement,
        ["foot"] = RemovalReason.Footer, ["bottom"] = RemovalReason.Footer,
        ["side"] = RemovalReason.OutsideMainContent, ["aside"] = RemovalReason.OutsideMainContent, ["widget"] = RemovalReason.OutsideMainContent, ["rail"] = RemovalReason.OutsideMainContent,
        ["header"] = RemovalReason.Header, ["topbar"] = RemovalReason.Header,
        ["hot"] = RemovalReason.RelatedLinks, ["more"] = RemovalReason.RelatedLinks, ["rank"] = RemovalReason.RelatedLinks, ["tags"] = RemovalReason.RelatedLinks, ["tag"] = RemovalReason.RelatedLinks,
        ["pagination"] = RemovalReason.Navigation, ["pager"] = RemovalReason.Navigation, ["crumbs"] = RemovalReason.Breadcrumb, ["position"] = RemovalReason.Breadcrumb, ["location"] = RemovalReason.Breadcrumb,
        ["modal"] = RemovalReason.Advertisement, ["popup"] = RemovalReason.Advertisement, ["reply"] = RemovalReason.Comments, ["replies"] = RemovalReason.Comments,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] ContentSubstrings =
    [
        "article", "content", "entry", "post-body", "postbody", "story", "zhengwen", "artibody", "news_txt", "newstext", "main-text", "maintext", "detail", "txt", "neirong", "wenzhang",
    ];

    private static readonly SearchValues<string> StrongSearch = SearchValues.Create(SubstringCues.Select(c => c.Word).ToArray(), StringComparison.Ordinal);

    private static readonly SearchValues<string> WeakSearch = SearchValues.Create(WeakSubstringCues.Select(c => c.Word).ToArray(), StringComparison.Ordinal);

    private static readonly SearchValues<string> ContentSearch = SearchValues.Create(ContentSubstrings, StringComparison.Ordinal);

    private static readonly FrozenSet<string> ContentTokens = FrozenSet.ToFrozenSet(["main", "body", "text", "post", "page", "blog", "con", "cont", "zw", "nr"], StringComparer.Ordinal);

    private static readonly SearchValues<char> TokenBreaks = SearchValues.Create(" \t\n-_:");

    /// <summary>The three token tables merged: per name token, its cue (weak or not) and whether it names content.</summary>
    private static readonly FrozenDictionary<string, (RemovalReason? Cue, bool Weak, bool Content)>.AlternateLookup<ReadOnlySpan<char>> TokenLookup =
        TokenCues.Keys.Concat(ContentTokens)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                t => t,
                t => (TokenCues.TryGetValue(t, out var r) ? r : (RemovalReason?)null, WeakTokens.Contains(t), ContentTokens.Contains(t)),
                StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private static RemovalReason? FirstCue(string names, SearchValues<string> search, (string Word, RemovalReason Reason)[] cues)
    {
        var at = names.AsSpan().IndexOfAny(search);
        if (at < 0)
            return null;
        var rest = names.AsSpan(at);
        foreach (var (word, reason) in cues)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
                return reason;
        }
        return null;
    }

    /// <summary>Classifies one element from its class and id (and itemprop).</summary>
    public static (CueVerdict Verdict, RemovalReason Reason) Classify(HtmlNode element) => Classify(element, null);

    /// <summary>
    /// Like <see cref="Classify(HtmlNode)"/>, remembering the verdict per distinct class/id string in
    /// <paramref name="cache"/> (one page repeats the same few names on hundreds of elements).
    /// </summary>
    public static (CueVerdict Verdict, RemovalReason Reason) Classify(HtmlNode element, Dictionary<string, (CueVerdict, RemovalReason)>? cache)
    {
        var itemprop = element.Attr("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            return (CueVerdict.Content, default);
        var names = element.ClassAndId();
        if (names.Length == 0)
            return (CueVerdict.None, default);
        if (cache is null)
            return Classify(names);
        if (!cache.TryGetValue(names, out var verdict))
        {
            verdict = Classify(names);
            cache[names] = verdict;
        }
        return verdict;
    }

    internal static (CueVerdict Verdict, RemovalReason Reason) Classify(string names)
    {
        RemovalReason? strong = null;
        RemovalReason? weak = null;
        var positive = false;
        for (var rest = names.AsSpan(); ;)
        {
            var at = rest.IndexOfAny(TokenBreaks);
            var token = at < 0 ? rest : rest[..at];
            // One lookup per token answers all three token tables.
            if (!token.IsEmpty && TokenLookup.TryGetValue(token, out var info))
            {
                if (info.Cue is { } r)
                {
                    if (info.Weak)
                        weak ??= r;
                    else
                        strong ??= r;
                }
                if (info.Content)
                    positive = true;
            }
            if (at < 0)
                break;
            rest = rest[(at + 1)..];
        }
        strong ??= FirstCue(names, StrongSearch, SubstringCues);
        if (strong is null && weak is null)
            weak = FirstCue(names, WeakSearch, WeakSubstringCues);
        positive = positive || names.AsSpan().IndexOfAny(ContentSearch) >= 0;
        if (strong is { } s)
            return (CueVerdict.Boilerplate, s);
        if (weak is { } w)
            return positive ? (CueVerdict.None, w) : (CueVerdict.WeakBoilerplate, w);
        return positive ? (CueVerdict.Content, default) : (CueVerdict.None, default);
    }
}
