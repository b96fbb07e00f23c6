using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Analyse.Entities;

/// <summary>
/// Analyse step: adds the person, place and organisation mentions of the article body, unlinked
/// (KbId null); the knowledge step that runs after it links them.
/// </summary>
internal sealed class EntityStep(NerTagger tagger) : IArticleAnalyser
{
    public AnalysedArticle Analyse(AnalysedArticle article)
    {
        var found = tagger.Tag(article.Article.Text);
        return article with { Entities = article.Entities.Count == 0 ? found : [.. article.Entities, .. found] };
    }
}
