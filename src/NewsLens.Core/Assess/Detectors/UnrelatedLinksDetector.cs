using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>
/// farm.unrelated_links: a list that claims to be "related articles" (相关文章/相关阅读/延伸阅读) but whose
/// titles share nothing with the article: a filler page dressed with random links. Lists that promise
/// nothing (热门推荐, 猜你喜欢) are not judged.
/// </summary>
internal sealed partial class UnrelatedLinksDetector : IFlagDetector
{
    public const string Code = "farm.unrelated_links";

    /// <summary>Fewer links than this are too few to judge a list.</summary>
    private const int MinLinks = 4;

    /// <summary>At most this share of the links may be related for the list to count as unrelated. Honest
    /// "related" lists on our samples relate 40–100% of their items; the seed's list relates none.</summary>
    private const double MaxRelatedShare = 0.2;

    /// <summary>A link relates to the article when it shares this many content bigrams with the title or the body's key bigrams.</summary>
    private const int MinSharedBigrams = 2;

    /// <summary>The body's key bigrams: those occurring at least this often.</summary>
    private const int KeyBigramMinCount = 3;

    public string Family => "farm";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        if (!context.IsChinese)
            yield break; // relatedness is measured on Chinese character bigrams
        foreach (var list in Lists(context))
        {
            if (list.Items.Count < MinLinks)
                continue;
            var key = KeyBigrams(context);
            var related = list.Items.Count(i => Bigrams(i.Text).Count(key.Contains) >= MinSharedBigrams);
            var share = (double)related / list.Items.Count;
            if (share > MaxRelatedShare)
                continue;
            var evidence = new List<Evidence> { list.Heading };
            evidence.AddRange(list.Items.Take(FlagMaker.MaxEvidence - 1));
            // Portals' "related" widgets are often recommendation feeds: alone this is low; CredibilityAssessor raises it to
            // medium when another farm signal corroborates it.
            var relatedZh = related == 0 ? "没有一篇与本文有关" : $"只有{related}篇与本文有关";
            var relatedEn = related == 0 ? "none relates" : $"only {related} relate";
            yield return FlagMaker.Make(Code, Severity.Low, evidence,
                $"“{list.Heading.Text}”列出的{list.Items.Count}篇文章中{relatedZh}，所谓相关文章其实是随意拼凑的链接。",
                $"The \"{list.Heading.Text}\" list has {list.Items.Count} links but {relatedEn} to this article: a dressed-up list of random links.");
        }
    }

    private sealed record LinkList(Evidence Heading, IReadOnlyList<Evidence> Items);

    private static IEnumerable<LinkList> Lists(AssessContext context)
    {
        // In the clean text: a "related" heading followed by list items.
        var body = context.Body;
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i].Kind is not (UnitKind.Heading or UnitKind.Paragraph) || !RelatedHeading().IsMatch(body[i].Text))
                continue;
            var items = new List<Evidence>();
            for (var j = i + 1; j < body.Count && body[j].Kind == UnitKind.ListItem; j++)
                items.Add(body[j].ToEvidence());
            yield return new LinkList(body[i].ToEvidence(), items);
        }
        // Taken out by extraction: a RelatedLinks block whose first line (or detail) is a "related" heading.
        foreach (var u in context.Units)
        {
            if (u.Block is not { Reason: RemovalReason.RelatedLinks } block)
                continue;
            var lines = block.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var heading = new[] { block.Detail, lines.FirstOrDefault() }.FirstOrDefault(h => h is not null && RelatedHeading().IsMatch(h));
            if (heading is null)
                continue;
            var items = block.Links.Count > 0
                ? block.Links.Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToList()
                : lines.Skip(1).Select(l => TitleLines.StripMarkers(l)).ToList();
            yield return new LinkList(u.ToEvidence() with { Text = heading }, items.Select(t => u.ToEvidence() with { Text = t }).ToList());
        }
    }

    private static HashSet<string> KeyBigrams(AssessContext context)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (context.Title is { } t)
            set.UnionWith(Bigrams(t.Text));
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in context.Body)
        {
            if (u.Kind == UnitKind.ListItem)
                continue;
            foreach (var b in Bigrams(u.Text))
                counts[b] = counts.GetValueOrDefault(b) + 1;
        }
        set.UnionWith(counts.Where(kv => kv.Value >= KeyBigramMinCount).Select(kv => kv.Key));
        set.ExceptWith(CommonBigrams);
        return set;
    }

    /// <summary>Bigrams of consecutive CJK characters (Latin words count whole).</summary>
    private static IEnumerable<string> Bigrams(string s)
    {
        for (var i = 0; i + 1 < s.Length; i++)
        {
            if (IsCjk(s[i]) && IsCjk(s[i + 1]))
                yield return s.Substring(i, 2);
        }
        foreach (Match m in LatinWord().Matches(s))
            yield return m.Value.ToLowerInvariant();
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>Function-word bigrams that every Chinese text shares; they prove no relation.</summary>
    private static readonly HashSet<string> CommonBigrams = new(StringComparer.Ordinal)
    {
        "我们", "他们", "一个", "这个", "没有", "什么", "可以", "已经", "不是", "就是", "自己", "如何", "为什", "么的",
        "有何", "哪些", "影响", "的是", "了一", "中国", "今年", "进行", "发展", "重要", "问题", "方面",
    };

    [GeneratedRegex(@"^(?:相关(?:文章|阅读|新闻|报道|链接|内容)|延伸阅读|相关推荐|Related(?: articles| stories| news)?)[:：]?$", RegexOptions.IgnoreCase)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
