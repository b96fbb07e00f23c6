using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using NewsLens.Analyse.Sequence;

namespace NewsLens.Analyse.Segmentation;

/// <summary>
/// The per-character label scores of a segmentation model, computed with a handful of memory lookups per
/// character instead of one per feature. At load, the model's keys are unscrambled and regrouped by what
/// they share: the weights of one character bigram at its four offsets (templates 6–9) form one block, one
/// lookup per bigram in the text serves four positions; likewise the five unigram offsets, the three trigram
/// offsets, and a dictionary word's begin / end identities. Kinds, reduplication and dictionary lengths (few
/// distinct keys, cache-resident) keep one key each. The sums are exactly those of the generic per-feature
/// lookup (same integer weights, same features; a unit test compares both). Read-only, thread-safe.
/// </summary>
internal sealed unsafe class CwsBlockScorer
{
    /// <summary>Labels (B, M, E, S) and so ints per position of the score rows.</summary>
    public const int LabelCount = 4;

    private const int UnigramOffsets = 5;
    private const int BigramOffsets = 4;
    private const int TrigramOffsets = 3;

    private readonly BlockTable unigrams;
    private readonly BlockTable bigrams;
    private readonly BlockTable skips;
    private readonly BlockTable trigrams;
    private readonly BlockTable words;
    private readonly BlockTable others;

    /// <summary>
    /// Direct-indexed weights (<see cref="DenseRows"/> rows of <see cref="LabelCount"/> per template) of the
    /// templates with few possible values: reduplication (15) and the dictionary-length patterns (16, 18, 19).
    /// A row costs one read at a computed address instead of a hashed lookup; a key outside a template's range
    /// (which the features never produce) stays in <see cref="others"/>.
    /// </summary>
    private readonly TableMemory dense;

    private CwsBlockScorer(BlockTable unigrams, BlockTable bigrams, BlockTable skips, BlockTable trigrams, BlockTable words, BlockTable others, TableMemory dense)
    {
        this.unigrams = unigrams;
        this.bigrams = bigrams;
        this.skips = skips;
        this.trigrams = trigrams;
        this.words = words;
        this.others = others;
        this.dense = dense;
    }

    public long MemoryBytes => unigrams.MemoryBytes + bigrams.MemoryBytes + skips.MemoryBytes + trigrams.MemoryBytes + words.MemoryBytes + others.MemoryBytes + dense.Length;

    /// <summary>Rows per direct-indexed template: 4,096 covers every value the features produce (see <see cref="DenseIndex"/>).</summary>
    private const int DenseRows = 4096;

    /// <summary>The columns of <see cref="CwsFeatures.OtherKeys"/> that are direct-indexed, and their table number.</summary>
    private static readonly int[] DenseColumns = [1, 2, 4, 5];

    /// <summary>The columns of <see cref="CwsFeatures.OtherKeys"/> that keep a hashed lookup (kinds, character × lengths).</summary>
    private static readonly int[] HashedColumns = [0, 3];

    /// <summary>
    /// The row of a packed key of a direct-indexed template, or −1 (another template, or a value outside its range):
    /// 15 (repeat pattern &lt; 16, kind &lt; 16), 16 (length pattern &lt; 4,096), 18 and 19 (three capped lengths &lt; 16 each).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DenseIndex(ulong packed)
    {
        ulong a = (packed >> 32) & 0xFFFF, b = (packed >> 16) & 0xFFFF, c = packed & 0xFFFF;
        return (int)(packed >> 48) switch
        {
            15 when a < 16 && b < 16 && c == 0 => (int)((a << 4) | b),
            16 when a < DenseRows && b == 0 && c == 0 => (int)a,
            18 or 19 when a < 16 && b < 16 && c < 16 => (int)((a << 8) | (b << 4) | c),
            _ => -1,
        };
    }

    /// <summary>Table number (0–3) of a direct-indexed template.</summary>
    private static int DenseTable(ulong packed) => (int)(packed >> 48) switch
    {
        15 => 0,
        16 => 1,
        18 => 2,
        _ => 3,
    };

