using System.Globalization;
using System.Text.Json;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Storage.Search;

namespace NewsLens.Storage;

/// <summary>
/// One analysed article flattened into what both stores write: the record JSON (without links and thread,
/// which change as later articles arrive and live in their own tables), the queryable columns, the index
/// terms and the child rows. Built once per article, outside the transaction.
/// </summary>
internal sealed record ArticleRows(
    string Id,
    string Source,
    string? Url,
    string? Title,
    string? Published,
    string? PublishedDay,
    string? Site,
    string? Author,
    string Language,
    double? Credibility,
    string RecordJson,
    string TitleTerms,
    string BodyTerms,
    string WordTerms,
    IReadOnlyList<EntityRow> Entities,
    IReadOnlyList<EventRow> Events,
    IReadOnlyList<FlagRow> Flags,
    IReadOnlyList<RemovedRow> Removed,
    IReadOnlyList<DuplicateLink> Links,
    string? ThreadId)
{
    /// <summary>Most rows of one kind stored per article; beyond this the record JSON still holds them all.</summary>
    public const int MaxChildRows = 5_000;

    /// <summary>Longest text kept in a child-row column (sentences, removed blocks); the record JSON keeps the full text.</summary>
    public const int MaxColumnChars = 4_000;

    public static ArticleRows From(AnalysedArticle analysed)
    {
        var a = analysed.Article;
        var record = ArticleRecord.From(analysed with { Links = null });
        return new ArticleRows(
            a.Id,
            a.Source,
            a.Url,
            a.Title,
            a.Published?.ToIso(),
            a.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            a.Site,
            a.Author,
            a.Language,
            analysed.Credibility?.Score,
            JsonSerializer.Serialize(record, NewsLens.Model.Json.RecordJson.Options),
            IndexTerms.Build(a.Title),
            IndexTerms.Build(a.Text),
            IndexTerms.Words(analysed.Tokens),
            [.. analysed.Entities.Take(MaxChildRows).Select(e => new EntityRow(
                Cut(e.Text), Code(e.Type), e.Span.Start, e.Span.End, e.KbId, e.Canonical, e.Country, e.Role?.Text, e.Role is null ? null : Code(e.Role.HeldOnDate)))],
            [.. analysed.Events.Take(MaxChildRows).Select(ev => new EventRow(
                Code(ev.Type), ev.Mode, Code(ev.Modality), ev.Date?.Value ?? ev.LatestDate, ev.Trigger, Cut(ev.Sentence), ev.SentenceSpan.Start, ev.SentenceSpan.End,
                Participants(ev.Actors), Participants(ev.Recipients), ev.Location?.Canonical ?? ev.Location?.Text))],
            [.. analysed.Flags.Take(MaxChildRows).Select(f => new FlagRow(f.Code, Code(f.Severity), Cut(f.MessageEn), Cut(f.MessageZh)))],
            [.. a.Removed.Take(MaxChildRows).Select(r => new RemovedRow(Code(r.Reason), r.Hidden ? 1 : 0, r.Detail is null ? null : Cut(r.Detail), Cut(r.Text)))],
            analysed.Links?.Duplicates ?? [],
            analysed.Links?.ThreadId);
    }

    /// <summary>Enum values as the record JSON writes them (snake_case), so SQL filters and JSON agree.</summary>
    internal static string Code<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Cut(string s) => s.Length <= MaxColumnChars ? s : s[..MaxColumnChars];

    private static string Participants(IReadOnlyList<EventParticipant> ps) =>
        string.Join("、", ps.Select(p => p.Canonical ?? p.Text));
}

internal sealed record EntityRow(string Text, string Type, int Start, int End, string? KbId, string? Canonical, string? Country, string? Role, string? RoleCheck);

internal sealed record EventRow(string Type, string? Mode, string Modality, string? Date, string Trigger, string Sentence, int Start, int End, string Actors, string Recipients, string? Location);

internal sealed record FlagRow(string Code, string Severity, string MessageEn, string MessageZh);

internal sealed record RemovedRow(string Reason, int Hidden, string? Detail, string Text);
