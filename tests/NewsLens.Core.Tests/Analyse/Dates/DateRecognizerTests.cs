using NewsLens.Analyse.Dates;
using NewsLens.Model;

namespace NewsLens.Tests.Analyse.Dates;

public sealed class DateRecognizerTests
{
    private static readonly DateRecognizer Recognizer = new();
    private static readonly DateOnly Published = new(2025, 6, 6);

    [Fact]
    public void Vague_expressions_never_get_a_value()
    {
        var mentions = Recognizer.Recognize("近年来，不久前，近期，最近，过去几年，日前", Published);
        Assert.Equal(6, mentions.Count);
        Assert.All(mentions, m =>
        {
            Assert.Equal(DateKind.Vague, m.Kind);
            Assert.Null(m.Value);
            Assert.Null(m.From);
            Assert.Null(m.To);
        });
    }

    [Fact]
    public void Same_day_follows_the_most_recent_earlier_date_and_says_so()
    {
        var mentions = Recognizer.Recognize("5月20日代表团抵达。当天下午举行会谈。", Published);
        var sameDay = Assert.Single(mentions, m => m.Text == "当天下午");
        Assert.Equal("2025-05-20TAF", sameDay.Value);
        Assert.Equal(DateAnchor.EarlierMention, sameDay.Anchor);
        Assert.Equal(new DateTime(2025, 5, 20, 12, 0, 0), sameDay.From);
    }

    [Fact]
    public void Same_day_without_an_earlier_date_is_the_reference()
    {
        var m = Assert.Single(Recognizer.Recognize("当天，双方签署协议。", Published));
        Assert.Equal("2025-06-06", m.Value);
        Assert.Equal(DateAnchor.Reference, m.Anchor);
    }

    [Fact]
    public void Without_a_reference_relative_expressions_are_unresolved_and_absolute_ones_are_not()
    {
        var mentions = Recognizer.Recognize("昨天，2024年3月1日，上周三，今年3月", null);
        Assert.Equal(["昨天", "2024年3月1日", "上周三", "今年3月"], mentions.Select(m => m.Text));
        Assert.Equal([DateKind.Unresolved, DateKind.Exact, DateKind.Unresolved, DateKind.Unresolved], mentions.Select(m => m.Kind));
        Assert.Equal("2024-03-01", mentions[1].Value);
    }

    [Fact]
    public void Day_alone_takes_the_month_of_the_earlier_mention()
    {
        var mentions = Recognizer.Recognize("3月28日开幕，30日闭幕。", Published);
        Assert.Equal("2025-03-30", mentions[1].Value);
        Assert.Equal(DateAnchor.EarlierMention, mentions[1].Anchor);
    }

    [Fact]
    public void Spans_point_into_the_original_text_with_full_width_and_traditional_forms()
    {
        const string text = "據報導，２０２４年１２月３日晚８時，上週五";
        var mentions = Recognizer.Recognize(text, Published);
        Assert.Equal(["２０２４年１２月３日晚８時", "上週五"], mentions.Select(m => m.Span.Slice(text)));
        Assert.Equal("2024-12-03T20", mentions[0].Value);
        Assert.Equal(DateGranularity.Hour, mentions[0].Granularity);
    }

    [Fact]
    public void Granularity_follows_what_the_text_states()
    {
        var mentions = Recognizer.Recognize("2024年；2024年6月；2024年6月4日；下周；2024年第三季度；上世纪80年代", Published);
        Assert.Equal(
            [DateGranularity.Year, DateGranularity.Month, DateGranularity.Day, DateGranularity.Week, DateGranularity.Quarter, DateGranularity.Decade],
            mentions.Select(m => m.Granularity));
    }

    [Fact]
    public void Ranges_carry_both_ends_and_an_exclusive_to()
    {
        var m = Assert.Single(Recognizer.Recognize("12月28日至1月3日", Published));
        Assert.Equal(DateKind.Range, m.Kind);
        // 12月28日 is nearer the reference as last December; the second end runs into the next year.
        Assert.Equal("2024-12-28", m.Value);
        Assert.Equal("2025-01-03", m.End);
        Assert.Equal(new DateTime(2025, 1, 4), m.To);
    }

    [Fact]
    public void Open_ranges_distinguish_inclusive_and_exclusive_bounds()
    {
        var mentions = Recognizer.Recognize("2018年之后；2018年以来；2015年以前；2013年及以前", Published);
        Assert.Equal(new DateTime(2019, 1, 1), mentions[0].From);
        Assert.Equal(new DateTime(2018, 1, 1), mentions[1].From);
        Assert.Equal(new DateTime(2015, 1, 1), mentions[2].To);
        Assert.Equal(new DateTime(2014, 1, 1), mentions[3].To);
    }

    [Theory]
    [InlineData("")]
    [InlineData("年年年年年年年年年年年年年年年年年年年年年年年年年年年年年")]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111年")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十年月日")]
    [InlineData("从到至从到至从到至自以来截至之前之后前后》《《》》")]
    [InlineData("9999年99月99日99时99分99秒")]
    [InlineData("0000年00月00日")]
    public void Hostile_input_does_not_throw(string text)
    {
        var mentions = Recognizer.Recognize(text, Published);
        Assert.All(mentions, m => Assert.True(m.Span.End <= text.Length));
    }

    [Fact]
    public void Long_repetitive_input_is_handled()
    {
        var text = string.Concat(Enumerable.Repeat("2025年4月15日至17日，当天下午3时，", 2000));
        var mentions = Recognizer.Recognize(text, Published);
        Assert.Equal(4000, mentions.Count);
    }
}
