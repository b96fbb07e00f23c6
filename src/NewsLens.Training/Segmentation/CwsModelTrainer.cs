using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Model;
using NewsLens.Training.Sequence;

namespace NewsLens.Training.Segmentation;

/// <param name="Corpus">Segmented training text (SIGHAN/PD98 spaces or MSRA word/tag), optionally .gz.</param>
/// <param name="Lexicon">Word list for the dictionary features (one word a line); null = the corpus's own words.</param>
/// <param name="Exclude">Unsegmented test files: a training line whose text equals one of their lines is dropped.</param>
/// <param name="Holdout">Last N training sentences kept apart and scored after every epoch (0 = none).</param>
internal sealed record CwsTrainingRequest(
    string Corpus,
    string? Lexicon,
    IReadOnlyList<string> Exclude,
    string ScriptTable,
    string Output,
    PerceptronOptions Options,
    int Holdout);

/// <summary>Trains a segmentation model end to end and writes the model file.</summary>
internal static class CwsModelTrainer
{
    public static void Run(CwsTrainingRequest request, TextWriter log)
    {
        var folder = ScriptFolder.Load(request.ScriptTable);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in request.Exclude)
            foreach (var line in SegmentedCorpus.ReadLines(path))
                excluded.Add(Squash(line));
        var lexiconRaw = request.Lexicon is null
            ? null
            : SegmentedCorpus.ReadLines(request.Lexicon).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
        var sentences = new List<IReadOnlyList<string>>();
        var dropped = 0;
        var merges = 0;
        bool? wordTag = null;
        foreach (var line in SegmentedCorpus.ReadLines(request.Corpus))
        {
            if (line.Length > SegmentedCorpus.MaxLineLength)
                continue;
            wordTag ??= SegmentedCorpus.IsWordTag(line);
            var words = wordTag == true && lexiconRaw is not null
                ? SegmentedCorpus.MsrWords(line, lexiconRaw, ref merges)
                : SegmentedCorpus.Words(line);
            if (words.Count == 0)
                continue;
            if (excluded.Contains(string.Concat(words)))
            {
                dropped++;
                continue;
            }
            sentences.Add(words);
        }
        if (merges > 0)
            log.WriteLine($"corpus: {merges:N0} entity+word token runs joined into MSR-standard words");
        log.WriteLine($"corpus: {sentences.Count:N0} sentences ({dropped} dropped: equal to a line of {string.Join(", ", request.Exclude.Select(Path.GetFileName))})");
        var dev = request.Holdout > 0 ? sentences[^Math.Min(request.Holdout, sentences.Count / 2)..] : [];
        var train = sentences[..^dev.Count];

        var lexiconSource = lexiconRaw ?? train.SelectMany(w => w);
        var lexiconWords = lexiconSource
            .Where(w => w.Length >= 2 && w.Length <= Lexicon.MaxWordLength)
            .Select(w => Segmenter.NormaliseWord(w, folder))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        log.WriteLine($"lexicon: {lexiconWords.Length:N0} words of 2..{Lexicon.MaxWordLength} characters");
        var features = new CwsFeatures(new Lexicon(lexiconWords), folder);
        var set = new CwsTrainingSet(train, features, request.Options.Seed);
        var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [Segmenter.LexiconList] = lexiconWords };
        var description = ModelAssembly.Describe(
            request.Options,
            $"{Path.GetFileName(request.Corpus)} + lexicon {(request.Lexicon is null ? "(corpus words)" : Path.GetFileName(request.Lexicon))}",
            set.Count,
            set.Characters);

        var trainer = new PerceptronTrainer(request.Options, log)
        {
            AfterEpoch = dev.Count == 0 ? null : (epoch, averaged) =>
            {
                var data = ModelAssembly.Build(Segmenter.ModelKind, CwsFeatures.FeatureSet, set.Labels, averaged(), description, lists);
                var segmenter = new Segmenter(new SequenceModel(data), folder);
                log.WriteLine($"  holdout ({dev.Count} sentences) word F1 after epoch {epoch}: {SpanF1(segmenter, dev):F4}");
            },
        };
        var weights = trainer.Train(set);
        var model = ModelAssembly.Build(Segmenter.ModelKind, CwsFeatures.FeatureSet, set.Labels, weights, description, lists);
        SequenceModelFile.Write(request.Output, model);
        log.WriteLine($"wrote {request.Output}: {model.Keys.Length:N0} features, {new FileInfo(request.Output).Length / 1e6:F1} MB");
    }

    /// <summary>Word F1 by exact spans (gold and system share the character stream here).</summary>
    public static double SpanF1(Segmenter segmenter, IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        long gold = 0, system = 0, correct = 0;
        var spans = new List<Span>();
        foreach (var words in sentences)
        {
            var goldSpans = new HashSet<Span>();
            var at = 0;
            foreach (var w in words)
            {
                goldSpans.Add(new Span(at, at + w.Length));
                at += w.Length;
            }
            spans.Clear();
            segmenter.SegmentSpans(string.Concat(words), spans);
            gold += goldSpans.Count;
            system += spans.Count;
            correct += spans.Count(goldSpans.Contains);
        }
        var p = system == 0 ? 0 : (double)correct / system;
        var r = gold == 0 ? 0 : (double)correct / gold;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static string Squash(string line) =>
        string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
}
