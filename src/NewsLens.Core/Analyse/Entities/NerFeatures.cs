using NewsLens.Analyse.Script;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Entities;

/// <summary>
/// Entity features per character: unigrams in a ±3 window, bigrams and trigrams, character kinds,
/// word-dictionary evidence (as for segmentation) and, per entity type, the longest known name of that
/// type that begins, ends or covers the character (gazetteers). Word identities matter for names: the
/// dictionary word that begins or ends at the character (a known name, an organisation suffix such as
/// 委员会) and the word that ends just before it (a title such as 部长 or 总统 before a person's name).
/// Optional extras (<see cref="NerExtras"/>): external gazetteers (names from other sources than the
/// training corpus, so their coverage is the same in training and in use), and, for organisations and
/// places, how far ahead the nearest typical name ending (部, 委员会, 公司; 省, 斯坦) is — the cue that a
/// long organisation name starts here — with its length and with the character itself; and distributional
/// character classes (<see cref="CharClusters"/>) at −2…+2 and as bigrams around the character.
/// </summary>
internal sealed class NerFeatures
{
    public const string FeatureSet = "ner-features/3";

    public const int PerPosition = 38;

    /// <summary>Types that get the look-ahead to a typical name ending (person names have no such endings).</summary>
    public static readonly IReadOnlyList<string> SuffixTypes = ["ORG", "LOC"];

    /// <summary>
    /// Farthest look-ahead to a name ending: 10 covers 97 % of the MSRA training organisation names
    /// (中华人民共和国外交部 is 10 characters); longer names still get the gazetteer and word features.
    /// </summary>
    public const int MaxLookahead = 10;

    /// <summary>Entity types in gazetteer order; the model's labels use the same names.</summary>
    public static readonly IReadOnlyList<string> Types = ["PER", "LOC", "ORG"];

    private const int LengthCap = 8;

    /// <summary>The value part of a packed word key (below the template byte).</summary>
    private const ulong WordValueMask = 0xFFFF_FFFF_FFFFUL;

    private readonly Lexicon words;
    private readonly Lexicon[] gazetteers;
    private readonly Lexicon[] external;
    private readonly SuffixSet[] suffixes;
    private readonly CharClusters clusters;

    public NerFeatures(Lexicon words, IReadOnlyList<Lexicon> gazetteers, ScriptFolder folder, NerExtras? extras = null)
    {
        if (gazetteers.Count != Types.Count)
            throw new ArgumentException($"one gazetteer per type ({Types.Count}) expected", nameof(gazetteers));
        extras ??= NerExtras.None;
        if (extras.External.Count != Types.Count || extras.Suffixes.Count != SuffixTypes.Count)
            throw new ArgumentException($"one external gazetteer per type ({Types.Count}) and one suffix set per suffix type ({SuffixTypes.Count}) expected", nameof(extras));
        this.words = words;
        this.gazetteers = [.. gazetteers];
        external = [.. extras.External];
        suffixes = [.. extras.Suffixes];
        clusters = extras.Clusters;
        Folder = folder;
    }

    public ScriptFolder Folder { get; }

    /// <summary>Computes the keys of <paramref name="text"/>; the filters (training only) hide dictionary matches.</summary>
    public void Extract(ReadOnlySpan<char> text, Span<ulong> output, MatchFilter? wordFilter = null, Func<int, MatchFilter?>? gazetteerFilter = null)
    {
        ExtractPacked(text, output, wordFilter, gazetteerFilter);
        var keys = output[..(text.Length * PerPosition)];
        for (var k = 0; k < keys.Length; k++)
            if (keys[k] != 0)
                keys[k] = FeatureKey.Scramble(keys[k]);
    }

