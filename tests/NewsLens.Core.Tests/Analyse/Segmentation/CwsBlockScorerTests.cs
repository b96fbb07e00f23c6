using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Tests.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Segmentation;

/// <summary>The grouped segmentation scorer must give exactly the per-feature sums of the generic weight table.</summary>
public sealed class CwsBlockScorerTests
{
    [Fact]
    public void Scores_equal_the_generic_per_feature_sums()
    {
        var data = TinyModels.CwsData(ScriptFolder.Identity);
        var scorer = CwsBlockScorer.TryCreate(data);
        Assert.NotNull(scorer);
        var table = new WeightTable(CwsBlockScorer.LabelCount, data.Keys, data.Weights);
        var words = data.Lists[Segmenter.LexiconList];
        var features = new CwsFeatures(new Lexicon(words), ScriptFolder.Identity);

        var random = new Random(3);
        var alphabet = string.Concat(File.ReadLines(TinyModels.Case("Segmentation", "train.txt"))).Replace(" ", "", StringComparison.Ordinal) + "AZ09。，京京哈";
        var texts = new List<string> { "我们今天去北京开会。", "北京北京的天气很好", "x", "他们明天去上海参观。" };
        for (var k = 0; k < 200; k++)
            texts.Add(new string([.. Enumerable.Range(0, 1 + random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var text in texts)
        {
            using var view = features.View(text);
            var n = text.Length;
            var keys = new ulong[n * CwsFeatures.PerPosition];
            CwsFeatures.Extract(view, keys);
            var expected = new int[n * CwsBlockScorer.LabelCount];
            table.ScoreAll(keys, CwsFeatures.PerPosition, expected, new nint[keys.Length]);
            var actual = new int[n * CwsBlockScorer.LabelCount];
            scorer.Score(view, actual);
            Assert.Equal(expected, actual);
            Assert.Contains(actual, s => s != 0);
        }
    }

    [Fact]
    public void Another_label_count_uses_the_generic_path()
    {
        var data = TinyModels.CwsData(ScriptFolder.Identity);
        Assert.Null(CwsBlockScorer.TryCreate(data with { Labels = ["O", "B-X", "E-X"], Weights = new short[data.Keys.Length * 3] }));
    }
}
