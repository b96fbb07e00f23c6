using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Storage;
using NewsLens.Web.Hosting;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Features.Threads;

internal static class ThreadEndpoints
{
    /// <summary>Threads listed when the client names no limit.</summary>
    public const int DefaultLimit = 50;

    public static IEndpointRouteBuilder MapThreads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/threads", List);
        app.MapGet("/api/threads/{id}", Timeline);
        return app;
    }

    /// <summary>Threads, largest first; with <c>entity</c>, only those mentioning it (KB id, canonical name or surface text).</summary>
    internal static Results<Ok<ThreadListResponse>, ValidationProblem> List(string? entity, string? limit, StorePool stores)
    {
        var errors = new ParameterErrors();
        var e = errors.Bounded("entity", entity, SearchQuery.MaxFilterChars);
        var n = errors.Limit("limit", limit, DefaultLimit, SearchQuery.MaxLimit);
        if (errors.Any)
            return Problems.Invalid(errors.All);
        var threads = stores.Use(store => store.Threads(new ThreadQuery(e, n)));
        return TypedResults.Ok(new ThreadListResponse(e, threads.Count, [.. threads.Select(ThreadWire.From)]));
    }

    internal static Results<Ok<TimelineWire>, ProblemHttpResult> Timeline(string id, StorePool stores)
    {
        if (!StoredIds.IsIdLike(id))
            return Problems.BadRequest($"a thread id is 1 to {StoredIds.MaxLength} letters, digits, '-' or '_'");
        var timeline = stores.Use(store => store.Thread(id));
        return timeline is null
            ? Problems.NotFound($"no thread has the id {id}")
            : TypedResults.Ok(new TimelineWire(ThreadWire.From(timeline.Thread), [.. timeline.Entries.Select(TimelineEntryWire.From)]));
    }
}
