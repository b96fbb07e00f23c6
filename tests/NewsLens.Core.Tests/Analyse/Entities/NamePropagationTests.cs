using NewsLens.Analyse.Entities;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Entities;

public sealed class NamePropagationTests
{
    [Fact]
    public void A_found_name_is_tagged_where_it_recurs_without_overlapping_and_in_text_order()
    {
        const string text = "潍坊的风筝越飞越高，潍坊会越来越好，潍坊市公安局也在。";
        var found = new List<(Span Span, EntityType Type)> { (new Span(18, 24), EntityType.Organization), (new Span(0, 2), EntityType.Location) };
        NamePropagation.Propagate(text, found, [("潍坊", EntityType.Location), ("潍坊市公安局", EntityType.Organization)]);
        Assert.Equal([(new Span(0, 2), EntityType.Location), (new Span(10, 12), EntityType.Location), (new Span(18, 24), EntityType.Organization)], found);
    }

    [Fact]
    public void Names_with_two_types_and_one_character_names_are_not_copied()
    {
        const string text = "华盛顿说华盛顿很好，美国和美国";
        var found = new List<(Span Span, EntityType Type)>();
        NamePropagation.Propagate(text, found, [("华盛顿", EntityType.Person), ("华盛顿", EntityType.Location), ("美", EntityType.Location)]);
        Assert.Empty(found);
    }

    [Fact]
    public void Local_names_are_not_copied()
    {
        const string text = "法院受理，法院判决，潍坊法院在潍坊";
        var found = new List<(Span Span, EntityType Type)> { (new Span(0, 2), EntityType.Organization), (new Span(10, 12), EntityType.Location) };
        NamePropagation.Propagate(text, found, [("法院", EntityType.Organization), ("潍坊", EntityType.Location)], name => name == "法院");
        Assert.Equal([(new Span(0, 2), EntityType.Organization), (new Span(10, 12), EntityType.Location), (new Span(15, 17), EntityType.Location)], found);
    }
}
