using System.Globalization;
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
/// <param name="Sources">Extra training text, external gazetteers and name endings (default: none).</param>
/// <param name="Seeds">Models trained with seeds Seed, Seed + 1, …; the written model is the mean of their weights (1 = one model).</param>
/// <param name="EntryBonus">Added to the transitions that open an entity, in update units (see <see cref="NerModelTrainer.WithEntryBonus"/>).</param>
internal sealed record NerTrainingRequest(string Corpus, string? Lexicon, string ScriptTable, string Output, PerceptronOptions Options, int Holdout, HideRates? NameHide = null, NerSources? Sources = null, double[]? EntryBonus = null, int Seeds = 1, double SwapNames = 0)
{
    public double[] EntryBonus { get; init; } = EntryBonus ?? [0, 0, 0];
}

/// <param name="ExtraCorpora">People's Daily POS-tagged files (pd98_*_pos) added to the training sentences.</param>
/// <param name="GazetteerCorpora">People's Daily POS-tagged files whose names become external gazetteers.</param>
/// <param name="KbDirectory">Knowledge-base folder whose names (people, countries, organisations) join the external gazetteers.</param>
/// <param name="Exclude">Test files: extra-corpus sentences sharing a 20-character run with one of their lines are dropped.</param>
/// <param name="Endings">Whether the typical-name-ending look-ahead features are on.</param>
/// <param name="EndingShare">Least share of a candidate ending's occurrences in the training text that end a name of the type (see <see cref="NerModelTrainer.DefaultEndingShare"/>).</param>
/// <param name="CharClasses">Number of distributional character classes learnt from the training text and the extra / gazetteer corpora (0 = none).</param>
/// <param name="CharClassContexts">Most frequent characters that are context dimensions of the character classes (per side).</param>
internal sealed record NerSources(
    IReadOnlyList<string> ExtraCorpora,
    IReadOnlyList<string> GazetteerCorpora,
    string? KbDirectory,
    IReadOnlyList<string> Exclude,
    NameEndings Endings,
    int CharClasses = 0,
    double EndingShare = NerModelTrainer.DefaultEndingShare,
    int CharClassContexts = CharClusterer.DefaultContextCharacters)
{
    public static NerSources None { get; } = new([], [], null, [], NameEndings.Off);
}

internal enum NameEndings
{
    Off,
    Learned,
}

/// <summary>Trains the entity model end to end and writes the model file.</summary>
internal static class NerModelTrainer
{
    /// <summary>
    /// A name ending (1–4 final characters of training names of a type) is kept when it ends at least this many
    /// name occurrences, of at least <see cref="MinEndingNames"/> different names, and at least
    /// <see cref="DefaultEndingShare"/> (by default) of its occurrences in the training text end such a name. On MSRA-train this
    /// keeps 部, 局, 委员会, 公司, 大学, 银行, 办公室… for ORG and 省, 县, 洲, 斯坦, 共和国… for LOC, and drops one-name
    /// endings (华社 of 新华社) and common characters (会 as a verb, 国 as a word).
    /// </summary>
    private const int MinEndingCount = 10;

    private const int MinEndingNames = 5;

    public const double DefaultEndingShare = 0.2;

