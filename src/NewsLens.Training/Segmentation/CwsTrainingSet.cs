using NewsLens.Analyse.Segmentation;
using NewsLens.Analyse.Sequence;
using NewsLens.Training.Sequence;

namespace NewsLens.Training.Segmentation;

/// <summary>
/// Segmented sentences as B/M/E/S character labels. The dictionary covers nearly every training word
/// (0.1 % of training tokens are missing from it, against 2.7 % MSR / 5.8 % PKU of test tokens), so a
/// model trained as is would trust the dictionary blindly. Each epoch therefore hides some gold words
/// from the dictionary features, more often for words rare in the corpus (those are the likely unknown
/// words of new text).
/// </summary>
internal sealed class CwsTrainingSet : ITrainingSet
{
    /// <summary>
    /// Hide probabilities by corpus frequency. Good–Turing: a word seen once in a sample is about as likely
    /// to be unseen as seen in another sample of the same size; frequent words are rarely unseen.
    /// Chosen so the overall hidden share of multi-character tokens (≈ 5 %) sits between the test OOV rates.
    /// </summary>
    private const double HideSeenOnce = 0.5;
    private const double HideSeenTwiceOrThrice = 0.25;
    private const double HideFrequent = 0.03;

    public static readonly IReadOnlyList<string> LabelNames = ["B", "M", "E", "S"];

    private const byte B = 0, M = 1, E = 2, S = 3;

    private readonly List<string> texts = [];
    private readonly List<byte[]> labels = [];
    private readonly Dictionary<string, int> frequency = new(StringComparer.Ordinal);
    private readonly CwsFeatures features;
    private readonly ulong seed;

    public CwsTrainingSet(IEnumerable<IReadOnlyList<string>> sentences, CwsFeatures features, int seed)
    {
        this.features = features;
        this.seed = (ulong)seed;
        foreach (var words in sentences)
        {
            if (words.Count == 0)
                continue;
            var text = string.Concat(words);
            var tags = new byte[text.Length];
            var at = 0;
            foreach (var word in words)
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
                if (word.Length == 1)
                {
                    tags[at] = S;
                }
                else
                {
                    tags[at] = B;
                    for (var k = 1; k < word.Length - 1; k++)
                        tags[at + k] = M;
                    tags[at + word.Length - 1] = E;
                }
                at += word.Length;
            }
            texts.Add(text);
            labels.Add(tags);
        }
    }

    public int Count => texts.Count;

    public long Characters => texts.Sum(t => (long)t.Length);

    public IReadOnlyList<string> Labels => LabelNames;

    public int PerPosition => CwsFeatures.PerPosition;

    public int Length(int sentence) => texts[sentence].Length;

    public void Gold(int sentence, Span<byte> output) => labels[sentence].CopyTo(output);

    public void Features(int sentence, int epoch, Span<ulong> output)
    {
        var text = texts[sentence];
        var tags = labels[sentence];
        bool Hide(int start, int length)
        {
            var last = start + length - 1;
            if (tags[start] != B || tags[last] != E)
                return false;
            for (var k = start + 1; k < last; k++)
                if (tags[k] != M)
                    return false;
            var count = frequency.GetValueOrDefault(text.Substring(start, length));
            var p = count <= 1 ? HideSeenOnce : count <= 3 ? HideSeenTwiceOrThrice : HideFrequent;
            return Unit(sentence, start, epoch) < p;
        }
        using var view = features.View(text, Hide);
        CwsFeatures.Extract(view, output);
    }

    private double Unit(int sentence, int start, int epoch)
    {
        var h = FeatureKey.Scramble(seed * 0x9E3779B97F4A7C15UL ^ ((ulong)sentence << 24) ^ ((ulong)start << 4) ^ (ulong)epoch);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
