using System.Buffers;
using NewsLens.Analyse.Script;
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

    public const int MaxRun = 2048;

    private readonly SequenceModel model;
    private readonly NerFeatures features;
    private readonly (sbyte Prefix, EntityType Type)[] labelInfo;

    public NerTagger(SequenceModel model, ScriptFolder folder)
    {
        if (!string.Equals(model.Data.Kind, ModelKind, StringComparison.Ordinal))
            throw new InvalidDataException($"entity tagger needs a '{ModelKind}' model, got '{model.Data.Kind}'");
        this.model = model;
        var lists = model.Data.Lists;
        var words = lists.TryGetValue(WordList, out var w) ? new Lexicon(w) : Lexicon.Empty;
        var gazetteers = NerFeatures.Types.Select(t => lists.TryGetValue(GazetteerList(t), out var g) ? new Lexicon(g) : Lexicon.Empty).ToArray();
        features = new NerFeatures(words, gazetteers, folder);
        labelInfo = [.. model.Labels.Select(Describe)];
    }

    public SequenceModel Model => model;

    public static NerTagger Load(string path, ScriptFolder folder) =>
        new(new SequenceModel(SequenceModelFile.Read(path, ModelKind, NerFeatures.FeatureSet)), folder);

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

    /// <summary>Entity mentions of <paramref name="text"/>, in text order, unlinked.</summary>
    public IReadOnlyList<EntityMention> Tag(string text)
    {
        var found = new List<(Span Span, EntityType Type)>();
        TagSpans(text, found);
        return [.. found.Select(f => new EntityMention(f.Span.Slice(text), f.Type, f.Span, null, null, null, null))];
    }

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
            features.Extract(run, keys.AsSpan(0, n * NerFeatures.PerPosition));
            model.Decode(keys.AsSpan(0, n * NerFeatures.PerPosition), NerFeatures.PerPosition, labels.AsSpan(0, n));
            var start = -1;
            for (var i = 0; i < n; i++)
            {
                var (prefix, type) = labelInfo[labels[i]];
                switch (prefix)
                {
                    case (sbyte)'S':
                        output.Add((new Span(offset + i, offset + i + 1), type));
                        start = -1;
                        break;
                    case (sbyte)'B':
                        start = i;
                        break;
                    case (sbyte)'E' when start >= 0:
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
