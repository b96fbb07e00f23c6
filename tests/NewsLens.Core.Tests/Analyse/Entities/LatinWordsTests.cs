using NewsLens.Analyse.Entities;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Entities;

public sealed class LatinWordsTests
{
    [Theory]
    [InlineData("for the people", 0, 2, true)]   // "fo" of "for"
    [InlineData("for the people", 5, 7, true)]   // "he" of "the"
    [InlineData("for the people", 4, 7, false)]  // "the"
    [InlineData("IBM公司在北京", 0, 3, false)]
    [InlineData("IBM公司在北京", 0, 2, true)]
    [InlineData("ＩＢＭ公司", 1, 3, true)]       // full width, as the models see it
    [InlineData("深长城Ａ１２．７９", 0, 4, false)] // a name run into a figure
    [InlineData("Ｇ７会议", 0, 1, false)]
    [InlineData("王华和李明", 0, 2, false)]
    [InlineData("Café中", 0, 3, true)]
    public void A_span_cuts_a_latin_word_only_between_two_letters(string text, int start, int end, bool cuts) =>
        Assert.Equal(cuts, LatinWords.Cuts(text, start, end));

    [Theory]
    [InlineData("free of charge", 8, 14, true)]
    [InlineData("据BBC报道", 1, 4, false)]
    [InlineData("Sarah说", 0, 5, false)]
    [InlineData("ｉｐｈｏｎｅ", 0, 6, true)]
    [InlineData("王华和李明", 0, 2, false)]
    public void A_latin_only_name_needs_a_capital(string text, int start, int end, bool ruledOut) =>
        Assert.Equal(ruledOut, LatinWords.RuleOut(text, start, end));

    [Fact]
    public void A_name_is_not_copied_into_a_longer_latin_word()
    {
        const string text = "Ford公司说，for Ford";
        var found = new List<(Span Span, EntityType Type)> { (new Span(0, 4), EntityType.Organization) };
        NamePropagation.Propagate(text, found, [("Ford", EntityType.Organization), ("fo", EntityType.Organization)]);
        Assert.Equal([(new Span(0, 4), EntityType.Organization), (new Span(12, 16), EntityType.Organization)], found);
    }
}
