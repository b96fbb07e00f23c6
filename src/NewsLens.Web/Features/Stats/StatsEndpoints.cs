using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Features.Stats;

internal sealed record StatsWire(long Articles, long Sources, long Rejections, long Threads, long Links);

internal static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStats(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", Get);
        return app;
    }

    internal static Ok<StatsWire> Get(StorePool stores)
    {
        var c = stores.Use(store => store.Counts());
        return TypedResults.Ok(new StatsWire(c.Articles, c.Sources, c.Rejections, c.Threads, c.Links));
    }
}
