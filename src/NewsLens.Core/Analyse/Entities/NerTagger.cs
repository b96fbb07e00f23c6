using System.Buffers;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Model;

namespace NewsLens.Analyse.Entities;

/// <summary>
/// Person, place and organisation names by character tagging (O, B-/I-/E-/S- per type). Text is folded to
/// simplified and full width for the model; mentions carry spans and text of the original. Mentions are
/// unlinked (the knowledge stage links them). Thread-safe.
/// </summary>
internal sealed class NerTagger
{
    public const string ModelKind = "ner";

    public const string DefaultModelFile = "ner-msra.bin";

    /// <summary>Word list for the word-dictionary features, stored in the model file.</summary>
    public const string WordList = "words";

    /// <summary>Gazetteer list name of a type, e.g. "gazetteer.PER".</summary>
    public static string GazetteerList(string type) => "gazetteer." + type;

    /// <summary>External gazetteer list name of a type, e.g. "external.ORG" (names from outside the training corpus).</summary>
    public static string ExternalList(string type) => "external." + type;

    /// <summary>Character classes, one string of characters per class.</summary>
    public const string ClusterList = "clusters";

    /// <summary>
    /// Names not copied to their other occurrences in a document (<see cref="NamePropagation"/>): training names and
    /// dictionary words that are an entity in fewer than half of their (two or more) occurrences in the training
    /// text (人大, 法院, 委员会, 电视台 in the MSRA standard), so one tagged mention says little about the next.
    /// Absent in older models: all names are copied.
    /// </summary>
    public const string LocalNamesList = "local-names";

    /// <summary>Typical-name-ending list name of a type, e.g. "suffix.ORG".</summary>
    public static string SuffixList(string type) => "suffix." + type;

    public const int MaxRun = 2048;

    /// <summary>
    /// Sentences each side that stand in for the document when a corpus has no document breaks: ±5 scored best
    /// of 5 / 10 / 20 on the held-out MSRA training sentences (0.4 points over sentences alone; ±10 and ±20 0.3).
    /// </summary>
    public const int DefaultContextSentences = 5;

    private readonly SequenceModel model;
    private readonly NerFeatures features;
    private readonly NerBlockScorer? scorer;
    private readonly (sbyte Prefix, EntityType Type)[] labelInfo;
    private readonly HashSet<string> localNames;

    public NerTagger(SequenceModel model, ScriptFolder folder)
    {
        if (!string.Equals(model.Data.Kind, ModelKind, StringComparison.Ordinal))
            throw new InvalidDataException($"entity tagger needs a '{ModelKind}' model, got '{model.Data.Kind}'");
        this.model = model;
        var lists = model.Data.Lists;
        var words = lists.TryGetValue(WordList, out var w) ? new Lexicon(w) : Lexicon.Empty;
        var gazetteers = NerFeatures.Types.Select(t => lists.TryGetValue(GazetteerList(t), out var g) ? new Lexicon(g) : Lexicon.Empty).ToArray();
        var extras = new NerExtras(
            [.. NerFeatures.Types.Select(t => lists.TryGetValue(ExternalList(t), out var g) ? new Lexicon(g) : Lexicon.Empty)],
            [.. NerFeatures.SuffixTypes.Select(t => lists.TryGetValue(SuffixList(t), out var g) ? new SuffixSet(g) : SuffixSet.Empty)],
            lists.TryGetValue(ClusterList, out var c) ? new CharClusters(c) : CharClusters.Empty);
        features = new NerFeatures(words, gazetteers, folder, extras);
        localNames = lists.TryGetValue(LocalNamesList, out var local) ? new HashSet<string>(local, StringComparer.Ordinal) : [];
        scorer = NerBlockScorer.TryCreate(model.Data);
        labelInfo = [.. model.Labels.Select(Describe)];
    }

    public SequenceModel Model => model;

    /// <summary>The feature extractor and the grouped scorer (null when the generic path serves); for the bench's phase timings.</summary>
    public NerFeatures Features => features;

    public NerBlockScorer? Scorer => scorer;

    /// <summary>Memory of the grouped scorer (0 when the generic weight table serves).</summary>
    public long ScorerMemoryBytes => scorer?.MemoryBytes ?? 0;

    /// <summary>Loads a model; its generic weight table is built only if the grouped scorer cannot serve it.</summary>
    public static NerTagger Load(string path, ScriptFolder folder) =>
        new(new SequenceModel(SequenceModelFile.Read(path, ModelKind, NerFeatures.FeatureSet), WeightTableBuild.OnFirstUse), folder);