    public static void Run(NerTrainingRequest request, TextWriter log)
    {
        var sources = request.Sources ?? NerSources.None;
        var folder = ScriptFolder.Load(request.ScriptTable);
        var sentences = NerCorpus.ReadMsra(request.Corpus).ToList();
        var dev = request.Holdout > 0 ? sentences[^Math.Min(request.Holdout, sentences.Count / 2)..] : [];
        var train = sentences[..^dev.Count];
        var exclude = new ShingleFilter(sources.Exclude);
        foreach (var extra in sources.ExtraCorpora)
        {
            var before = train.Count;
            train.AddRange(Pd98Corpus.Read(extra, exclude));
            log.WriteLine($"extra corpus {Path.GetFileName(extra)}: {train.Count - before:N0} sentences");
        }
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
        var extras = BuildExtras(train, sources, folder, exclude, lists, log);
        var local = LocalNames(train, words, folder);
        if (local.Length > 0)
        {
            lists[NerTagger.LocalNamesList] = local;
            log.WriteLine($"local names (an entity in under half of their occurrences, not copied within a document): {local.Length:N0} (e.g. {string.Join(' ', local.Take(12))})");
        }
        var features = new NerFeatures(new Lexicon(words), gazetteers, folder, extras);
        var set = new NerTrainingSet(train, features, request.Options.Seed, request.NameHide, request.SwapNames);
        var description = ModelAssembly.Describe(
            request.Options,
            $"{Path.GetFileName(request.Corpus)} (last {dev.Count} sentences held out)"
                + string.Concat(sources.ExtraCorpora.Select(c => $" + {Path.GetFileName(c)}"))
                + $" + words {(request.Lexicon is null ? "(corpus tokens)" : Path.GetFileName(request.Lexicon))}"
                + (sources.GazetteerCorpora.Count + (sources.KbDirectory is null ? 0 : 1) == 0 ? "" : " + external names from " + string.Join(", ", sources.GazetteerCorpora.Select(Path.GetFileName).Append(sources.KbDirectory is null ? null : "kb").OfType<string>()))
                + $"; name endings {sources.Endings}"
                + (sources.EndingShare == DefaultEndingShare ? "" : $" (share ≥ {sources.EndingShare.ToString("R", CultureInfo.InvariantCulture)})")
                + $"; character classes {sources.CharClasses}"
                + (sources.CharClasses == 0 || sources.CharClassContexts == CharClusterer.DefaultContextCharacters ? "" : $" ({sources.CharClassContexts} context characters)"),
            set.Count,
            set.Characters);
        void ReportHoldout(string what, PerceptronTrainer.AveragedWeights weightsSoFar, bool sweep)
        {
            var bonuses = new List<double[]> { request.EntryBonus };
            if (sweep)
                for (var t = 0; t < NerFeatures.Types.Count; t++)
                    foreach (var b in EntryBonusSweep)
                        bonuses.Add([.. request.EntryBonus.Select((x, i) => i == t ? b : x)]);
            foreach (var bonus in bonuses)
            {
                var data = ModelAssembly.Build(NerTagger.ModelKind, NerFeatures.FeatureSet, set.Labels, WithEntryBonus(weightsSoFar, set.Labels, bonus), description, lists);
                var tagger = new NerTagger(new SequenceModel(data), folder);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  holdout ({dev.Count} sentences) {what}, entry bonus {string.Join('/', bonus)}: {Describe(Score(tagger, dev))}; with context ±{NerTagger.DefaultContextSentences}: {Describe(Score(tagger, dev, NerTagger.DefaultContextSentences))}"));
            }
        }
        var members = new List<PerceptronTrainer.AveragedWeights>();
        for (var k = 0; k < request.Seeds; k++)
        {
            // Member k: its own sentence order and dropout draws (seed + k), the same features and data.
            var options = request.Options with { Seed = request.Options.Seed + k };
            var memberSet = k == 0 ? set : new NerTrainingSet(train, features, options.Seed, request.NameHide, request.SwapNames);
            var member = k;
            var trainer = new PerceptronTrainer(options, log)
            {
                AfterEpoch = dev.Count == 0 ? null : (epoch, averaged) =>
                    ReportHoldout(request.Seeds == 1 ? $"after epoch {epoch}" : $"of member {member + 1}/{request.Seeds} (seed {options.Seed}) after epoch {epoch}", averaged(), request.Seeds == 1 && epoch == options.Epochs),
            };
            members.Add(trainer.Train(memberSet));
        }
        // The mean keeps as many features as the largest member would write, so it is no bigger or slower to use.
        var mean = PerceptronTrainer.AveragedWeights.Mean(members, members.Max(m => m.QuantisedCount()));
        if (request.Seeds > 1 && dev.Count > 0)
            ReportHoldout($"of the mean of {request.Seeds} members", mean, sweep: true);
        var weights = WithEntryBonus(mean, set.Labels, request.EntryBonus);
        if (request.Seeds > 1)
            description["seeds"] = request.Seeds.ToString(CultureInfo.InvariantCulture);
        description["entry-bonus"] = string.Join(' ', request.EntryBonus.Select(b => b.ToString("R", CultureInfo.InvariantCulture)));
        var model = ModelAssembly.Build(NerTagger.ModelKind, NerFeatures.FeatureSet, set.Labels, weights, description, lists);
        SequenceModelFile.Write(request.Output, model);
        log.WriteLine($"wrote {request.Output}: {model.Keys.Length:N0} features, {new FileInfo(request.Output).Length / 1e6:F1} MB");
    }

    /// <summary>Entry bonuses the holdout is scored with after the last epoch (update units).</summary>
    private static readonly double[] EntryBonusSweep = [4, 8, 16, 32, 64];

