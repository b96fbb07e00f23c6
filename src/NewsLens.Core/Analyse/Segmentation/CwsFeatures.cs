using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Segmentation;

/// <summary>
/// Segmentation features per character: unigrams in a ±2 window, bigrams and trigrams around it, the
/// kinds of the window, reduplication, and dictionary evidence (the longest dictionary word that begins,
/// ends or covers the character, and whether a word ends just before or begins just after it).
/// Shared by training and inference so both compute identical keys.
/// </summary>
internal sealed class CwsFeatures
{
    /// <summary>Bump when any template changes: models trained with other templates are refused.</summary>
    public const string FeatureSet = "cws-features/1";

    public const int PerPosition = 19;

    /// <summary>Dictionary lengths above this share one value; 8 covers 99.9 % of MSR dictionary words.</summary>
    private const int LengthCap = 8;

    private readonly Lexicon lexicon;

    public CwsFeatures(Lexicon lexicon, ScriptFolder folder)
    {
        this.lexicon = lexicon;
        Folder = folder;
    }

    public ScriptFolder Folder { get; }

    public TextView View(ReadOnlySpan<char> text, MatchFilter? filter = null)
    {
        var view = new TextView(text, Folder);
        view.MatchLexicon(lexicon, LengthCap, filter);
        return view;
    }

    public static void Extract(TextView v, Span<ulong> output)
    {
        var n = v.Length;
        for (var i = 0; i < n; i++)
        {
            var f = output.Slice(i * PerPosition, PerPosition);
            int cm2 = v[i - 2], cm1 = v[i - 1], c0 = v[i], c1 = v[i + 1], c2 = v[i + 2];
            f[0] = FeatureKey.Of(1, cm2);
            f[1] = FeatureKey.Of(2, cm1);
            f[2] = FeatureKey.Of(3, c0);
            f[3] = FeatureKey.Of(4, c1);
            f[4] = FeatureKey.Of(5, c2);
            f[5] = FeatureKey.Of(6, cm2, cm1);
            f[6] = FeatureKey.Of(7, cm1, c0);
            f[7] = FeatureKey.Of(8, c0, c1);
            f[8] = FeatureKey.Of(9, c1, c2);
            f[9] = FeatureKey.Of(10, cm1, c1);
            f[10] = FeatureKey.Of(11, cm1, c0, c1);
            f[11] = FeatureKey.Of(12, cm2, cm1, c0);
            f[12] = FeatureKey.Of(13, c0, c1, c2);
            f[13] = FeatureKey.Of(14, (v.Kind(i - 2) << 8) | (v.Kind(i - 1) << 4) | v.Kind(i), (v.Kind(i + 1) << 4) | v.Kind(i + 2));
            var repeat = (c0 == cm1 ? 1 : 0) | (c0 == cm2 ? 2 : 0) | (c0 == c1 ? 4 : 0) | (c0 == c2 ? 8 : 0);
            f[14] = repeat == 0 ? 0 : FeatureKey.Of(15, repeat, v.Kind(i));
            int b = v.BeginLength(i), e = v.EndLength(i), m = v.InsideLength(i);
            var lex = (b * 16 + e) * 16 + m;
            f[15] = FeatureKey.Of(16, lex);
            f[16] = FeatureKey.Of(17, c0, lex);
            f[17] = FeatureKey.Of(18, v.EndLength(i - 1), b, m);
            f[18] = FeatureKey.Of(19, e, v.BeginLength(i + 1), m);
        }
    }
}
