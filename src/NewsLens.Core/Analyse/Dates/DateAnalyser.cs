using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Analyse.Dates;

/// <summary>Analyse step: fills <see cref="AnalysedArticle.Dates"/> from the body text, with the publish date as reference.</summary>
internal sealed class DateAnalyser(DateRecognizer recognizer) : IArticleAnalyser
{
    public DateAnalyser()
        : this(new DateRecognizer())
    {
    }

    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var reference = article.Article.Published?.Date;
        return article with { Dates = recognizer.Recognize(article.Article.Text, reference) };
    }
}
