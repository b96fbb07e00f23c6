using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NewsLens.Web.Hosting;

namespace NewsLens.Web.Security;

/// <summary>
/// Headers every response carries, whatever produced it (UI file, API result, problem, 404, crash): stored pages
/// are hostile, so the browser is told to run no script and load nothing that is not ours, and to sniff nothing.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Only our own script and style files; no inline code, no plugins, no framing, no base rewrite.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, HostPolicy hosts) =>
        app.Use(async (context, next) =>
        {
            // OnStarting runs just before the headers go out, after any middleware (the exception handler
            // among them) has cleared and rewritten the response, so no path escapes these headers.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            }, context);

            if (hosts == HostPolicy.LoopbackOnly && !IsLoopbackHost(context.Request.Host))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Host not allowed",
                    detail: "this server is bound to loopback and answers only requests addressed to localhost, 127.0.0.1 or [::1]").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    private static bool IsLoopbackHost(HostString host) =>
        host.HasValue && LoopbackHosts.Contains(host.Host, StringComparer.OrdinalIgnoreCase);
}