    public static EntityType TypeOf(string code) => code switch
    {
        "PER" => EntityType.Person,
        "LOC" => EntityType.Location,
        "ORG" => EntityType.Organization,
        _ => throw new InvalidDataException($"unknown entity type '{code}'"),
    };

    public static string CodeOf(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Location => "LOC",
        EntityType.Organization => "ORG",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// Entity mentions of <paramref name="text"/> (a whole document), in text order, unlinked; a name found
    /// once is also tagged where it recurs untagged (<see cref="NamePropagation"/>).
    /// </summary>
    public IReadOnlyList<EntityMention> Tag(string text)
    {
        var found = new List<(Span Span, EntityType Type)>();
        TagSpans(text, found);
        NamePropagation.Propagate(text, found, [.. found.Select(f => (f.Span.Slice(text), f.Type))], IsLocalName);
        return [.. found.Select(f => new EntityMention(f.Span.Slice(text), f.Type, f.Span, null, null, null, null))];
    }

    /// <summary>
    /// Mentions of consecutive sentences of one text (a corpus file without document breaks): each sentence
    /// is tagged alone, then gets the names found in the <paramref name="context"/> sentences before and after it
    /// (and itself) propagated (0 = sentences alone).
    /// </summary>
    public List<List<(Span Span, EntityType Type)>> TagSentences(IReadOnlyList<string> sentences, int context)
    {
        var found = new List<List<(Span Span, EntityType Type)>>(sentences.Count);
        foreach (var sentence in sentences)
        {
            var one = new List<(Span, EntityType)>();
            TagSpans(sentence, one);
            found.Add(one);
        }
        if (context <= 0)
            return found;
        var names = found.Select((f, i) => f.Select(m => (m.Span.Slice(sentences[i]), m.Type)).ToArray()).ToArray();
        for (var i = 0; i < sentences.Count; i++)
        {
            var window = Enumerable.Range(Math.Max(0, i - context), Math.Min(sentences.Count, i + context + 1) - Math.Max(0, i - context)).SelectMany(j => names[j]);
            NamePropagation.Propagate(sentences[i], found[i], window, IsLocalName);
        }
        return found;
    }

    private bool IsLocalName(string name) => localNames.Count > 0 && localNames.Contains(Segmenter.NormaliseWord(name, features.Folder));

    public void TagSpans(ReadOnlySpan<char> text, List<(Span Span, EntityType Type)> output)
    {
        foreach (var (start, length) in TextRuns.Split(text, MaxRun))
            TagRun(text.Slice(start, length), start, output);
    }

    private void TagRun(ReadOnlySpan<char> run, int offset, List<(Span, EntityType)> output)
    {
        var n = run.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n * NerFeatures.PerPosition);
        var labels = ArrayPool<byte>.Shared.Rent(n);
        try
        {
            if (scorer is not null)
            {
                features.ExtractPacked(run, keys.AsSpan(0, n * NerFeatures.PerPosition));
                var scores = ArrayPool<int>.Shared.Rent(n * NerBlockScorer.Stride);
                try
                {
                    scorer.Score(keys.AsSpan(0, n * NerFeatures.PerPosition), n, scores);
                    model.DecodeScores(scores.AsSpan(0, n * NerBlockScorer.Stride), NerBlockScorer.Stride, labels.AsSpan(0, n));
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(scores);
                }
            }
            else
            {
                features.Extract(run, keys.AsSpan(0, n * NerFeatures.PerPosition));
                model.Decode(keys.AsSpan(0, n * NerFeatures.PerPosition), NerFeatures.PerPosition, labels.AsSpan(0, n));
            }
            var start = -1;
            for (var i = 0; i < n; i++)
            {
                var (prefix, type) = labelInfo[labels[i]];
                switch (prefix)
                {
                    case (sbyte)'S':
                        if (!LatinWords.RuleOut(run, i, i + 1))
                            output.Add((new Span(offset + i, offset + i + 1), type));
                        start = -1;
                        break;
                    case (sbyte)'B':
                        start = i;
                        break;
                    case (sbyte)'E' when start >= 0:
                        if (!LatinWords.RuleOut(run, start, i + 1))
                            output.Add((new Span(offset + start, offset + i + 1), type));
                        start = -1;
                        break;
                    case (sbyte)'O':
                        start = -1;
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<byte>.Shared.Return(labels);
        }
    }

    private static (sbyte, EntityType) Describe(string label) =>
        label.Length > 2 && label[1] == '-'
            ? ((sbyte)label[0], TypeOf(label[2..]))
            : ((sbyte)'O', EntityType.Person);
}
