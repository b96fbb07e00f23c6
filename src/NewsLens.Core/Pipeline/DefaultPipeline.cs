using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Segmentation;
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
            .Extract(new ArticleExtractor())
            .Build();

    /// <summary>Every stage: extract, then analyse (language, knowledge, dates, events), then assess.</summary>
    public static ArticlePipeline Full(AnalysisResources resources, PipelineLimits? limits = null)
    {
        var builder = new PipelineBuilder()
            .WithLimits(limits ?? PipelineLimits.Default)
            .Decode(new CharsetDecoder())
            .Extract(new ArticleExtractor());
        // Language first: later analysers read the tokens and entities.
        if (resources.Segmenter is { } segmenter)
            builder.Analyse(new SegmentationStep(segmenter));
        if (resources.EntityTagger is { } tagger)
            builder.Analyse(new EntityStep(tagger));
        return builder.Build();
    }
}
