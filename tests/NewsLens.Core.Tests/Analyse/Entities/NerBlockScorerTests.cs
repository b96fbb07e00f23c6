using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;
using NewsLens.Tests.Analyse.Sequence;

namespace NewsLens.Tests.Analyse.Entities;

/// <summary>The grouped entity scorer must give exactly the per-feature sums of the generic weight table.</summary>
public sealed class NerBlockScorerTests
{
    private static readonly string[] Labels =
        ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "S-LOC", "B-ORG", "I-ORG", "E-ORG", "S-ORG"];

    /// <summary>Every feature kind switched on: words, gazetteers, external names, name endings and character classes.</summary>
    private static NerFeatures Features() => new(
        new Lexicon(["北京", "上海", "外交部", "发言人", "今天", "工作", "开会", "记者", "新华社", "委员会", "部长"]),
        [new Lexicon(["张明", "王华", "李明"]), new Lexicon(["北京", "上海", "中国"]), new Lexicon(["外交部", "新华社"])],
        ScriptFolder.Identity,
        new NerExtras(
            [new Lexicon(["张强"]), new Lexicon(["北京市", "伦敦"]), new Lexicon(["联合国"])],
            [new SuffixSet(["部", "社", "委员会"]), new SuffixSet(["市", "省", "国"])],
            new CharClusters(["张王李", "北上京海", "部社会", "。，"])));

    private static List<string> Texts()
    {
        var fixture = File.ReadLines(TinyModels.Case("Entities", "train.txt"))
            .Select(l => string.Concat(l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t[..t.LastIndexOf('/')])))
            .Where(t => t.Length > 0)
            .ToList();
        var alphabet = string.Concat(fixture) + "AZ09·委员会市省国伦敦联合";
        var random = new Random(5);
        var texts = new List<string> { "外交部部长张明今天在北京市说。", "x", "联合国委员会，伦敦" };
        texts.AddRange(fixture);
        for (var k = 0; k < 200; k++)
            texts.Add(new string([.. Enumerable.Range(0, 1 + random.Next(80)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        return texts;
    }

    /// <summary>A model holding the keys of the first half of the texts (so the rest also meets absent keys), with random weights.</summary>
    private static SequenceModelData Model(NerFeatures features, IReadOnlyList<string> texts)
    {
        var keys = new HashSet<ulong>();
        foreach (var text in texts.Take(texts.Count / 2))
        {
            var output = new ulong[text.Length * NerFeatures.PerPosition];
            features.Extract(text, output);
            keys.UnionWith(output.Where(k => k != 0));
        }
        var ordered = keys.Order().ToArray();
        var random = new Random(11);
        var weights = Enumerable.Range(0, ordered.Length * Labels.Length).Select(_ => (short)random.Next(-3000, 3001)).ToArray();
        return new SequenceModelData(NerTagger.ModelKind, NerFeatures.FeatureSet, Labels, new int[Labels.Length * Labels.Length], ordered, weights,
            new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());
    }

    [Fact]
    public void Scores_equal_the_generic_per_feature_sums()
    {
        var features = Features();
        var texts = Texts();
        var data = Model(features, texts);
        var scorer = NerBlockScorer.TryCreate(data);
        Assert.NotNull(scorer);
        var table = new WeightTable(Labels.Length, data.Keys, data.Weights);
        Assert.Equal(NerBlockScorer.Stride, table.ScoreStride);
        foreach (var text in texts)
        {
            var n = text.Length;
            var keys = new ulong[n * NerFeatures.PerPosition];
            features.Extract(text, keys);
            var expected = new int[n * NerBlockScorer.Stride];
            table.ScoreAll(keys, NerFeatures.PerPosition, expected, new nint[keys.Length]);
            var packed = new ulong[n * NerFeatures.PerPosition];
            features.ExtractPacked(text, packed);
            Assert.Equal(keys, packed.Select(k => k == 0 ? 0 : FeatureKey.Scramble(k)));
            var actual = new int[n * NerBlockScorer.Stride];
            scorer.Score(packed, n, actual);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(expected.AsSpan(i * NerBlockScorer.Stride, Labels.Length).ToArray(), actual.AsSpan(i * NerBlockScorer.Stride, Labels.Length).ToArray());
                Assert.Equal([0, 0, 0], actual.AsSpan(i * NerBlockScorer.Stride + Labels.Length, NerBlockScorer.Stride - Labels.Length).ToArray());
            }
            Assert.Contains(actual, s => s != 0);
        }
    }

    [Fact]
    public void Tagging_with_the_scorer_matches_the_generic_path()
    {
        var features = Features();
        var texts = Texts();
        var data = Model(features, texts);
        var model = new SequenceModel(data);
        var scorer = NerBlockScorer.TryCreate(data)!;
        foreach (var text in texts)
        {
            var n = text.Length;
            var keys = new ulong[n * NerFeatures.PerPosition];
            features.Extract(text, keys);
            var expected = new byte[n];
            model.Decode(keys, NerFeatures.PerPosition, expected);
            features.ExtractPacked(text, keys);
            var scores = new int[n * NerBlockScorer.Stride];
            scorer.Score(keys, n, scores);
            var actual = new byte[n];
            model.DecodeScores(scores, NerBlockScorer.Stride, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Another_feature_set_or_label_count_uses_the_generic_path()
    {
        var data = Model(Features(), Texts());
        Assert.Null(NerBlockScorer.TryCreate(data with { FeatureSet = "ner-features/2" }));
        Assert.Null(NerBlockScorer.TryCreate(data with { Labels = ["O", "B-X", "E-X"], Weights = new short[data.Keys.Length * 3] }));
    }
}
