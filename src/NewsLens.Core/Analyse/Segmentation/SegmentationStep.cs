using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Analyse.Segmentation;

/// <summary>Analyse step: fills <see cref="AnalysedArticle.Tokens"/> with the words of the article body.</summary>
internal sealed class SegmentationStep(Segmenter segmenter) : IArticleAnalyser
{
    public AnalysedArticle Analyse(AnalysedArticle article) =>
        article with { Tokens = segmenter.Segment(article.Article.Text) };
}
