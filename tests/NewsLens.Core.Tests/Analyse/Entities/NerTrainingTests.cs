using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;
using NewsLens.Tests.Analyse.Sequence;
using NewsLens.Training.Entities;
using NewsLens.Training.Sequence;

namespace NewsLens.Tests.Analyse.Entities;

/// <summary>The entity trainer's inputs (People's Daily reader, decontamination, name endings, character classes) and an end-to-end run on fixtures.</summary>
public sealed class NerTrainingTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "nl-ner-" + Guid.NewGuid().ToString("N"));

    public NerTrainingTests() => Directory.CreateDirectory(dir);

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static List<string> Entities(NerSentence s) =>
        [.. s.Entities.Select(e => $"{s.Text.Substring(e.Start, e.Length)}/{e.Type}@{e.Start}")];

    [Fact]
    public void People_s_daily_lines_become_msra_style_entities()
    {
        var lines = File.ReadAllLines(TinyModels.Case("Entities", "pd98.txt"));
        var first = Pd98Corpus.ParseLine(lines[0]);
        Assert.Equal("中共中央总书记、国家主席江泽民", first.Text);
        Assert.Equal(["中共中央/ORG@0", "江泽民/PER@12"], Entities(first));

        var second = Pd98Corpus.ParseLine(lines[1]);
        Assert.Equal(["中国人民银行/ORG@0", "戴相龙/PER@8", "香港特别行政区/LOC@12"], Entities(second));
        Assert.Equal((0, 2), second.Tokens[0]);

        // A bracket of another kind (nz) is no entity; its inner place still is.
        Assert.Equal(["上海/LOC@0", "上海/LOC@8"], Entities(Pd98Corpus.ParseLine(lines[2])));
    }

    [Fact]
    public void Sentences_copied_from_an_excluded_file_are_dropped()
    {
        var filter = new ShingleFilter([TinyModels.Case("Entities", "excluded.txt")]);
        var read = Pd98Corpus.Read(TinyModels.Case("Entities", "pd98.txt"), filter).ToList();
        Assert.Equal(3, read.Count);
        Assert.DoesNotContain(read, s => s.Text.Contains("测试集", StringComparison.Ordinal));
        Assert.Equal(4, Pd98Corpus.Read(TinyModels.Case("Entities", "pd98.txt")).Count());
    }

    [Fact]
    public void Suffix_set_finds_the_longest_ending()
    {
        var set = new SuffixSet(["部", "委员会", "会", "toolong"]);
        const string text = "国家发展计划委员会和外交部";
        Assert.Equal(3, set.LongestEndingAt(text, 8));
        Assert.Equal(1, set.LongestEndingAt(text, 12));
        Assert.Equal(0, set.LongestEndingAt(text, 9));
        Assert.Equal(0, SuffixSet.Empty.LongestEndingAt(text, 8));
    }

    [Fact]
    public void Typical_endings_need_several_names_and_a_high_share()
    {
        var sentences = new List<NerSentence>();
        string[] bodies = ["国家计划", "科学技术", "教育", "体育", "卫生", "民族事务"];
        for (var copy = 0; copy < 2; copy++)
        {
            foreach (var body in bodies)
                sentences.Add(Sentence(body + "委员会", "在新华社开会会谈会见会场会议"));
            sentences.Add(Sentence("新华社", "报道"));
        }
        var endings = NerModelTrainer.TypicalEndings(sentences, "ORG", ScriptFolder.Identity);
        Assert.Contains("委员会", endings);
        Assert.DoesNotContain("华社", endings); // one name only
        Assert.DoesNotContain("会", endings);   // mostly not the end of a name

        static NerSentence Sentence(string org, string rest) =>
            new(org + rest, [(0, org.Length), (org.Length, rest.Length)], [(0, org.Length, "ORG")]);
    }

    [Fact]
    public void Swapped_names_keep_the_labels_and_take_a_training_name_of_the_same_type_and_length()
    {
        List<NerSentence> sentences =
        [
            new("王华说话", [(0, 2), (2, 2)], [(0, 2, "PER")]),
            new("李明来了", [(0, 2), (2, 2)], [(0, 2, "PER")]),
            new("北京很大", [(0, 2), (2, 2)], [(0, 2, "LOC")]),
        ];
        var features = new NerFeatures(new Lexicon([]), [new Lexicon([]), new Lexicon([]), new Lexicon([])], ScriptFolder.Identity);
        string Seen(NerTrainingSet set, int sentence, int epoch, params string[] texts)
        {
            var keys = new ulong[4 * NerFeatures.PerPosition];
            set.Features(sentence, epoch, keys);
            foreach (var text in texts)
            {
                var expected = new ulong[keys.Length];
                features.Extract(text, expected);
                if (keys.AsSpan().SequenceEqual(expected))
                    return text;
            }
            return "?";
        }
        var never = new NerTrainingSet(sentences, features, seed: 5);
        var always = new NerTrainingSet(sentences, features, seed: 5, swapNames: 1);
        var epochs = Enumerable.Range(0, 12).ToList();
        Assert.All(epochs, e => Assert.Equal("王华说话", Seen(never, 0, e, "王华说话")));
        var swapped = epochs.Select(e => Seen(always, 0, e, "王华说话", "李明说话")).ToList();
        Assert.DoesNotContain("?", swapped);
        Assert.Contains("李明说话", swapped);
        Assert.Equal(swapped, epochs.Select(e => Seen(new NerTrainingSet(sentences, features, seed: 5, swapNames: 1), 0, e, "王华说话", "李明说话")));
        Assert.All(epochs, e => Assert.Equal("北京很大", Seen(always, 2, e, "北京很大"))); // the only place of its length

        Span<byte> gold = stackalloc byte[4], expectedGold = stackalloc byte[4];
        always.Gold(0, gold);
        never.Gold(0, expectedGold);
        Assert.True(gold.SequenceEqual(expectedGold));
    }

    [Fact]
    public void Local_names_are_names_and_words_mostly_left_untagged_in_the_training_text()
    {
        List<NerSentence> sentences =
        [
            new("人大代表说", [(0, 2), (2, 2), (4, 1)], [(0, 2, "ORG")]),
            new("人大会议和人大代表", [(0, 2), (2, 2), (4, 1), (5, 2), (7, 2)], []),
            new("潍坊很美，潍坊人好", [(0, 2), (2, 2), (4, 1), (5, 2), (7, 1), (8, 1)], [(0, 2, "LOC"), (5, 2, "LOC")]),
            new("法院判决，法院公告", [(0, 2), (2, 2), (4, 1), (5, 2), (7, 2)], []),
            new("公告", [(0, 2)], []),
        ];
        var local = NerModelTrainer.LocalNames(sentences, ["法院", "公告", "判决", "代表"], ScriptFolder.Identity);
        // 人大 is tagged in one of its three places; 代表, 公告, 法院 are words seen twice and never a name; 判决 is seen
        // once; 潍坊 is tagged wherever it occurs.
        Assert.Equal(["人大", "代表", "公告", "法院"], local);
        Assert.Empty(NerModelTrainer.LocalNames([new("你好", [(0, 2)], [])], [], ScriptFolder.Identity));
    }

    [Fact]
    public void Character_classes_are_deterministic_and_group_identical_contexts()
    {
        string[] texts = ["我见张了", "我见王了", "我见李了", "去京市", "去沪市", "去津市", "我见张了", "我见王了", "我见李了", "去京市", "去沪市", "去津市", "我见张了", "我见王了", "我见李了", "去京市", "去沪市", "去津市"];
        var a = CharClusterer.Cluster(texts, 4, ScriptFolder.Identity, TextWriter.Null);
        var b = CharClusterer.Cluster(texts, 4, ScriptFolder.Identity, TextWriter.Null);
        Assert.Equal(a, b);
        var classes = new CharClusters(a);
        Assert.Equal(classes['张'], classes['王']);
        Assert.Equal(classes['京'], classes['沪']);
        Assert.NotEqual(0, classes['张']);
        Assert.Equal(0, classes['猫']);
        Assert.Equal("我见张了去京市王李沪津".Length, a.Sum(c => c.Length));
    }

    [Fact]
    public void Character_classes_tell_contexts_apart_only_through_the_context_characters()
    {
        string[] sentences = ["我见张了", "我见王了", "我见李了", "去京市", "去沪市", "去津市"];
        var texts = Enumerable.Repeat(sentences, 3).SelectMany(s => s).ToArray();
        // As many classes as characters: only characters with the same context vector can share one.
        var distinct = new CharClusters(CharClusterer.Cluster(texts, 11, ScriptFolder.Identity, TextWriter.Null));
        Assert.Equal(distinct['张'], distinct['王']);
        Assert.NotEqual(distinct['张'], distinct['京']);
        // No context characters: every neighbour is "other", so 见张了 and 去京市 look the same.
        var blind = new CharClusters(CharClusterer.Cluster(texts, 11, ScriptFolder.Identity, TextWriter.Null, contextCharacters: 0));
        Assert.Equal(blind['张'], blind['京']);
    }

    [Fact]
    public void Entry_bonus_raises_only_the_transitions_that_open_an_entity_of_its_type()
    {
        var labels = NerTrainingSet.LabelNames;
        var n = labels.Count;
        var weights = new PerceptronTrainer.AveragedWeights(n, [], [], new float[n * n]);
        var raised = NerModelTrainer.WithEntryBonus(weights, labels, [5, 0, 1]);
        for (var p = 0; p < n; p++)
        {
            for (var q = 0; q < n; q++)
            {
                var expected = labels[q] switch { "B-PER" or "S-PER" => 5f, "B-ORG" or "S-ORG" => 1f, _ => 0f };
                Assert.Equal(expected, raised.Transitions[p * n + q]);
            }
        }
        Assert.Same(weights, NerModelTrainer.WithEntryBonus(weights, labels, [0, 0, 0]));
    }

    [Fact]
    public void Training_with_every_source_writes_a_model_that_tags_and_keeps_its_lists()
    {
        var corpus = Path.Combine(dir, "train.txt");
        File.WriteAllLines(corpus, Enumerable.Repeat(File.ReadAllLines(TinyModels.Case("Entities", "train.txt")), 3).SelectMany(l => l));
        var table = Path.Combine(dir, "t2s.txt");
        File.WriteAllText(table, "# none\n");
        var output = Path.Combine(dir, "ner.bin");
        var pd98 = TinyModels.Case("Entities", "pd98.txt");
        var request = new NerTrainingRequest(
            corpus, null, table, output, new PerceptronOptions(Epochs: 4, Seed: 3, MinFeatureCount: 1, MinWeight: 0), Holdout: 0,
            Sources: new NerSources([], [pd98], TinyModels.Case("Entities", "kb"), [TinyModels.Case("Entities", "excluded.txt")], NameEndings.Learned, CharClasses: 8),
            EntryBonus: [1, 0, 0]);
        NerModelTrainer.Run(request, TextWriter.Null);

        var data = SequenceModelFile.Read(output, NerTagger.ModelKind, NerFeatures.FeatureSet);
        Assert.Contains("江泽民", data.Lists[NerTagger.ExternalList("PER")]);
        Assert.Contains("谢尔盖·绍伊古", data.Lists[NerTagger.ExternalList("PER")]);
        Assert.Contains("世卫组织", data.Lists[NerTagger.ExternalList("ORG")]);
        Assert.Contains("白宫", data.Lists[NerTagger.ExternalList("LOC")]);
        Assert.DoesNotContain(data.Lists[NerTagger.ExternalList("ORG")], n => n.Contains("测试", StringComparison.Ordinal));
        Assert.True(data.Lists[NerTagger.ClusterList].Count > 1);

        var tagger = NerTagger.Load(output, ScriptFolder.Identity);
        var found = tagger.Tag("王华和李明在北京见面。").Select(e => $"{e.Text}/{NerTagger.CodeOf(e.Type)}").ToList();
        Assert.Equal(["王华/PER", "李明/PER", "北京/LOC"], found);

        var again = Path.Combine(dir, "again.bin");
        NerModelTrainer.Run(request with { Output = again }, TextWriter.Null);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(again));

        // A mean of two members (seeds 3 and 4): still a model that tags, and says how it was made.
        var mean = Path.Combine(dir, "mean.bin");
        NerModelTrainer.Run(request with { Output = mean, Seeds = 2 }, TextWriter.Null);
        Assert.Equal("2", SequenceModelFile.Read(mean, NerTagger.ModelKind, NerFeatures.FeatureSet).Metadata["seeds"]);
        Assert.Equal(found, NerTagger.Load(mean, ScriptFolder.Identity).Tag("王华和李明在北京见面。").Select(e => $"{e.Text}/{NerTagger.CodeOf(e.Type)}").ToList());
    }
}