    /// <summary>The scorer for a model with the B/M/E/S labels; null for another label count (the generic path then serves).</summary>
    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static CwsBlockScorer? TryCreate(SequenceModelData data)
    {
        if (data.Labels.Count != LabelCount)
            return null;
        // Sort each group's (block key, slot, feature) by block key, then write the distinct keys' blocks.
        var groups = new BlockTableBuilder[] { new(UnigramOffsets, LabelCount), new(BigramOffsets, LabelCount), new(1, LabelCount), new(TrigramOffsets, LabelCount), new(2, LabelCount), new(1, LabelCount) };
        var groupOf = new byte[data.Keys.Length];
        var blockKeys = new ulong[data.Keys.Length];
        var slots = new byte[data.Keys.Length];
        var dense = new TableMemory((long)DenseColumns.Length * DenseRows * LabelCount * sizeof(short));
        for (var i = 0; i < data.Keys.Length; i++)
        {
            var packed = FeatureKey.Unscramble(data.Keys[i]);
            if (DenseIndex(packed) is var row and >= 0)
            {
                var target = (short*)dense.Pointer + ((((long)DenseTable(packed) * DenseRows) + row) * LabelCount);
                for (var y = 0; y < LabelCount; y++)
                    target[y] = data.Weights[(i * LabelCount) + y];
                groupOf[i] = DenseGroup;
                continue;
            }
            var template = (int)(packed >> 48);
            ulong a = (packed >> 32) & 0xFFFF, b = (packed >> 16) & 0xFFFF, c = packed & 0xFFFF;
            (groupOf[i], blockKeys[i], slots[i]) = template switch
            {
                >= CwsFeatures.UnigramFirst and < CwsFeatures.UnigramFirst + UnigramOffsets when b == 0 && c == 0 =>
                    (UnigramGroup, a, (byte)(template - CwsFeatures.UnigramFirst)),
                >= CwsFeatures.BigramFirst and < CwsFeatures.BigramFirst + BigramOffsets when c == 0 =>
                    (BigramGroup, (a << 16) | b, (byte)(template - CwsFeatures.BigramFirst)),
                CwsFeatures.SkipBigram when c == 0 => (SkipGroup, (a << 16) | b, (byte)0),
                CwsFeatures.TrigramAround or CwsFeatures.TrigramBefore or CwsFeatures.TrigramAfter =>
                    (TrigramGroup, (a << 32) | (b << 16) | c, (byte)(template - CwsFeatures.TrigramAround)),
                CwsFeatures.WordBegin or CwsFeatures.WordEnd => (WordGroup, packed & 0xFFFF_FFFF_FFFFUL, (byte)(template - CwsFeatures.WordBegin)),
                _ => (OtherGroup, packed, (byte)0),
            };
            groups[groupOf[i]].Count++;
        }
        foreach (var group in groups)
            group.Allocate();
        for (var i = 0; i < data.Keys.Length; i++)
            if (groupOf[i] != DenseGroup)
                groups[groupOf[i]].Add(blockKeys[i], slots[i], i);
        var tables = groups.Select(g => g.Build(data.Weights)).ToArray();
        return new CwsBlockScorer(tables[UnigramGroup], tables[BigramGroup], tables[SkipGroup], tables[TrigramGroup], tables[WordGroup], tables[OtherGroup], dense);
    }