    /// <summary>
    /// The averaged perceptron is cautious with names it has not seen (held-out precision 0.94, recall 0.85):
    /// adding <paramref name="bonus"/> (in update units, one per type in the order of <see cref="NerFeatures.Types"/>)
    /// to every transition that opens an entity of that type (into its B- or S- label) trades a little precision
    /// for recall. Chosen on the holdout, never on a test set.
    /// </summary>
    public static PerceptronTrainer.AveragedWeights WithEntryBonus(PerceptronTrainer.AveragedWeights weights, IReadOnlyList<string> labels, IReadOnlyList<double> bonus)
    {
        if (bonus.Count != NerFeatures.Types.Count)
            throw new ArgumentException($"one entry bonus per type ({NerFeatures.Types.Count}) expected", nameof(bonus));
        if (bonus.All(b => b == 0))
            return weights;
        var transitions = (float[])weights.Transitions.Clone();
        var n = labels.Count;
        for (var p = 0; p < n; p++)
            for (var q = 0; q < n; q++)
                for (var t = 0; t < bonus.Count; t++)
                    if (string.Equals(labels[q], "B-" + NerFeatures.Types[t], StringComparison.Ordinal) || string.Equals(labels[q], "S-" + NerFeatures.Types[t], StringComparison.Ordinal))
                        transitions[p * n + q] += (float)bonus[t];
        return new PerceptronTrainer.AveragedWeights(weights.Labels, weights.Keys, weights.Weights, transitions);
    }

    private static NerExtras BuildExtras(IReadOnlyList<NerSentence> train, NerSources sources, ScriptFolder folder, ShingleFilter exclude, Dictionary<string, IReadOnlyList<string>> lists, TextWriter log)
    {
        var externalNames = NerFeatures.Types.ToDictionary(t => t, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var corpus in sources.GazetteerCorpora)
            foreach (var s in Pd98Corpus.Read(corpus, exclude))
                foreach (var (start, length, type) in s.Entities)
                    externalNames[type].Add(s.Text.Substring(start, length));
        if (sources.KbDirectory is not null)
            foreach (var (type, names) in KbNames.Read(sources.KbDirectory))
                externalNames[type].AddRange(names);
        var external = new List<Lexicon>();
        foreach (var type in NerFeatures.Types)
        {
            var names = Normalised(externalNames[type], folder);
            if (names.Length > 0)
            {
                lists[NerTagger.ExternalList(type)] = names;
                log.WriteLine($"external gazetteer {type}: {names.Length:N0} names");
            }
            external.Add(new Lexicon(names));
        }
        var suffixes = new List<SuffixSet>();
        foreach (var type in NerFeatures.SuffixTypes)
        {
            var endings = sources.Endings == NameEndings.Learned ? TypicalEndings(train, type, folder, sources.EndingShare) : [];
            if (endings.Length > 0)
            {
                lists[NerTagger.SuffixList(type)] = endings;
                log.WriteLine($"name endings {type}: {endings.Length:N0} (e.g. {string.Join(' ', endings.Take(12))})");
            }
            suffixes.Add(new SuffixSet(endings));
        }
        var clusters = CharClusters.Empty;
        if (sources.CharClasses > 0)
        {
            var unlabelled = train.Select(s => s.Text)
                .Concat(sources.GazetteerCorpora.SelectMany(c => Pd98Corpus.Read(c, exclude)).Select(s => s.Text));
            var classes = CharClusterer.Cluster(unlabelled, sources.CharClasses, folder, log, sources.CharClassContexts);
            lists[NerTagger.ClusterList] = classes;
            clusters = new CharClusters(classes);
            log.WriteLine($"character classes: {classes.Length} (e.g. {string.Join(' ', classes.Take(6).Select(c => c[..Math.Min(8, c.Length)]))})");
        }
        return new NerExtras(external, suffixes, clusters);
    }

