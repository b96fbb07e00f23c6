using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Tests.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Segmentation;

public sealed class SegmenterTests
{
    private static readonly Segmenter Tiny = TinyModels.Segmenter();

    private static string Cut(Segmenter segmenter, string text) => string.Join(" ", segmenter.Segment(text).Select(t => t.Text));

    [Theory]
    [InlineData("我们今天去北京开会。", "我们 今天 去 北京 开会 。")]
    [InlineData("他们明天去上海参观。", "他们 明天 去 上海 参观 。")]
    [InlineData("上海的经济发展很快。", "上海 的 经济 发展 很 快 。")]
    public void Learns_the_training_segmentation(string text, string expected)
    {
        Assert.Equal(expected, Cut(Tiny, text));
    }

    [Fact]
    public void Spans_point_into_the_original_text_and_cover_every_non_space()
    {
        const string text = "  我们今天 去北京开会。\n他明天去上海。 ";
        var tokens = Tiny.Segment(text);
        foreach (var token in tokens)
            Assert.Equal(token.Text, token.Span.Slice(text));
        var covered = tokens.Sum(t => t.Span.Length);
        Assert.Equal(text.Count(c => !char.IsWhiteSpace(c)), covered);
        for (var i = 1; i < tokens.Count; i++)
            Assert.True(tokens[i - 1].Span.End <= tokens[i].Span.Start);
    }

    [Fact]
    public void User_words_stay_whole()
    {
        const string text = "我们今天去北京开会。";
        Assert.Contains("北京", Tiny.Segment(text).Select(t => t.Text));
        var withUser = Tiny.WithUserWords(["京开"]);
        var words = withUser.Segment(text).Select(t => t.Text).ToList();
        Assert.Contains("京开", words);
        Assert.DoesNotContain("北京", words);
    }

    [Fact]
    public void Traditional_text_is_cut_like_its_simplified_form_with_original_spans()
    {
        var folder = ScriptFolder.Load(TinyModels.Case("Script", "t2s-sample.txt"));
        var segmenter = TinyModels.Segmenter(folder);
        var simplified = segmenter.Segment("我们今天去北京开会。");
        var traditional = segmenter.Segment("我們今天去北京開會。");
        Assert.Equal(simplified.Select(t => t.Span), traditional.Select(t => t.Span));
        Assert.Equal("開會", traditional[^2].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\0\u0001\u0002")]
    [InlineData("😀😀我们😀")]
    [InlineData("abc123ＡＢＣ１２３")]
    public void Hostile_input_does_not_throw(string text)
    {
        var tokens = Tiny.Segment(text);
        foreach (var token in tokens)
            Assert.Equal(token.Text, token.Span.Slice(text));
    }

    [Fact]
    public void Surrogate_pairs_are_never_split()
    {
        const string text = "😀我们😀今天𠀀𠀁";
        foreach (var token in Tiny.Segment(text))
        {
            Assert.False(char.IsLowSurrogate(token.Text[0]));
            Assert.False(char.IsHighSurrogate(token.Text[^1]));
        }
    }

    [Fact]
    public void A_very_long_run_is_cut_into_bounded_pieces_without_losing_text()
    {
        var text = string.Concat(Enumerable.Repeat("我们今天去北京开会，", 1000));
        var tokens = Tiny.Segment(text);
        Assert.Equal(text.Length, tokens.Sum(t => t.Span.Length));
        Assert.All(tokens, t => Assert.True(t.Span.Length <= Segmenter.MaxRun));
    }
}
