using NewsLens.Model;

namespace NewsLens.Pipeline;

/// <summary>Decode: bytes to text with the charset and format settled. Throws <see cref="PageRejectedException"/> on bad input.</summary>
internal interface IPageDecoder
{
    DecodedPage Decode(RawPage page);
}

/// <summary>Extract: decoded page to clean article. Throws <see cref="PageRejectedException"/> on bad input.</summary>
internal interface IArticleExtractor
{
    Article Extract(DecodedPage page);
}

/// <summary>
/// One step of Analyse or Assess: returns a copy of the article with its own part added.
/// Steps run in the order the builder was given; a step may read what earlier steps added.
/// </summary>
internal interface IArticleAnalyser
{
    AnalysedArticle Analyse(AnalysedArticle article);
}
