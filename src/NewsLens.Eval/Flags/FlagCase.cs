using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsLens.Model;

namespace NewsLens.Eval.Flags;

/// <summary>A removed block as a case file writes it.</summary>
internal sealed record CaseRemoved(string Text, RemovalReason Reason, bool Hidden = false, string? Detail = null, IReadOnlyList<RemovedLink>? Links = null);

/// <summary>
/// One evaluation case: an article as extraction would hand it over (text with "## " headings and "- " list
/// items, removed blocks, navigation cues) and the flag codes a careful reader expects.
/// </summary>
/// <param name="Expect">Codes that must be raised (any severity).</param>
/// <param name="Allow">Codes that may be raised without counting as false alarms (a filler piece may also be low on information).</param>
internal sealed record FlagCase(
    string Id,
    string? Note,
    string? Title,
    string? Published,
    string? Site,
    string? Url,
    string Text,
    IReadOnlyList<CaseRemoved>? Removed,
    IReadOnlyList<string>? Navigation,
    IReadOnlyList<string>? Breadcrumb,
    IReadOnlyList<string>? MetaKeywords,
    IReadOnlyList<string> Expect,
    IReadOnlyList<string>? Allow)
{
    /// <summary>Case files are small; a larger one is a mistake.</summary>
    private const long MaxCaseBytes = 1_000_000;

    public static JsonSerializerOptions Json { get; } = CreateOptions();

    public bool Clean => Expect.Count == 0;

    public static FlagCase Load(string path)
    {
        if (new FileInfo(path).Length > MaxCaseBytes)
            throw new InvalidDataException($"case {path} is larger than {MaxCaseBytes:N0} bytes");
        return JsonSerializer.Deserialize<FlagCase>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"case {path} is empty");
    }

    public static IReadOnlyList<(string Path, FlagCase Case)> LoadAll(string dir) =>
        Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (p, Load(p)))
            .ToArray();

    /// <summary>Builds the article the way extraction would: paragraphs split on blank lines, "## " lines open sections.</summary>
    public Article ToArticle()
    {
        var text = new StringBuilder();
        var sections = new List<Section>();
        string? heading = null;
        Span? headingSpan = null;
        var paragraphs = new List<Paragraph>();
        foreach (var raw in Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var p = raw.Trim();
            if (p.Length == 0)
                continue;
            if (text.Length > 0)
                text.Append("\n\n");
            var start = text.Length;
            text.Append(p);
            if (p.StartsWith("## ", StringComparison.Ordinal))
            {
                if (heading is not null || paragraphs.Count > 0)
                    sections.Add(new Section(heading, headingSpan, paragraphs));
                heading = p[3..].Trim();
                headingSpan = new Span(start + p.IndexOf(heading, StringComparison.Ordinal), start + p.IndexOf(heading, StringComparison.Ordinal) + heading.Length);
                paragraphs = [];
                continue;
            }
            paragraphs.Add(new Paragraph(p, new Span(start, start + p.Length)));
        }
        sections.Add(new Section(heading, headingSpan, paragraphs));
        var body = text.ToString();
        PublishedAt? published = Published is null ? null
            : new PublishedAt(DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture), null, null);
        var removed = (Removed ?? []).Select(r => new RemovedBlock(r.Text, r.Reason, r.Detail, r.Hidden, r.Links ?? [])).ToArray();
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((Title ?? "") + "\n" + body)))[..16];
        return new Article(id, Id, Url, Title, published, Site, null, "zh", body, sections, removed,
            new ExtractionInfo("case", Navigation ?? [], Breadcrumb ?? [], "case", Published is null ? null : "case", MetaKeywords ?? []));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return o;
    }
}
