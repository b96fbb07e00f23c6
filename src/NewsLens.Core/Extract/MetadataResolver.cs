using System.Text.RegularExpressions;
using NewsLens.Model;

namespace NewsLens.Extract;

internal sealed record ResolvedTitle(string? Title, string? Source);

internal sealed record ResolvedDate(PublishedAt? Date, string? Source);

/// <summary>
/// Chooses title, publish date, author and site from the page's own statements, in a fixed order of
/// trust. The date is never guessed: when no clue parses, it stays null ("unknown").
/// </summary>
internal static partial class MetadataResolver
{
    /// <summary>A heading shorter than this (visible chars) is a label ("News"), not a title.</summary>
    private const int MinTitleChars = 4;

    /// <summary>Blocks after the title line searched for a date/byline line.</summary>
    private const int LinesAfterTitle = 8;

    private const int MaxAuthorChars = 80;

    private static readonly string[] PublishedMetaKeys =
    [
        "article:published_time", "og:article:published_time", "datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
        "publication_date", "sailthru.date", "parsely-pub-date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date",
        "article.published", "published_date", "citation_publication_date", "citation_date", "og:published_time", "article:published",
        "weibo:article:create_at", "publishtime", "pub_date", "createdate", "creation_date", "bt:pubdate", "cxenseparse:recs:publishtime", "article_date_original",
    ];

    private static readonly string[] AuthorMetaKeys = ["author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl", "citation_author", "dcterms.creator", "twitter:creator"];

    private static readonly char[] TitleSeparators = ['|', '_', '–', '—', '-', '·', '»', ':', '：', '｜', '－'];

    public static ResolvedTitle ChooseTitle(PageMetadata meta, IReadOnlyList<TextBlock> blocks)
    {
        var og = meta.MetaValue("og:title", "twitter:title");
        var headline = meta.JsonLdHeadline;
        var tag = meta.TitleTag is { Length: > 0 } t ? t : meta.WrapperTitle;
        foreach (var h1 in meta.H1)
        {
            var h = BoundaryTrimmer.Squeeze(h1);
            if (h.Length < MinTitleChars)
                continue;
            if (Agrees(h, og) || Agrees(h, headline) || Agrees(h, tag))
                return new ResolvedTitle(h1, "h1");
        }
        if (og is not null && BoundaryTrimmer.Squeeze(og).Length >= MinTitleChars)
            return new ResolvedTitle(StripSiteSuffix(og, meta), "og:title");
        if (headline is not null && BoundaryTrimmer.Squeeze(headline).Length >= MinTitleChars)
            return new ResolvedTitle(headline.Trim(), "json-ld");
        if (tag is not null && BoundaryTrimmer.Squeeze(tag).Length >= MinTitleChars)
        {
            // A heading in the body that the title tag starts with is the title without the site name.
            foreach (var b in blocks)
            {
                if (b.Kind != BlockKind.Heading)
                    continue;
                var h = BoundaryTrimmer.Squeeze(b.Text);
                if (h.Length >= MinTitleChars && Agrees(h, tag))
                    return new ResolvedTitle(b.Text, "heading");
            }
            return new ResolvedTitle(StripSiteSuffix(tag, meta), "title-tag");
        }
        if (meta.H1.Count > 0)
            return new ResolvedTitle(meta.H1[0], "h1");
        foreach (var b in blocks)
        {
            if (b.Kind == BlockKind.Heading && b.VisibleChars >= MinTitleChars)
                return new ResolvedTitle(b.Text, "heading");
        }
        return new ResolvedTitle(null, null);
    }

    /// <summary>Heading and statement agree when one holds the other (title tags add the site name; h1s sometimes drop a prefix).</summary>
    private static bool Agrees(string squeezedHeading, string? statement)
    {
        if (statement is null)
            return false;
        var s = BoundaryTrimmer.Squeeze(statement);
        if (s.Length < MinTitleChars)
            return false;
        return s.Contains(squeezedHeading, StringComparison.Ordinal) && squeezedHeading.Length * 3 >= s.Length
            || (squeezedHeading.Contains(s, StringComparison.Ordinal) && s.Length * 2 >= squeezedHeading.Length);
    }

    /// <summary>"Headline - Site Name" → "Headline": the longest part wins, a known site name never does.</summary>
    internal static string StripSiteSuffix(string title, PageMetadata meta)
    {
        var t = title.Trim();
        var site = meta.MetaValue("og:site_name", "application-name") ?? meta.JsonLdPublisher;
        var parts = SplitTitle(t);
        if (parts.Count < 2)
            return t;
        var best = "";
        foreach (var p in parts)
        {
            if (site is not null && string.Equals(p, site.Trim(), StringComparison.OrdinalIgnoreCase))
                continue;
            if (p.Length > best.Length)
                best = p;
        }
        return best.Length >= MinTitleChars ? best : t;
    }

