using NewsLens.Analyse.Dates;

namespace NewsLens.Tests.Analyse.Dates;

public sealed class ChineseNumberTests
{
    [Theory]
    [InlineData("十", 10)]
    [InlineData("十二", 12)]
    [InlineData("二十三", 23)]
    [InlineData("三十一", 31)]
    [InlineData("两千零四", 2004)]
    [InlineData("两千", 2000)]
    [InlineData("两千五", 2500)]
    [InlineData("二〇二五", 2025)]
    [InlineData("二零零四", 2004)]
    [InlineData("一百零五", 105)]
    [InlineData("廿三", 23)]
    [InlineData("2025", 2025)]
    [InlineData("零", 0)]
    public void Parses(string text, int expected) => Assert.Equal(expected, ChineseNumber.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("十十")]
    [InlineData("三四十")]
    [InlineData("abc")]
    public void Rejects(string text) => Assert.Null(ChineseNumber.Parse(text));
}
