using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Entities;

/// <summary>
/// Entity features per character: unigrams in a ±3 window, bigrams and trigrams, character kinds,
/// word-dictionary evidence (as for segmentation) and, per entity type, the longest known name of that
/// type that begins, ends or covers the character (gazetteers).
/// </summary>
internal sealed class NerFeatures
{
    public const string FeatureSet = "ner-features/1";

    public const int PerPosition = 21;

    /// <summary>Entity types in gazetteer order; the model's labels use the same names.</summary>
    public static readonly IReadOnlyList<string> Types = ["PER", "LOC", "ORG"];

    private const int LengthCap = 8;

    private readonly Lexicon words;
    private readonly Lexicon[] gazetteers;

    public NerFeatures(Lexicon words, IReadOnlyList<Lexicon> gazetteers, ScriptFolder folder)
    {
        if (gazetteers.Count != Types.Count)
            throw new ArgumentException($"one gazetteer per type ({Types.Count}) expected", nameof(gazetteers));
        this.words = words;
        this.gazetteers = [.. gazetteers];
        Folder = folder;
    }

    public ScriptFolder Folder { get; }

    /// <summary>Computes the keys of <paramref name="text"/>; the filters (training only) hide dictionary matches.</summary>
    public void Extract(ReadOnlySpan<char> text, Span<ulong> output, MatchFilter? wordFilter = null, Func<int, MatchFilter?>? gazetteerFilter = null)
    {
        using var v = new TextView(text, Folder);
        var n = v.Length;
        v.MatchLexicon(words, LengthCap, wordFilter);
        for (var i = 0; i < n; i++)
        {
            var f = output.Slice(i * PerPosition, PerPosition);
            int cm3 = v[i - 3], cm2 = v[i - 2], cm1 = v[i - 1], c0 = v[i], c1 = v[i + 1], c2 = v[i + 2], c3 = v[i + 3];
            f[0] = FeatureKey.Of(1, cm3);
            f[1] = FeatureKey.Of(2, cm2);
            f[2] = FeatureKey.Of(3, cm1);
            f[3] = FeatureKey.Of(4, c0);
            f[4] = FeatureKey.Of(5, c1);
            f[5] = FeatureKey.Of(6, c2);
            f[6] = FeatureKey.Of(7, c3);
            f[7] = FeatureKey.Of(8, cm2, cm1);
            f[8] = FeatureKey.Of(9, cm1, c0);
            f[9] = FeatureKey.Of(10, c0, c1);
            f[10] = FeatureKey.Of(11, c1, c2);
            f[11] = FeatureKey.Of(12, cm1, c1);
            f[12] = FeatureKey.Of(13, cm1, c0, c1);
            f[13] = FeatureKey.Of(14, cm2, cm1, c0);
            f[14] = FeatureKey.Of(15, c0, c1, c2);
            f[15] = FeatureKey.Of(16, (v.Kind(i - 2) << 8) | (v.Kind(i - 1) << 4) | v.Kind(i), (v.Kind(i + 1) << 4) | v.Kind(i + 2));
            var lex = (v.BeginLength(i) * 16 + v.EndLength(i)) * 16 + v.InsideLength(i);
            f[16] = FeatureKey.Of(17, lex);
            f[17] = FeatureKey.Of(18, c0, lex);
        }
        for (var t = 0; t < gazetteers.Length; t++)
        {
            v.MatchLexicon(gazetteers[t], LengthCap, gazetteerFilter?.Invoke(t));
            for (var i = 0; i < n; i++)
            {
                int b = v.BeginLength(i), e = v.EndLength(i), m = v.InsideLength(i);
                output[i * PerPosition + 18 + t] = b + e + m == 0 ? 0 : FeatureKey.Of(19 + t, (b * 16 + e) * 16 + m);
            }
        }
    }
}
