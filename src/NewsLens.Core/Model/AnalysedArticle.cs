namespace NewsLens.Model;

/// <summary>
/// The article with every analysis attached. Analysers run in order and each returns a copy with its own
/// part filled in (<c>article with { Entities = ... }</c>); nothing is mutated.
/// </summary>
public sealed record AnalysedArticle(Article Article)
{
    /// <summary>Word tokens of <see cref="Article.Text"/> (title is not included), empty until segmentation runs.</summary>
    public IReadOnlyList<Token> Tokens { get; init; } = [];

    public IReadOnlyList<EntityMention> Entities { get; init; } = [];

    public IReadOnlyList<DateMention> Dates { get; init; } = [];

    public IReadOnlyList<PoliticalEvent> Events { get; init; } = [];

    public IReadOnlyList<Flag> Flags { get; init; } = [];

    public Credibility? Credibility { get; init; }

    /// <summary>Cross-article links; filled only when several articles are analysed or stored together.</summary>
    public ArticleLinks? Links { get; init; }
}
