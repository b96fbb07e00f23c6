using NewsLens.Model;

namespace NewsLens.Pipeline;

/// <summary>The outcome for one item: an article or a rejection, never both.</summary>
public sealed record ItemResult(string Source, AnalysedArticle? Article, Rejection? Rejection)
{
    public static ItemResult Done(AnalysedArticle article) => new(article.Article.Source, article, null);

    public static ItemResult Rejected(Rejection rejection) => new(rejection.Source, null, rejection);
}

/// <summary>
/// An immutable composition of stages, built once by <see cref="PipelineBuilder"/> and reused for every item.
/// Thread-safe as long as every stage is (stages hold only read-only models).
/// </summary>
internal sealed class ArticlePipeline
{
    private readonly IPageDecoder decoder;
    private readonly IArticleExtractor extractor;
    private readonly IReadOnlyList<IArticleAnalyser> analysers;

    internal ArticlePipeline(IPageDecoder decoder, IArticleExtractor extractor, IReadOnlyList<IArticleAnalyser> analysers, PipelineLimits limits)
    {
        this.decoder = decoder;
        this.extractor = extractor;
        this.analysers = analysers;
        Limits = limits;
    }

    public PipelineLimits Limits { get; }

    public IReadOnlyList<IArticleAnalyser> Analysers => analysers;

    /// <summary>Runs every stage on one page. Bad input becomes a rejection; the caller goes on with the next item.</summary>
    public ItemResult Process(RawPage page)
    {
        try
        {
            if (page.Bytes.Length > Limits.MaxBytes)
                throw new PageRejectedException(RejectionReason.TooLarge, $"{page.Bytes.Length:N0} bytes exceeds the limit of {Limits.MaxBytes:N0}");
            var decoded = decoder.Decode(page);
            if (decoded.Text.Length > Limits.MaxTextChars)
                throw new PageRejectedException(RejectionReason.TooLarge, $"{decoded.Text.Length:N0} characters of text exceeds the limit of {Limits.MaxTextChars:N0}");
            var article = extractor.Extract(decoded);
            var analysed = new AnalysedArticle(article);
            foreach (var analyser in analysers)
                analysed = analyser.Analyse(analysed);
            return ItemResult.Done(analysed);
        }
        catch (PageRejectedException e)
        {
            return ItemResult.Rejected(new Rejection(page.Source, e.Reason, e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The per-item boundary: a bug on one page must not lose the rest of the run.
            var where = e.TargetSite is { } site ? $" in {site.DeclaringType?.Name}.{site.Name}" : "";
            return ItemResult.Rejected(new Rejection(page.Source, RejectionReason.Failed, $"{e.GetType().Name}{where}: {e.Message}"));
        }
    }
}
