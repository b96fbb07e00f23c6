using NewsLens.Analyse.Entities;
using NewsLens.Analyse.Sequence;
using NewsLens.Training.Sequence;

namespace NewsLens.Training.Entities;

/// <summary>
/// Entity-annotated sentences as O/B/I/E/S labels per type. The gazetteers are built from these same
/// sentences, so every training entity would be "known"; each epoch hides a gold entity from its
/// gazetteer (and a gold word from the word list) with a probability that falls with its corpus frequency,
/// so the model also learns to find names it has never seen.
/// </summary>
internal sealed class NerTrainingSet : ITrainingSet
{
    /// <summary>Hide probabilities for names by corpus frequency (Good–Turing reasoning as for segmentation; names recur less than words).</summary>
    private const double HideNameSeenOnce = 0.6;
    private const double HideNameSeenTwiceOrThrice = 0.35;
    private const double HideNameFrequent = 0.1;

    /// <summary>Hide probabilities for words of the word list, as for segmentation.</summary>
    private const double HideWordSeenOnce = 0.5;
    private const double HideWordSeenTwiceOrThrice = 0.25;
    private const double HideWordFrequent = 0.03;

    public static IReadOnlyList<string> LabelNames { get; } =
        ["O", .. NerFeatures.Types.SelectMany(t => new[] { "B-" + t, "I-" + t, "E-" + t, "S-" + t })];

    private readonly IReadOnlyList<NerSentence> sentences;
    private readonly NerFeatures features;
    private readonly Dictionary<string, int> wordFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> nameFrequency = new(StringComparer.Ordinal);
    private readonly ulong seed;

    public NerTrainingSet(IReadOnlyList<NerSentence> sentences, NerFeatures features, int seed)
    {
        this.sentences = sentences;
        this.features = features;
        this.seed = (ulong)seed;
        foreach (var s in sentences)
        {
            foreach (var (start, length) in s.Tokens)
            {
                var w = s.Text.Substring(start, length);
                wordFrequency[w] = wordFrequency.GetValueOrDefault(w) + 1;
            }
            foreach (var (start, length, type) in s.Entities)
            {
                var key = type + ":" + s.Text.Substring(start, length);
                nameFrequency[key] = nameFrequency.GetValueOrDefault(key) + 1;
            }
        }
    }

    public int Count => sentences.Count;

    public long Characters => sentences.Sum(s => (long)s.Text.Length);

    public IReadOnlyList<string> Labels => LabelNames;

    public int PerPosition => NerFeatures.PerPosition;

    public int Length(int sentence) => sentences[sentence].Text.Length;

    public void Gold(int sentence, Span<byte> labels) => Encode(sentences[sentence], labels);

    public static void Encode(NerSentence s, Span<byte> labels)
    {
        labels.Clear();
        foreach (var (start, length, type) in s.Entities)
        {
            var t = 1 + 4 * IndexOfType(type);
            if (length == 1)
            {
                labels[start] = (byte)(t + 3);
                continue;
            }
            labels[start] = (byte)t;
            for (var k = start + 1; k < start + length - 1; k++)
                labels[k] = (byte)(t + 1);
            labels[start + length - 1] = (byte)(t + 2);
        }
    }

    public void Features(int sentence, int epoch, Span<ulong> output)
    {
        var s = sentences[sentence];
        bool HideWord(int start, int length)
        {
            if (!s.Tokens.Contains((start, length)))
                return false;
            var count = wordFrequency.GetValueOrDefault(s.Text.Substring(start, length));
            var p = count <= 1 ? HideWordSeenOnce : count <= 3 ? HideWordSeenTwiceOrThrice : HideWordFrequent;
            return Unit(sentence, start, epoch, 0) < p;
        }
        MatchFilter HideName(int typeIndex)
        {
            var type = NerFeatures.Types[typeIndex];
            return (start, length) =>
            {
                if (!s.Entities.Contains((start, length, type)))
                    return false;
                var count = nameFrequency.GetValueOrDefault(type + ":" + s.Text.Substring(start, length));
                var p = count <= 1 ? HideNameSeenOnce : count <= 3 ? HideNameSeenTwiceOrThrice : HideNameFrequent;
                return Unit(sentence, start, epoch, 1 + typeIndex) < p;
            };
        }
        features.Extract(s.Text, output, HideWord, HideName);
    }

    private static int IndexOfType(string type)
    {
        for (var i = 0; i < NerFeatures.Types.Count; i++)
            if (string.Equals(NerFeatures.Types[i], type, StringComparison.Ordinal))
                return i;
        throw new InvalidDataException($"unknown entity type '{type}'");
    }

    private double Unit(int sentence, int start, int epoch, int stream)
    {
        var h = FeatureKey.Scramble(seed * 0x9E3779B97F4A7C15UL ^ ((ulong)sentence << 24) ^ ((ulong)start << 8) ^ ((ulong)epoch << 3) ^ (ulong)stream);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
