using NewsLens.Eval.Language;

namespace NewsLens.Tests.Analyse.Segmentation;

public sealed class CwsScorerTests
{
    [Fact]
    public void Scores_words_on_the_common_subsequence()
    {
        string[] gold = ["我们  今天  去  北京", "中华民族  伟大"];
        string[] system = ["我们  今天  去北京", "中华  民族  伟大"];
        var words = new HashSet<string>(["我们", "今天", "去", "北京", "伟大"], StringComparer.Ordinal);
        var score = CwsScorer.Score(gold, system, words);
        Assert.Equal(6, score.GoldWords);
        Assert.Equal(6, score.SystemWords);
        Assert.Equal(3, score.Correct);
        Assert.Equal(1, score.OovWords);
        Assert.Equal(0, score.OovCorrect);
        Assert.Equal(0.5, score.F1, 6);
    }

    [Fact]
    public void Ideographic_space_and_trailing_blanks_are_separators()
    {
        var score = CwsScorer.Score(["我们\u3000今天  "], ["我们 今天"], new HashSet<string>(StringComparer.Ordinal));
        Assert.Equal(1.0, score.F1, 6);
    }

    [Fact]
    public void Line_count_mismatch_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => CwsScorer.Score(["a"], ["a", "b"], new HashSet<string>(StringComparer.Ordinal)));
    }
}
