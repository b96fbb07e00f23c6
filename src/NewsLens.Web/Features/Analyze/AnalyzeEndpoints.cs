using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using NewsLens.Model;
using NewsLens.Model.Json;
using NewsLens.Pipeline;
using NewsLens.Web.Hosting;

namespace NewsLens.Web.Features.Analyze;

internal static class AnalyzeEndpoints
{
    /// <summary>Source name given to posted pages in the record (there is no file or URL to name).</summary>
    public const string PostedSource = "api:analyze";

    /// <summary>Longest <c>url</c> parameter accepted (the page's own address, kept in the record).</summary>
    public const int MaxUrlChars = 2_000;

    public static IEndpointRouteBuilder MapAnalyze(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/analyze", Analyze);
        return app;
    }

    /// <summary>
    /// Analyses the posted page (HTML, plain text or Markdown; the Content-Type's charset is honoured, else
    /// detected) and returns its record without storing it. A page the pipeline refuses is a 400 naming the reason.
    /// </summary>
    internal static async Task<Results<Ok<ArticleRecord>, ProblemHttpResult>> Analyze(
        HttpRequest request, string? url, PageAnalyzer analyzer, WebLimits limits, ILoggerFactory logs, CancellationToken cancel)
    {
        if (url is { Length: > MaxUrlChars })
            return Problems.BadRequest($"url is {url.Length} characters long; the limit is {MaxUrlChars}");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
            return Problems.BadRequest("url must be an absolute http or https address");
        var format = FormatOf(request.ContentType);
        if (format is null)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: "post the page as text/html, application/xhtml+xml, text/plain, text/markdown or application/octet-stream");
        if (request.ContentLength > limits.MaxAnalyzeBytes)
            return Problems.TooLarge(limits.MaxAnalyzeBytes);

        byte[] body;
        try
        {
            body = await ReadBounded(request.Body, limits.MaxAnalyzeBytes, cancel);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(limits.MaxAnalyzeBytes);
        }
        if (body.Length == 0)
            return Problems.BadRequest("the body is empty; post the page to analyse");
        if (body.Length > limits.MaxAnalyzeBytes)
            return Problems.TooLarge(limits.MaxAnalyzeBytes);

        var result = await analyzer.AnalyseAsync(new RawPage(PostedSource, body, request.ContentType, url, format.Value), cancel);
        if (result.Article is { } article)
            return TypedResults.Ok(ArticleRecord.From(article));
        var rejection = result.Rejection!;
        if (rejection.Reason == RejectionReason.Failed)
        {
            // A pipeline bug: the detail names our internals, so it goes to the log, not to the client.
            logs.CreateLogger(typeof(AnalyzeEndpoints)).LogError("analysis failed: {Detail}", rejection.Detail);
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Analysis failed", detail: "the pipeline failed on this page; the server log has the detail");
        }
        return Problems.BadRequest(
            $"the page was rejected: {rejection.Detail}",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["reason"] = ArticleRowsCode(rejection.Reason) });
    }

    /// <summary>The page format a Content-Type names; null for media types that are not a page.</summary>
    internal static PageFormat? FormatOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return PageFormat.Unknown;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
            return null;
        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/html" or "application/xhtml+xml" => PageFormat.Html,
            "text/plain" => PageFormat.Text,
            "text/markdown" or "text/x-markdown" => PageFormat.Markdown,
            "application/octet-stream" => PageFormat.Unknown,
            _ => null,
        };
    }

    /// <summary>Reads at most <paramref name="max"/> + 1 bytes, so an oversized body is noticed without buffering it.</summary>
    private static async Task<byte[]> ReadBounded(Stream body, int max, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max + 1L - buffer.Length)), cancel)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
                break;
        }
        return buffer.ToArray();
    }

    private static string ArticleRowsCode(RejectionReason reason) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());
}
