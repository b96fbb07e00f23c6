using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsLens.Analyse.Sequence;

/// <summary>
/// Feature key → per-label 16-bit weights, laid out for lookups that touch one cache line each.
/// Every row is a power of two bytes (16 for 4 labels, 32 for up to 14) and rows never straddle a line:
/// the label weights first, then as many of the key's top bits as fit in the rest of the row (the whole
/// 64-bit key when it fits, as for segmentation; 48 bits for 13 entity labels). A key is looked up by
/// linear probing from a home row chosen by its low bits and is recognised by that fingerprint: with 48
/// stored bits a key that is not in the table is taken for one that is with odds below 2⁻⁴⁸ per probed row.
/// <para>
/// Rows are kept in two open-addressing parts, chosen per feature template (the key's scrambling is
/// undone to read the template): templates with few features (unigrams, character kinds, dictionary
/// lengths) form a small part that stays in the core's cache, the wide n-gram templates the large part.
/// Read-only after construction, so thread-safe.
/// </para>
/// </summary>
internal sealed unsafe class WeightTable
{
    /// <summary>
    /// Highest share of used rows. Linear probing inspects on average ½(1 + 1/(1−α)) rows for a key that is
    /// present and ½(1 + 1/(1−α)²) for one that is absent (≈20 % of lookups on news text): 1.75 / 3.6 rows at
    /// 0.6, against 2.5 / 8.5 at 0.75, while 0.5 costs 20 % more memory for 1.5 / 2.5. The bench on the shared
    /// machine could not separate 0.5 from 0.6; 0.75 was slower.
    /// </summary>
    private const double MaxLoad = 0.6;

    /// <summary>
    /// Byte budget of the small part: templates join it from the fewest features up while it stays within
    /// this, so that it stays in the core's 2.5 MB L2 beside the text buffers. With the shipped entity model
    /// that is every unigram, kind and dictionary-length template (≈ 22 k features, 1.2 MB), while the n-gram
    /// and word-identity templates (10–47 k features each) go to the large part.
    /// </summary>
    private const long SmallPartBudgetBytes = 1_500_000;

    private const int CacheLine = 64;

    /// <summary>
    /// Rows after each part's last home row, so probing runs straight on instead of wrapping around: a probe
    /// run at load 0.6 is a few rows long (the longest measured with the shipped models is far below this),
    /// and a model whose runs would not fit is refused at load.
    /// </summary>
    private const int OverflowRows = 256;

    /// <summary>Score rows are whole 128-bit vectors of 16-bit weights (8 lanes), or 4 lanes for ≤ 4 labels.</summary>
    private const int Lanes = 8;

    private readonly TableMemory storage;
    private readonly byte* rows;
    private readonly int rowBytes;
    private readonly int fingerprintShift;

    /// <summary>Per part: byte offset of its first row and its row count.</summary>
    private readonly long[] partOffset = new long[2];
    private readonly uint[] partRows = new uint[2];

    /// <summary>Part of each template id (the top byte of an unscrambled key): 0 = small, 1 = large.</summary>
    private readonly byte[] templatePart = new byte[256];

    // Runs once per load over the whole model: compiled fully optimised at once instead of starting in tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public WeightTable(int labelCount, ReadOnlySpan<ulong> keys, ReadOnlySpan<short> weights)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(labelCount, 1);
        if ((long)keys.Length * labelCount != weights.Length)
            throw new ArgumentException("weights must hold one row of labelCount values per key", nameof(weights));
        LabelCount = labelCount;
        ScoreStride = labelCount <= 4 ? 4 : (labelCount + Lanes - 1) / Lanes * Lanes;
        rowBytes = 16;
        while (rowBytes < 2 * labelCount + 4)
            rowBytes <<= 1;
        var fingerprintBytes = Math.Min(8, rowBytes - 2 * labelCount);
        fingerprintShift = 64 - 8 * fingerprintBytes;

