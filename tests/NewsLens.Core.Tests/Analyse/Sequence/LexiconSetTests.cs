using NewsLens.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

/// <summary>One pass over a set of lexicons must give each list's matches exactly as scanning it alone does.</summary>
public sealed class LexiconSetTests
{
    private static readonly Lexicon[] Lists =
    [
        new(["北京", "北京大学", "大学", "大学生", "学生", "生活"]),
        new(["北京", "上海"]),
        Lexicon.Empty,
        new(["北京大学生活动中心", "活动", "中心"]),
        new(["学生会", "大学生活", "北"]),
    ];

    [Fact]
    public void Matches_equal_those_of_each_list_alone()
    {
        var set = new LexiconSet(Lists);
        var alphabet = "北京大学生活动中心上海会。A";
        var random = new Random(3);
        var texts = new List<string> { "北京大学生活动中心", "x", "上海学生会北京" };
        for (var k = 0; k < 300; k++)
            texts.Add(new string([.. Enumerable.Range(0, 1 + random.Next(40)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var text in texts)
        {
            foreach (var cap in new[] { 3, 24 })
            {
                var n = text.Length;
                var begin = new byte[Lists.Length * n];
                var end = new byte[Lists.Length * n];
                var inside = new byte[Lists.Length * n];
                set.LongestMatches(text, begin, end, inside, cap);
                for (var t = 0; t < Lists.Length; t++)
                {
                    var b = new byte[n];
                    var e = new byte[n];
                    var m = new byte[n];
                    Lists[t].LongestMatches(text, b, e, m, cap);
                    Assert.Equal(b, begin.AsSpan(t * n, n).ToArray());
                    Assert.Equal(e, end.AsSpan(t * n, n).ToArray());
                    Assert.Equal(m, inside.AsSpan(t * n, n).ToArray());
                }
            }
        }
    }

    [Fact]
    public void A_word_in_several_lists_is_reported_for_each()
    {
        var set = new LexiconSet(Lists);
        const string text = "在北京";
        var begin = new byte[Lists.Length * text.Length];
        var end = new byte[Lists.Length * text.Length];
        var inside = new byte[Lists.Length * text.Length];
        set.LongestMatches(text, begin, end, inside, cap: 8);
        Assert.Equal(2, begin[1]);
        Assert.Equal(2, begin[text.Length + 1]);
        Assert.Equal(0, begin[(3 * text.Length) + 1]);
    }

    [Fact]
    public void More_lists_than_an_entry_can_flag_are_refused() =>
        Assert.Throws<ArgumentException>(() => new LexiconSet([.. Enumerable.Repeat(Lexicon.Empty, LexiconSet.MaxLists + 1)]));
}
