using NewsLens.Assess;

namespace NewsLens.Tests.Assess;

public sealed class TitleLinesTests
{
    [Theory]
    [InlineData("高铁新站配套道路开工建设星辉娱乐xh88", "高铁新站配套道路开工建设", "星辉娱乐xh88")]
    [InlineData("绍伊古与金正恩会谈聚焦乌克兰危机与朝鲜半岛安全局势乐天堂fun88", "绍伊古与金正恩会谈聚焦乌克兰危机与朝鲜半岛安全局势", "乐天堂fun88")]
    [InlineData("乐天堂fun88-绍伊古与金正恩会谈聚焦乌克兰危机", "绍伊古与金正恩会谈聚焦乌克兰危机", "乐天堂fun88")]
    public void Finds_the_addition_on_a_title_line(string line, string title, string added)
    {
        var m = TitleLines.Match(line, [title]);
        Assert.NotNull(m);
        Assert.Equal(added, line[m.SuffixStart..m.SuffixEnd]);
    }

    [Theory]
    [InlineData("俄副防长率团抵达平壤访问 俄副防长率团抵达平壤，访问朝鲜，开启重要军事对话！", "俄副防长率团抵达平壤访问")]
    [InlineData("高铁新站配套道路开工建设，预计2026年底建成", "高铁新站配套道路开工建设")]
    [InlineData("高铁新站配套道路开工建设", "高铁新站配套道路开工建设")]
    public void A_subtitle_or_sentence_is_not_an_addition(string line, string title) =>
        Assert.Null(TitleLines.Match(line, [title]));
}
