using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Storage;
using NewsLens.Storage.Search;
using NewsLens.Web.Hosting;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Features.Search;

/// <summary>The query string of <c>GET /api/search</c>, read as text so every bad value gets a plain 400.</summary>
internal sealed record SearchParameters(string? Q, string? From, string? To, string? Entity, string? Flag, string? Site, string? Limit);

internal static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search);
        return app;
    }

    internal static Results<Ok<SearchResponse>, ValidationProblem> Search([AsParameters] SearchParameters p, StorePool stores)
    {
        var errors = new ParameterErrors();
        var query = Parse(p, errors);
        if (query is null || errors.Any)
            return Problems.Invalid(errors.All);
        var hits = stores.Use(store =>
        {
            var found = store.Search(query);
            // Badges come from each hit's record; a hit whose record vanished meanwhile shows none.
            return found.Hits.Select(h => ToWire(h, store.Get(h.Id))).ToList();
        });
        return TypedResults.Ok(new SearchResponse(query.Text, hits.Count, hits));
    }

    internal static SearchQuery? Parse(SearchParameters p, ParameterErrors errors)
    {
        var text = p.Q?.Trim();
        if (string.IsNullOrEmpty(text))
            errors.Add("q", "q (the search text) is required");
        else if (text.Length > QueryTerms.MaxQueryChars)
            errors.Add("q", $"q is {text.Length} characters long; the limit is {QueryTerms.MaxQueryChars}");
        else
        {
            try
            {
                if (QueryTerms.Parse(text).Count == 0)
                    errors.Add("q", "q has no searchable characters");
            }
            catch (ArgumentException e)
            {
                errors.Add("q", e.Message.Split(" (Parameter", 2)[0]);
            }
        }
        var from = errors.Day("from", p.From);
        var to = errors.Day("to", p.To);
        if (from is { } f && to is { } t && f > t)
            errors.Add("to", "to is before from");
        var entity = errors.Bounded("entity", p.Entity, SearchQuery.MaxFilterChars);
        var flag = errors.Bounded("flag", p.Flag, SearchQuery.MaxFilterChars);
        var site = errors.Bounded("site", p.Site, SearchQuery.MaxFilterChars);
        var limit = errors.Limit("limit", p.Limit, SearchQuery.DefaultLimit, SearchQuery.MaxLimit);
        return errors.Any || text is null ? null : new SearchQuery(text, from, to, entity, flag, site, limit);
    }

    private static SearchHitWire ToWire(SearchHit hit, NewsLens.Model.Json.ArticleRecord? record) => new(
        hit.Id,
        hit.Title,
        hit.Published,
        hit.Site,
        Math.Round(hit.Score, 4),
        record?.Credibility?.Score,
        Segments(hit.Snippet),
        record is null ? [] : [.. record.Flags.Select(f => new FlagBadge(f.Code, f.Severity))],
        record?.Thread);

    /// <summary>The snippet cut at its highlights: plain runs and highlighted runs, in order, covering all of it.</summary>
    internal static SnippetWire Segments(Snippet snippet)
    {
        var segments = new List<SnippetSegment>(snippet.Highlights.Count * 2 + 1);
        var text = snippet.Text;
        var at = 0;
        foreach (var h in snippet.Highlights)
        {
            // Highlights are ordered and disjoint; clamp anyway so a bad span cannot throw.
            var start = Math.Clamp(h.Start, at, text.Length);
            var end = Math.Clamp(h.End, start, text.Length);
            if (start > at)
                segments.Add(new SnippetSegment(text[at..start], false));
            if (end > start)
                segments.Add(new SnippetSegment(text[start..end], true));
            at = end;
        }
        if (at < text.Length)
            segments.Add(new SnippetSegment(text[at..], false));
        return new SnippetWire(snippet.Start, snippet.Start > 0, segments);
    }
}