    /// <summary>
    /// Training names and <paramref name="words"/> (normalised) of two or more characters that occur at least twice in the
    /// training text and are annotated as an entity in fewer than half of those places: see <see cref="NerTagger.LocalNamesList"/>.
    /// </summary>
    public static string[] LocalNames(IReadOnlyList<NerSentence> sentences, IEnumerable<string> words, ScriptFolder folder)
    {
        var counts = new Dictionary<string, (int Tagged, int Seen)>(StringComparer.Ordinal);
        foreach (var w in words)
            counts.TryAdd(w, (0, 0));
        foreach (var s in sentences)
        {
            foreach (var (start, length, _) in s.Entities)
            {
                if (length < NamePropagation.MinLength || length > Lexicon.MaxWordLength)
                    continue;
                var name = Segmenter.NormaliseWord(s.Text.Substring(start, length), folder);
                counts[name] = (counts.GetValueOrDefault(name).Tagged + 1, 0);
            }
        }
        if (counts.Count == 0)
            return [];
        var longest = counts.Keys.Max(k => k.Length);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var s in sentences)
        {
            var text = Segmenter.NormaliseWord(s.Text, folder);
            for (var i = 0; i < text.Length; i++)
            {
                for (var l = NamePropagation.MinLength; l <= longest && i + l <= text.Length; l++)
                {
                    if (lookup.TryGetValue(text.AsSpan(i, l), out var v))
                        lookup[text.AsSpan(i, l)] = (v.Tagged, v.Seen + 1);
                }
            }
        }
        return [.. counts.Where(p => p.Key.Length >= NamePropagation.MinLength && p.Value.Seen >= 2 && 2 * p.Value.Tagged < p.Value.Seen)
            .Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Endings of training names of <paramref name="type"/> that mostly end such names where they occur (see <see cref="MinEndingCount"/>).</summary>
    public static string[] TypicalEndings(IReadOnlyList<NerSentence> sentences, string type, ScriptFolder folder, double minShare = DefaultEndingShare)
    {
        var ends = new Dictionary<string, (int Count, HashSet<string> Names)>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var (start, length, t) in s.Entities)
            {
                if (!string.Equals(t, type, StringComparison.Ordinal) || length < 2)
                    continue;
                var name = Segmenter.NormaliseWord(s.Text.Substring(start, length), folder);
                for (var l = 1; l <= Math.Min(SuffixSet.MaxLength, name.Length - 1); l++)
                {
                    var ending = name[^l..];
                    (int Count, HashSet<string> Names) v = ends.TryGetValue(ending, out var e) ? e : (0, new HashSet<string>(StringComparer.Ordinal));
                    v.Names.Add(name);
                    ends[ending] = (v.Count + 1, v.Names);
                }
            }
        }
        var candidates = ends.Where(p => p.Value.Count >= MinEndingCount && p.Value.Names.Count >= MinEndingNames)
            .ToDictionary(p => p.Key, _ => 0, StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var text = Segmenter.NormaliseWord(s.Text, folder);
            for (var l = 1; l <= SuffixSet.MaxLength; l++)
                for (var i = 0; i + l <= text.Length; i++)
                    if (candidates.TryGetValue(text.Substring(i, l), out var c))
                        candidates[text.Substring(i, l)] = c + 1;
        }
        return [.. candidates.Where(p => p.Value > 0 && ends[p.Key].Count >= minShare * p.Value)
            .OrderByDescending(p => ends[p.Key].Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key)];
    }

    /// <summary>Entity-level exact-match F1 over all types.</summary>
    public static double EntityF1(NerTagger tagger, IReadOnlyList<NerSentence> sentences) => Score(tagger, sentences)[""].F1;

    /// <summary>Exact-match counts per type code, and over all types under the key "".</summary>
    public static Dictionary<string, (long Gold, long System, long Correct, double F1)> Score(NerTagger tagger, IReadOnlyList<NerSentence> sentences, int context = 0)
    {
        var counts = new Dictionary<string, (long G, long S, long C)>(StringComparer.Ordinal);
        void Bump(string type, int g, int s, int c)
        {
            foreach (var key in new[] { "", type })
            {
                var v = counts.GetValueOrDefault(key);
                counts[key] = (v.G + g, v.S + s, v.C + c);
            }
        }
        var tagged = tagger.TagSentences([.. sentences.Select(s => s.Text)], context);
        for (var k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var found = tagged[k];
            var expected = s.Entities.Select(e => (new Span(e.Start, e.Start + e.Length), NerTagger.TypeOf(e.Type))).ToHashSet();
            foreach (var e in s.Entities)
                Bump(e.Type, 1, 0, 0);
            foreach (var f in found)
                Bump(NerTagger.CodeOf(f.Item2), 0, 1, expected.Contains(f) ? 1 : 0);
        }
        counts.TryAdd("", (0, 0, 0));
        return counts.ToDictionary(p => p.Key, p =>
        {
            var (g, sys, c) = p.Value;
            double precision = sys == 0 ? 0 : (double)c / sys, recall = g == 0 ? 0 : (double)c / g;
            return (g, sys, c, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
        }, StringComparer.Ordinal);
    }

    private static string Describe(Dictionary<string, (long Gold, long System, long Correct, double F1)> score) =>
        string.Join("  ", score.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{(p.Key.Length == 0 ? "F1" : p.Key)} {p.Value.F1:F4}")));

    private static string[] Normalised(IEnumerable<string> words, ScriptFolder folder) =>
        [.. words.Where(w => w.Length >= 2 && w.Length <= Lexicon.MaxWordLength)
            .Select(w => Segmenter.NormaliseWord(w, folder))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
