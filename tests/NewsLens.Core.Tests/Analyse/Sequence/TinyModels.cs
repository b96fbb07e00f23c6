using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Training.Entities;
using NewsLens.Training.Segmentation;
using NewsLens.Training.Sequence;

namespace NewsLens.Tests.Analyse.Sequence;

/// <summary>Small models trained on the hand-written fixtures, so tests need no shared data.</summary>
internal static class TinyModels
{
    public static string Case(string area, string file) => Path.Combine(AppContext.BaseDirectory, "Analyse", area, "Cases", file);

    public static readonly PerceptronOptions Options = new(Epochs: 10, Seed: 7, MinFeatureCount: 1, MinWeight: 0);

    public static SequenceModelData CwsData(ScriptFolder folder)
    {
        var sentences = File.ReadLines(Case("Segmentation", "train.txt")).Select(SegmentedCorpus.Words).Where(w => w.Count > 0).ToList();
        var words = File.ReadLines(Case("Segmentation", "words.txt")).Select(w => w.Trim()).Where(w => w.Length >= 2).Order(StringComparer.Ordinal).ToArray();
        var features = new CwsFeatures(new Lexicon(words), folder);
        var set = new CwsTrainingSet(sentences, features, Options.Seed);
        var weights = new PerceptronTrainer(Options, TextWriter.Null).Train(set);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [NewsLens.Analyse.Segmentation.Segmenter.LexiconList] = words };
        return ModelAssembly.Build(NewsLens.Analyse.Segmentation.Segmenter.ModelKind, CwsFeatures.FeatureSet, set.Labels, weights, new Dictionary<string, string>(), lists);
    }

    public static NewsLens.Analyse.Segmentation.Segmenter Segmenter(ScriptFolder? folder = null, IEnumerable<string>? userWords = null)
    {
        folder ??= ScriptFolder.Identity;
        return new NewsLens.Analyse.Segmentation.Segmenter(new SequenceModel(CwsData(folder)), folder, userWords);
    }

    public static NerTagger Tagger(ScriptFolder? folder = null)
    {
        folder ??= ScriptFolder.Identity;
        var sentences = File.ReadLines(Case("Entities", "train.txt")).Select(NerCorpus.ParseMsraLine).Where(s => s.Text.Length > 0).ToList();
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [NerTagger.WordList] = [] };
        var gazetteers = new List<Lexicon>();
        foreach (var type in NerFeatures.Types)
        {
            lists[NerTagger.GazetteerList(type)] = [];
            gazetteers.Add(Lexicon.Empty);
        }
        var set = new NerTrainingSet(sentences, new NerFeatures(Lexicon.Empty, gazetteers, folder), Options.Seed);
        var weights = new PerceptronTrainer(Options, TextWriter.Null).Train(set);
        var data = ModelAssembly.Build(NerTagger.ModelKind, NerFeatures.FeatureSet, set.Labels, weights, new Dictionary<string, string>(), lists);
        return new NerTagger(new SequenceModel(data), folder);
    }
}
