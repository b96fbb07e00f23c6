using NewsLens.Pipeline;
using NewsLens.Storage;

namespace NewsLens.Web.Hosting;

/// <summary>Which Host headers the server answers (a guard against DNS rebinding of a local server).</summary>
internal enum HostPolicy
{
    /// <summary>Only localhost, 127.0.0.1 and [::1]: the server is bound to loopback and a page on another
    /// origin that rebinds its name to 127.0.0.1 must not read the store.</summary>
    LoopbackOnly,

    /// <summary>Any Host header (the server is bound to a public address on purpose).</summary>
    Any,
}

/// <summary>What a host (the CLI's <c>serve</c> verb, the tests) decides; everything else is fixed by the app.</summary>
/// <param name="Urls">Addresses to listen on, e.g. <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</param>
/// <param name="OpenStore">Opens one store instance; the app keeps a small pool because one instance serves one thread at a time.</param>
/// <param name="Pipeline">The analysis pipeline for <c>POST /api/analyze</c>; null builds <c>DefaultPipeline.Full</c> once at start.</param>
internal sealed record WebOptions(IReadOnlyList<string> Urls, Func<IArticleStore> OpenStore, ArticlePipeline? Pipeline = null)
{
    public HostPolicy Hosts { get; init; } = HostPolicy.LoopbackOnly;

    public WebLimits Limits { get; init; } = WebLimits.Default;

    /// <summary>The policy that fits the addresses: loopback-only when every address is loopback.</summary>
    public static HostPolicy PolicyFor(IEnumerable<string> urls) =>
        urls.All(IsLoopbackUrl) ? HostPolicy.LoopbackOnly : HostPolicy.Any;

    private static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u)
        && (u.IsLoopback || string.Equals(u.Host, "localhost", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Every size the web app accepts, in one place.</summary>
/// <param name="MaxAnalyzeBytes">Largest page body <c>POST /api/analyze</c> accepts. 2 MiB: the largest page in the
/// sample corpus is under 400 KB; a bigger upload is almost certainly not one news article.</param>
/// <param name="MaxConcurrentAnalyses">Analyses run at once; more wait. Analysis is CPU-bound, so more than the cores only queues.</param>
/// <param name="MaxIdleStores">Open store instances kept for reuse between requests; busier moments open more and close them after.</param>
/// <param name="MaxRequestLineBytes">Longest request line (method, path, query). Queries are capped at 200 characters,
/// so 8 KiB is ample for any legitimate URL and small enough to refuse junk early (414).</param>
internal sealed record WebLimits(int MaxAnalyzeBytes, int MaxConcurrentAnalyses, int MaxIdleStores, int MaxRequestLineBytes)
{
    public static WebLimits Default { get; } = new(
        MaxAnalyzeBytes: 2 * 1024 * 1024,
        MaxConcurrentAnalyses: Math.Max(1, Environment.ProcessorCount),
        MaxIdleStores: 8,
        MaxRequestLineBytes: 8 * 1024);
}
