using NewsLens.Analyse.Dates;
using NewsLens.Decode;
using NewsLens.Extract;

namespace NewsLens.Pipeline;

/// <summary>The composition root: which stages make up NewsLens, in data-flow order.</summary>
internal static class DefaultPipeline
{
    /// <summary>Ingest → decode → extract only (the <c>extract</c> verb).</summary>
    public static ArticlePipeline ExtractOnly(PipelineLimits? limits = null) =>
        new PipelineBuilder()
            .WithLimits(limits ?? PipelineLimits.Default)
            .Decode(new CharsetDecoder())
            .Extract(new ArticleExtractor(limits ?? PipelineLimits.Default))
            .Build();

    /// <summary>Every stage: extract, then analyse (language, knowledge, dates, events), then assess.</summary>
    public static ArticlePipeline Full(AnalysisResources resources, PipelineLimits? limits = null)
    {
        var builder = new PipelineBuilder()
            .WithLimits(limits ?? PipelineLimits.Default)
            .Decode(new CharsetDecoder())
            .Extract(new ArticleExtractor(limits ?? PipelineLimits.Default))
            .Analyse(new DateAnalyser());
        _ = resources; // Analyse and Assess stages are added here as their areas land.
        return builder.Build();
    }
}
