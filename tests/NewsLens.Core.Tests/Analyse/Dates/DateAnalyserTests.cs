using NewsLens.Analyse.Dates;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Dates;

public sealed class DateAnalyserTests
{
    private static AnalysedArticle Article(string text, PublishedAt? published) =>
        new(new Article("id", "test", null, "t", published, null, null, "zh", text, [], [], ExtractionInfo.None("test")));

    [Fact]
    public void Uses_the_publish_date_as_reference()
    {
        var result = new DateAnalyser().Analyse(Article("昨天，双方举行会谈。", new PublishedAt(new DateOnly(2025, 6, 6), null, null)));
        var m = Assert.Single(result.Dates);
        Assert.Equal("2025-06-05", m.Value);
    }

    [Fact]
    public void Without_a_publish_date_relative_dates_stay_unresolved()
    {
        var result = new DateAnalyser().Analyse(Article("昨天，双方举行会谈。", null));
        Assert.Equal(DateKind.Unresolved, Assert.Single(result.Dates).Kind);
    }
}
