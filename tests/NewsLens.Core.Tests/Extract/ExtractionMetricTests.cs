using NewsLens.Eval.Extraction;

namespace NewsLens.Tests.Extract;

/// <summary>The benchmark metrics on hand-computed examples.</summary>
public sealed class ExtractionMetricTests
{
    [Fact]
    public void Word_tokens_drop_punctuation_and_keep_cjk_clauses_whole()
    {
        Assert.Equal(["Hello", "world_1", "中文句子", "x"], ShingleScorer.Tokenize("Hello, world_1! 中文句子。x", TokenMode.WordRuns));
        Assert.Equal(["Hello", "中", "文", "x"], ShingleScorer.Tokenize("Hello中文，x", TokenMode.CjkCharacters));
    }

    [Fact]
    public void Shingle_counts_are_normalised_per_page()
    {
        // gold shingles: (a b c d) (b c d e); predicted: (a b c d) → tp 1, fn 1, fp 0 → each / 2.
        var c = ShingleScorer.Match("a b c d e", "a b c d", TokenMode.WordRuns);
        Assert.Equal(new PageCounts(0.5, 0, 0.5), c);
        var score = ShingleScorer.Aggregate([c], 0);
        Assert.Equal(1.0, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(2 * 0.5 / 1.5, score.F1, 6);
    }

    [Fact]
    public void Short_texts_make_one_short_shingle_and_empty_predictions_score_zero_recall()
    {
        Assert.Equal(new PageCounts(1, 0, 0), ShingleScorer.Match("two words", "two words", TokenMode.WordRuns));
        var empty = ShingleScorer.Match("a b c d e", "", TokenMode.WordRuns);
        Assert.Equal(new PageCounts(0, 0, 1), empty);
        var score = ShingleScorer.Aggregate([empty, new PageCounts(1, 0, 0)], 1);
        Assert.Equal(1.0, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
    }

    [Fact]
    public void Snippets_match_after_whitespace_normalisation()
    {
        var (tp, fp, fn, tn) = SnippetScorer.Count("The  quick\nbrown fox. Menu Home", ["quick brown", "lazy dog"], ["Menu Home", "Footer"]);
        Assert.Equal((1, 1, 1, 1), (tp, fp, fn, tn));
    }
}
