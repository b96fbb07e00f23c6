namespace NewsLens.Pipeline;

/// <summary>Collects stages in data-flow order and freezes them into an <see cref="ArticlePipeline"/>.</summary>
internal sealed class PipelineBuilder
{
    private IPageDecoder? decoder;
    private IArticleExtractor? extractor;
    private readonly List<IArticleAnalyser> analysers = [];
    private readonly List<IArticleAnalyser> assessors = [];
    private PipelineLimits limits = PipelineLimits.Default;

    public PipelineBuilder WithLimits(PipelineLimits value)
    {
        limits = value;
        return this;
    }

    public PipelineBuilder Decode(IPageDecoder value)
    {
        decoder = value;
        return this;
    }

    public PipelineBuilder Extract(IArticleExtractor value)
    {
        extractor = value;
        return this;
    }

    /// <summary>Adds a language, knowledge, date or event step; steps run in the order added.</summary>
    public PipelineBuilder Analyse(IArticleAnalyser value)
    {
        analysers.Add(value);
        return this;
    }

    /// <summary>Adds a credibility step; assess steps always run after every analyse step.</summary>
    public PipelineBuilder Assess(IArticleAnalyser value)
    {
        assessors.Add(value);
        return this;
    }

    public ArticlePipeline Build()
    {
        if (decoder is null)
            throw new InvalidOperationException("The pipeline needs a decoder: call Decode(...) before Build().");
        if (extractor is null)
            throw new InvalidOperationException("The pipeline needs an extractor: call Extract(...) before Build().");
        return new ArticlePipeline(decoder, extractor, [.. analysers, .. assessors], limits);
    }
}