        var perTemplate = new int[256];
        foreach (var key in keys)
            perTemplate[TemplateOf(key)]++;
        var partCount = new long[2];
        long small = 0;
        foreach (var t in Enumerable.Range(0, perTemplate.Length).OrderBy(t => perTemplate[t]))
        {
            var joins = (small + perTemplate[t]) / MaxLoad * rowBytes <= SmallPartBudgetBytes;
            if (joins)
                small += perTemplate[t];
            templatePart[t] = (byte)(joins ? 0 : 1);
            partCount[templatePart[t]] += perTemplate[t];
        }
        long total = 0;
        for (var p = 0; p < 2; p++)
        {
            partRows[p] = (uint)Math.Max(CacheLine / rowBytes, (long)Math.Ceiling(partCount[p] / MaxLoad));
            partOffset[p] = total;
            total += Align(((long)partRows[p] + OverflowRows) * rowBytes);
        }
        storage = new TableMemory(total);
        rows = storage.Pointer;

        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (key == 0)
                throw new InvalidDataException("feature key 0 is reserved");
            var part = templatePart[TemplateOf(key)];
            var fingerprint = Fingerprint(key);
            var slot = Home(key, partRows[part]);
            while (true)
            {
                var row = rows + partOffset[part] + (long)slot * rowBytes;
                var stored = StoredFingerprint(row);
                if (stored == 0)
                {
                    var w = weights.Slice(i * labelCount, labelCount);
                    for (var y = 0; y < labelCount; y++)
                        ((short*)row)[y] = w[y];
                    var tail = (ulong*)(row + rowBytes - 8);
                    *tail = (*tail & ((1UL << fingerprintShift) - 1)) | (fingerprint << fingerprintShift);
                    break;
                }
                if (stored == fingerprint)
                    throw new InvalidDataException($"feature key {key:x16} occurs twice (or shares its fingerprint)");
                if (++slot == partRows[part] + OverflowRows - 1)
                    throw new InvalidDataException($"feature keys cluster too much for the weight table (probe run over {OverflowRows} rows)");
            }
        }
        Count = keys.Length;
    }

    public int LabelCount { get; }

    /// <summary>Ints per position in the score rows <see cref="ScoreAll"/> fills (labels rounded up to whole vectors).</summary>
    public int ScoreStride { get; }

    public int Count { get; }

    public long MemoryBytes => storage.Length + partOffset.Length * sizeof(long);

    /// <summary>
    /// Sums the weights of every position's keys into its score row: <paramref name="keys"/> holds
    /// <paramref name="perPosition"/> keys per position (0 = none), <paramref name="scores"/> receives one row of
    /// <see cref="ScoreStride"/> ints per position (overwritten; the lanes past <see cref="LabelCount"/> are scratch).
    /// Two passes: the first computes every key's home row and asks the memory system for it (independent
    /// requests, many lines in flight), the second compares and adds with the lines already arriving.
    /// <paramref name="homes"/> is scratch of at least <c>keys.Length</c>.
    /// </summary>
    public void ScoreAll(ReadOnlySpan<ulong> keys, int perPosition, Span<int> scores, Span<nint> homes)
    {
        if (scores.Length < keys.Length / perPosition * ScoreStride || homes.Length < keys.Length)
            throw new ArgumentException("score or scratch buffer too small");
        for (var k = 0; k < keys.Length; k++)
        {
            var key = keys[k];
            if (key == 0)
            {
                homes[k] = 0;
                continue;
            }
            var part = templatePart[TemplateOf(key)];
            var row = rows + partOffset[part] + (long)Home(key, partRows[part]) * rowBytes;
            if (Sse.IsSupported)
                Sse.Prefetch0(row);
            homes[k] = (nint)row;
        }
        fixed (int* scoreBase = scores)
        fixed (ulong* keyBase = keys)
        fixed (nint* homeBase = homes)
        {
            var positions = keys.Length / perPosition;
            switch (ScoreStride)
            {
                case 4:
                    for (var i = 0; i < positions; i++)
                    {
                        var acc = Vector128<int>.Zero;
                        for (var k = i * perPosition; k < (i + 1) * perPosition; k++)
                        {
                            var row = homeBase[k] == 0 ? null : Find((byte*)homeBase[k], Fingerprint(keyBase[k]));
                            if (row != null)
                                acc += Vector128.WidenLower(Vector128.CreateScalarUnsafe(*(long*)row).AsInt16());
                        }
                        Vector128.Store(acc, scoreBase + (i * 4));
                    }
                    break;
                case 8:
                    for (var i = 0; i < positions; i++)
                    {
                        Vector128<int> acc0 = Vector128<int>.Zero, acc1 = Vector128<int>.Zero;
                        for (var k = i * perPosition; k < (i + 1) * perPosition; k++)
                        {
                            var row = homeBase[k] == 0 ? null : Find((byte*)homeBase[k], Fingerprint(keyBase[k]));
                            if (row != null)
                            {
                                var (lo, hi) = Vector128.Widen(Vector128.Load((short*)row));
                                acc0 += lo;
                                acc1 += hi;
                            }
                        }
                        Vector128.Store(acc0, scoreBase + (i * 8));
                        Vector128.Store(acc1, scoreBase + (i * 8) + 4);
                    }
                    break;
                case 16:
                    for (var i = 0; i < positions; i++)
                    {
                        Vector128<int> acc0 = Vector128<int>.Zero, acc1 = Vector128<int>.Zero, acc2 = Vector128<int>.Zero, acc3 = Vector128<int>.Zero;
                        for (var k = i * perPosition; k < (i + 1) * perPosition; k++)
                        {
                            var row = homeBase[k] == 0 ? null : Find((byte*)homeBase[k], Fingerprint(keyBase[k]));
                            if (row != null)
                            {
                                var (lo, hi) = Vector128.Widen(Vector128.Load((short*)row));
                                acc0 += lo;
                                acc1 += hi;
                                (lo, hi) = Vector128.Widen(Vector128.Load((short*)row + 8));
                                acc2 += lo;
                                acc3 += hi;
                            }
                        }
                        var at = scoreBase + (i * 16);
                        Vector128.Store(acc0, at);
                        Vector128.Store(acc1, at + 4);
                        Vector128.Store(acc2, at + 8);
                        Vector128.Store(acc3, at + 12);
                    }
                    break;
                default:
                    for (var i = 0; i < positions; i++)
                    {
                        var acc = scoreBase + (long)i * ScoreStride;
                        for (var y = 0; y < ScoreStride; y++)
                            acc[y] = 0;
                        for (var k = i * perPosition; k < (i + 1) * perPosition; k++)
                        {
                            var row = homeBase[k] == 0 ? null : Find((byte*)homeBase[k], Fingerprint(keyBase[k]));
                            if (row == null)
                                continue;
                            for (var y = 0; y < LabelCount; y++)
                                acc[y] += ((short*)row)[y];
                        }
                    }
                    break;
            }
        }
    }

    /// <summary>Adds the weights of <paramref name="key"/> (if known) to the first <see cref="LabelCount"/> of <paramref name="scores"/>.</summary>
    public void AddTo(ulong key, Span<int> scores)
    {
        if (key == 0)
            return;
        var part = templatePart[TemplateOf(key)];
        var row = Find(rows + partOffset[part] + (long)Home(key, partRows[part]) * rowBytes, Fingerprint(key));
        if (row is null)
            return;
        for (var y = 0; y < LabelCount; y++)
            scores[y] += ((short*)row)[y];
    }

    /// <summary>The row of the key with <paramref name="fingerprint"/>, probing on from its home row; null when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* Find(byte* row, ulong fingerprint)
    {
        while (true)
        {
            var stored = StoredFingerprint(row);
            if (stored == fingerprint)
                return row;
            if (stored == 0)
                return null;
            row += rowBytes;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong StoredFingerprint(byte* row) => *(ulong*)(row + rowBytes - 8) >> fingerprintShift;

    /// <summary>The key's top bits as stored; 0 marks an empty row, so a (2⁻⁴⁸-rare) zero fingerprint is stored as 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Fingerprint(ulong key)
    {
        var f = key >> fingerprintShift;
        return f == 0 ? 1 : f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Home(ulong key, uint rowCount) => (uint)(((ulong)(uint)key * rowCount) >> 32);

    /// <summary>The template id of a key made by <see cref="FeatureKey.Of"/>: its scrambling undone, top byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TemplateOf(ulong key) => (int)(FeatureKey.Unscramble(key) >> 48) & 0xFF;

    private static long Align(long bytes) => (bytes + CacheLine - 1) & ~(long)(CacheLine - 1);
}
