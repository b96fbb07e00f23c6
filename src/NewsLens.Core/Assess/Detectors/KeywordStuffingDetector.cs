using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Assess.Detectors;

/// <summary>spam.keyword_stuffing: titles and meta keywords packed with search terms rather than written for readers.</summary>
internal sealed partial class KeywordStuffingDetector : IFlagDetector
{
    public const string Code = "spam.keyword_stuffing";

    /// <summary>
    /// A news title has a headline plus a site name or two ("标题_新闻频道_某某网": 3 parts); stuffed titles chain
    /// six or more search phrases. Calibrated on portal titles of the extraction sets (max 4 parts seen).
    /// </summary>
    private const int MaxTitleParts = 6;

    /// <summary>The same two-character word opening this many title parts is a keyword list, not a headline.</summary>
    private const int MaxRepeatedStem = 3;

    /// <summary>Portals list 5–15 meta keywords; farms list dozens. 30 leaves room for generous honest CMSs.</summary>
    private const int MaxMetaKeywords = 30;

    /// <summary>Meta keywords repeating the same stem this often are stuffed (honest lists vary their terms).</summary>
    private const int MaxMetaStemRepeats = 5;

    public string Family => "spam";

    public IEnumerable<Flag> Detect(AssessContext context)
    {
        if (context.Title is { } title && context.IsChinese)
        {
            var parts = Separators().Split(title.Text).Where(p => p.Trim().Length >= 2).ToArray();
            var stems = parts.Where(p => p.Length >= 2).GroupBy(p => p[..2], StringComparer.Ordinal).Max(g => (int?)g.Count()) ?? 0;
            if (parts.Length >= MaxTitleParts || (parts.Length >= 4 && stems > MaxRepeatedStem))
            {
                yield return FlagMaker.Make(Code, Severity.Medium, [title.ToEvidence()],
                    $"标题由{parts.Length}段关键词拼接而成，是为搜索引擎堆砌关键词的写法。",
                    $"The title chains {parts.Length} keyword phrases together: written for search engines, not readers.");
            }
        }
        var keywords = context.Article.Extraction.MetaKeywords
            .SelectMany(k => Separators().Split(k)).Select(k => k.Trim()).Where(k => k.Length > 0).ToArray();
        if (keywords.Length > 0)
        {
            // A portal listing its own name's variants (山西省政府, 山西省人民政府网站… on 山西省人民政府门户网站) brands,
            // it does not stuff: a stem found in the site's name does not count.
            var site = context.Article.Site ?? "";
            var repeats = keywords.Where(k => k.Length >= 2).GroupBy(k => k[..2], StringComparer.Ordinal)
                .Where(g => !site.Contains(g.Key, StringComparison.Ordinal)).Max(g => (int?)g.Count()) ?? 0;
            if (keywords.Length > MaxMetaKeywords || repeats > MaxMetaStemRepeats)
            {
                var unit = context.Units.First(u => u.Kind == UnitKind.MetaKeywords);
                yield return FlagMaker.Make(Code, Severity.Low, [unit.ToEvidence() with { Text = FlagMaker.Quote(unit.Text, 200) }],
                    $"网页的关键词标签堆砌了{keywords.Length}个词（同一词根重复{repeats}次）。",
                    $"The page's meta keywords stuff {keywords.Length} terms (one stem repeated {repeats} times).");
            }
        }
    }

    /// <summary>Title and keyword separators; a hyphen or plain space separates only with spaces around it (English words).</summary>
    [GeneratedRegex(@"\s+[-–—|/]\s+|\s*[_|，、,;；·]\s*|——|\s{2,}")]
    private static partial Regex Separators();
}
