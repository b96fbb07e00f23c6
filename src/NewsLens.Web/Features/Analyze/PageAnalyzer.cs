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
}
