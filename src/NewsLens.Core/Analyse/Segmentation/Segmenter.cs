using System.Buffers;
using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;
using NewsLens.Model;

namespace NewsLens.Analyse.Segmentation;

/// <summary>
/// Word segmentation with a trained character-tagging model (labels B/M/E/S). Whitespace always
/// separates words; a user lexicon (e.g. knowledge-base names) pins its words whole. Thread-safe.
/// </summary>
internal sealed class Segmenter
{
    public const string ModelKind = "cws";

    /// <summary>The MSR-standard (news) model, the default.</summary>
    public const string DefaultModelFile = "cws-msr.bin";

    /// <summary>The word list stored in the model file for the dictionary features.</summary>
    public const string LexiconList = "lexicon";

    /// <summary>Longest run decoded at once; longer runs are cut (after punctuation when possible) to bound memory.</summary>
    public const int MaxRun = 2048;

    private readonly SequenceModel model;
    private readonly CwsFeatures features;

    /// <summary>The fast scorer (shared by segmenters on the same model); null only for a model with other labels.</summary>
    private readonly CwsBlockScorer? scorer;
    private readonly Lexicon userWords;
    private readonly byte labelB;
    private readonly byte labelM;
    private readonly byte labelE;
    private readonly byte labelS;

    /// <param name="userWords">Words that must come out whole when they occur (leftmost-longest), e.g. KB names.</param>
    public Segmenter(SequenceModel model, ScriptFolder folder, IEnumerable<string>? userWords = null)
        : this(model, folder, CwsBlockScorer.TryCreate(model.Data), userWords)
    {
    }

    private Segmenter(SequenceModel model, ScriptFolder folder, CwsBlockScorer? scorer, IEnumerable<string>? userWords)
    {
        if (!string.Equals(model.Data.Kind, ModelKind, StringComparison.Ordinal))
            throw new InvalidDataException($"segmenter needs a '{ModelKind}' model, got '{model.Data.Kind}'");
        this.model = model;
        this.scorer = scorer;
        var lexicon = model.Data.Lists.TryGetValue(LexiconList, out var words) ? new Lexicon(words) : Lexicon.Empty;
        features = new CwsFeatures(lexicon, folder);
        this.userWords = new Lexicon((userWords ?? []).Select(w => NormaliseWord(w, folder)));
        labelB = (byte)model.LabelIndex("B");
        labelM = (byte)model.LabelIndex("M");
        labelE = (byte)model.LabelIndex("E");
        labelS = (byte)model.LabelIndex("S");
    }

    public SequenceModel Model => model;

    /// <summary>Memory of the weights as held for decoding.</summary>
    public long MemoryBytes => (scorer?.MemoryBytes ?? 0) + model.MemoryBytes;

    /// <summary>A segmenter on the same model that also keeps <paramref name="words"/> whole (e.g. knowledge-base names).</summary>
    public Segmenter WithUserWords(IEnumerable<string> words) => new(model, features.Folder, scorer, words);

    public static Segmenter Load(string path, ScriptFolder folder, IEnumerable<string>? userWords = null) =>
        new(new SequenceModel(SequenceModelFile.Read(path, ModelKind, CwsFeatures.FeatureSet), WeightTableBuild.OnFirstUse), folder, userWords);

    public static string NormaliseWord(string word, ScriptFolder folder)
    {
        return string.Create(word.Length, (word, folder), static (span, s) => ModelText.Normalise(s.word, span, s.folder));
    }

    public IReadOnlyList<Token> Segment(string text)
    {
        var spans = new List<Span>();
        SegmentSpans(text, spans);
        var tokens = new Token[spans.Count];
        for (var i = 0; i < spans.Count; i++)
            tokens[i] = new Token(spans[i].Slice(text), spans[i]);
        return tokens;
    }

    /// <summary>Appends the word spans of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void SegmentSpans(ReadOnlySpan<char> text, List<Span> output)
    {
        foreach (var (start, length) in TextRuns.Split(text, MaxRun))
            SegmentRun(text.Slice(start, length), start, output);
    }

    /// <summary>Labels one run (no whitespace inside) as B/M/E/S; exposed for evaluation and training checks.</summary>
    public void Label(ReadOnlySpan<char> run, Span<byte> labels)
    {
        using var view = features.View(run);
        var forced = userWords.Count > 0 ? ArrayPool<sbyte>.Shared.Rent(run.Length) : null;
        try
        {
            var pins = forced is null ? default : Pin(view.Text, forced.AsSpan(0, run.Length));
            if (scorer is not null)
            {
                var scores = ArrayPool<int>.Shared.Rent(run.Length * CwsBlockScorer.LabelCount);
                try
                {
                    scorer.Score(view, scores);
                    model.DecodeScores(scores.AsSpan(0, run.Length * CwsBlockScorer.LabelCount), CwsBlockScorer.LabelCount, labels, pins);
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(scores);
                }
            }
            else
            {
                var keys = ArrayPool<ulong>.Shared.Rent(run.Length * CwsFeatures.PerPosition);
                try
                {
                    CwsFeatures.Extract(view, keys);
                    model.Decode(keys.AsSpan(0, run.Length * CwsFeatures.PerPosition), CwsFeatures.PerPosition, labels, pins);
                }
                finally
                {
                    ArrayPool<ulong>.Shared.Return(keys);
                }
            }
        }
        finally
        {
            if (forced is not null)
                ArrayPool<sbyte>.Shared.Return(forced);
        }
    }

    private void SegmentRun(ReadOnlySpan<char> run, int offset, List<Span> output)
    {
        var labels = ArrayPool<byte>.Shared.Rent(run.Length);
        try
        {
            Label(run, labels.AsSpan(0, run.Length));
            var start = 0;
            for (var i = 0; i < run.Length; i++)
            {
                var y = labels[i];
                var closes = y == labelE || y == labelS || i == run.Length - 1;
                if (closes && char.IsHighSurrogate(run[i]) && i + 1 < run.Length && char.IsLowSurrogate(run[i + 1]))
                    closes = false;
                if (closes)
                {
                    output.Add(new Span(offset + start, offset + i + 1));
                    start = i + 1;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(labels);
        }
    }

    private ReadOnlySpan<sbyte> Pin(ReadOnlySpan<char> normalised, Span<sbyte> forced)
    {
        forced.Fill(SequenceModel.Free);
        var words = new List<(int Start, int Length)>();
        userWords.GreedyWords(normalised, words);
        if (words.Count == 0)
            return default;
        foreach (var (start, length) in words)
        {
            forced[start] = (sbyte)labelB;
            for (var k = start + 1; k < start + length - 1; k++)
                forced[k] = (sbyte)labelM;
            forced[start + length - 1] = (sbyte)labelE;
        }
        return forced;
    }
}
