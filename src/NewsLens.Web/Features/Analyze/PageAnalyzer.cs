using NewsLens.Model;
using NewsLens.Pipeline;
using NewsLens.Web.Hosting;

namespace NewsLens.Web.Features.Analyze;

/// <summary>The one pipeline of the process, behind a gate so that at most
/// <see cref="WebLimits.MaxConcurrentAnalyses"/> pages are analysed at once.</summary>
internal sealed class PageAnalyzer(ArticlePipeline pipeline, WebLimits limits) : IDisposable
{
    private readonly SemaphoreSlim gate = new(limits.MaxConcurrentAnalyses, limits.MaxConcurrentAnalyses);

    public async Task<ItemResult> AnalyseAsync(RawPage page, CancellationToken cancel)
    {
        await gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return pipeline.Process(page);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>
    /// Runs one small page through every stage so regexes, models and JIT are ready before the first request:
    /// a cold first analysis is several times slower, and stages with match timeouts could fail it.
    /// </summary>
    public static void WarmUp(ArticlePipeline pipeline)
    {
        const string page = "新华社北京2025年4月15日电 外交部发言人当天在例行记者会上表示，中方愿同各方加强沟通协调。\n\n他说，双方将于下月举行会谈。";
        _ = pipeline.Process(new RawPage("warm-up", System.Text.Encoding.UTF8.GetBytes(page), "text/plain; charset=utf-8", null, PageFormat.Text));
    }
}