    /// <summary>Fills <paramref name="scores"/> (<see cref="LabelCount"/> ints per position) for the text of <paramref name="v"/>.</summary>
    public void Score(TextView v, Span<int> scores)
    {
        var n = v.Length;
        if (n == 0)
            return;
        if (scores.Length < n * LabelCount)
            throw new ArgumentException("score buffer too small", nameof(scores));
        // Lookups, by segment: unigrams at −2 … n+1, bigrams starting at −2 … n, trigrams starting at −2 … n−1,
        // then per position the skip bigram, the begin and end words, and the other keys.
        // The direct-indexed columns' rows are known at once and go to their own segment.
        const int hashedCount = 2;
        const int denseCount = 4;
        int uniAt = 0, biAt = uniAt + n + 4, triAt = biAt + n + 3, skipAt = triAt + n + 2, beginAt = skipAt + n, endAt = beginAt + n, otherAt = endAt + n;
        var denseAt = otherAt + (n * hashedCount);
        var total = denseAt + (n * denseCount);
        var keyArray = ArrayPool<ulong>.Shared.Rent(total);
        var rowArray = ArrayPool<nint>.Shared.Rent(total);
        try
        {
            var keys = keyArray.AsSpan(0, total);
            var rows = rowArray.AsSpan(0, total);
            for (var j = -2; j <= n + 1; j++)
                Request(unigrams, v[j], keys, rows, uniAt + j + 2);
            for (var j = -2; j <= n; j++)
                Request(bigrams, ((ulong)v[j] << 16) | v[j + 1], keys, rows, biAt + j + 2);
            for (var j = -2; j <= n - 1; j++)
                Request(trigrams, ((ulong)v[j] << 32) | ((ulong)v[j + 1] << 16) | v[j + 2], keys, rows, triAt + j + 2);
            var text = v.Text;
            Span<ulong> other = stackalloc ulong[CwsFeatures.OtherCount];
            var denseBase = (short*)dense.Pointer;
            for (var i = 0; i < n; i++)
            {
                Request(skips, ((ulong)v[i - 1] << 16) | v[i + 1], keys, rows, skipAt + i);
                int begin = v.BeginLength(i), end = v.EndLength(i);
                Request(words, begin == 0 ? 0 : FeatureKey.PackedWord(text.Slice(i, begin)), keys, rows, beginAt + i);
                Request(words, end == 0 ? 0 : FeatureKey.PackedWord(text.Slice(i - end + 1, end)), keys, rows, endAt + i);
                CwsFeatures.OtherKeys(v, i, other);
                for (var k = 0; k < hashedCount; k++)
                    Request(others, other[HashedColumns[k]], keys, rows, otherAt + (i * hashedCount) + k);
                for (var k = 0; k < denseCount; k++)
                {
                    var key = other[DenseColumns[k]];
                    var row = DenseIndex(key);
                    rows[denseAt + (i * denseCount) + k] = key == 0 ? (nint)others.Zero
                        : row >= 0 ? (nint)(denseBase + ((((long)k * DenseRows) + row) * LabelCount))
                        : (nint)others.Resolve(others.Home(key), key);
                }
            }
            Resolve(unigrams, keys, rows, uniAt, n + 4);
            Resolve(bigrams, keys, rows, biAt, n + 3);
            Resolve(trigrams, keys, rows, triAt, n + 2);
            Resolve(skips, keys, rows, skipAt, n);
            Resolve(words, keys, rows, beginAt, 2 * n);
            Resolve(others, keys, rows, otherAt, n * hashedCount);

            fixed (nint* r = rows)
            fixed (int* output = scores)
            {
                for (var i = 0; i < n; i++)
                {
                    // Position i uses the unigram at i+o (offset o = −2 … 2, block slot o+2), the bigram starting
                    // at i+o (o = −2 … 1, slot o+2), and the trigram starting at i−1 (slot 0), i−2 (1), i (2).
                    var u = r + uniAt + i;
                    var b = r + biAt + i;
                    var t = r + triAt + i;
                    var acc = Weights(u[0], 0) + Weights(u[1], 1) + Weights(u[2], 2) + Weights(u[3], 3) + Weights(u[4], 4);
                    acc += Weights(b[0], 0) + Weights(b[1], 1) + Weights(b[2], 2) + Weights(b[3], 3);
                    acc += Weights(t[1], 0) + Weights(t[0], 1) + Weights(t[2], 2);
                    acc += Weights(r[skipAt + i], 0) + Weights(r[beginAt + i], 0) + Weights(r[endAt + i], 1);
                    var o = r + otherAt + (i * hashedCount);
                    acc += Weights(o[0], 0) + Weights(o[1], 0);
                    var d = r + denseAt + (i * denseCount);
                    acc += Weights(d[0], 0) + Weights(d[1], 0) + Weights(d[2], 0) + Weights(d[3], 0);
                    Vector128.Store(acc, output + i * LabelCount);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyArray);
            ArrayPool<nint>.Shared.Return(rowArray);
        }
    }

    /// <summary>Records the key and requests its home row; key 0 (no feature) is resolved to the zero block later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Request(BlockTable table, ulong key, Span<ulong> keys, Span<nint> rows, int at)
    {
        keys[at] = key;
        rows[at] = key == 0 ? 0 : (nint)table.Home(key);
    }

    private static void Resolve(BlockTable table, Span<ulong> keys, Span<nint> rows, int from, int count)
    {
        for (var k = from; k < from + count; k++)
            rows[k] = rows[k] == 0 ? (nint)table.Zero : (nint)table.Resolve((byte*)rows[k], keys[k]);
    }

    /// <summary>The four label weights of template slot <paramref name="slot"/> in a block, widened to ints.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Weights(nint block, int slot) =>
        Vector128.WidenLower(Vector128.CreateScalarUnsafe(*((long*)block + slot)).AsInt16());

    private const byte UnigramGroup = 0;
    private const byte BigramGroup = 1;
    private const byte SkipGroup = 2;
    private const byte TrigramGroup = 3;
    private const byte WordGroup = 4;
    private const byte OtherGroup = 5;
    private const byte DenseGroup = 6;
}
