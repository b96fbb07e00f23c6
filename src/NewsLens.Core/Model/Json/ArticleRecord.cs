using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsLens.Model.Json;

/// <summary>
/// The wire form of one analysed article (docs/RECORD.md): flat, snake_case, stable. Separate from the
/// pipeline records so that internal refactors do not change what users and stores read.
/// </summary>
public sealed record ArticleRecord(
    string Id,
    string Source,
    string? Url,
    string? Title,
    string? Published,
    string? Site,
    string? Author,
    string Language,
    string Text,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<RemovedBlock> Removed,
    ExtractionInfo Extraction,
    IReadOnlyList<EntityMention> Entities,
    IReadOnlyList<DateMention> Dates,
    IReadOnlyList<PoliticalEvent> Events,
    IReadOnlyList<Flag> Flags,
    Credibility? Credibility,
    IReadOnlyList<DuplicateLink>? Duplicates,
    string? Thread)
{
    public static ArticleRecord From(AnalysedArticle a)
    {
        var x = a.Article;
        return new ArticleRecord(
            x.Id, x.Source, x.Url, x.Title, x.Published?.ToIso(), x.Site, x.Author, x.Language, x.Text,
            x.Sections, x.Removed, x.Extraction,
            a.Entities, a.Dates, a.Events, a.Flags, a.Credibility,
            a.Links?.Duplicates, a.Links?.ThreadId);
    }
}

/// <summary>The one set of JSON options every host uses for records (CLI, store, API).</summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static string Serialize(AnalysedArticle article, bool indented = false) =>
        JsonSerializer.Serialize(ArticleRecord.From(article), indented ? Indented : Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Chinese stays readable in the output; HTML-significant characters are still escaped.
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = 64,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
