using NewsLens.Extract;

namespace NewsLens.Tests.Extract;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("2024-02-03T17:45:00+01:00", "2024-02-03T17:45:00+01:00")]
    [InlineData("2024-02-03", "2024-02-03")]
    [InlineData("2024-02-03T00:00:00Z", "2024-02-03")]
    [InlineData("2019-11-19T08:02:00.000Z", "2019-11-19T08:02:00+00:00")]
    [InlineData("not a date", null)]
    [InlineData("1887-01-01", null)]
    public void Machine_dates(string input, string? expected) =>
        Assert.Equal(expected, DateParser.ParseMachine(input)?.ToIso());

    [Theory]
    [InlineData("发布时间：2025年6月6日 10:20", "2025-06-06T10:20:00")]
    [InlineData("2023-12-15 08:30　来源：示例日报", "2023-12-15T08:30:00")]
    [InlineData("2005/5/7", "2005-05-07")]
    [InlineData("Updated Nov. 19, 2019 8:21 am ET", "2019-11-19")]
    [InlineData("19. November 2019", "2019-11-19")]
    [InlineData("3 mars 2021", "2021-03-03")]
    [InlineData("2025年2月30日", null)]
    [InlineData("共有帖子数1个", null)]
    public void Human_dates(string input, string? expected) =>
        Assert.Equal(expected, DateParser.FindInText(input)?.ToIso());

    [Theory]
    [InlineData("http://news.sohu.com/20040512/n220765.shtml", "2004-05-12")]
    [InlineData("https://example.com/2019/11/19/story-title/", "2019-11-19")]
    [InlineData("https://example.com/story/12345678", null)]
    [InlineData(null, null)]
    public void Url_dates(string? url, string? expected) =>
        Assert.Equal(expected, DateParser.FromUrl(url)?.ToIso());
}
