using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Segmentation;

/// <summary>
/// Segmentation features per character: unigrams in a ±2 window, bigrams and trigrams around it, the
/// kinds of the window, reduplication, and dictionary evidence (the longest dictionary word that begins,
/// ends or covers the character, and whether a word ends just before or begins just after it), and the
/// identity of the longest dictionary words beginning and ending at the character, so that the model can
/// learn which dictionary words the standard splits by context (MSR: 就是 is one word 24 times, two 51).
/// Shared by training and inference so both compute identical keys.
/// </summary>
internal sealed class CwsFeatures
{
    /// <summary>Bump when any template changes: models trained with other templates are refused.</summary>
    public const string FeatureSet = "cws-features/2";

    public const int PerPosition = 21;

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
        view.MatchLexicon(lexicon, Lexicon.MaxWordLength, filter);
        return view;
    }

    private static int Cap(int length) => Math.Min(length, LengthCap);

    // Template ids (part of every trained key; CwsBlockScorer groups them by shared key).
    /// <summary>Unigrams c−2 … c+2 are templates 1 … 5.</summary>
    public const int UnigramFirst = 1;

    /// <summary>Bigrams (c−2 c−1), (c−1 c0), (c0 c+1), (c+1 c+2) are templates 6 … 9: the bigram starting at offset t − 8.</summary>
    public const int BigramFirst = 6;

    /// <summary>The skip bigram (c−1 c+1).</summary>
    public const int SkipBigram = 10;

    /// <summary>Trigrams (c−1 c0 c+1), (c−2 c−1 c0), (c0 c+1 c+2): templates 11, 12, 13.</summary>
    public const int TrigramAround = 11;
    public const int TrigramBefore = 12;
    public const int TrigramAfter = 13;

    /// <summary>Identity of the longest dictionary word beginning / ending at the character.</summary>
    public const int WordBegin = 20;
    public const int WordEnd = 21;

    /// <summary>Keys per position that are neither n-grams nor word identities (kinds, reduplication, dictionary lengths): f[13 … 18].</summary>
    public const int OtherCount = 6;

    private const int OtherFirstColumn = 13;

    /// <summary>The packed (unscrambled, <see cref="FeatureKey.Pack"/>) keys of the kind, reduplication and dictionary-length templates at position <paramref name="i"/>; 0 = none.</summary>
    public static void OtherKeys(TextView v, int i, Span<ulong> f)
    {
        int cm2 = v[i - 2], cm1 = v[i - 1], c0 = v[i], c1 = v[i + 1], c2 = v[i + 2];
        f[0] = FeatureKey.Pack(14, (v.Kind(i - 2) << 8) | (v.Kind(i - 1) << 4) | v.Kind(i), (v.Kind(i + 1) << 4) | v.Kind(i + 2));
        var repeat = (c0 == cm1 ? 1 : 0) | (c0 == cm2 ? 2 : 0) | (c0 == c1 ? 4 : 0) | (c0 == c2 ? 8 : 0);
        f[1] = repeat == 0 ? 0 : FeatureKey.Pack(15, repeat, v.Kind(i));
        int b = Cap(v.BeginLength(i)), e = Cap(v.EndLength(i)), m = Cap(v.InsideLength(i));
        var lex = (b * 16 + e) * 16 + m;
        f[2] = FeatureKey.Pack(16, lex);
        f[3] = FeatureKey.Pack(17, c0, lex);
        f[4] = FeatureKey.Pack(18, Cap(v.EndLength(i - 1)), b, m);
        f[5] = FeatureKey.Pack(19, e, Cap(v.BeginLength(i + 1)), m);
    }

    public static void Extract(TextView v, Span<ulong> output)
    {
        var n = v.Length;
        Span<ulong> other = stackalloc ulong[OtherCount];
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
            OtherKeys(v, i, other);
            for (var k = 0; k < OtherCount; k++)
                f[OtherFirstColumn + k] = FeatureKey.Scramble(other[k]);
            int fullB = v.BeginLength(i), fullE = v.EndLength(i);
            f[19] = fullB == 0 ? 0 : FeatureKey.OfWord(WordBegin, v.Text.Slice(i, fullB));
            f[20] = fullE == 0 ? 0 : FeatureKey.OfWord(WordEnd, v.Text.Slice(i - fullE + 1, fullE));
        }
    }
}
