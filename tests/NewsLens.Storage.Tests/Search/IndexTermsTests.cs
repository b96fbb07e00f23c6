using NewsLens.Model;
using NewsLens.Storage.Search;

namespace NewsLens.Tests.Search;

public sealed class IndexTermsTests
{
    [Theory]
    [InlineData("金正恩会见", "金正 正恩 恩会 会见 见")]
    [InlineData("朝鲜，俄罗斯", "朝鲜 鲜 俄罗 罗斯 斯")]
    [InlineData("Ｐｙｏｎｇｙａｎｇ 2025年", "pyongyang 2025 年")]
    [InlineData("金", "金")]
    [InlineData("", "")]
    [InlineData("!!! ... ，。", "")]
    public void Cjk_runs_become_bigrams_and_words_are_folded(string text, string expected) =>
        Assert.Equal(expected, IndexTerms.Build(text));

    [Fact]
    public void Supplementary_han_characters_stay_whole()
    {
        var text = "\U00020000\U00020001中";
        Assert.Equal("\U00020000\U00020001 \U00020001中 中", IndexTerms.Build(text));
    }

    [Fact]
    public void Segmenter_words_keep_only_multi_character_cjk_words()
    {
        Token[] tokens = [new("金正恩", new Span(0, 3)), new("在", new Span(3, 4)), new("Pyongyang", new Span(4, 13)), new("会见", new Span(13, 15))];
        Assert.Equal("金正恩 会见", IndexTerms.Words(tokens));
    }

    [Fact]
    public void Indexing_is_bounded()
    {
        var huge = new string('中', IndexTerms.MaxIndexedChars + 1000);
        Assert.Equal((IndexTerms.MaxIndexedChars - 1) * 3 + 1, IndexTerms.Build(huge).Length);
    }

    [Fact]
    public void Queries_are_cut_like_the_index()
    {
        var terms = QueryTerms.Parse("金正恩 普京 韩 \"Kim Jong Un\" OR*");
        Assert.Equal([QueryTermKind.Phrase, QueryTermKind.Phrase, QueryTermKind.Prefix, QueryTermKind.Phrase, QueryTermKind.Phrase], terms.Select(t => t.Kind));
        Assert.Equal(["金正", "正恩"], terms[0].Lexemes);
        Assert.Equal("金正恩", terms[0].Word);
        Assert.Equal(["kim", "jong", "un"], terms[3].Lexemes);
        Assert.Equal(["or"], terms[4].Lexemes);
        Assert.Empty(QueryTerms.Parse("  \"\" ** "));
    }

    [Fact]
    public void Snippets_center_on_the_most_terms_and_mark_them()
    {
        var text = new string('甲', 300) + "。普京今天在平壤会见金正恩。" + new string('乙', 300);
        var snippet = Snippets.Build(text, QueryTerms.Parse("金正恩 普京"));
        Assert.True(snippet.Text.Length <= Snippets.Window);
        Assert.StartsWith("[普京]今天在平壤会见[金正恩]。", snippet.Marked("[", "]"), StringComparison.Ordinal);
        Assert.Equal(text.IndexOf("普京", StringComparison.Ordinal), snippet.Start);
    }
}
