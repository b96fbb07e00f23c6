using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsLens.Web.Hosting;

namespace NewsLens.Web.Features.Ui;

internal static class UiEndpoints
{
    public static IEndpointRouteBuilder MapUi(this IEndpointRouteBuilder app)
    {
        // The UI routes by URL fragment (#/article/…), so the server only ever serves these three files.
        app.MapGet("/", (HttpContext c, UiAssets ui) => Serve(c, ui, "index.html"));
        app.MapGet("/app.js", (HttpContext c, UiAssets ui) => Serve(c, ui, "app.js"));
        app.MapGet("/app.css", (HttpContext c, UiAssets ui) => Serve(c, ui, "app.css"));
        return app;
    }

    internal static Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Serve(HttpContext context, UiAssets ui, string name)
    {
        if (ui.Find(name) is not { } asset)
            return Problems.NotFound($"no UI file {name}");
        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        // Revalidate every time: a new build must never run with a cached older script.
        headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.Any(v => string.Equals(v, asset.ETag, StringComparison.Ordinal)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(asset.Content, asset.ContentType);
    }
}
