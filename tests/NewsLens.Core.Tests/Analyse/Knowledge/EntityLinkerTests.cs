using NewsLens.Analyse.Knowledge;
using NewsLens.Model;
using NewsLens.Pipeline;

namespace NewsLens.Tests.Analyse.Knowledge;

public sealed class EntityLinkerTests
{
    private static readonly Lazy<KnowledgeBase> Shipped = new(() => KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "kb")));

    private static IReadOnlyList<EntityMention> Link(string text, params (int Start, int End, EntityType Type)[] found)
    {
        var article = new Article("t", "test", null, null, null, null, null, "zh", text, [], [], ExtractionInfo.None("test"));
        var mentions = found.Select(f => new EntityMention(text[f.Start..f.End], f.Type, new Span(f.Start, f.End), null, null, null, null)).ToList();
        return new EntityLinker(Shipped.Value).Analyse(new AnalysedArticle(article) with { Entities = mentions }).Entities;
    }

    [Fact]
    public void A_one_character_place_links_to_the_one_country_with_that_abbreviation()
    {
        // 中/俄 as the tagger finds them in 中俄; 王 is a person, not an abbreviation; 京 is no country's.
        var entities = Link("中俄两国发表声明，王说京城很冷。", (0, 1, EntityType.Location), (1, 2, EntityType.Location), (9, 10, EntityType.Person), (11, 12, EntityType.Location));
        Assert.Equal(("CHN", "中国"), (entities.Single(e => e.Text == "中").Country, entities.Single(e => e.Text == "中").Canonical));
        Assert.Equal(("RUS", "俄罗斯"), (entities.Single(e => e.Text == "俄").Country, entities.Single(e => e.Text == "俄").Canonical));
        Assert.Null(entities.Single(e => e.Text == "王").KbId);
        Assert.Null(entities.Single(e => e.Text == "京").KbId);
    }
}
