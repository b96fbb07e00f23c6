using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Pipeline;
using NewsLens.Storage;
using NewsLens.Web.Hosting;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Features.Rejections;

internal sealed record RejectionListResponse(int Count, IReadOnlyList<RejectionWire> Rejections);

internal sealed record RejectionWire(string Source, RejectionReason Reason, string Detail);

internal static class RejectionEndpoints
{
    /// <summary>Rejections listed when the client names no limit.</summary>
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapRejections(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rejections", List);
        return app;
    }

    /// <summary>Items the pipeline refused, with the reason and detail, ordered by source.</summary>
    internal static Results<Ok<RejectionListResponse>, ValidationProblem> List(string? limit, StorePool stores)
    {
        var errors = new ParameterErrors();
        var n = errors.Limit("limit", limit, DefaultLimit, SearchQuery.MaxLimit);
        if (errors.Any)
            return Problems.Invalid(errors.All);
        var rows = stores.Use(store => store.Rejections(n));
        return TypedResults.Ok(new RejectionListResponse(rows.Count, [.. rows.Select(r => new RejectionWire(r.Source, r.Reason, r.Detail))]));
    }
}
