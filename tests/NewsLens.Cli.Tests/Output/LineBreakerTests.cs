using NewsLens.Cli.Output;
using Spectre.Console;

namespace NewsLens.Tests.Output;

public sealed class LineBreakerTests
{
    [Fact]
    public void Chinese_lines_fill_the_width_and_never_start_with_closing_punctuation()
    {
        const string text = "俄罗斯与朝鲜的关系也备受关注。此次访问具有重要的战略意义，双方进行了会谈。";
        // Width 28 cells = 14 characters: a plain cut would put "。" at the start of line 2.
        var lines = LineBreaker.Wrap(text, 28).ToList();
        Assert.Equal(text, string.Concat(lines));
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= 28, l));
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(l[0], "。，、"));
        Assert.Equal("俄罗斯与朝鲜的关系也备受关", lines[0]);
        Assert.Equal("注。此次访问具有重要的战略意", lines[1]);
    }

    [Fact]
    public void Latin_words_are_not_split_and_short_text_is_one_line()
    {
        var lines = LineBreaker.Wrap("Kim Jong Un met the delegation in Pyongyang", 16).ToList();
        Assert.Equal(["Kim Jong Un met", "the delegation", "in Pyongyang"], lines);
        Assert.Equal(["短文。"], LineBreaker.Wrap("短文。", 80));
    }
}
