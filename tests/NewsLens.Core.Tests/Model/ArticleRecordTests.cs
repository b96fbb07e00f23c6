using System.Text.Json;
using NewsLens.Model;
using NewsLens.Model.Json;

namespace NewsLens.Tests.Model;

public sealed class ArticleRecordTests
{
    private static AnalysedArticle Sample(PublishedAt? published) => new(new Article(
        "abc", "samples/x.html", null, "标题<script>", published, "站点", null, "zh", "第一段\n\n第二段",
        [new Section("小标题", null, [new Paragraph("第一段", new Span(0, 3)), new Paragraph("第二段", new Span(5, 8))])],
        [new RemovedBlock("相关文章", RemovalReason.RelatedLinks, null, false, [new RemovedLink("链接", "#")])],
        ExtractionInfo.None("1:test")));

    [Fact]
    public void Record_fields_are_snake_case_and_complete()
    {
        using var doc = JsonDocument.Parse(RecordJson.Serialize(Sample(null)));
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var required in new[] { "id", "source", "title", "published", "site", "author", "text", "sections", "removed", "entities", "events", "flags", "dates", "credibility" })
            Assert.Contains(required, names);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("published").ValueKind);
        Assert.Equal("related_links", doc.RootElement.GetProperty("removed")[0].GetProperty("reason").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("sections")[0].GetProperty("paragraphs")[1].GetProperty("span").GetProperty("start").GetInt32());
    }

    [Fact]
    public void Chinese_stays_readable_and_markup_is_escaped()
    {
        var json = RecordJson.Serialize(Sample(null));
        Assert.Contains("第一段", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 6, 6, null, null, "2025-06-06")]
    [InlineData(2025, 7, 12, "21:40", null, "2025-07-12T21:40:00")]
    [InlineData(2025, 7, 12, "21:40", 8, "2025-07-12T21:40:00+08:00")]
    public void Published_is_iso_8601_at_the_precision_the_page_gave(int y, int m, int d, string? time, int? offsetHours, string expected)
    {
        var published = new PublishedAt(new DateOnly(y, m, d), time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture),
            offsetHours is null ? null : TimeSpan.FromHours(offsetHours.Value));
        using var doc = JsonDocument.Parse(RecordJson.Serialize(Sample(published)));
        Assert.Equal(expected, doc.RootElement.GetProperty("published").GetString());
    }
}