    /// <summary>
    /// The keys of <see cref="Extract"/> before scrambling (<see cref="FeatureKey.Pack"/> form: template in bits
    /// 48–55, values below; 0 = no feature), for <see cref="NerBlockScorer"/>, which groups them by value.
    /// </summary>
    public void ExtractPacked(ReadOnlySpan<char> text, Span<ulong> output, MatchFilter? wordFilter = null, Func<int, MatchFilter?>? gazetteerFilter = null)
    {
        using var v = new TextView(text, Folder);
        var n = v.Length;
        v.MatchLexicon(words, Lexicon.MaxWordLength, wordFilter);
        var text0 = v.Text;
        for (var i = 0; i < n; i++)
        {
            var f = output.Slice(i * PerPosition, PerPosition);
            int cm3 = v[i - 3], cm2 = v[i - 2], cm1 = v[i - 1], c0 = v[i], c1 = v[i + 1], c2 = v[i + 2], c3 = v[i + 3];
            f[0] = FeatureKey.Pack(1, cm3);
            f[1] = FeatureKey.Pack(2, cm2);
            f[2] = FeatureKey.Pack(3, cm1);
            f[3] = FeatureKey.Pack(4, c0);
            f[4] = FeatureKey.Pack(5, c1);
            f[5] = FeatureKey.Pack(6, c2);
            f[6] = FeatureKey.Pack(7, c3);
            f[7] = FeatureKey.Pack(8, cm2, cm1);
            f[8] = FeatureKey.Pack(9, cm1, c0);
            f[9] = FeatureKey.Pack(10, c0, c1);
            f[10] = FeatureKey.Pack(11, c1, c2);
            f[11] = FeatureKey.Pack(12, cm1, c1);
            f[12] = FeatureKey.Pack(13, cm1, c0, c1);
            f[13] = FeatureKey.Pack(14, cm2, cm1, c0);
            f[14] = FeatureKey.Pack(15, c0, c1, c2);
            f[15] = FeatureKey.Pack(16, (v.Kind(i - 2) << 8) | (v.Kind(i - 1) << 4) | v.Kind(i), (v.Kind(i + 1) << 4) | v.Kind(i + 2));
            int b = v.BeginLength(i), e = v.EndLength(i);
            var lex = (Math.Min(b, LengthCap) * 16 + Math.Min(e, LengthCap)) * 16 + Math.Min((int)v.InsideLength(i), LengthCap);
            f[16] = FeatureKey.Pack(17, lex);
            f[17] = FeatureKey.Pack(18, c0, lex);
            f[21] = b == 0 ? 0 : PackedWord(25, text0.Slice(i, b));
            f[22] = e == 0 ? 0 : PackedWord(26, text0.Slice(i - e + 1, e));
            // The word ending just before i is the word ending at i − 1 (its key, under this template).
            var before = i > 0 ? output[(i - 1) * PerPosition + 22] : 0;
            f[23] = before == 0 ? 0 : (before & WordValueMask) | ((ulong)27 << 48);
        }
        for (var t = 0; t < gazetteers.Length; t++)
        {
            v.MatchLexicon(gazetteers[t], Lexicon.MaxWordLength, gazetteerFilter?.Invoke(t));
            for (var i = 0; i < n; i++)
            {
                int b = Math.Min((int)v.BeginLength(i), LengthCap), e = Math.Min((int)v.EndLength(i), LengthCap), m = Math.Min((int)v.InsideLength(i), LengthCap);
                output[i * PerPosition + 18 + t] = b + e + m == 0 ? 0 : FeatureKey.Pack(19 + t, (b * 16 + e) * 16 + m);
            }
        }
        for (var t = 0; t < external.Length; t++)
        {
            if (external[t].Count == 0)
            {
                for (var i = 0; i < n; i++)
                    output[i * PerPosition + 24 + t] = 0;
                continue;
            }
            v.MatchLexicon(external[t], Lexicon.MaxWordLength);
            for (var i = 0; i < n; i++)
            {
                int b = Math.Min((int)v.BeginLength(i), LengthCap), e = Math.Min((int)v.EndLength(i), LengthCap), m = Math.Min((int)v.InsideLength(i), LengthCap);
                output[i * PerPosition + 24 + t] = b + e + m == 0 ? 0 : FeatureKey.Pack(28 + t, (b * 16 + e) * 16 + m);
            }
        }
        for (var k = 0; k < suffixes.Length; k++)
        {
            // Right to left: the nearest name ending at or after i, not across punctuation.
            var next = -1;
            var nextLength = 0;
            for (var i = n - 1; i >= 0; i--)
            {
                var kind = (CharKind)v.Kind(i);
                if (kind is CharKind.Punctuation)
                {
                    next = -1;
                }
                else
                {
                    var length = suffixes[k].LongestEndingAt(text0, i);
                    if (length > 0)
                    {
                        next = i;
                        nextLength = length;
                    }
                }
                var at = i * PerPosition + 27 + 2 * k;
                var distance = next - i;
                if (next < 0 || distance > MaxLookahead)
                {
                    output[at] = 0;
                    output[at + 1] = 0;
                    continue;
                }
                output[at] = FeatureKey.Pack(31 + k, distance, nextLength);
                output[at + 1] = FeatureKey.Pack(33 + k, distance, v[i]);
            }
        }
        for (var i = 0; i < n; i++)
        {
            var f = output.Slice(i * PerPosition + 31, 7);
            if (clusters.Count == 0)
            {
                f.Clear();
                continue;
            }
            int km2 = clusters[v[i - 2]], km1 = clusters[v[i - 1]], k0 = clusters[v[i]], k1 = clusters[v[i + 1]], k2 = clusters[v[i + 2]];
            f[0] = FeatureKey.Pack(35, km2);
            f[1] = FeatureKey.Pack(36, km1);
            f[2] = FeatureKey.Pack(37, k0);
            f[3] = FeatureKey.Pack(38, k1);
            f[4] = FeatureKey.Pack(39, k2);
            f[5] = FeatureKey.Pack(40, km1, k0);
            f[6] = FeatureKey.Pack(41, k0, k1);
        }
    }

    /// <summary>The unscrambled form of <see cref="FeatureKey.OfWord"/>.</summary>
    private static ulong PackedWord(int template, ReadOnlySpan<char> word) => ((ulong)(uint)template << 48) | FeatureKey.PackedWord(word);
}

/// <summary>Optional entity-feature resources; empty lists switch their features off.</summary>
/// <param name="External">Per type (order of <see cref="NerFeatures.Types"/>): names from sources other than the training corpus.</param>
/// <param name="Suffixes">Per suffix type (order of <see cref="NerFeatures.SuffixTypes"/>): typical name endings.</param>
/// <param name="Clusters">Character classes; empty = no class features.</param>
internal sealed record NerExtras(IReadOnlyList<Lexicon> External, IReadOnlyList<SuffixSet> Suffixes, CharClusters Clusters)
{
    public static NerExtras None { get; } = new([Lexicon.Empty, Lexicon.Empty, Lexicon.Empty], [SuffixSet.Empty, SuffixSet.Empty], CharClusters.Empty);
}
