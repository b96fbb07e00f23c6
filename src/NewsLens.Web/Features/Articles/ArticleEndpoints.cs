using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Model.Json;
using NewsLens.Storage;
using NewsLens.Web.Hosting;
using NewsLens.Web.Stores;

namespace NewsLens.Web.Features.Articles;

internal static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/articles/{id}", Get);
        return app;
    }

    /// <summary>The full record (docs/RECORD.md) with its duplicates and thread; an id prefix of 8+ characters works too.</summary>
    internal static Results<Ok<ArticleRecord>, ProblemHttpResult> Get(string id, StorePool stores)
    {
        if (!StoredIds.IsIdLike(id))
            return Problems.BadRequest($"an article id is 1 to {StoredIds.MaxLength} letters, digits, '-' or '_'");
        var record = stores.Use(store => store.Get(id));
        return record is null
            ? Problems.NotFound($"no article has the id {id} (a prefix must have at least {StoredIds.MinPrefix} characters and match one article)")
            : TypedResults.Ok(record);
    }
}
