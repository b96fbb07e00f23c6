using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

public sealed class LexiconTests
{
    private static readonly Lexicon Words = new(["北京", "北京大学", "大学", "大学生", "学生"]);

    [Fact]
    public void Longest_matches_begin_end_and_inside()
    {
        const string text = "北京大学生";
        var begin = new byte[text.Length];
        var end = new byte[text.Length];
        var inside = new byte[text.Length];
        Words.LongestMatches(text, begin, end, inside, cap: 8);
        Assert.Equal([4, 0, 3, 2, 0], begin);
        Assert.Equal([0, 2, 0, 4, 3], end);
        Assert.Equal([0, 4, 4, 3, 0], inside);
    }

    [Fact]
    public void A_filter_hides_matches()
    {
        const string text = "北京大学";
        var begin = new byte[text.Length];
        var end = new byte[text.Length];
        var inside = new byte[text.Length];
        Words.LongestMatches(text, begin, end, inside, cap: 8, (start, length) => length == 4);
        Assert.Equal([2, 0, 2, 0], begin);
    }

    [Fact]
    public void Greedy_words_are_leftmost_longest()
    {
        var found = new List<(int, int)>();
        Words.GreedyWords("我在北京大学生活", found);
        Assert.Equal([(2, 4)], found);
        Assert.True(Words.Contains("大学生"));
        Assert.False(Words.Contains("大"));
    }
}
