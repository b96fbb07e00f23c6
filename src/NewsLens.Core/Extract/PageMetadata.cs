using System.Text;
using System.Text.Json;
using NewsLens.Extract.Html;

namespace NewsLens.Extract;

/// <summary>A date the page states, with where it was found (JSON-LD, meta, time element).</summary>
internal sealed record DateClue(string Value, string Source);

/// <summary>What the page says about itself outside the body: head tags, JSON-LD, time elements, headings.</summary>
internal sealed class PageMetadata
{
    public string? TitleTag { get; set; }

    public string? WrapperTitle { get; set; }

    public string? WrapperUrl { get; set; }

    public string? HtmlLang { get; set; }

    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);

    public List<DateClue> Dates { get; } = [];

    public List<string> JsonLdAuthors { get; } = [];

    public string? JsonLdHeadline { get; set; }

    public string? JsonLdPublisher { get; set; }

    public List<string> H1 { get; } = [];

    public string? CanonicalUrl { get; set; }

    public string? MetaValue(params ReadOnlySpan<string> keys)
    {
        foreach (var k in keys)
        {
            if (Meta.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
                return v.Trim();
        }
        return null;
    }
}

/// <summary>
/// Reads <see cref="PageMetadata"/> from the parsed page before cleaning removes the head. JSON-LD that
/// does not parse is ignored (pages ship broken JSON often; that is not a reason to reject the page).
/// </summary>
internal sealed class MetadataReader
{
    /// <summary>Largest JSON-LD block parsed; bigger ones are product catalogues, not article metadata.</summary>
    private const int MaxJsonLdChars = 200_000;

    /// <summary>Most JSON-LD objects visited per page (nested @graph arrays).</summary>
    private const int MaxJsonLdNodes = 2000;

    private const int MaxH1 = 8;

    private static readonly string[] PublishedKeys = ["datePublished", "dateCreated", "uploadDate"];

    public PageMetadata Read(HtmlNode root)
    {
        var meta = new PageMetadata();
        for (var node = root.FirstChild; node is not null; node = root.NextInSubtree(node))
        {
            if (!node.IsElement)
                continue;
            switch (node.Name)
            {
                case "title" when meta.TitleTag is null:
                    meta.TitleTag = TextNormaliser.Collapse(InnerText(node));
                    break;
                case "text" when meta.WrapperUrl is null && node.Attr("id") is { } id:
                    meta.WrapperUrl = id;
                    meta.WrapperTitle = node.Attr("title");
                    break;
                case "html" when meta.HtmlLang is null:
                    meta.HtmlLang = node.Attr("lang") ?? node.Attr("xml:lang");
                    break;
                case "meta":
                    ReadMeta(node, meta);
                    break;
                case "link" when node.Attr("rel") is "canonical":
                    meta.CanonicalUrl ??= node.Attr("href");
                    break;
                case "script" when node.Attr("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase):
                    ReadJsonLd(InnerText(node), meta);
                    break;
                case "time" when node.Attr("datetime") is { } dt:
                    var itemprop = node.Attr("itemprop") ?? node.Attr("pubdate") ?? "";
                    meta.Dates.Add(new DateClue(dt, itemprop.Contains("datePublished", StringComparison.OrdinalIgnoreCase) || node.Attr("pubdate") is not null ? "time-published" : "time"));
                    break;
                case "h1" when meta.H1.Count < MaxH1:
                    var h = TextNormaliser.Collapse(InnerText(node));
                    if (h.Length > 0)
                        meta.H1.Add(h);
                    break;
            }
            if (node.Attr("itemprop") is "datePublished" && node.Name != "meta" && node.Name != "time")
                meta.Dates.Add(new DateClue(node.Attr("content") ?? node.Attr("datetime") ?? InnerText(node), "itemprop"));
        }
        return meta;
    }

    private static void ReadMeta(HtmlNode node, PageMetadata meta)
    {
        var key = node.Attr("property") ?? node.Attr("name") ?? node.Attr("itemprop") ?? node.Attr("http-equiv");
        var content = node.Attr("content");
        if (key is null || content is null)
            return;
        key = key.Trim().ToLowerInvariant();
        meta.Meta.TryAdd(key, content);
    }

    internal static string InnerText(HtmlNode node)
    {
        if (node.FirstChild is { Kind: HtmlNodeKind.Text, NextSibling: null, GapsAfter: 0 } only && node.GapsBeforeChildren == 0)
            return only.Text!;
        var sb = new StringBuilder();
        node.AppendInnerText(sb);
        return sb.ToString();
    }

    private static void ReadJsonLd(string json, PageMetadata meta)
    {
        if (json.Length > MaxJsonLdChars)
            return;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
            var visited = 0;
            Visit(doc.RootElement, meta, ref visited);
        }
        catch (JsonException)
        {
            // Broken JSON-LD is common; the page's other clues still count.
        }
    }

    private static void Visit(JsonElement e, PageMetadata meta, ref int visited)
    {
        if (++visited > MaxJsonLdNodes)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                Visit(item, meta, ref visited);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
            return;
        var type = e.TryGetProperty("@type", out var t) ? (t.ValueKind == JsonValueKind.Array ? string.Join(',', t.EnumerateArray().Select(x => x.ToString())) : t.ToString()) : "";
        var isArticle = type.Contains("Article", StringComparison.Ordinal) || type.Contains("Posting", StringComparison.Ordinal) || type.Contains("Report", StringComparison.Ordinal)
            || type.Contains("NewsArticle", StringComparison.Ordinal);
        if (isArticle)
        {
            foreach (var key in PublishedKeys)
            {
                if (e.TryGetProperty(key, out var d) && d.ValueKind == JsonValueKind.String)
                {
                    meta.Dates.Add(new DateClue(d.GetString()!, "json-ld"));
                    break;
                }
            }
            if (meta.JsonLdHeadline is null && e.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String)
                meta.JsonLdHeadline = h.GetString();
            if (e.TryGetProperty("author", out var a))
                AddAuthors(a, meta.JsonLdAuthors);
            if (meta.JsonLdPublisher is null && e.TryGetProperty("publisher", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var pn) && pn.ValueKind == JsonValueKind.String)
                meta.JsonLdPublisher = pn.GetString();
        }
        if (e.TryGetProperty("@graph", out var graph))
            Visit(graph, meta, ref visited);
        if (e.TryGetProperty("mainEntity", out var main))
            Visit(main, meta, ref visited);
    }

    private static void AddAuthors(JsonElement a, List<string> authors)
    {
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                authors.Add(a.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in a.EnumerateArray().Take(8))
                    AddAuthors(item, authors);
                break;
            case JsonValueKind.Object when a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String:
                authors.Add(n.GetString()!);
                break;
        }
    }
}
