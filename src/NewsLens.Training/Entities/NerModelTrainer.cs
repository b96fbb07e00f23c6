using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Model;
using NewsLens.Training.Segmentation;
using NewsLens.Training.Sequence;

namespace NewsLens.Training.Entities;

/// <param name="Corpus">MSRA word/tag training file (.gz allowed).</param>
/// <param name="Lexicon">Word list for the word-dictionary features; null = the corpus tokens.</param>
/// <param name="Holdout">Last N sentences kept apart and scored after every epoch (0 = none).</param>
internal sealed record NerTrainingRequest(string Corpus, string? Lexicon, string ScriptTable, string Output, PerceptronOptions Options, int Holdout);

/// <summary>Trains the entity model end to end and writes the model file.</summary>
internal static class NerModelTrainer
{
    public static void Run(NerTrainingRequest request, TextWriter log)
    {
        var folder = ScriptFolder.Load(request.ScriptTable);
        var sentences = NerCorpus.ReadMsra(request.Corpus).ToList();
        var dev = request.Holdout > 0 ? sentences[^Math.Min(request.Holdout, sentences.Count / 2)..] : [];
        var train = sentences[..^dev.Count];
        log.WriteLine($"corpus: {train.Count:N0} training sentences, {dev.Count:N0} held out");

        var wordSource = request.Lexicon is null
            ? train.SelectMany(s => s.Tokens.Select(t => s.Text.Substring(t.Start, t.Length)))
            : SegmentedCorpus.ReadLines(request.Lexicon).Select(l => l.Trim());
        var words = Normalised(wordSource, folder);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [NerTagger.WordList] = words };
        var gazetteers = new List<Lexicon>();
        foreach (var type in NerFeatures.Types)
        {
            var names = Normalised(train.SelectMany(s => s.Entities.Where(e => e.Type == type).Select(e => s.Text.Substring(e.Start, e.Length))), folder);
            lists[NerTagger.GazetteerList(type)] = names;
            gazetteers.Add(new Lexicon(names));
            log.WriteLine($"gazetteer {type}: {names.Length:N0} names");
        }
        var features = new NerFeatures(new Lexicon(words), gazetteers, folder);
        var set = new NerTrainingSet(train, features, request.Options.Seed);
        var description = ModelAssembly.Describe(
            request.Options,
            $"{Path.GetFileName(request.Corpus)} (last {dev.Count} sentences held out) + words {(request.Lexicon is null ? "(corpus tokens)" : Path.GetFileName(request.Lexicon))}",
            set.Count,
            set.Characters);
        var trainer = new PerceptronTrainer(request.Options, log)
        {
            AfterEpoch = dev.Count == 0 ? null : (epoch, averaged) =>
            {
                var data = ModelAssembly.Build(NerTagger.ModelKind, NerFeatures.FeatureSet, set.Labels, averaged(), description, lists);
                var tagger = new NerTagger(new SequenceModel(data), folder);
                log.WriteLine($"  holdout ({dev.Count} sentences) entity F1 after epoch {epoch}: {EntityF1(tagger, dev):F4}");
            },
        };
        var weights = trainer.Train(set);
        var model = ModelAssembly.Build(NerTagger.ModelKind, NerFeatures.FeatureSet, set.Labels, weights, description, lists);
        SequenceModelFile.Write(request.Output, model);
        log.WriteLine($"wrote {request.Output}: {model.Keys.Length:N0} features, {new FileInfo(request.Output).Length / 1e6:F1} MB");
    }

    public static double EntityF1(NerTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        long gold = 0, system = 0, correct = 0;
        var found = new List<(Span, EntityType)>();
        foreach (var s in sentences)
        {
            var expected = s.Entities.Select(e => (new Span(e.Start, e.Start + e.Length), NerTagger.TypeOf(e.Type))).ToHashSet();
            found.Clear();
            tagger.TagSpans(s.Text, found);
            gold += expected.Count;
            system += found.Count;
            correct += found.Count(expected.Contains);
        }
        var p = system == 0 ? 0 : (double)correct / system;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static string[] Normalised(IEnumerable<string> words, ScriptFolder folder) =>
        [.. words.Where(w => w.Length >= 2 && w.Length <= Lexicon.MaxWordLength)
            .Select(w => Segmenter.NormaliseWord(w, folder))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