    private static List<string> SplitTitle(string t)
    {
        // Spaced separators first (" - ", " | "), they never occur inside a headline's words.
        var spaced = SpacedSeparator().Split(t).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (spaced.Count >= 2)
            return spaced;
        // Chinese titles glue parts with "_" or "-" or "|": "标题_国内新闻_新浪网".
        var glued = t.Split(['_', '|', '｜'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return glued.Count >= 2 ? glued : [t];
    }

    public static string? ChooseSite(PageMetadata meta, string? url)
    {
        var site = meta.MetaValue("og:site_name", "application-name", "twitter:site") ?? meta.JsonLdPublisher;
        if (site is not null)
            return site.TrimStart('@');
        if (meta.TitleTag is { } tag)
        {
            var parts = SplitTitle(tag);
            if (parts.Count >= 2 && parts[^1].Length is >= 2 and <= 30)
                return parts[^1];
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host.Length > 0)
            return u.Host.StartsWith("www.", StringComparison.Ordinal) ? u.Host[4..] : u.Host;
        return null;
    }

    public static ResolvedDate ChooseDate(PageMetadata meta, IReadOnlyList<string> nearTitleDateLines, string? url)
    {
        foreach (var clue in meta.Dates)
        {
            if (clue.Source == "json-ld" && DateParser.ParseMachine(clue.Value) is { } d)
                return new ResolvedDate(d, "json-ld");
        }
        foreach (var key in PublishedMetaKeys)
        {
            if (meta.Meta.TryGetValue(key, out var v) && DateParser.ParseMachine(v) is { } d)
                return new ResolvedDate(d, "meta:" + key);
        }
        foreach (var clue in meta.Dates)
        {
            if (clue.Source is "time-published" or "itemprop" && DateParser.ParseMachine(clue.Value) is { } d)
                return new ResolvedDate(d, clue.Source);
        }
        foreach (var line in nearTitleDateLines)
        {
            if (DateParser.FindInText(line) is { } d)
                return new ResolvedDate(d, "text-near-title");
        }
        if (DateParser.FromUrl(url) is { } fromUrl)
            return new ResolvedDate(fromUrl, "url");
        foreach (var clue in meta.Dates)
        {
            if (clue.Source == "time" && DateParser.ParseMachine(clue.Value) is { } d)
                return new ResolvedDate(d, "time");
        }
        return new ResolvedDate(null, null);
    }

    public static string? ChooseAuthor(PageMetadata? meta, IReadOnlyList<string> bylineLines)
    {
        if (meta is not null)
        {
            foreach (var a in meta.JsonLdAuthors)
            {
                if (CleanAuthor(a) is { } c)
                    return c;
            }
            foreach (var key in AuthorMetaKeys)
            {
                if (meta.Meta.TryGetValue(key, out var v) && CleanAuthor(v) is { } c)
                    return c;
            }
        }
        foreach (var line in bylineLines)
        {
            if (AuthorFromByline(line) is { } a)
                return a;
        }
        return null;
    }

    /// <summary>The names in a byline: "本报记者 王卫东 李华" → "王卫东 李华"; "文/小编" → "小编"; "By Jane Doe" → "Jane Doe".</summary>
    internal static string? AuthorFromByline(string line)
    {
        var m = ChineseByline().Match(line);
        if (m.Success)
        {
            var names = ChineseName().Matches(m.Groups["names"].Value).Select(x => x.Value).Where(n => !NotAName(n)).Take(6).ToList();
            if (names.Count > 0)
                return string.Join(' ', names);
        }
        m = LatinByline().Match(line);
        if (m.Success)
            return CleanAuthor(m.Groups["names"].Value);
        return null;
    }

    private static bool NotAName(string s) => s is "来源" or "编辑" or "时间" or "日期" or "发布" or "责任编辑" or "本报" or "报道" or "摄影" or "通讯员" or "记者";

    private static string? CleanAuthor(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var v = TextNormaliser.Collapse(value).Trim(' ', ',', '|', '-', ':', '：');
        if (v.StartsWith("http", StringComparison.OrdinalIgnoreCase) || v.Contains('@', StringComparison.Ordinal) && v.Contains('.', StringComparison.Ordinal))
            return null;
        if (v.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
            v = v[3..].Trim();
        // A name has letters; "104363" is a user id, not an author.
        if (v.Length is 0 or > MaxAuthorChars || !v.Any(char.IsLetter))
            return null;
        return v;
    }

    [GeneratedRegex(@"\s+[|\-–—_·»:]\s+|\s+[|｜]|[|｜]\s+|\s*--\s*|\s*——\s*")]
    private static partial Regex SpacedSeparator();

    [GeneratedRegex(@"(?:本报记者|特约记者|实习记者|见习记者|特派记者|记者|通讯员|作者|撰文|撰稿|文\s*[/|／]|文\s*[:：])\s*[:：]?\s*(?<names>[\p{IsCJKUnifiedIdeographs}·\s、，,]{2,40})")]
    private static partial Regex ChineseByline();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}·]{2,4}")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^(?:By|Von|Par|Por|Di|Door|Written by|Posted by|Autor:|Author:)\s+(?<names>[\p{L}.'\- ]{3,60}?(?:\s+(?:and|und|et|y)\s+[\p{L}.'\- ]{3,40})?)(?:\s*[,|•·]|\s+-\s|\s+\d|$)")]
    private static partial Regex LatinByline();
}
