using NewsLens.Analyse.Dates;
using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Segmentation;
using NewsLens.Assess;
using NewsLens.Assess.Knowledge;
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
            .Extract(new ArticleExtractor(limits ?? PipelineLimits.Default));
        // First analyser: cuts injected spam lines out of the text before any span is taken.
        builder.Analyse(new InjectedTextCleaner(resources.AssessRules));
        // Language first: later analysers read the tokens and entities.
        if (resources.Segmenter is { } segmenter)
            builder.Analyse(new SegmentationStep(segmenter));
        if (resources.Entities is { } tagger)
            builder.Analyse(new EntityStep(tagger));
        // Dates before knowledge and events: role checks and event dates read them.
        builder.Analyse(new DateAnalyser())
            .Analyse(new Analyse.Knowledge.EntityLinker(resources.Knowledge))
            .Analyse(new Analyse.Events.EventExtractor(resources.Knowledge));
        builder.Assess(new CredibilityAssessor(resources.AssessRules, new NoKnowledge()));
        return builder.Build();
    }
}
